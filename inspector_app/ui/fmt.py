"""How values look on screen: numbers in the UI language's digits, dates in the Jalali calendar.

The language is the default QLocale's (Persian or English, set at start), so switching the
language switches the digits too; numbers are written by domain.persian.format_number, the
same as in the PDFs and the CLI.
"""

from __future__ import annotations

import datetime as dt
import re

from inspector_app.domain.persian import (
    NO_VALUE,
    format_number,
    to_latin_digits,
    to_persian_digits,
)
from inspector_app.ui.qt import QCalendar, QDate, QGuiApplication, QLocale, Qt

JALALI = QCalendar(QCalendar.System.Jalali)
DATE_FORMAT = "yyyy/MM/dd"


def persian() -> bool:
    """Whether the UI writes Persian (digits, separators, signs) rather than English."""
    return QLocale().language() == QLocale.Language.Persian


def number(value: float | int | None, decimals: int = 0) -> str:
    return format_number(value, decimals, persian=persian())


def plain_int(value: int) -> str:
    """An integer without group separators (row numbers, counts, years)."""
    return format_number(value, persian=persian(), group=False)


def percent(value: float | None) -> str:
    """A score with one decimal: «۹۶٫۳٪» in Persian, «96.3%» in English."""
    if value is None:
        return NO_VALUE
    return f"{number(value, 1)}{'٪' if persian() else '%'}"


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def jalali(value: dt.date | str | None) -> str:
    """An ISO date (or a stored UTC timestamp) as a Jalali date in the UI's digits."""
    from inspector_app.domain.jalali import jalali_date  # jdatetime: not at startup

    return jalali_date(value, persian=persian())


def digits(text: str) -> str:
    """The digits in `text` as the UI language writes them: Persian in Persian, Latin in
    English (a Jalali date the services wrote for the PDF, «۱۴۰۳/۰۱/۰۱», reads 1403/01/01)."""
    if persian():
        return to_persian_digits(text)
    return to_latin_digits(text)


def clock(value: str | None) -> str:
    """A stored UTC timestamp as Tehran wall-clock time, `۱۰:۳۰`."""
    from inspector_app.domain.jalali import clock_time

    return clock_time(value, persian=persian())


def edit_format(display: str) -> str:
    """A QDateTimeEdit display format that shows `display` as written.

    For a right-to-left locale QDateTimeEdit reverses the order of the sections it draws
    (`yyyy/MM/dd` would show as day/month/year), so hand it the sections reversed.
    """
    if QLocale().textDirection() != Qt.LayoutDirection.RightToLeft:
        return display
    parts = re.split(r"([/:\-. ])", display)
    return "".join(reversed(parts))


def leading_edge() -> Qt.AlignmentFlag:
    """Where lines start in the UI's language, as an absolute alignment."""
    if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
    return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute


def ltr(text: str) -> str:
    """`text` isolated left to right (codes, licence and phone numbers, paths) in any line."""
    return f"\u2066{text}\u2069"
