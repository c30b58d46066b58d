from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inspector_app import paths
from inspector_app.errors import DatabaseCorrupt, DatabaseTooNew, RecordLocked, StorageUnavailable
from inspector_app.services.context import AppContext, open_context
from inspector_app.storage import audit, contents, drafts, inspections
from inspector_app.storage.db import open_database
from inspector_app.storage.migrations import SCHEMA_VERSION

from .helpers import new_draft


def test_database_settings_and_version(context: AppContext) -> None:
    db = context.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert paths.database_path(context.data_dir).exists()


def test_data_dir_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("INSPECTOR_APP_DATA", str(tmp_path / "env"))
    assert paths.data_dir() == (tmp_path / "env").resolve()
    assert paths.data_dir(tmp_path / "flag") == (tmp_path / "flag").resolve()


def test_newer_database_is_refused_untouched(data_dir: Path) -> None:
    path = paths.database_path(data_dir)
    open_context(data_dir).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew) as caught:
        open_database(path)
    assert "جدیدتر" in caught.value.message
    assert path.read_bytes() == before


def test_corrupt_file_is_reported_never_overwritten(data_dir: Path) -> None:
    path = paths.database_path(data_dir)
    path.write_bytes(b"this is not a database, it is a shopping list " * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseCorrupt):
        open_database(path)
    assert path.read_bytes() == before


