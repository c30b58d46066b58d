"""Counting working days (Friday and Iran's official holidays off) for overdue offices and a
finding's suggested deadline: the setting, the command, the figures and the summary PDF."""

from __future__ import annotations

import datetime as dt

import pytest

from inspector_app.domain.working_days import CALENDAR_DAYS, FRIDAY, is_working_day
from inspector_app.figures.summary_report import render_summary
from inspector_app.services import working_calendar
from inspector_app.services.context import AppContext
from inspector_app.services.overview.local import overview_of, summary_of
from inspector_app.storage import settings
from tests.helpers.cli import run_cli
from tests.helpers.pdf_text import normalized_text

# DA-P1's last counted visit is 2024-03-21 (tests/overview/dataset.py): 100 calendar days
# before this, but far fewer working days (Nowruz, 14 Fridays, Eid al-Fitr and more).
AS_OF = dt.date(2024, 6, 29)


def overdue_codes(ctx: AppContext) -> set[str]:
    return {o.code for o in overview_of(ctx.db, as_of=AS_OF).overdue}


def test_the_iranian_calendar_knows_fridays_and_official_holidays() -> None:
    calendar = working_calendar.iran_calendar(2026)
    assert calendar.weekend == frozenset({FRIDAY})
    nowruz = dt.date(2026, 3, 21)  # 1405/01/01
    assert not is_working_day(nowruz, calendar)
    assert not is_working_day(dt.date(2026, 2, 11), calendar)  # 22 Bahman
    assert not is_working_day(dt.date(2026, 12, 4), calendar)  # a Friday
    assert is_working_day(dt.date(2026, 12, 5), calendar)  # a Saturday, worked in Iran


def test_overdue_offices_count_the_chosen_days(fixed: AppContext) -> None:
    assert working_calendar.day_count_of(fixed.db) == "calendar"
    calendar_days = overview_of(fixed.db, as_of=AS_OF)
    assert not calendar_days.overdue_working_days
    assert "DA-P1" in overdue_codes(fixed)
    since = {o.code: o.days_since for o in calendar_days.overdue}
    assert since["DA-P1"] == (AS_OF - dt.date(2024, 3, 21)).days

    working_calendar.set_day_count(fixed.db, "working")
    working = overview_of(fixed.db, as_of=AS_OF)
    assert working.overdue_working_days
    codes = {o.code for o in working.overdue}
    assert "DA-P1" not in codes  # 100 days, but under 90 working days
    assert {"BU-P2", "GE-P1"} <= codes  # last seen in 2023, never seen: overdue either way
    bu_p2 = next(o for o in working.overdue if o.code == "BU-P2")
    assert bu_p2.days_since is not None and bu_p2.days_since < (AS_OF - dt.date(2023, 1, 10)).days


def test_the_summary_pdf_says_working_days(fixed: AppContext) -> None:
    working_calendar.set_day_count(fixed.db, "working")
    data = summary_of(fixed.db, dt.date(2024, 3, 20), dt.date(2024, 6, 30), as_of=AS_OF)
    text = normalized_text(render_summary(data))
    assert "۹۰ روز کاری گذشته" in text


def test_a_findings_deadline_counts_working_days(fixed: AppContext) -> None:
    visit = dt.date(2026, 3, 14)  # a Saturday before Nowruz
    assert working_calendar.finding_deadline(fixed.db, visit) == visit + dt.timedelta(days=30)
    working_calendar.set_day_count(fixed.db, "working")
    deadline = working_calendar.finding_deadline(fixed.db, visit)
    calendar = working_calendar.iran_calendar(2026)
    worked = [
        visit + dt.timedelta(days=n)
        for n in range(1, (deadline - visit).days + 1)
        if is_working_day(visit + dt.timedelta(days=n), calendar)
    ]
    assert len(worked) == 30 and worked[-1] == deadline
    assert deadline > visit + dt.timedelta(days=40)  # Nowruz's days and the Fridays


def test_an_unknown_stored_value_counts_every_day(fixed: AppContext) -> None:
    settings.put(fixed.db, working_calendar.DAY_COUNT_SETTING, "lunar")
    assert working_calendar.calendar_of(fixed.db) is CALENDAR_DAYS
    with pytest.raises(working_calendar.BadDayCount):
        working_calendar.set_day_count(fixed.db, "lunar")


def test_the_command_shows_and_sets_the_count(fixed: AppContext) -> None:
    folder = str(fixed.data_dir)
    shown = run_cli("day-count", "--data-dir", folder, ok=True).stdout
    assert shown.startswith("calendar: ") and "(30 days on)" in shown
    shown = run_cli("day-count", "working", "--data-dir", folder, ok=True).stdout
    assert shown.startswith("working: ") and "(30 working days on)" in shown
    assert working_calendar.day_count_of(fixed.db) == "working"
    assert (
        "offices with no inspection in 90 working days"
        in run_cli("overview", "--data-dir", folder, ok=True).stdout
    )
    refused = run_cli("day-count", "lunar", "--data-dir", folder, ok=False)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert working_calendar.day_count_of(fixed.db) == "working"
