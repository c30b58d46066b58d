"""Opening the database: WAL, foreign keys, version checks, backup, then migrations.

A database from a newer version is refused untouched; a corrupt file is reported, never
overwritten; before any migration the file is copied aside with SQLite's backup API.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from inspector_app.domain.jalali import utc_now
from inspector_app.errors import (
    QT_TRANSLATE_NOOP,
    CannotOpen,
    DatabaseBusy,
    DatabaseCorrupt,
    DatabaseTooNew,
    DiskFull,
    KnownError,
    ReadOnlyStorage,
    RecordLocked,
    StorageIOError,
    StorageUnavailable,
)
from inspector_app.storage.migrations import SCHEMA_VERSION, migrations

log = logging.getLogger(__name__)


def open_database(path: Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the app database at `path`, migrated to this version."""
    existed = path.exists() and path.stat().st_size > 0
    if not existed:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise environment_error(exc, path) from exc
    try:
        conn = sqlite3.connect(str(path), timeout=10.0, check_same_thread=False)
    except sqlite3.Error as exc:
        raise classify(exc, path) from exc
    try:
        # No sqlite-utils plugins: we use none, and finding them scans every installed
        # package's metadata; nor should an installed package hook this connection.
        db = Database(conn, execute_plugins=False)  # runs PRAGMA recursive_triggers
        version = _read_version(db, path)
        if version > SCHEMA_VERSION:
            raise DatabaseTooNew(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "این پایگاه داده با نسخهٔ جدیدتری از برنامه ساخته شده است (نسخهٔ طرح "
                    "{version}؛ این برنامه تا نسخهٔ {known} را می‌شناسد). برنامه را به‌روز کنید؛ "
                    "پرونده دست‌نخورده ماند.",
                ),
                where=str(path),
                version=version,
                known=SCHEMA_VERSION,
            )
        _configure(db)
        if migrate and migrations.pending(db):
            if existed and version > 0:
                backup_to(db, path.with_name(f"{path.name}.v{version}-{_stamp()}.bak"))
            log.info("migrating %s from schema %d to %d", path, version, SCHEMA_VERSION)
            migrations.apply(db)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except KnownError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise classify(exc, path) from exc
    return db


def _read_version(db: Database, path: Path) -> int:
    try:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        found = classify(exc, path)
        if not isinstance(found, DatabaseCorrupt):
            raise found from exc  # a full, read-only or failing disk is no reason to restore
        raise DatabaseCorrupt(
            QT_TRANSLATE_NOOP(
                "Errors",
                "پروندهٔ پایگاه داده خراب است یا پایگاه دادهٔ SQLite نیست ({reason}). "
                "پرونده دست‌نخورده ماند؛ آن را از پشتیبان بازیابی کنید.",
            ),
            where=str(path),
            reason=exc,
        ) from exc
    if db["_sqlite_migrations"].exists():
        known = {m.name for m in migrations._migrations}
        unknown = [m.name for m in migrations.applied(db) if m.name not in known]
        if unknown:
            return max(version, SCHEMA_VERSION + len(unknown))
    return version


def _configure(db: Database) -> None:
    db.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed answer survives power loss, not only a process crash.
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 10000")


def _stamp() -> str:
    return utc_now().strftime("%Y%m%dT%H%M%SZ")


# Settings rows that hold a secret and must never be copied: where versions before the keyring
# kept the device token (moved out at the first load of the sync settings, but a copy made
# before that, such as the one taken before a migration, would still carry it).
LEGACY_TOKEN_KEY = "sync.token"


