"""The office registry in SQLite: rows, filters, demo seeding, imports with a report of what
changed. The record schema and the file reader are domain.offices."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from inspector_app.domain.jalali import utc_now_iso
from inspector_app.domain.offices import OFFICE_COLUMNS, OfficeRecord, read_registry_file
from inspector_app.domain.persian import normalize_letters
from inspector_app.storage import audit
from inspector_app.storage.db import writing


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0

    def summary(self) -> str:
        return f"{len(self.added)} added, {len(self.changed)} changed, {self.unchanged} unchanged"


def upsert(db: Database, records: Iterable[OfficeRecord], *, is_demo: bool = False) -> ImportReport:
    """Add or update offices in one transaction; report what changed."""
    report = ImportReport()
    now = utc_now_iso()
    with writing(db):
        for record in records:
            new = record.model_dump()
            old = db.execute(
                f"SELECT {', '.join(OFFICE_COLUMNS)} FROM offices WHERE code = ?", [record.code]
            ).fetchone()
            if old is None:
                report.added.append(record.code)
            elif dict(zip(OFFICE_COLUMNS, old, strict=True)) != new:
                report.changed.append(record.code)
            else:
                report.unchanged += 1
                continue
            db.table("offices").upsert(
                {**new, "is_demo": int(is_demo), "updated_at": now}, pk="code"
            )
        if report.added or report.changed:
            audit.append(
                db,
                "registry_import",
                None,
                {"added": len(report.added), "changed": len(report.changed)},
            )
    return report


def import_file(db: Database, path: Path) -> ImportReport:
    records, meta = read_registry_file(path)
    return upsert(db, records, is_demo=bool(meta.get("demo")))


def seed_if_empty(db: Database, demo_file: Path) -> ImportReport | None:
    """First start: fill an empty registry from the shipped demo data (marked as demo)."""
    if db.execute("SELECT count(*) FROM offices").fetchone()[0]:
        return None
    return import_file(db, demo_file)


def get(db: Database, code: str) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM offices WHERE code = ?", [code]))
    return rows[0] if rows else None


def list_offices(
    db: Database,
    *,
    office_type: str | None = None,
    county: str | None = None,
    status: str | None = None,
) -> list[dict[str, Any]]:
    """Offices with their last inspection date and score, filtered."""
    where: list[str] = []
    params: list[Any] = []
    for column, value in (("type", office_type), ("county", county), ("status", status)):
        if value:
            where.append(f"o.{column} = ?")
            params.append(normalize_letters(value) if column == "county" else value)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    sql = f"""
        SELECT o.*, last.visit_date AS last_visit, last.score AS last_score
        FROM offices o
        LEFT JOIN (
            SELECT office_code, visit_date, score,
                   row_number() OVER (PARTITION BY office_code ORDER BY visit_date DESC,
                                      created_at DESC) AS rn
            FROM inspections
        ) last ON last.office_code = o.code AND last.rn = 1
        {clause}
        ORDER BY o.county, o.city, o.name
    """
    return list(db.query(sql, params))


def counties(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT county FROM offices ORDER BY county")]
