"""`inspector-app visits ...`: the visit plan the governorate sent this inspector, the offices
suggested for a visit, and starting the inspection an assignment asks for."""

from __future__ import annotations

import argparse
from typing import Any

from inspector_app.cli.common import context, data_dir_parent, json_flag, print_json, print_table
from inspector_app.domain.jalali import jalali_date
from inspector_app.services import my_visits

PLAN_COLUMNS = ["id", "office_code", "office_name", "due", "days_left", "standing", "note"]
SUGGESTED_COLUMNS = ["office_code", "office_name", "county", "last_visit", "days_since"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("visits", help="the visit plan").add_subparsers(
        dest="action", required=True
    )
    parent = data_dir_parent()
    p = group.add_parser(
        "list",
        parents=[parent],
        help="this inspector's assignments: overdue first, then by due date",
        description="As the last sync or updates bundle brought them. days_left counts as the "
        "day-count setting does (negative: past the due date).",
    )
    json_flag(p)
    p.set_defaults(func=_list)
    p = group.add_parser(
        "suggested",
        parents=[parent],
        help="active offices not inspected for the overview's N days (not already assigned)",
    )
    json_flag(p)
    p.set_defaults(func=_suggested)
    p = group.add_parser(
        "start", parents=[parent], help="start the inspection an assignment asks for"
    )
    p.add_argument("id", help="the assignment's id (from `visits list`)")
    p.set_defaults(func=_start)


def _list(args: argparse.Namespace) -> int:
    rows: list[dict[str, Any]] = [
        {
            "id": v.assignment.id,
            "office_code": v.assignment.office_code,
            "office_name": v.office_name,
            "due": jalali_date(v.assignment.due, persian=False),
            "due_date": v.assignment.due_date,
            "days_left": v.days_left,
            "standing": v.standing,
            "inspection_id": v.inspection_id,
            "form_id": v.assignment.form_id,
            "note": v.assignment.note,
        }
        for v in my_visits.my_visits(context(args))
    ]
    print_json(rows) if args.json else print_table(rows, PLAN_COLUMNS)
    return 0


def _suggested(args: argparse.Namespace) -> int:
    rows: list[dict[str, Any]] = [
        {
            "office_code": o.code,
            "office_name": o.name,
            "county": o.county,
            "last_visit": o.last_visit,
            "days_since": o.days_since,
        }
        for o in my_visits.suggestions(context(args))
    ]
    print_json(rows) if args.json else print_table(rows, SUGGESTED_COLUMNS)
    return 0


def _start(args: argparse.Namespace) -> int:
    print(my_visits.start_visit(context(args), args.id))
    return 0
