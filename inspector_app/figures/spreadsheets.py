"""Spreadsheet exports of inspections, their answers and findings, and the overview figures:
the sheets, their Persian headers and rows, written as CSV (UTF-8 with a byte order mark,
which spreadsheet programs need to read Persian) or XLSX (openpyxl, sheets named in Persian and
laid out right to left). The laptop and the governorate console write the same files.

Dates are Jalali with Latin digits (`1403/01/05`), so a spreadsheet sorts and filters them as
text. Each side reads its own database and hands rows here: an inspection as an
`InspectionLine` (the list's row), its answers and findings from its `InspectionDocument`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any, Protocol

from inspector_app.domain import vocabulary
from inspector_app.domain.inspection_document import InspectionDocument
from inspector_app.domain.jalali import jalali_date, jalali_month_label
from inspector_app.errors import QT_TRANSLATE_NOOP, KnownError
from inspector_app.figures.overview import ComplianceRow, Overview

KINDS: dict[str, str] = {  # kind → the sheet's (and the file's) Persian name
    "inspections": "بازرسی‌ها",
    "answers": "پاسخ‌ها",
    "findings": "یافته‌ها",
    "overview": "نمای کلی",
}
FORMATS = ("csv", "xlsx")
# Answers are one row per question: past this many inspections the sheet would pass what a
# spreadsheet holds (1,048,576 rows); the filters are narrowed instead.
ANSWERS_MAX_INSPECTIONS = 20_000


class TooMany(KnownError):
    """The answers of this many inspections do not fit in one sheet."""

    exit_code = 2  # the command's filters are what to change


def check_answers_fit(inspections: int) -> None:
    if inspections > ANSWERS_MAX_INSPECTIONS:
        raise TooMany(
            QT_TRANSLATE_NOOP(
                "Errors",
                "پاسخ‌های {total} بازرسی بیش از گنجایش یک کاربرگ است؛ فیلترها را تنگ‌تر کنید "
                "(تا {most} بازرسی)",
            ),
            total=inspections,
            most=ANSWERS_MAX_INSPECTIONS,
        )


@dataclass(frozen=True)
class Sheet:
    name: str  # Persian, at most 31 characters
    headers: list[str]
    rows: Iterable[list[Any]]


class InspectionLine(Protocol):
    """One inspection as a list shows it (the laptop's and the server's rows both are one)."""

    @property
    def id(self) -> str: ...
    @property
    def visit_date(self) -> str: ...  # ISO
    @property
    def county(self) -> str: ...
    @property
    def office_type(self) -> str: ...
    @property
    def office_code(self) -> str: ...
    @property
    def office_name(self) -> str: ...
    @property
    def inspector_name(self) -> str: ...
    @property
    def compliance(self) -> float | None: ...
    @property
    def grade(self) -> str | None: ...
    @property
    def critical_failures(self) -> int: ...


def day(value: str | None) -> str:
    """A stored date or time as a Jalali day, Latin digits; empty for none."""
    return jalali_date(value, persian=False) if value else ""


def score(value: float | None) -> float | str:
    return round(value, 1) if value is not None else ""


# --- the tables --------------------------------------------------------------------------

# Each side adds its own columns after these (the laptop the inspection's status, the server
# the review state and when it came in).
INSPECTION_HEADERS = [
    "شناسه",
    "تاریخ بازدید",
    "شهرستان",
    "نوع دفتر",
    "کد دفتر",
    "نام دفتر",
    "بازرس",
    "امتیاز",
    "رتبه",
    "موارد حیاتی ناموفق",
]


def inspection_cells(r: InspectionLine) -> list[Any]:
    return [
        r.id,
        day(r.visit_date),
        r.county,
        vocabulary.OFFICE_TYPES.get(r.office_type, r.office_type),
        r.office_code,
        r.office_name,
        r.inspector_name,
        score(r.compliance),
        vocabulary.GRADE_LABELS.get(r.grade or "", r.grade or ""),
        r.critical_failures,
    ]


ANSWER_HEADERS = [
    "شناسهٔ بازرسی",
    "تاریخ بازدید",
    "کد دفتر",
    "بازرس",
    "شناسهٔ پرسش",
    "پرسش",
    "تکرار",
    "پاسخ",
    "یادداشت",
]


def answer_rows(row: InspectionLine, doc: InspectionDocument) -> Iterator[list[Any]]:
    """One row per answer, the question's text and the answer as the form words it."""
    form = doc.loaded_form.form
    for a in doc.answers:
        try:
            item = form.item(a.item_id)
            text, shown = item.text, item.kind.label(item, a.value)
        except (KeyError, TypeError, ValueError):
            text, shown = "", "" if a.value is None else str(a.value)
        yield [
            row.id,
            day(row.visit_date),
            row.office_code,
            row.inspector_name,
            a.item_id,
            text,
            a.repeat_index + 1,
            shown,
            a.note,
        ]


