"""The office registry: rows, filters, demo seeding, and imports with a report of what changed."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from sqlite_utils import Database

from inspector_app.domain.jalali import utc_now_iso
from inspector_app.domain.persian import normalize_letters, to_latin_digits
from inspector_app.errors import QT_TRANSLATE_NOOP, InvalidImport
from inspector_app.storage import audit
from inspector_app.storage.db import writing

OFFICE_COLUMNS = (
    "code",
    "name",
    "type",
    "county",
    "city",
    "address",
    "phone",
    "manager",
    "licence_no",
    "status",
    "lat",
    "lon",
)
REQUIRED_COLUMNS = ("code", "name", "type", "county", "city", "status")


class OfficeRecord(BaseModel):
    """One registry row as imported; names are stored with Persian yeh/kaf."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    code: str = Field(min_length=1, max_length=40)
    name: str = Field(min_length=1)
    type: Literal["pishkhan", "police10", "brokerage"]
    county: str = Field(min_length=1)
    city: str = Field(min_length=1)
    address: str = ""
    phone: str = ""
    manager: str = ""
    licence_no: str = ""
    status: Literal["active", "pending", "closed"]
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)

    @field_validator("name", "county", "city", "address", "manager")
    @classmethod
    def _persian_letters(cls, value: str) -> str:
        return normalize_letters(value)

    @field_validator("code", "phone", "licence_no")
    @classmethod
    def _latin_digits(cls, value: str) -> str:
        return to_latin_digits(value)

    @field_validator("lat", "lon", mode="before")
    @classmethod
    def _empty_is_none(cls, value: Any) -> Any:
        return None if value in ("", None) else value


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0

    def summary(self) -> str:
        return f"{len(self.added)} added, {len(self.changed)} changed, {self.unchanged} unchanged"


def read_registry_file(path: Path) -> tuple[list[OfficeRecord], dict[str, Any]]:
    """Parse a registry file (JSON or CSV); InvalidImport names the file, line/row and reason."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "پرونده خوانده نشد: {reason}"), where=where, reason=exc
        ) from exc
    meta: dict[str, Any] = {}
    rows: list[tuple[str, dict[str, Any]]]
    if path.suffix.lower() == ".json":
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidImport(
                QT_TRANSLATE_NOOP("Errors", "JSON نامعتبر: {reason}"),
                where=f"{where}:{exc.lineno}",
                reason=exc.msg,
            ) from exc
        if isinstance(document, dict):
            meta = {k: v for k, v in document.items() if k != "offices"}
            document = document.get("offices")
        if not isinstance(document, list):
            raise InvalidImport(
                QT_TRANSLATE_NOOP("Errors", "JSON باید فهرست «offices» داشته باشد"), where=where
            )
        rows = [
            (f"office #{i + 1}", r if isinstance(r, dict) else {}) for i, r in enumerate(document)
        ]
    elif path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InvalidImport(
                QT_TRANSLATE_NOOP("Errors", "ستون‌های لازم نیست: {columns}"),
                where=f"{where}:1",
                columns=", ".join(missing),
            )
        rows = [(f"line {i + 2}", dict(r)) for i, r in enumerate(reader)]
    else:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "فقط پروندهٔ CSV یا JSON پذیرفته می‌شود"), where=where
        )
    records: list[OfficeRecord] = []
    seen: set[str] = set()
    for label, row in rows:
        try:
            record = OfficeRecord.model_validate(row)
        except ValidationError as exc:
            first = exc.errors()[0]
            column = ".".join(str(p) for p in first["loc"])
            raise InvalidImport(
                QT_TRANSLATE_NOOP("Errors", "{row}، ستون {column}: {reason}"),
                where=where,
                row=label,
                column=column,
                reason=first["msg"],
            ) from exc
        if record.code in seen:
            raise InvalidImport(
                QT_TRANSLATE_NOOP("Errors", "{row}: کد تکراری {code}"),
                where=where,
                row=label,
                code=record.code,
            )
        seen.add(record.code)
        records.append(record)
    return records, meta


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
