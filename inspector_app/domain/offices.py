"""The office registry's rows as imported: the record schema and the registry file reader
(CSV or JSON). Shared by the laptop (storage.offices) and the server (publish)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from inspector_app.domain.persian import normalize_letters, to_latin_digits
from inspector_app.errors import QT_TRANSLATE_NOOP, InvalidImport

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