def backup_to(db: Database, target: Path) -> Path:
    """A consistent copy of the live database at `target` (SQLite online backup API), with no
    secret in it: the legacy token row is deleted from the copy and its bytes overwritten."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(str(target))
        try:
            db.conn.backup(dest)
            # In-memory journal and secure_delete: the deleted row leaves no bytes on disk.
            dest.execute("PRAGMA journal_mode = MEMORY")
            dest.execute("PRAGMA secure_delete = ON")
            if dest.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'"
            ).fetchone():
                dest.execute("DELETE FROM settings WHERE key = ?", [LEGACY_TOKEN_KEY])
                dest.commit()
        finally:
            dest.close()
    except (OSError, sqlite3.Error) as exc:
        raise environment_error(exc, target) from exc
    return target


def stage_backup(backup: Path, staging: Path) -> Database:
    """A working copy of `backup` at `staging`, migrated to this version, after checking the
    backup is usable; the backup file itself is only read."""
    try:
        check = open_database(backup, migrate=False)
        check.close()
    except KnownError as exc:
        raise KnownError(
            QT_TRANSLATE_NOOP("Errors", "پروندهٔ پشتیبان قابل استفاده نیست: {reason}"),
            where=str(backup),
            reason=exc,
        ) from exc
    source = sqlite3.connect(str(backup))
    dest = sqlite3.connect(str(staging))
    try:
        source.backup(dest)
    except sqlite3.Error as exc:
        raise environment_error(exc, staging) from exc
    finally:
        source.close()
        dest.close()
    return open_database(staging)


def replace_with(db: Database, staging: Database) -> None:
    """Replace the whole content of `db` with `staging`'s in one write transaction (SQLite's
    backup API in a single step): a crash or power cut midway leaves the old database."""
    try:
        staging.conn.backup(db.conn)
    except sqlite3.Error as exc:
        raise environment_error(exc, db_path(db)) from exc


def environment_error(exc: BaseException, path: Path) -> KnownError:
    """A message the user can act on for disk full, read-only, unreadable or locked storage."""
    if isinstance(exc, sqlite3.Error):
        return classify(exc, path)
    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    if code == errno.ENOSPC or "full" in text:
        return _disk_full(exc, path)
    if code in (errno.EROFS, errno.EACCES, errno.EPERM) or "read-only" in text:
        return _read_only(exc, path)
    if code == errno.EIO:
        return _io_error(exc, path)
    return StorageUnavailable(
        QT_TRANSLATE_NOOP("Errors", "نوشتن در حافظه ممکن نشد ({reason}). چیزی تغییر نکرد."),
        where=str(path),
        reason=exc,
    )


def classify(exc: sqlite3.Error, path: Path | None = None) -> KnownError:
    """The KnownError of an SQLite failure, told by its result code (by its text for an error
    made without one): only a damaged file is called corrupt."""
    where = str(path) if path else None
    code = getattr(exc, "sqlite_errorcode", None)
    primary = None if code is None else code & 0xFF  # extended codes keep the primary below
    text = str(exc).lower()
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or (
        primary is None and ("not a database" in text or "malformed" in text)
    ):
        return DatabaseCorrupt(
            QT_TRANSLATE_NOOP("Errors", "پایگاه داده خراب است ({reason})"), where=where, reason=exc
        )
    if primary == sqlite3.SQLITE_FULL or (primary is None and "full" in text):
        return _disk_full(exc, path)
    if primary == sqlite3.SQLITE_READONLY or (primary is None and "readonly" in text):
        return _read_only(exc, path)
    if primary == sqlite3.SQLITE_IOERR or (primary is None and "i/o error" in text):
        return _io_error(exc, path)
    if primary == sqlite3.SQLITE_CANTOPEN or (primary is None and "unable to open" in text):
        return CannotOpen(
            QT_TRANSLATE_NOOP(
                "Errors",
                "پروندهٔ پایگاه داده باز نشد ({reason}): پوشه یا پرونده نیست، در دسترس نیست یا "
                "اجازهٔ دسترسی ندارد. چیزی تغییر نکرد.",
            ),
            where=where,
            reason=exc,
        )
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or (
        primary is None and ("locked" in text or "busy" in text)
    ):
        return DatabaseBusy(
            QT_TRANSLATE_NOOP(
                "Errors",
                "پایگاه داده در دست برنامهٔ دیگری است؛ کمی بعد دوباره تلاش کنید. چیزی تغییر نکرد.",
            ),
            where=where,
            reason=exc,
        )
    return StorageUnavailable(
        QT_TRANSLATE_NOOP("Errors", "نوشتن در حافظه ممکن نشد ({reason}). چیزی تغییر نکرد."),
        where=where,
        reason=exc,
    )


def _disk_full(exc: BaseException, path: Path | None) -> KnownError:
    return DiskFull(
        QT_TRANSLATE_NOOP(
            "Errors", "دیسک پر است؛ فضا آزاد کنید و دوباره تلاش کنید. چیزی تغییر نکرد."
        ),
        where=str(path) if path else None,
        reason=exc,
    )


def _read_only(exc: BaseException, path: Path | None) -> KnownError:
    return ReadOnlyStorage(
        QT_TRANSLATE_NOOP(
            "Errors", "پوشه یا پرونده فقط‌خواندنی است یا اجازهٔ نوشتن نیست. چیزی تغییر نکرد."
        ),
        where=str(path) if path else None,
        reason=exc,
    )


def _io_error(exc: BaseException, path: Path | None) -> KnownError:
    return StorageIOError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "دیسک در خواندن یا نوشتن خطا داد ({reason}): دیسک یا حافظهٔ جانبی را بررسی کنید. "
            "چیزی تغییر نکرد.",
        ),
        where=str(path) if path else None,
        reason=exc,
    )


def db_path(db: Database) -> Path:
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2])


@contextmanager
def writing(db: Database) -> Iterator[Database]:
    """One committed transaction; environment failures become a KnownError, nothing half-written."""
    try:
        with db.atomic():
            yield db
    except sqlite3.IntegrityError as exc:
        if "finalized" in str(exc):
            raise RecordLocked(
                QT_TRANSLATE_NOOP("Errors", "این بازرسی نهایی شده و دیگر تغییر نمی‌کند.")
            ) from exc
        raise
    except sqlite3.OperationalError as exc:
        raise classify(exc, db_path(db)) from exc
