"""The app as uvicorn's worker processes build it (`serve --workers N`).

Each worker is a process of its own with its own database pool; they share the data folder
(files, update key) and the database. The parent passes its settings through the environment
(config.Settings.to_env).
"""

from __future__ import annotations

import os

from fastapi import FastAPI

from inspector_app.server.app import create_app
from inspector_app.server.config import Settings


def create() -> FastAPI:
    os.umask(0o077)  # as the parent (server/cli.py): files it creates are 0600
    return create_app(Settings.load())
