"""What console pages get through `Depends`: the database, the file store and the settings of
the running server (opened by the app's lifespan, app.py).

The console takes them from here, not from api/deps.py or server/state.py: the API uses the
console (returned reviews) and the server state registers the console's tables, so the
console importing either would make an import cycle."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine

from inspector_app.server.config import Settings
from inspector_app.server.filestore import FileStore


def console_db(request: Request) -> Engine:
    engine: Engine = request.app.state.server.engine
    return engine


def console_files(request: Request) -> FileStore:
    files: FileStore = request.app.state.server.files
    return files


def console_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.server.settings
    return settings


ConsoleDb = Annotated[Engine, Depends(console_db)]
ConsoleFiles = Annotated[FileStore, Depends(console_files)]
ConsoleSettings = Annotated[Settings, Depends(console_settings)]
