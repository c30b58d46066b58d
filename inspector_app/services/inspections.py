"""Inspections as the desktop UI lists them outside an editor: the filtered list, deleting a
draft, and the stored hash a signed report is checked against."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from inspector_app.errors import NotFound
from inspector_app.storage import inspections


def list_inspections(
    db: Database,
    *,
    status: str | None = None,
    county: str | None = None,
    office_type: str | None = None,
    office_code: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Inspections newest first, with office name/type/county; dates are ISO visit dates."""
    return inspections.list_inspections(
        db,
        status=status,
        county=county,
        office_type=office_type,
        office_code=office_code,
        date_from=date_from,
        date_to=date_to,
        limit=limit,
    )


def delete_draft(db: Database, inspection_id: str) -> None:
    inspections.delete_draft(db, inspection_id)


@dataclass(frozen=True)
class StoredHash:
    status: str
    canonical_sha256: str | None  # None while a draft


def stored_hash(db: Database, inspection_id: str) -> StoredHash | None:
    """The inspection's status and canonical sha256 here, or None when it is not here."""
    try:
        row = inspections.get(db, inspection_id)
    except NotFound:
        return None
    return StoredHash(row["status"], row["canonical_sha256"])
