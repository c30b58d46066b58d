"""The inspector profile a returning user already has, stored before the app starts, so the
first-run setup (shown while no profile exists) does not stand in front of the window."""

from __future__ import annotations

from pathlib import Path

from inspector_app import paths
from inspector_app.storage import settings
from inspector_app.storage.db import open_database

SEEDED_PROFILE = settings.InspectorProfile("مریم احمدی", "12345")


def seed_profile(data_dir: Path, profile: settings.InspectorProfile = SEEDED_PROFILE) -> None:
    """Store `profile` in the data folder's database (kept if one is stored already)."""
    db = open_database(paths.database_path(data_dir))
    try:
        if not settings.has_inspector_profile(db):
            settings.save_inspector_profile(db, profile)
    finally:
        db.close()