@pytest.fixture
def extra_migration(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Register one more migration step for the length of a test."""
    from inspector_app.storage import db as db_module
    from inspector_app.storage import migrations as m

    added: list[str] = []

    def register(fn):  # type: ignore[no-untyped-def]
        m.migrations(name=f"9999_{fn.__name__}")(fn)
        added.append(f"9999_{fn.__name__}")
        monkeypatch.setattr(db_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)

    yield register
    m.migrations._migrations[:] = [x for x in m.migrations._migrations if x.name not in added]


def test_migration_takes_a_backup_first(data_dir: Path, extra_migration) -> None:  # type: ignore[no-untyped-def]
    path = paths.database_path(data_dir)
    open_context(data_dir).close()

    def add_colour(db) -> None:  # type: ignore[no-untyped-def]
        db.execute("ALTER TABLE offices ADD COLUMN colour TEXT")

    extra_migration(add_colour)
    db = open_database(path)
    assert "colour" in db["offices"].columns_dict
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    db.close()
    backups = list(data_dir.glob(f"bazres.db.v{SCHEMA_VERSION}-*.bak"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert "colour" not in [r[1] for r in old.execute("PRAGMA table_info(offices)")]
    assert old.execute("SELECT count(*) FROM offices").fetchone()[0] > 50
    old.close()


def test_failed_migration_rolls_back(data_dir: Path, extra_migration) -> None:  # type: ignore[no-untyped-def]
    path = paths.database_path(data_dir)
    open_context(data_dir).close()

    def half_done(db) -> None:  # type: ignore[no-untyped-def]
        db.execute("ALTER TABLE offices ADD COLUMN colour TEXT")
        raise RuntimeError("step failed half way")

    extra_migration(half_done)
    with pytest.raises(RuntimeError):
        open_database(path)
    conn = sqlite3.connect(path)
    assert "colour" not in [r[1] for r in conn.execute("PRAGMA table_info(offices)")]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(StorageUnavailable):
            open_database(folder / "bazres.db")
    finally:
        folder.chmod(stat.S_IRWXU)


def test_read_only_database_write_is_a_clear_error(context: AppContext) -> None:
    inspection_id = new_draft(context)
    ro = sqlite3.connect(f"file:{paths.database_path(context.data_dir)}?mode=ro", uri=True)
    from sqlite_utils import Database

    db = Database(ro)
    with pytest.raises(StorageUnavailable) as caught:
        drafts.set_note(
            db, inspection_id, inspections.form_of(db, inspection_id).sections[0].items[0].id, "x"
        )
    assert "فقط‌خواندنی" in caught.value.message


def test_answer_is_committed_before_the_call_returns(context: AppContext) -> None:
    inspection_id = new_draft(context)
    item = inspections.form_of(context.db, inspection_id).sections[0].items[0]
    drafts.set_answer(context.db, inspection_id, item.id, "yes", note="یادداشت")
    other = sqlite3.connect(paths.database_path(context.data_dir))
    row = other.execute(
        "SELECT value, note FROM answers WHERE inspection_id = ? AND item_id = ?",
        [inspection_id, item.id],
    ).fetchone()
    other.close()
    assert row == ('"yes"', "یادداشت")


WRITER = """
import sys, time
from pathlib import Path
from inspector_app.services.context import open_context
from inspector_app.storage import drafts, inspections
ctx = open_context(Path(sys.argv[1]))
iid = sys.argv[2]
items = [i for i in inspections.form_of(ctx.db, iid).checklist_items() if i.type == "yesno"]
n = 0
while True:
    drafts.set_answer(ctx.db, iid, items[n % len(items)].id, "yes" if n % 2 else "no",
                      note=f"note {n}")
    print(n, flush=True)
    n += 1
"""


def test_kill_9_loses_no_committed_answer(context: AppContext) -> None:
    inspection_id = new_draft(context)
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(context.data_dir), inspection_id],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    acknowledged = -1
    deadline = time.monotonic() + 60
    while acknowledged < 30 and time.monotonic() < deadline:
        acknowledged = int(proc.stdout.readline())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    ctx = open_context(context.data_dir)
    notes = set(contents.notes_of(ctx.db, inspection_id).values())
    items = [
        i for i in inspections.form_of(ctx.db, inspection_id).checklist_items() if i.type == "yesno"
    ]
    # every acknowledged write of the last round over the items is there
    for n in range(max(0, acknowledged - len(items) + 1), acknowledged + 1):
        assert f"note {n}" in notes
    assert audit.verify_chain(ctx.db).ok
    ctx.close()


def finalize_by_sql(context: AppContext, inspection_id: str) -> None:
    context.db.execute(
        "UPDATE inspections SET status = 'finalized', finalized_at = '2024-01-01T00:00:00Z' "
        "WHERE id = ?",
        [inspection_id],
    )
    context.db.conn.commit()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE inspections SET score = 100 WHERE id = :id",
        "UPDATE inspections SET status = 'draft' WHERE id = :id",
        "DELETE FROM inspections WHERE id = :id",
        "UPDATE answers SET value = '\"no\"' WHERE inspection_id = :id",
        "DELETE FROM answers WHERE inspection_id = :id",
        "INSERT INTO answers (inspection_id, item_id, repeat_index, value, note, updated_at) "
        "VALUES (:id, 'zzz', 0, '1', '', 'x')",
        "DELETE FROM photos WHERE inspection_id = :id",
        "UPDATE photos SET caption = 'x' WHERE inspection_id = :id",
        "DELETE FROM interviews WHERE inspection_id = :id",
        "DELETE FROM findings WHERE inspection_id = :id",
    ],
)
def test_finalized_inspection_refuses_sql_changes(context: AppContext, sql: str) -> None:
    from inspector_app.services import demo

    inspection_id = new_draft(context)
    import random

    demo.fill_inspection(context, inspection_id, random.Random(3), interviews=1)
    finalize_by_sql(context, inspection_id)
    raw = sqlite3.connect(paths.database_path(context.data_dir))
    with pytest.raises(sqlite3.IntegrityError, match="finalized"):
        raw.execute(sql, {"id": inspection_id})
    raw.close()


def test_finalized_may_only_move_to_synced(context: AppContext) -> None:
    inspection_id = new_draft(context)
    finalize_by_sql(context, inspection_id)
    context.db.execute(
        "UPDATE inspections SET status = 'synced', synced_at = '2024-01-02T00:00:00Z' WHERE id = ?",
        [inspection_id],
    )
    with pytest.raises(sqlite3.IntegrityError):
        context.db.execute(
            "UPDATE inspections SET status = 'finalized' WHERE id = ?", [inspection_id]
        )
    item = inspections.form_of(context.db, inspection_id).sections[0].items[0]
    with pytest.raises(RecordLocked):
        drafts.set_answer(context.db, inspection_id, item.id, "yes")
    with pytest.raises(RecordLocked):
        inspections.delete_draft(context.db, inspection_id)


def test_audit_chain_detects_a_removed_entry(context: AppContext) -> None:
    inspection_id = new_draft(context)
    item = inspections.form_of(context.db, inspection_id).sections[0].items[0]
    for value in ("yes", "no", "yes"):
        drafts.set_answer(context.db, inspection_id, item.id, value)
    assert audit.verify_chain(context.db).ok
    raw = sqlite3.connect(paths.database_path(context.data_dir))
    raw.execute("DROP TRIGGER audit_log_append_only_delete")
    raw.execute("DELETE FROM audit_log WHERE seq = (SELECT min(seq) + 1 FROM audit_log)")
    raw.commit()
    raw.close()
    report = audit.verify_chain(context.db)
    assert not report.ok and report.broken_at is not None


def test_full_disk_is_a_clear_error_and_changes_nothing(context: AppContext) -> None:
    inspection_id = new_draft(context)
    item = inspections.form_of(context.db, inspection_id).sections[0].items[0]
    before = contents.notes_of(context.db, inspection_id)
    # SQLite reports a full disk and a database at its page limit the same way (SQLITE_FULL).
    pages = context.db.execute("PRAGMA page_count").fetchone()[0]
    context.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StorageUnavailable) as caught:
        drafts.set_note(context.db, inspection_id, item.id, "یادداشت بلند " * 5000)
    assert "دیسک پر است" in caught.value.message
    context.db.execute("PRAGMA max_page_count = 1073741823")
    assert contents.notes_of(context.db, inspection_id) == before
    assert audit.verify_chain(context.db).ok
