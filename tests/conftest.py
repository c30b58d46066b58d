"""Shared fixtures: every test gets a fresh data folder; Qt runs offscreen; every SQLite
connection a test opened is closed when it ends."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

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


@pytest.fixture(autouse=True, scope="session")
def no_system_keyring(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Device tokens made in tests go to the encrypted fallback file, its key in a folder of
    this run: never into this machine's keyring or the user's configuration folder (and so
    for the app processes a test starts, through the environment)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        patch.setenv("INSPECTOR_APP_SECRETS", str(tmp_path_factory.mktemp("secrets")))
        keyring.set_keyring(fail.Keyring())
        yield


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
