"""Spreadsheet exports from the laptop: its inspections, their answers and findings, and the
overview figures, as CSV or XLSX with the governorate console's sheets and Persian headers
(figures/spreadsheets.py), for the app's Inspections and Overview pages and `inspector-app
export`.

A file is written beside its target and moved over it only when whole, so a full disk or a
refused export never leaves half a spreadsheet under the name asked for; each export is one
audit entry (what left the laptop: the kind, the format, the filters and the count).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from inspector_app.domain import vocabulary
from inspector_app.domain.inspection_document import InspectionDocument
from inspector_app.domain.jalali import jalali_datetime
from inspector_app.errors import QT_TRANSLATE_NOOP, KnownError
from inspector_app.figures import spreadsheets
from inspector_app.figures.filters import OverviewFilter
from inspector_app.figures.spreadsheets import FORMATS, KINDS, Sheet
from inspector_app.services.inspection_document import build_document
from inspector_app.services.overview.local import overview_of
from inspector_app.storage import audit, inspections
from inspector_app.storage.db import open_database, writing

INSPECTION_HEADERS = [*spreadsheets.INSPECTION_HEADERS, "وضعیت", "زمان نهایی‌شدن"]


class ExportFailed(KnownError):
    """The file could not be written (a full disk, a folder that is not there or not ours)."""


@dataclass(frozen=True)
class LaptopLine:
    """A row of the laptop's inspections list, in the shape the sheets read."""

    id: str
    visit_date: str
    county: str
    office_type: str
    office_code: str
    office_name: str
    inspector_name: str
    compliance: float | None
    grade: str | None
    critical_failures: int
    status: str
    finalized_at: str | None

    @classmethod
    def of(cls, row: dict[str, Any]) -> LaptopLine:
        return cls(
            id=row["id"],
            visit_date=row["visit_date"] or "",
            county=row["county"] or "",
            office_type=row["office_type"] or "",
            office_code=row["office_code"],
            office_name=row["office_name"] or "",
            inspector_name=row["inspector_name"] or "",
            compliance=row["score"],
            grade=row["grade"],
            critical_failures=row["critical_failed"] or 0,
            status=row["status"],
            finalized_at=row["finalized_at"],
        )


@dataclass(frozen=True)
class ExportRequest:
    """What to export: `kind` (inspections, answers, findings, overview) as `fmt` (csv, xlsx),
    of the inspections `f` selects (its dates, county, office type; drafts only when it says
    so) and, when given, of one `status` only."""

    kind: str
    fmt: str
    f: OverviewFilter
    status: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS or self.fmt not in FORMATS:
            raise ValueError(f"unknown export {self.kind}.{self.fmt}")


def lines(db: Database, request: ExportRequest) -> list[LaptopLine]:
    f = request.f
    rows = inspections.list_inspections(
        db,
        status=request.status,
        county=f.county,
        office_type=f.office_type,
        date_from=f.date_from.isoformat() if f.date_from else None,
        date_to=f.date_to.isoformat() if f.date_to else None,
    )
    if request.status is None and not f.include_drafts:
        rows = [r for r in rows if r["status"] != "draft"]
    return [LaptopLine.of(r) for r in rows]


def _inspection_rows(found: list[LaptopLine]) -> Iterator[list[Any]]:
    for line in found:
        yield [
            *spreadsheets.inspection_cells(line),
            vocabulary.INSPECTION_STATUSES.get(line.status, line.status),
            jalali_datetime(line.finalized_at, persian=False) if line.finalized_at else "",
        ]


def _documents(
    db: Database, found: list[LaptopLine]
) -> Iterator[tuple[LaptopLine, InspectionDocument]]:
    for line in found:
        yield line, build_document(db, line.id)


def sheets(db: Database, request: ExportRequest) -> tuple[list[Sheet], int]:
    """The export's sheets and how many inspections they cover."""
    if request.kind == "overview":
        overview = overview_of(db, request.f)
        return spreadsheets.overview_sheets(overview), overview.inspections
    found = lines(db, request)
    name = KINDS[request.kind]
    if request.kind == "answers":
        spreadsheets.check_answers_fit(len(found))
        rows = (
            r for line, doc in _documents(db, found) for r in spreadsheets.answer_rows(line, doc)
        )
        return [Sheet(name, spreadsheets.ANSWER_HEADERS, rows)], len(found)
    if request.kind == "findings":
        rows = (
            r for line, doc in _documents(db, found) for r in spreadsheets.finding_rows(line, doc)
        )
        return [Sheet(name, spreadsheets.FINDING_HEADERS, rows)], len(found)
    return [Sheet(name, INSPECTION_HEADERS, _inspection_rows(found))], len(found)


def export(db: Database, request: ExportRequest, target: Path) -> int:
    """Write the export to `target` (replaced only once whole); the number of inspections."""
    tables, count = sheets(db, request)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
    except OSError as exc:
        raise _failed(exc, target) from exc
    try:
        with os.fdopen(handle, "wb") as out:
            spreadsheets.write(tables, request.fmt, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        raise _failed(exc, target) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    _record(db, request, target, count)
    return count


def export_at(db_path: Path, request: ExportRequest, target: Path) -> int:
    """`export` on a connection of its own (the app's pages run it on a worker thread)."""
    db = open_database(db_path)
    try:
        return export(db, request, target)
    finally:
        db.close()


def _record(db: Database, request: ExportRequest, target: Path, count: int) -> None:
    f = request.f
    detail: dict[str, Any] = {
        "format": request.fmt,
        "kind": request.kind,
        "inspections": count,
        "path": target.name,
        "from": _iso(f.date_from),
        "to": _iso(f.date_to),
        "county": f.county,
        "office_type": f.office_type,
        "status": request.status,
        "include_drafts": f.include_drafts,
    }
    with writing(db):
        audit.append(db, "export_sheet", None, {k: v for k, v in detail.items() if v is not None})


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _failed(exc: OSError, target: Path) -> ExportFailed:
    return ExportFailed(
        QT_TRANSLATE_NOOP("Errors", "پرونده نوشته نشد: {reason}"),
        reason=exc.strerror or str(exc),
        where=str(target),
    )
