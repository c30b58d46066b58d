"""Persian names of office types and Jalali months, for charts, tables and the PDF."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import jdatetime

from inspector_app.domain.persian import to_persian_digits

OFFICE_TYPE_LABELS = {
    "pishkhan": "پیشخوان خدمات دولت",
    "police10": "پلیس +۱۰",
    "brokerage": "کارگزاری خدمات بیمه‌ای",
}
STATUS_LABELS = {"draft": "پیش‌نویس", "finalized": "نهایی‌شده", "synced": "ارسال‌شده"}
MONTHS = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)  # fmt: skip


def office_type_label(office_type: str) -> str:
    return OFFICE_TYPE_LABELS.get(office_type, office_type)


def jalali_month_key(day: dt.date | str) -> str:
    """`1403-01`: the Jalali month of a calendar (visit) date."""
    return _month_key(day.isoformat() if isinstance(day, dt.date) else day[:10])


@lru_cache(maxsize=8192)
def _month_key(iso_day: str) -> str:
    # Cached: jdatetime is slow, and a dashboard folds the same few hundred dates again and again.
    j = jdatetime.date.fromgregorian(date=dt.date.fromisoformat(iso_day))
    return f"{j.year:04d}-{j.month:02d}"


def jalali_month_label(key: str) -> str:
    """`1403-01` → «فروردین ۱۴۰۳»."""
    year, month = key.split("-")
    return f"{MONTHS[int(month) - 1]} {to_persian_digits(year)}"


def jalali_month_bounds(key: str) -> tuple[dt.date, dt.date]:
    """First and last Gregorian day of a Jalali month `1403-01`."""
    year, month = (int(p) for p in key.split("-"))
    first = jdatetime.date(year, month, 1)
    following = jdatetime.date(year + (month == 12), month % 12 + 1, 1)
    return first.togregorian(), following.togregorian() - dt.timedelta(days=1)


def jalali(day: dt.date | str | None, *, persian: bool = True) -> str:
    """`۱۴۰۳/۰۱/۱۵` for a calendar date; «—» for none."""
    if day is None:
        return "—"
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    text = jdatetime.date.fromgregorian(date=day).strftime("%Y/%m/%d")
    return to_persian_digits(text) if persian else text
