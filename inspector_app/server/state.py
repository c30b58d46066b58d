"""What a running server (or an admin command) works with: database, file store, limits."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from inspector_app.server.faults import Faults
from inspector_app.server.filestore import FileStore


@dataclass
class ServerState:
    engine: Engine
    files: FileStore
    data_dir: Path
    max_upload: int = 64 * 1024 * 1024
    faults: Faults = field(default_factory=Faults)
