"""Iranian identifiers as an inspector types them: national code, mobile and landline numbers,
postal code, a Jalali date and a GPS point.

Each reader takes the typed text (Persian, Arabic-Indic or Latin digits; spaces and dashes
between digit groups allowed) and returns the stored form (Latin digits, one spelling; a date
as an ISO Gregorian day, like every calendar date the app stores), or raises `NotValid` with a
Persian reason. `incomplete` says more typing could still make the text valid, so a field can
wait for the rest before it complains. Each `shown_*` writes a stored value back for a reader.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import jdatetime

from inspector_app.domain.jalali import jalali_date
from inspector_app.domain.persian import to_latin_digits, to_persian_digits
from inspector_app.errors import QT_TRANSLATE_NOOP, InvalidAnswer, fill


class NotValid(InvalidAnswer):
    """Typed text that is not (or not yet, when `incomplete`) a value of its kind."""

    def __init__(self, message: str, *, incomplete: bool = False, **params: object) -> None:
        super().__init__(message, where=None, **params)
        self.incomplete = incomplete
        # The Persian text with Persian digits (the UI fills the template in its own digits).
        self.message = fill(message, {k: to_persian_digits(v) for k, v in params.items()})


# Province area codes of fixed lines (without the leading 0), as the ITU-T numbering plan for
# Iran lists them (libphonenumber's metadata for +98): one per province.
AREA_CODES: dict[str, str] = {
    "11": "مازندران", "13": "گیلان", "17": "گلستان", "21": "تهران", "23": "سمنان",
    "24": "زنجان", "25": "قم", "26": "البرز", "28": "قزوین", "31": "اصفهان", "34": "کرمان",
    "35": "یزد", "38": "چهارمحال و بختیاری", "41": "آذربایجان شرقی", "44": "آذربایجان غربی",
    "45": "اردبیل", "51": "خراسان رضوی", "54": "سیستان و بلوچستان", "56": "خراسان جنوبی",
    "58": "خراسان شمالی", "61": "خوزستان", "66": "لرستان", "71": "فارس",
    "74": "کهگیلویه و بویراحمد", "76": "هرمزگان", "77": "بوشهر", "81": "همدان",
    "83": "کرمانشاه", "84": "ایلام", "86": "مرکزی", "87": "کردستان",
}  # fmt: skip

JALALI_YEARS = range(1300, 1500)
_GROUPING = re.compile(r"[\s\-\u200c\u200e\u200f]+")  # spaces, dashes, ZWNJ, bidi marks
_LATIN = re.compile(r"[0-9]*")


def _digits(text: str, *, plus: bool = False) -> str:
    """`text` as Latin digits without grouping; a leading «+» kept when `plus` allows it."""
    body = to_latin_digits(_GROUPING.sub("", text))
    sign = "+" if plus and body.startswith("+") else ""
    digits = body.removeprefix(sign)
    if not _LATIN.fullmatch(digits):
        raise NotValid(QT_TRANSLATE_NOOP("Errors", "فقط رقم نوشته می‌شود"))
    if not digits:
        raise NotValid(QT_TRANSLATE_NOOP("Errors", "چیزی نوشته نشده است"), incomplete=True)
    return sign + digits


def _length(digits: str, count: int, too_short: str, too_long: str) -> None:
    if len(digits) < count:
        raise NotValid(too_short, incomplete=True, typed=len(digits))
    if len(digits) > count:
        raise NotValid(too_long, typed=len(digits))


def national_code_check_digit(first_nine: str) -> str:
    """The tenth digit of a national code: the weighted sum (weights 10..2) modulo 11, as the
    National Organization for Civil Registration defines it."""
    remainder = sum(int(d) * (10 - i) for i, d in enumerate(first_nine)) % 11
    return str(remainder if remainder < 2 else 11 - remainder)


def national_code(text: str) -> str:
    """«۰۰۱۲۳۴۵۶۷۸»-style text → the ten Latin digits of a national code (کد ملی)."""
    digits = _digits(text)
    _length(
        digits,
        10,
        QT_TRANSLATE_NOOP("Errors", "کد ملی ده رقم دارد؛ {typed} رقم نوشته شده است"),
        QT_TRANSLATE_NOOP("Errors", "کد ملی ده رقم دارد، نه {typed} رقم"),
    )
    if len(set(digits)) == 1:
        raise NotValid(QT_TRANSLATE_NOOP("Errors", "کد ملی با ده رقم یکسان معتبر نیست"))
    if digits[9] != national_code_check_digit(digits[:9]):
        raise NotValid(
            QT_TRANSLATE_NOOP("Errors", "رقم کنترل کد ملی درست نیست (کد را دوباره بخوانید)")
        )
    return digits


def _national_number(digits: str) -> tuple[str, bool]:
    """A phone number without its country or trunk prefix (+98, 0098, 98…, 0), and whether a
    prefix is still being typed."""
    for prefix in ("+98", "0098", "0"):
        if digits.startswith(prefix):
            return digits.removeprefix(prefix), False
        if prefix.startswith(digits):
            return "", True
    if digits.startswith("+"):
        raise NotValid(QT_TRANSLATE_NOOP("Errors", "پیش‌شمارهٔ کشور ایران +۹۸ است"))
    return digits, False


def mobile(text: str) -> str:
    """`09…`, `+989…`, `00989…`, `9…` (spaces allowed) → the 11 digits `09xxxxxxxxx`."""
    digits = _digits(text, plus=True)
    if len(digits) in (11, 12) and digits.startswith("98") and digits[2:3] == "9":
        digits = "+" + digits  # 98 912 …: the country code without its plus
    national, prefix_pending = _national_number(digits)
    if prefix_pending or not national:
        raise NotValid(QT_TRANSLATE_NOOP("Errors", "شمارهٔ همراه کامل نیست"), incomplete=True)
    if not national.startswith("9"):
        raise NotValid(QT_TRANSLATE_NOOP("Errors", "شمارهٔ همراه با ۰۹ آغاز می‌شود"))
    _length(
        national,
        10,
        QT_TRANSLATE_NOOP("Errors", "شمارهٔ همراه یازده رقم دارد (۰۹ و نه رقم دیگر)"),
        QT_TRANSLATE_NOOP("Errors", "شمارهٔ همراه یازده رقم دارد (۰۹ و نه رقم دیگر)"),
    )
    return "0" + national


def landline(text: str) -> str:
    """`077…`, `+9877…`, `009877…` → `0` + a province area code + the 8-digit number."""
    digits = _digits(text, plus=True)
    national, prefix_pending = _national_number(digits)
    if prefix_pending or not national:
        raise NotValid(QT_TRANSLATE_NOOP("Errors", "شمارهٔ تلفن کامل نیست"), incomplete=True)
    if national.startswith("9"):
        raise NotValid(QT_TRANSLATE_NOOP("Errors", "این شمارهٔ همراه است، نه تلفن ثابت"))
    if len(national) < 2:
        raise NotValid(QT_TRANSLATE_NOOP("Errors", "شمارهٔ تلفن کامل نیست"), incomplete=True)
    if national[:2] not in AREA_CODES:
        raise NotValid(
            QT_TRANSLATE_NOOP(
                "Errors",
                "پیش‌شمارهٔ استان درست نیست؛ شماره را با پیش‌شماره بنویسید (مثلاً ۰۷۷ برای بوشهر)",
            )
        )
    _length(
        national,
        10,
        QT_TRANSLATE_NOOP("Errors", "تلفن ثابت با پیش‌شماره یازده رقم دارد"),
        QT_TRANSLATE_NOOP("Errors", "تلفن ثابت با پیش‌شماره یازده رقم دارد"),
    )
    return "0" + national


def shown_digits(value: str, *, persian: bool = True) -> str:
    """A stored code as a reader reads it: Persian digits (or Latin ones in English)."""
    return to_persian_digits(value) if persian else value


def shown_phone(value: str, *, persian: bool = True) -> str:
    """`07733441122` → «۰۷۷-۳۳۴۴۱۱۲۲»: the area code apart, as the office registry writes it."""
    return shown_digits(f"{value[:3]}-{value[3:]}", persian=persian)


def postal_code(text: str) -> str:
    """«۷۵۱۴۷-۶۳۴۸۷» → the ten Latin digits of a postal code (کد پستی)."""
    digits = _digits(text)
    _length(
        digits,
        10,
        QT_TRANSLATE_NOOP("Errors", "کد پستی ده رقم دارد؛ {typed} رقم نوشته شده است"),
        QT_TRANSLATE_NOOP("Errors", "کد پستی ده رقم دارد، نه {typed} رقم"),
    )
    return digits


_DATE = re.compile(r"(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})")
_DATE_SO_FAR = re.compile(r"\d{0,4}([/\-.]\d{0,2}([/\-.]\d?)?)?")


def jalali_day(text: str) -> str:
    """«۱۴۰۳/۱۲/۳۰», «1403-1-5» → the ISO Gregorian day it is (`2025-03-20`)."""
    typed = to_latin_digits(text.strip())
    found = _DATE.fullmatch(typed)
    if found is None:
        if _DATE_SO_FAR.fullmatch(typed):
            raise NotValid(QT_TRANSLATE_NOOP("Errors", "تاریخ کامل نیست"), incomplete=True)
        raise NotValid(QT_TRANSLATE_NOOP("Errors", "تاریخ را به شکل ۱۴۰۳/۰۱/۱۵ بنویسید"))
    year, month, day = (int(g) for g in found.groups())
    if year not in JALALI_YEARS:
        raise NotValid(QT_TRANSLATE_NOOP("Errors", "سال تاریخ باید میان ۱۳۰۰ و ۱۴۹۹ باشد"))
    if not 1 <= month <= 12:
        raise NotValid(QT_TRANSLATE_NOOP("Errors", "ماه باید از ۱ تا ۱۲ باشد"))
    try:
        return jdatetime.date(year, month, day).togregorian().isoformat()
    except ValueError:
        if month == 12 and day == 30:
            raise NotValid(
                QT_TRANSLATE_NOOP("Errors", "سال {year} کبیسه نیست و اسفند آن ۲۹ روز دارد"),
                year=year,
            ) from None
        raise NotValid(
            QT_TRANSLATE_NOOP("Errors", "این ماه {days} روز دارد"),
            days=31 if month <= 6 else 30,
        ) from None


def stored_day(value: str) -> str:
    """A stored ISO Gregorian day, checked: it must be a day of a Jalali year in range."""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        day = None
    if day is None or len(value) != 10:
        raise NotValid(QT_TRANSLATE_NOOP("Errors", "تاریخ ذخیره‌شده باید به شکل YYYY-MM-DD باشد"))
    if jdatetime.date.fromgregorian(date=day).year not in JALALI_YEARS:
        raise NotValid(QT_TRANSLATE_NOOP("Errors", "سال تاریخ باید میان ۱۳۰۰ و ۱۴۹۹ باشد"))
    return value


def shown_day(value: str, *, persian: bool = True) -> str:
    """`2025-03-20` → «۱۴۰۳/۱۲/۳۰» (a value that is no date is shown as it is)."""
    try:
        return jalali_date(value, persian=persian)
    except ValueError:
        return to_persian_digits(value) if persian else value


_POINT_SPLIT = re.compile(r"\s*[,،]\s*|\s+")
_COORDINATE = re.compile(r"-?\d+(\.\d+)?")
_COORDINATE_SO_FAR = re.compile(r"-?\d*\.?\d*")
_DECIMALS = 6  # about 0.1 m: more than any phone's GPS knows


def gps_point(text: str) -> str:
    """«۲۸٫۹۲۲۳، ۵۰٫۸۲۰۳», «28.9223,50.8203» → `28.9223,50.8203` (latitude, longitude).

    The decimal point may be «٫», «.» or «/»; the two numbers are parted by «,», «،» or a space.
    """
    typed = to_latin_digits(text.strip()).replace("٫", ".").replace("/", ".")
    parts = [p for p in _POINT_SPLIT.split(typed) if p] if typed else []
    if len(parts) > 2:
        raise NotValid(QT_TRANSLATE_NOOP("Errors", "نقطه دو عدد دارد: عرض و طول جغرافیایی"))
    if not all(_COORDINATE_SO_FAR.fullmatch(p) for p in parts):
        raise NotValid(QT_TRANSLATE_NOOP("Errors", "عرض و طول را با رقم و ممیز بنویسید"))
    if len(parts) < 2 or not all(_COORDINATE.fullmatch(p) for p in parts):
        raise NotValid(
            QT_TRANSLATE_NOOP("Errors", "عرض و طول جغرافیایی را با ویرگول جدا کنید"),
            incomplete=True,
        )
    latitude, longitude = (Decimal(p) for p in parts)
    if not -90 <= latitude <= 90:
        raise NotValid(QT_TRANSLATE_NOOP("Errors", "عرض جغرافیایی باید میان ۹۰- و ۹۰ باشد"))
    if not -180 <= longitude <= 180:
        raise NotValid(QT_TRANSLATE_NOOP("Errors", "طول جغرافیایی باید میان ۱۸۰- و ۱۸۰ باشد"))
    return f"{_plain(latitude)},{_plain(longitude)}"


def _plain(value: Decimal) -> str:
    text = f"{round(value, _DECIMALS):f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text in ("-0", "") else text


def shown_point(value: str, *, persian: bool = True) -> str:
    """`28.9223,50.8203` → «۲۸٫۹۲۲۳، ۵۰٫۸۲۰۳» (or «28.9223, 50.8203»)."""
    coordinates = value.split(",")
    if not persian:
        return ", ".join(coordinates)
    return "، ".join(to_persian_digits(c.replace(".", "٫")) for c in coordinates)
