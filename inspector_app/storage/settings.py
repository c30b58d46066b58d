"""Small key/value settings kept in the database (inspector profile, sync server, ...)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from inspector_app.storage.db import writing


def get(db: Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def put(db: Database, key: str, value: str) -> None:
    with writing(db):
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )


@dataclass(frozen=True)
class InspectorProfile:
    name: str
    personnel_no: str


def inspector_profile(db: Database) -> InspectorProfile:
    return InspectorProfile(
        get(db, "inspector.name", "") or "", get(db, "inspector.personnel_no", "") or ""
    )


def save_inspector_profile(db: Database, profile: InspectorProfile) -> None:
    with writing(db):
        put(db, "inspector.name", profile.name)
        put(db, "inspector.personnel_no", profile.personnel_no)
