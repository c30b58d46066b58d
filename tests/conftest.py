"""Shared fixtures: every test gets a fresh data folder; Qt runs offscreen; every SQLite
connection a test opened is closed when it ends."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.paths import ARTIFACTS

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.helpers.strict"]


@pytest.fixture(autouse=True)
def close_databases(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A test that forgets `db.close()` must not leave its file open for the next test (on
    Windows the temporary folder could not even be removed). sqlite_utils and the storage layer
    both call `sqlite3.connect`, so recording it sees every connection."""
    opened: list[sqlite3.Connection] = []
    connect = sqlite3.connect

    def recording(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)  # type: ignore[call-overload]
        opened.append(conn)
        return conn

    monkeypatch.setattr(sqlite3, "connect", recording)
    yield
    for conn in opened:
        with contextlib.suppress(sqlite3.ProgrammingError):  # another thread's, or closed
            conn.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def context(data_dir: Path) -> Iterator[object]:
    from inspector_app.services.context import open_context

    ctx = open_context(data_dir)
    yield ctx
    ctx.close()


@pytest.fixture
def artifacts() -> Path:
    """Where tests leave screenshots and rendered pages for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
