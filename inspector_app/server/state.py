"""What a running server (or an admin command) works with, opened from the settings in one place:
the data folder, the database engine (created at the newest schema revision if empty, refused
if not at this version's: server/schema.py) and the file store."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from inspector_app.errors import KnownError
from inspector_app.server import schema
from inspector_app.server.config import Settings
from inspector_app.server.database import SQLITE_FILE, make_engine
from inspector_app.server.filestore import FileStore, FolderStore


@dataclass(frozen=True)
class ServerState:
    settings: Settings
    engine: Engine
    files: FileStore

    def close(self) -> None:
        self.engine.dispose()


def open_state(settings: Settings) -> ServerState:
    """Open the data folder and the database; environment failures are KnownErrors."""
    try:
        settings.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise KnownError(
            f"data folder cannot be created: {exc}", where=str(settings.data_dir)
        ) from exc
    if settings.db is None:
        _private_file(settings.data_dir / SQLITE_FILE)
    engine = make_engine(settings.database_url)
    try:
        schema.ensure_current(engine)
    except KnownError:
        engine.dispose()
        raise
    except Exception as exc:  # wrong URL, server down, bad credentials
        engine.dispose()
        raise KnownError(f"the database cannot be opened: {type(exc).__name__}: {exc}") from exc
    try:
        files = open_file_store(settings)
    except KnownError:
        engine.dispose()
        raise
    return ServerState(settings, engine, files)


def open_file_store(settings: Settings) -> FileStore:
    """The store the settings name: the S3 bucket (checked now: KnownError if it cannot be
    used), else the data folder's `files/`."""
    if settings.file_store:
        from inspector_app.server.s3store import open_s3_store  # boto3: only when asked for

        return open_s3_store(settings)
    return FolderStore(settings.data_dir / "files")


def _private_file(path: Path) -> None:
    """Made (empty is a valid SQLite database) or kept readable by this user only, whatever the
    umask, before SQLite opens it: it gives its -wal and -shm files the database's mode."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        path.chmod(0o600)
    except OSError as exc:
        raise KnownError(f"the database file cannot be created: {exc}", where=str(path)) from exc
