"""What people give the visit plan: a plan file (CSV, UTF-8 with or without a BOM, a header
row with the English or Persian column names) and due dates as typed (Jalali `1405/09/20` or
`1405-09-20` in Persian or Latin digits, or a Gregorian ISO date). A refusal is a
`PlanRefused` in Persian, naming the file and line when there is one; nothing here looks at
the database (server/visits.py checks the offices, inspectors and forms named)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from inspector_app.domain.jalali import parse_jalali_date
from inspector_app.domain.persian import fold, to_latin_digits, to_persian_digits
from inspector_app.errors import KnownError

PLAN_FILE_LIMIT = 2 * 1024 * 1024  # a province's plan is a few thousand lines at most
SHOWN = 40  # characters of a value a refusal quotes

# Column → the names its header may have (compared folded: spacing, ZWNJ, yeh/kaf, case).
COLUMNS: dict[str, tuple[str, ...]] = {
    "office_code": ("office_code", "کد دفتر"),
    "personnel_no": ("personnel_no", "شماره پرسنلی", "شمارهٔ پرسنلی"),
    "due_date": ("due_date", "مهلت"),
    "note": ("note", "یادداشت"),
    "form_id": ("form_id", "فرم"),
}
REQUIRED = ("office_code", "personnel_no", "due_date")
_HEADERS = {fold(name): column for column, names in COLUMNS.items() for name in names}
_DATE = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$")


class PlanRefused(KnownError):
    """A plan entry or file that is not taken; nothing was written (exit 2: the input)."""

    exit_code = 2


@dataclass(frozen=True)
class PlanLine:
    line: int  # where the row starts in the file (the header is line 1)
    office_code: str
    personnel_no: str
    due: dt.date
    note: str
    form_id: str


def shown(value: str) -> str:
    """A value as a refusal quotes it: cut to `SHOWN` characters."""
    value = value.strip()
    return value if len(value) <= SHOWN else value[:SHOWN] + "…"


def due_date(text: str) -> dt.date:
    """The day a due date names; PlanRefused if it names none. A year before 1700 is Jalali."""
    latin = to_latin_digits(text).strip()
    match = _DATE.match(latin)
    if not match:
        raise PlanRefused(
            "مهلت «{value}» تاریخ نیست؛ به شکل ۱۴۰۵/۰۹/۲۰ بنویسید.", value=shown(text)
        )
    year, month, day = (int(g) for g in match.groups())
    try:
        if year < 1700:
            return parse_jalali_date(latin)
        return dt.date(year, month, day)
    except ValueError:
        raise PlanRefused("تاریخ «{value}» وجود ندارد.", value=shown(text)) from None


def read_plan(path: Path) -> list[PlanLine]:
    """The rows of a plan file, each with its line; PlanRefused names the file and line of the
    first one that cannot be read. Empty rows are passed over, other columns ignored."""
    where = str(path)
    try:
        if path.stat().st_size > PLAN_FILE_LIMIT:
            raise PlanRefused(
                "پروندهٔ برنامه بزرگ‌تر از {limit} مگابایت است.",
                where=where,
                limit=to_persian_digits(PLAN_FILE_LIMIT // (1024 * 1024)),
            )
        data = path.read_bytes()
    except OSError as exc:
        raise PlanRefused(
            "پروندهٔ برنامه خوانده نشد: {reason}", where=where, reason=exc.strerror or exc
        ) from exc
    return parse_plan(data, where)


def parse_plan(data: bytes, where: str) -> list[PlanLine]:
    """The rows of a plan file's bytes; `where` names the file in a refusal."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlanRefused(
            "پروندهٔ برنامه UTF-8 نیست؛ آن را با کدگذاری UTF-8 ذخیره کنید (CSV UTF-8).",
            where=where,
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = next(reader, None)
        if header is None:
            raise PlanRefused("پروندهٔ برنامه خالی است.", where=where)
        columns = _columns(header, f"{where}:1")
        lines: list[PlanLine] = []
        end = reader.line_num
        for cells in reader:
            start, end = end + 1, reader.line_num
            if any(c.strip() for c in cells):
                lines.append(_line(columns, cells, start, f"{where}:{start}"))
    except csv.Error as exc:
        raise PlanRefused(
            "CSV نامعتبر: {reason}", where=f"{where}:{reader.line_num}", reason=exc
        ) from exc
    if not lines:
        raise PlanRefused("پروندهٔ برنامه جز سطر سرستون‌ها سطری ندارد.", where=where)
    return lines


def _delimiter(text: str) -> str:
    """Comma, or the semicolon or tab a spreadsheet set to another locale may write."""
    first = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=first.count)


def _columns(header: list[str], where: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        column = _HEADERS.get(fold(name))
        if column is None:
            continue
        if column in found:
            raise PlanRefused("ستون «{name}» دو بار آمده است.", where=where, name=shown(name))
        found[column] = index
    missing = [COLUMNS[c][1] for c in REQUIRED if c not in found]
    if missing:
        raise PlanRefused(
            "سرستون‌های لازم نیست: {columns} (یا office_code، personnel_no، due_date).",
            where=where,
            columns="، ".join(f"«{m}»" for m in missing),
        )
    return found


def _line(columns: dict[str, int], cells: list[str], line: int, where: str) -> PlanLine:
    def cell(column: str) -> str:
        index = columns.get(column)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    office, number, due = cell("office_code"), cell("personnel_no"), cell("due_date")
    for value, label in ((office, "کد دفتر"), (number, "شمارهٔ پرسنلی"), (due, "مهلت")):
        if not value:
            raise PlanRefused("«{label}» خالی است.", where=where, label=label)
    try:
        day = due_date(due)
    except PlanRefused as exc:
        raise PlanRefused(exc.template, where=where, **exc.params) from None
    return PlanLine(line, office, number, day, cell("note"), cell("form_id"))
