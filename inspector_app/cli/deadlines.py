"""`inspector-app day-count [calendar|working]`: how deadlines and overdue offices count days."""

from __future__ import annotations

import argparse

from inspector_app.cli.common import context, data_dir_parent
from inspector_app.domain.jalali import jalali_date, tehran_today
from inspector_app.services import working_calendar


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "day-count",
        parents=[data_dir_parent()],
        help="count deadlines and overdue offices on every day or on working days",
        description="With no argument, print the setting and the deadline a finding of today "
        "is offered. `working` leaves Fridays and Iran's official holidays out of the count.",
    )
    p.add_argument("value", nargs="?", choices=working_calendar.DAY_COUNTS)
    p.set_defaults(func=_day_count)


def _day_count(args: argparse.Namespace) -> int:
    ctx = context(args)
    if args.value:
        working_calendar.set_day_count(ctx.db, args.value)
    today = tehran_today()
    deadline = working_calendar.finding_deadline(ctx.db, today)
    count = working_calendar.day_count_of(ctx.db)
    unit = "working days" if count == working_calendar.WORKING else "days"
    print(
        f"{count}: a finding of {jalali_date(today, persian=False)} "
        f"is due {jalali_date(deadline, persian=False)} "
        f"({working_calendar.FINDING_DEADLINE_DAYS} {unit} on)"
    )
    return 0
