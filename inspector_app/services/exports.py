"""The one audit entry for an inspection leaving the app (a PDF or JSON file), same shape
from the desktop app and the CLI."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from inspector_app.storage import audit
from inspector_app.storage.db import writing


def record_export(db: Database, inspection_id: str, fmt: str, **details: Any) -> None:
    """Note in the audit log that an inspection was written out as `fmt` (pdf, json)."""
    with writing(db):
        audit.append(db, "export", inspection_id, {"format": fmt, **details})
