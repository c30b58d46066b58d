"""Time: stored as UTC ISO 8601, shown as Jalali dates in Asia/Tehran time with Persian digits."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from zoneinfo import ZoneInfo

import jdatetime

from inspector_app.domain.persian import NO_VALUE, to_latin_digits, to_persian_digits

TEHRAN = ZoneInfo("Asia/Tehran")

MONTHS = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)  # fmt: skip

_JALALI_DATE = re.compile(r"^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*$")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def tehran_now() -> dt.datetime:
    """Now on Tehran's wall clock, whatever zone the machine is set to."""
    return utc_now().astimezone(TEHRAN)


def tehran_today() -> dt.date:
    return tehran_now().date()


def tehran_moment(day: dt.date, hour: int, minute: int) -> str:
    """The stored (UTC) form of a Tehran wall-clock time on a Tehran calendar day."""
    return to_iso(dt.datetime.combine(day, dt.time(hour, minute), TEHRAN))


def utc_now_iso() -> str:
    """Now, as stored: UTC, ISO 8601, second precision."""
    return to_iso(utc_now())


def to_iso(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: a stored time must carry its zone")
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def from_iso(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def to_tehran(moment: dt.datetime | str) -> dt.datetime:
    if isinstance(moment, str):
        moment = from_iso(moment)
    return moment.astimezone(TEHRAN)


def _calendar_day(moment: dt.datetime | dt.date | str) -> dt.date:
    """A calendar date as it is, a stored UTC time as its day in Tehran."""
    if isinstance(moment, dt.datetime):
        return to_tehran(moment).date()
    if isinstance(moment, dt.date):
        return moment
    return dt.date.fromisoformat(moment) if len(moment) == 10 else to_tehran(moment).date()


def jalali_date(moment: dt.datetime | dt.date | str | None, *, persian: bool = True) -> str:
    """`۱۴۰۳/۰۱/۱۵` for a stored UTC time (in Tehran time) or a calendar date; «—» for none."""
    if moment is None or moment == "":
        return NO_VALUE
    text = _jalali(_calendar_day(moment).isoformat()).strftime("%Y/%m/%d")
    return to_persian_digits(text) if persian else text


def jalali_datetime(moment: dt.datetime | str, *, persian: bool = True) -> str:
    """`۱۴۰۳/۰۱/۱۵ ۱۰:۳۰` in Tehran time."""
    local = to_tehran(moment)
    text = jdatetime.datetime.fromgregorian(datetime=local).strftime("%Y/%m/%d %H:%M")
    return to_persian_digits(text) if persian else text


def clock_time(moment: dt.datetime | str | None, *, persian: bool = True) -> str:
    """`۱۰:۳۰` in Tehran time; «—» for none."""
    if moment is None or moment == "":
        return NO_VALUE
    text = to_tehran(moment).strftime("%H:%M")
    return to_persian_digits(text) if persian else text


def jalali_month(moment: dt.datetime | dt.date | str) -> str:
    """`1403-01`: the Jalali month of a calendar date or of a stored time (in Tehran time), the
    key months are grouped and filtered by."""
    j = _jalali(_calendar_day(moment).isoformat())
    return f"{j.year:04d}-{j.month:02d}"


def jalali_month_label(key: str, *, persian: bool = True) -> str:
    """`1403-01` → «فروردین ۱۴۰۳» (`persian=False`: «فروردین 1403», as spreadsheet dates)."""
    year, month = key.split("-")
    return f"{MONTHS[int(month) - 1]} {to_persian_digits(year) if persian else year}"


def jalali_month_bounds(key: str) -> tuple[dt.date, dt.date]:
    """First and last Gregorian day of a Jalali month `1403-01`."""
    year, month = (int(p) for p in key.split("-"))
    first = jdatetime.date(year, month, 1)
    following = jdatetime.date(year + (month == 12), month % 12 + 1, 1)
    return first.togregorian(), following.togregorian() - dt.timedelta(days=1)


@lru_cache(maxsize=8192)
def _jalali(iso_day: str) -> jdatetime.date:
    # Cached: jdatetime is slow, and a dashboard folds the same few hundred dates again and again.
    return jdatetime.date.fromgregorian(date=dt.date.fromisoformat(iso_day))


def parse_jalali_date(text: str) -> dt.date:
    """The Gregorian date of a Jalali `1403-01-01` / `۱۴۰۳/۰۱/۰۱`; ValueError if it is not one."""
    match = _JALALI_DATE.match(to_latin_digits(text))
    if not match:
        raise ValueError(f"not a Jalali date (YYYY-MM-DD): {text!r}")
    year, month, day = (int(g) for g in match.groups())
    try:
        return jdatetime.date(year, month, day).togregorian()
    except ValueError as exc:
        raise ValueError(f"no such Jalali date: {text!r}") from exc
