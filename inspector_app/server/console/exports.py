"""Exports of received inspections for the governorate: inspections, answers, findings and the
province overview figures, as CSV or XLSX (the sheets and files are figures/spreadsheets.py,
the same as the laptop's exports).

Each export takes the list's filters (console/inspections.py) and reads the rows in batches;
the overview is the same figures as the laptop's Overview (server/figures.py).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from typing import IO, Any

from sqlalchemy import Engine, select

from inspector_app.domain.inspection_document import DocumentError, InspectionDocument
from inspector_app.domain.jalali import jalali_datetime
from inspector_app.domain.working_days import CALENDAR_DAYS, WorkCalendar
from inspector_app.figures import spreadsheets
from inspector_app.figures.filters import OverviewFilter
from inspector_app.figures.queries import sqlalchemy_runner
from inspector_app.figures.spreadsheets import KINDS, Sheet
from inspector_app.server import publish
from inspector_app.server.console import inspections
from inspector_app.server.console.review import STATE_LABELS
from inspector_app.server.database import inspections_t
from inspector_app.server.figures import compute_server_overview, registry_offices

INSPECTION_HEADERS = [
    *spreadsheets.INSPECTION_HEADERS,
    "گواهی استانداری",
    "وضعیت بررسی",
    "زمان دریافت",
]


def _inspection_rows(engine: Engine, q: inspections.ListQuery) -> Iterator[list[Any]]:
    for r in inspections.all_rows(engine, q):
        yield [
            *spreadsheets.inspection_cells(r),
            "بله" if r.signer_issued else "خیر",
            STATE_LABELS.get(r.state, r.state),
            jalali_datetime(r.received_at, persian=False),
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


def _answer_rows(engine: Engine, q: inspections.ListQuery) -> Iterator[list[Any]]:
    for row, doc in _documents(engine, q):
        if doc is not None:
            yield from spreadsheets.answer_rows(row, doc)


def _finding_rows(engine: Engine, q: inspections.ListQuery) -> Iterator[list[Any]]:
    for row, doc in _documents(engine, q):
        if doc is not None:
            yield from spreadsheets.finding_rows(row, doc)


def _overview_sheets(
    engine: Engine, q: inspections.ListQuery, calendar: WorkCalendar
) -> list[Sheet]:
    """The province figures for the list's date range, county and office type (the overview
    knows no office, inspector, grade or review state)."""
    f = OverviewFilter(q.date_from, q.date_to, q.county or None, q.office_type or None)
    published = publish.registry(engine)
    with engine.connect() as conn:
        overview = compute_server_overview(
            sqlalchemy_runner(conn),
            f,
            offices=registry_offices(published[0] if published else None),
            calendar=calendar,
        )
    return spreadsheets.overview_sheets(overview)


def sheets(
    engine: Engine, kind: str, q: inspections.ListQuery, calendar: WorkCalendar = CALENDAR_DAYS
) -> list[Sheet]:
    if kind == "overview":
        return _overview_sheets(engine, q, calendar)
    if kind == "answers":
        total = inspections.list_page(engine, q.with_page(1), names={}).total
        spreadsheets.check_answers_fit(total)
        return [Sheet(KINDS[kind], spreadsheets.ANSWER_HEADERS, _answer_rows(engine, q))]
    if kind == "findings":
        return [Sheet(KINDS[kind], spreadsheets.FINDING_HEADERS, _finding_rows(engine, q))]
    return [Sheet(KINDS[kind], INSPECTION_HEADERS, _inspection_rows(engine, q))]


def export(
    engine: Engine,
    kind: str,
    fmt: str,
    q: inspections.ListQuery,
    calendar: WorkCalendar = CALENDAR_DAYS,
) -> IO[bytes]:
    """The export as a temporary file (in memory up to 8 MB), rewound for reading; the
    overview's days counted on `calendar`."""
    tables = sheets(engine, kind, q, calendar)
    out = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115  (returned)
    spreadsheets.write(tables, fmt, out)
    out.seek(0)
    return out
