"""Working-day arithmetic on a calendar passed in: every day with CALENDAR_DAYS, else the
weekend and holidays skipped; a deadline on a day off is due the next working day."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.domain.working_days import (
    CALENDAR_DAYS,
    FRIDAY,
    WorkCalendar,
    add_working_days,
    is_overdue,
    next_working_day,
    working_days_between,
)

THU, FRI, SAT = dt.date(2026, 12, 3), dt.date(2026, 12, 4), dt.date(2026, 12, 5)
IRAN_WEEK = WorkCalendar(holidays=frozenset({SAT}), weekend=frozenset({FRIDAY}))
days = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))


def test_a_holiday_after_the_weekend_is_skipped_too() -> None:
    assert next_working_day(FRI, IRAN_WEEK) == dt.date(2026, 12, 6)
    assert add_working_days(THU, 1, IRAN_WEEK) == dt.date(2026, 12, 6)
    assert add_working_days(dt.date(2026, 12, 6), -1, IRAN_WEEK) == THU
    assert working_days_between(THU, dt.date(2026, 12, 6), IRAN_WEEK) == 1
    assert working_days_between(dt.date(2026, 12, 6), THU, IRAN_WEEK) == -1


def test_a_deadline_on_a_day_off_is_due_the_next_working_day() -> None:
    assert not is_overdue(FRI, SAT, IRAN_WEEK)
    assert not is_overdue(FRI, dt.date(2026, 12, 6), IRAN_WEEK)
    assert is_overdue(FRI, dt.date(2026, 12, 7), IRAN_WEEK)
    assert is_overdue(FRI, SAT, CALENDAR_DAYS)


def test_a_week_needs_a_working_day() -> None:
    with pytest.raises(ValueError):
        WorkCalendar(weekend=frozenset(range(7)))


@given(days, st.integers(-400, 400))
def test_calendar_days_are_plain_date_arithmetic(start: dt.date, n: int) -> None:
    assert add_working_days(start, n, CALENDAR_DAYS) == start + dt.timedelta(days=n)
    assert working_days_between(start, start + dt.timedelta(days=n), CALENDAR_DAYS) == n


@given(days, st.integers(0, 200))
def test_counting_back_what_was_added(start: dt.date, n: int) -> None:
    end = add_working_days(start, n, IRAN_WEEK)
    assert working_days_between(start, end, IRAN_WEEK) == n
    assert end >= start + dt.timedelta(days=n)  # never sooner than as many calendar days
