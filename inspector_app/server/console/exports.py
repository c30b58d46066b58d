"""Exports of received inspections for the governorate: inspections, answers, findings and the
province overview figures, as CSV (UTF-8 with a byte order mark, which spreadsheet programs
need to read Persian) or XLSX (openpyxl, sheets named in Persian and laid out right to left).

Headers are Persian; dates are Jalali with Latin digits (`1403/01/05`), so a spreadsheet sorts
and filters them as text. Each export takes the list's filters (console/inspections.py) and
reads the rows in batches; the overview is the same figures as the laptop's Overview
(server/figures.py).
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any, Literal

from openpyxl import Workbook
from sqlalchemy import Engine, select

from inspector_app.domain import vocabulary
from inspector_app.domain.inspection_document import DocumentError, InspectionDocument
from inspector_app.domain.jalali import jalali_date, jalali_datetime, jalali_month_label
from inspector_app.figures.filters import OverviewFilter
from inspector_app.figures.queries import sqlalchemy_runner
from inspector_app.server import publish
from inspector_app.server.console import inspections
from inspector_app.server.console.review import STATE_LABELS
from inspector_app.server.database import inspections_t
from inspector_app.server.figures import compute_server_overview, registry_offices

Kind = Literal["inspections", "answers", "findings", "overview"]
KINDS: dict[str, str] = {  # kind → the sheet's (and the file's) Persian name
    "inspections": "بازرسی‌ها",
    "answers": "پاسخ‌ها",
    "findings": "یافته‌ها",
    "overview": "نمای کلی",
}
FORMATS = ("csv", "xlsx")
# Answers are one row per question: past this many inspections the sheet would pass what a
# spreadsheet holds (1,048,576 rows); the supervisor narrows the filters instead.
ANSWERS_MAX_INSPECTIONS = 20_000


class TooMany(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Sheet:
    name: str  # Persian, at most 31 characters
    headers: list[str]
    rows: Iterable[list[Any]]


def _day(value: str | None) -> str:
    return jalali_date(value, persian=False) if value else ""


def _score(value: float | None) -> float | str:
    return round(value, 1) if value is not None else ""


# --- the tables --------------------------------------------------------------------------


def _inspection_rows(engine: Engine, q: inspections.ListQuery) -> Iterator[list[Any]]:
    for r in inspections.all_rows(engine, q):
        yield [
            r.id,
            _day(r.visit_date),
            r.county,
            vocabulary.OFFICE_TYPES.get(r.office_type, r.office_type),
            r.office_code,
            r.office_name,
            r.inspector_name,
            _score(r.compliance),
            vocabulary.GRADE_LABELS.get(r.grade or "", r.grade or ""),
            r.critical_failures,
            "بله" if r.signer_issued else "خیر",
            STATE_LABELS.get(r.state, r.state),
            jalali_datetime(r.received_at, persian=False),
        ]


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
    "گواهی استانداری",
    "وضعیت بررسی",
    "زمان دریافت",
]


def _documents(
    engine: Engine, q: inspections.ListQuery, batch: int = 200
) -> Iterator[tuple[inspections.Row, InspectionDocument | None]]:
    """Each matching inspection with its parsed canonical JSON (None if it does not parse)."""
    pending: list[inspections.Row] = []

    def flush() -> Iterator[tuple[inspections.Row, InspectionDocument | None]]:
        with engine.connect() as conn:
            texts = dict(
                conn.execute(
                    select(inspections_t.c.id, inspections_t.c.canonical_json).where(
                        inspections_t.c.id.in_([r.id for r in pending])
                    )
                ).all()
            )
        for row in pending:
            try:
                yield row, InspectionDocument.parse(json.loads(texts[row.id]))
            except (KeyError, ValueError, DocumentError):
                yield row, None

    for row in inspections.all_rows(engine, q):
        pending.append(row)
        if len(pending) == batch:
            yield from flush()
            pending = []
    if pending:
        yield from flush()


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


def _answer_rows(engine: Engine, q: inspections.ListQuery) -> Iterator[list[Any]]:
    for row, doc in _documents(engine, q):
        if doc is None:
            continue
        form = doc.loaded_form.form
        for a in doc.answers:
            try:
                item = form.item(a.item_id)
                text, shown = item.text, item.kind.label(item, a.value)
            except (KeyError, TypeError, ValueError):
                text, shown = "", "" if a.value is None else str(a.value)
            yield [
                row.id,
                _day(row.visit_date),
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


def _finding_rows(engine: Engine, q: inspections.ListQuery) -> Iterator[list[Any]]:
    for row, doc in _documents(engine, q):
        for f in doc.findings if doc else []:
            yield [
                row.id,
                _day(row.visit_date),
                row.county,
                row.office_code,
                row.office_name,
                row.inspector_name,
                f.description,
                f.corrective_action,
                _day(f.deadline),
            ]


def _overview_sheets(engine: Engine, q: inspections.ListQuery) -> list[Sheet]:
    """The province figures for the list's date range, county and office type (the overview
    knows no office, inspector, grade or review state)."""
    f = OverviewFilter(q.date_from, q.date_to, q.county or None, q.office_type or None)
    published = publish.registry(engine)
    with engine.connect() as conn:
        overview = compute_server_overview(
            sqlalchemy_runner(conn),
            f,
            offices=registry_offices(published[0] if published else None),
        )
    compliance = ["", "تعداد بازرسی", "دارای امتیاز", "میانگین امتیاز", "با مورد حیاتی ناموفق"]

    def rows(items: Any, label: Callable[[Any], str]) -> list[list[Any]]:
        return [
            [label(r), r.inspections, r.scored, _score(r.mean_score), r.critical] for r in items
        ]

    return [
        Sheet(
            "خلاصه",
            ["شاخص", "مقدار"],
            [
                ["تعداد بازرسی", overview.inspections],
                ["دفترهای بازرسی‌شده", overview.offices_inspected],
                ["میانگین امتیاز", _score(overview.mean_score)],
                ["بازرسی‌های با مورد حیاتی ناموفق", overview.critical],
                ["از تاریخ", _day(q.date_from.isoformat() if q.date_from else None)],
                ["تا تاریخ", _day(q.date_to.isoformat() if q.date_to else None)],
                ["تا امروز", _day(overview.as_of.isoformat())],
            ],
        ),
        Sheet(
            "به تفکیک شهرستان",
            ["شهرستان", *compliance[1:]],
            rows(overview.by_county, lambda r: r.label),
        ),
        Sheet(
            "به تفکیک نوع دفتر",
            ["نوع دفتر", *compliance[1:]],
            rows(overview.by_type, lambda r: r.label),
        ),
        Sheet(
            "به تفکیک ماه",
            ["ماه", *compliance[1:]],
            rows(overview.by_month, lambda r: jalali_month_label(r.key)),
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
                    _day(o.last_visit),
                    "" if o.days_since is None else o.days_since,
                ]
                for o in overview.overdue
            ],
        ),
    ]


def sheets(engine: Engine, kind: str, q: inspections.ListQuery) -> list[Sheet]:
    if kind == "overview":
        return _overview_sheets(engine, q)
    if kind == "answers":
        total = inspections.list_page(engine, q.with_page(1), names={}).total
        if total > ANSWERS_MAX_INSPECTIONS:
            raise TooMany(
                f"پاسخ‌های {total} بازرسی بیش از گنجایش یک کاربرگ است؛ فیلترها را تنگ‌تر کنید "
                f"(تا {ANSWERS_MAX_INSPECTIONS} بازرسی)"
            )
        return [Sheet(KINDS[kind], ANSWER_HEADERS, _answer_rows(engine, q))]
    if kind == "findings":
        return [Sheet(KINDS[kind], FINDING_HEADERS, _finding_rows(engine, q))]
    return [Sheet(KINDS[kind], INSPECTION_HEADERS, _inspection_rows(engine, q))]


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
    book = Workbook(write_only=True)
    for sheet in tables:
        ws = book.create_sheet(sheet.name[:31])
        ws.sheet_view.rightToLeft = True
        ws.append(sheet.headers)
        for row in sheet.rows:
            ws.append(row)
    book.save(out)


def export(engine: Engine, kind: str, fmt: str, q: inspections.ListQuery) -> IO[bytes]:
    """The export as a temporary file (in memory up to 8 MB), rewound for reading."""
    tables = sheets(engine, kind, q)
    out = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115  (returned)
    (write_xlsx if fmt == "xlsx" else write_csv)(tables, out)
    out.seek(0)
    return out
