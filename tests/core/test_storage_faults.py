"""Storage failures told apart: a full disk, a read-only file, a failing disk, a missing or
locked file each get their own message; only a damaged file is called corrupt (and only then
is restoring a backup suggested)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from inspector_app import paths
from inspector_app.errors import (
    CannotOpen,
    DatabaseBusy,
    DatabaseCorrupt,
    DiskFull,
    ReadOnlyStorage,
    StorageIOError,
    StorageUnavailable,
)
from inspector_app.services.context import AppContext, open_context
from inspector_app.storage import contents, drafts, inspections
from inspector_app.storage.db import open_database
from tests.helpers.cli import run_cli

from .helpers import new_draft


def _sqlite_error(name: str, text: str) -> sqlite3.OperationalError:
    """An error as SQLite raises it, with its result code (Python 3.11 carries both)."""
    error = sqlite3.OperationalError(text)
    error.sqlite_errorcode = getattr(sqlite3, name)  # type: ignore[attr-defined]
    error.sqlite_errorname = name  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("name", "text", "kind", "words"),
    [
        ("SQLITE_IOERR_READ", "disk I/O error", StorageIOError, "دیسک در خواندن"),
        ("SQLITE_READONLY", "attempt to write a readonly database", ReadOnlyStorage, "فقط‌خواندنی"),
        ("SQLITE_FULL", "database or disk is full", DiskFull, "دیسک پر است"),
        ("SQLITE_CANTOPEN", "unable to open database file", CannotOpen, "باز نشد"),
        ("SQLITE_BUSY", "database is locked", DatabaseBusy, "برنامهٔ دیگری"),
    ],
)
def test_an_unwell_disk_is_not_called_a_corrupt_file(
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    text: str,
    kind: type[StorageUnavailable],
    words: str,
) -> None:
    open_context(data_dir).close()
    path = paths.database_path(data_dir)
    before = path.read_bytes()

    real = sqlite3.connect(":memory:")

    class Failing:
        """A connection whose reads of the file fail as the disk or the file system makes
        SQLite fail (the first read used to say «corrupt, restore a backup» for all of them)."""

        def __getattr__(self, attribute: str) -> object:
            return getattr(real, attribute)

        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
            if sql.startswith("PRAGMA recursive_triggers"):  # a setting, no disk read
                return real.execute(sql, *args)
            raise _sqlite_error(name, text)

    with monkeypatch.context() as patch, pytest.raises(kind) as caught:
        patch.setattr(sqlite3, "connect", lambda *_a, **_k: Failing())  # the edge: SQLite
        open_database(path)
    assert words in caught.value.message and "خراب" not in caught.value.message
    assert "پشتیبان" not in caught.value.message
    assert path.read_bytes() == before
    ran = run_cli("inspections", "list", "--data-dir", str(data_dir))  # the CLI, unpatched
    assert ran.returncode == 0, ran


def test_a_damaged_header_is_corrupt_and_says_restore(data_dir: Path) -> None:
    open_context(data_dir).close()
    path = paths.database_path(data_dir)
    damaged = b"\0" * 16 + path.read_bytes()[16:]
    path.write_bytes(damaged)
    with pytest.raises(DatabaseCorrupt) as caught:
        open_database(path)
    assert "پشتیبان" in caught.value.message and path.read_bytes() == damaged
    ran = run_cli("inspections", "list", "--data-dir", str(data_dir))
    assert ran.returncode == 1 and "خراب" in ran.stderr and "Traceback" not in ran.stderr


def test_a_folder_in_place_of_the_file_cannot_be_opened(tmp_path: Path) -> None:
    folder = tmp_path / "bazres.db"
    folder.mkdir()
    with pytest.raises(CannotOpen) as caught:
        open_database(folder)
    assert "دسترسی" in caught.value.message and "خراب" not in caught.value.message


def test_a_full_disk_a_read_only_file_and_a_lock_are_each_named(context: AppContext) -> None:
    inspection_id = new_draft(context)
    item = inspections.form_of(context.db, inspection_id).sections[0].items[0]
    pages = context.db.execute("PRAGMA page_count").fetchone()[0]
    context.db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own SQLITE_FULL
    with pytest.raises(DiskFull):
        drafts.set_note(context.db, inspection_id, item.id, "یادداشت بلند " * 5000)
    context.db.execute("PRAGMA max_page_count = 1073741823")
    database = paths.database_path(context.data_dir)
    read_only = Database(sqlite3.connect(f"file:{database}?mode=ro", uri=True))
    with pytest.raises(ReadOnlyStorage):
        drafts.set_note(read_only, inspection_id, item.id, "x")
    holder = sqlite3.connect(database)
    holder.execute("BEGIN EXCLUSIVE")
    waiting = Database(sqlite3.connect(database, timeout=0))
    try:
        with pytest.raises(DatabaseBusy):
            drafts.set_note(waiting, inspection_id, item.id, "x")
    finally:
        holder.rollback()
    assert contents.notes_of(context.db, inspection_id).get((item.id, 0), "") == ""
