"""The app as uvicorn's worker processes build it (`serve --workers N`).

Each worker is a process of its own with its own database pool; they share the data folder
(files, update key) and the database. The parent passes its options through the environment.
"""

from __future__ import annotations

import os
from pathlib import Path

from inspector_app.server.database import database_url, make_engine
from inspector_app.server.faults import Faults
from inspector_app.server.filestore import FolderStore
from inspector_app.server.state import ServerState

DATA = "BAZRES_SERVER_WORKER_DATA"
DB = "BAZRES_SERVER_WORKER_DB"
MAX_UPLOAD = "BAZRES_SERVER_WORKER_MAX_UPLOAD"


def create() -> object:
    from inspector_app.server.app import BodyLimit, create_app

    data_dir = Path(os.environ[DATA])
    engine = make_engine(database_url(data_dir, os.environ.get(DB) or None))
    state = ServerState(engine, FolderStore(data_dir / "files"), data_dir)
    state.max_upload = int(os.environ[MAX_UPLOAD])
    state.faults = Faults.from_env()
    return BodyLimit(create_app(state), state)
