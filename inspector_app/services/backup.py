"""Backing the database up to a file, and restoring it from one (after a safety copy).

A backup holds no device token: the token lives outside the database (services.sync.config),
and one an earlier version left in the settings table is moved out before the copy."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from inspector_app.domain.jalali import utc_now
from inspector_app.services.sync import config
from inspector_app.storage import db as storage_db


def back_up(db: Database, target: Path) -> Path:
    """A consistent copy of the live database at `target`."""
    config.move_plain_token(db)
    return storage_db.backup_to(db, target)


def safety_copy_path(database: Path) -> Path:
    """Where the state before a restore is kept, beside the database."""
    stamp = utc_now().strftime("%Y%m%dT%H%M%SZ")
    return database.with_name(f"{database.name}.before-restore-{stamp}.bak")


def restore(db: Database, source: Path, database: Path, safety: Path) -> Path:
    """Copy the live database to `safety`, then replace `database` with `source`."""
    storage_db.backup_to(db, safety)
    storage_db.restore_from(source, database)
    return source
