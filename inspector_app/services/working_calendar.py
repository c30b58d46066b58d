"""How the laptop counts days for deadlines and overdue offices: every day (the default), or
working days — Friday the weekend and Iran's official holidays off, from the `holidays`
package (its Iranian calendar: the solar holidays and the lunar ones it computes).

The choice is the setting `deadlines.day_count` (`calendar` or `working`); the Settings page
and `overview_of` read it here, and a finding's suggested deadline is counted with it.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from sqlite_utils import Database

from inspector_app.domain.working_days import (
    CALENDAR_DAYS,
    FRIDAY,
    WorkCalendar,
    add_working_days,
)
from inspector_app.errors import QT_TRANSLATE_NOOP, KnownError
from inspector_app.storage import settings

DAY_COUNT_SETTING = "deadlines.day_count"
CALENDAR = "calendar"
WORKING = "working"
DAY_COUNTS = (CALENDAR, WORKING)
# A finding's corrective action is due this many days (working days when they are counted)
# after the visit, unless the inspector sets another date.
FINDING_DEADLINE_DAYS = 30
# Holidays are loaded for these many years around the day counted from (a deadline a year
# ahead, an office not inspected for years).
_YEARS_BEFORE, _YEARS_AFTER = 5, 2


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


@lru_cache(maxsize=8)
def iran_calendar(around_year: int) -> WorkCalendar:
    """Friday off and Iran's official holidays in the years around `around_year`."""
    import holidays  # only once working days are counted: it is slow to import

    years = range(around_year - _YEARS_BEFORE, around_year + _YEARS_AFTER + 1)
    days = holidays.country_holidays("IR", years=years)
    return WorkCalendar(holidays=frozenset(days.keys()), weekend=frozenset({FRIDAY}))


def calendar_of(db: Database, today: dt.date | None = None) -> WorkCalendar:
    """The calendar the setting chooses, with the holidays around `today`."""
    if day_count_of(db) != WORKING:
        return CALENDAR_DAYS
    return iran_calendar((today or dt.date.today()).year)


def finding_deadline(db: Database, visit: dt.date) -> dt.date:
    """The deadline suggested for a finding of a visit on `visit`."""
    return add_working_days(visit, FINDING_DEADLINE_DAYS, calendar_of(db, visit))
