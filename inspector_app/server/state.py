"""What a running server (or an admin command) works with, opened from the settings in one place:
the data folder, the database engine (schema created if missing) and the file store."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from inspector_app.errors import KnownError
from inspector_app.server.config import Settings
from inspector_app.server.database import create_schema, make_engine
from inspector_app.server.filestore import FolderStore


@dataclass(frozen=True)
class ServerState:
    settings: Settings
    engine: Engine
    files: FolderStore

    def close(self) -> None:
        self.engine.dispose()


def open_state(settings: Settings) -> ServerState:
    """Open the data folder and the database; environment failures are KnownErrors."""
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KnownError(
            f"data folder cannot be created: {exc}", where=str(settings.data_dir)
        ) from exc
    engine = make_engine(settings.database_url)
    try:
        create_schema(engine)
    except Exception as exc:  # wrong URL, server down, bad credentials
        engine.dispose()
        raise KnownError(f"the database cannot be opened: {type(exc).__name__}: {exc}") from exc
    return ServerState(settings, engine, FolderStore(settings.data_dir / "files"))