FINDING_HEADERS = [
    "شناسهٔ بازرسی",
    "تاریخ بازدید",
    "شهرستان",
    "کد دفتر",
    "نام دفتر",
    "بازرس",
    "یافته",
    "اقدام اصلاحی",
    "مهلت",
]


def finding_rows(row: InspectionLine, doc: InspectionDocument) -> Iterator[list[Any]]:
    for f in doc.findings:
        yield [
            row.id,
            day(row.visit_date),
            row.county,
            row.office_code,
            row.office_name,
            row.inspector_name,
            f.description,
            f.corrective_action,
            day(f.deadline),
        ]


_COMPLIANCE = ["تعداد بازرسی", "دارای امتیاز", "میانگین امتیاز", "با مورد حیاتی ناموفق"]


def _compliance(
    title: str, key: str, items: list[ComplianceRow], label: Callable[[ComplianceRow], str]
) -> Sheet:
    rows = [[label(r), r.inspections, r.scored, score(r.mean_score), r.critical] for r in items]
    return Sheet(title, [key, *_COMPLIANCE], rows)


def overview_sheets(overview: Overview) -> list[Sheet]:
    """The overview's figures, one sheet per table, its filter's dates on the first."""
    f = overview.filter
    return [
        Sheet(
            "خلاصه",
            ["شاخص", "مقدار"],
            [
                ["تعداد بازرسی", overview.inspections],
                ["دفترهای بازرسی‌شده", overview.offices_inspected],
                ["میانگین امتیاز", score(overview.mean_score)],
                ["بازرسی‌های با مورد حیاتی ناموفق", overview.critical],
                ["از تاریخ", day(f.date_from.isoformat() if f.date_from else None)],
                ["تا تاریخ", day(f.date_to.isoformat() if f.date_to else None)],
                ["تا امروز", day(overview.as_of.isoformat())],
            ],
        ),
        _compliance("به تفکیک شهرستان", "شهرستان", overview.by_county, lambda r: r.label),
        _compliance("به تفکیک نوع دفتر", "نوع دفتر", overview.by_type, lambda r: r.label),
        _compliance(
            "به تفکیک ماه",
            "ماه",
            overview.by_month,
            lambda r: jalali_month_label(r.key, persian=False),
        ),
        Sheet(
            "موارد پرتکرار ناموفق",
            ["فرم", "شناسهٔ پرسش", "پرسش", "بار «خیر»", "از بازرسی‌ها", "درصد"],
            [
                [i.form_id, i.item_id, i.text, i.failed, i.out_of, round(i.share, 1)]
                for i in overview.failed_items
            ],
        ),
        Sheet(
            "دفترهای عقب‌افتاده",
            ["کد دفتر", "نام دفتر", "نوع دفتر", "شهرستان", "شهر", "آخرین بازدید", "روز گذشته"],
            [
                [
                    o.code,
                    o.name,
                    vocabulary.OFFICE_TYPES.get(o.office_type, o.office_type),
                    o.county,
                    o.city,
                    day(o.last_visit),
                    "" if o.days_since is None else o.days_since,
                ]
                for o in overview.overdue
            ],
        ),
    ]


# --- the files ---------------------------------------------------------------------------


def write_csv(tables: list[Sheet], out: IO[bytes]) -> None:
    """One table as it is; several (the overview) one after another, each under its name."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text)
    for index, sheet in enumerate(tables):
        if len(tables) > 1:
            if index:
                writer.writerow([])
            writer.writerow([sheet.name])
        writer.writerow(sheet.headers)
        writer.writerows(sheet.rows)
    text.flush()
    text.detach()


def write_xlsx(tables: list[Sheet], out: IO[bytes]) -> None:
    from openpyxl import Workbook  # only when an XLSX is written: it is slow to import

    book = Workbook(write_only=True)
    for sheet in tables:
        ws = book.create_sheet(sheet.name[:31])
        ws.sheet_view.rightToLeft = True
        ws.append(sheet.headers)
        for row in sheet.rows:
            ws.append(row)
    book.save(out)


def write(tables: list[Sheet], fmt: str, out: IO[bytes]) -> None:
    """`tables` as `fmt` (csv or xlsx) into `out`."""
    (write_xlsx if fmt == "xlsx" else write_csv)(tables, out)
