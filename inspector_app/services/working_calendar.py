"""How the laptop counts days for deadlines and overdue offices: every day (the default), or
working days — Friday the weekend and Iran's official holidays off (domain/working_days.py).

The choice is the setting `deadlines.day_count` (`calendar` or `working`); the Settings page
and `overview_of` read it here, and a finding's suggested deadline is counted with it.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from inspector_app.domain.jalali import tehran_today
from inspector_app.domain.working_days import (
    CALENDAR,
    DAY_COUNTS,
    WORKING,
    WorkCalendar,
    add_working_days,
    calendar_for,
    iran_calendar,
)
from inspector_app.errors import QT_TRANSLATE_NOOP, KnownError
from inspector_app.storage import settings

__all__ = ["CALENDAR", "DAY_COUNTS", "WORKING", "iran_calendar"]

DAY_COUNT_SETTING = "deadlines.day_count"
# A finding's corrective action is due this many days (working days when they are counted)
# after the visit, unless the inspector sets another date.
FINDING_DEADLINE_DAYS = 30


class BadDayCount(KnownError):
    """A day count other than calendar or working."""

    exit_code = 2


def day_count_of(db: Database) -> str:
    """The setting; anything unknown reads as every day counted."""
    value = settings.get(db, DAY_COUNT_SETTING)
    return value if value in DAY_COUNTS else CALENDAR


def set_day_count(db: Database, value: str) -> None:
    if value not in DAY_COUNTS:
        raise BadDayCount(
            QT_TRANSLATE_NOOP("Errors", "شمارش روزها «{value}» شناخته نیست (calendar یا working)"),
            value=value,
        )
    settings.put(db, DAY_COUNT_SETTING, value)


def calendar_of(db: Database, today: dt.date | None = None) -> WorkCalendar:
    """The calendar the setting chooses, with the holidays around `today`."""
    return calendar_for(day_count_of(db), today or tehran_today())


def finding_deadline(db: Database, visit: dt.date) -> dt.date:
    """The deadline suggested for a finding of a visit on `visit`."""
    return add_working_days(visit, FINDING_DEADLINE_DAYS, calendar_of(db, visit))
