"""Counting days for deadlines and "not inspected for N days": calendar days, or working days
(no weekend day, no official holiday). The calendar is passed in; the laptop (its setting) and
the server (its option) choose it by the same names and build Iran's the same way: Friday off
and the official holidays of the `holidays` package (the solar ones and the lunar ones it
computes)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

FRIDAY = 4  # dt.date.weekday()
CALENDAR = "calendar"  # every day counts
WORKING = "working"  # Fridays and Iran's official holidays do not
DAY_COUNTS = (CALENDAR, WORKING)
# Holidays are loaded for these many years around the day counted from (a deadline a year
# ahead, an office not inspected for years).
_YEARS_BEFORE, _YEARS_AFTER = 5, 2


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are not worked: `weekend` weekdays (Monday = 0) and the `holidays` dates."""

    holidays: frozenset[dt.date] = frozenset()
    weekend: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        if not self.weekend < frozenset(range(7)):
            raise ValueError("a week needs at least one working day")


# Every day counts: counting working days switched off.
CALENDAR_DAYS = WorkCalendar()


def is_working_day(day: dt.date, calendar: WorkCalendar) -> bool:
    return day.weekday() not in calendar.weekend and day not in calendar.holidays


def next_working_day(day: dt.date, calendar: WorkCalendar) -> dt.date:
    """`day` itself when it is worked, else the first working day after it."""
    while not is_working_day(day, calendar):
        day += dt.timedelta(days=1)
    return day


def add_working_days(start: dt.date, n: int, calendar: WorkCalendar) -> dt.date:
    """The `n`th working day after `start` (before it when `n` is negative); `start` itself
    for 0. With CALENDAR_DAYS: start + n days."""
    step = dt.timedelta(days=1 if n >= 0 else -1)
    day = start
    for _ in range(abs(n)):
        day += step
        while not is_working_day(day, calendar):
            day += step
    return day


def working_days_between(start: dt.date, end: dt.date, calendar: WorkCalendar) -> int:
    """Working days after `start` up to and including `end` (negative when `end` is earlier).
    With CALENDAR_DAYS: (end - start).days."""
    if end < start:
        return -working_days_between(end, start, calendar)
    return sum(
        1
        for offset in range(1, (end - start).days + 1)
        if is_working_day(start + dt.timedelta(days=offset), calendar)
    )


def is_overdue(deadline: dt.date, today: dt.date, calendar: WorkCalendar) -> bool:
    """Whether a deadline has passed on `today`; one that falls on a day off is due the next
    working day."""
    return today > next_working_day(deadline, calendar)


@lru_cache(maxsize=8)
def iran_calendar(around_year: int) -> WorkCalendar:
    """Friday off and Iran's official holidays in the years around `around_year`."""
    import holidays  # only once working days are counted: it is slow to import

    years = range(around_year - _YEARS_BEFORE, around_year + _YEARS_AFTER + 1)
    days = holidays.country_holidays("IR", years=years)
    return WorkCalendar(holidays=frozenset(days.keys()), weekend=frozenset({FRIDAY}))


def calendar_for(day_count: str, today: dt.date) -> WorkCalendar:
    """The calendar a day count names (anything but `working` counts every day)."""
    return iran_calendar(today.year) if day_count == WORKING else CALENDAR_DAYS
