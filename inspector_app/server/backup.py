"""A backup of the server: its database, file store and keys, with a manifest of sha256s.

The database is copied first (SQLite's online backup API, or `pg_dump` for PostgreSQL), then
the files. That order keeps the two consistent while the server runs: a file is stored before
the row naming it commits, and stored files are never changed or removed, so every file the
copied database names is already in the store when the files are copied (the backup checks
it). The keys are copied as they are, encrypted under the key passphrase, which is not in the
backup: keep it apart from it.

With the files in an S3 bucket (`--file-store s3://...`), the backup copies out of the bucket
every object the copied database names, each checked against its sha256, into the same
`files/` as a folder store's: the backup is whole without the bucket (objects no row names,
such as those of an upload cut off before its row, are left out). Restore puts them back into
the bucket the settings name (or into the data folder without `--file-store`: a backup moves
between the two stores either way).

A backup folder holds `database/server.db` or `database/postgres.dump`, `files/`, `keys/`, and
`manifest.json`, written last. Restore checks every file against the manifest before it
changes anything, and never overwrites a data folder or a database that holds something
unless asked to (then the old data folder's contents are moved aside, not deleted).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect, make_url

from inspector_app.errors import KnownError
from inspector_app.server import schema
from inspector_app.server.config import Settings
from inspector_app.server.database import SQLITE_FILE, make_engine
from inspector_app.server.filestore import FileStore
from inspector_app.server.state import open_file_store

FORMAT = "bazres-server-backup"
MANIFEST = "manifest.json"
SQLITE_COPY = "database/server.db"
PG_DUMP = "database/postgres.dump"
FOLDERS = ("files", "keys")  # of the data folder, copied as they are
_CHUNK = 1 << 20


@dataclass(frozen=True)
class BackupSummary:
    folder: Path
    database: str  # sqlite | postgresql
    revision: str | None
    files: int
    size: int


def backup(settings: Settings, output: Path) -> BackupSummary:
    """Write a backup of the server in `settings` into `output` (missing or empty)."""
    _empty_folder(output, "the backup folder")
    created = not output.exists()
    try:
        return _write_backup(settings, output)
    except BaseException:
        # Nothing half-written is left to be mistaken for a backup.
        if created:
            shutil.rmtree(output, ignore_errors=True)
        else:
            for entry in output.iterdir():
                if entry.is_dir():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
        raise


def _write_backup(settings: Settings, output: Path) -> BackupSummary:
    (output / "database").mkdir(mode=0o700, parents=True)
    url = make_url(settings.database_url)
    engine = make_engine(settings.database_url)
    try:
        revision = schema.status(engine).current
        if url.get_backend_name() == "sqlite":
            kind, copy = "sqlite", SQLITE_COPY
            _sqlite_backup(Path(url.database or ""), output / copy)
            named = _referenced(create_engine(f"sqlite:///{output / copy}"))
        else:
            kind, copy = "postgresql", PG_DUMP
            _pg_dump(settings.db or "", output / copy)
            # Read after the dump: a superset of what the dump names, all stored by now.
            named = _referenced(engine)
    finally:
        engine.dispose()
    entries = {copy: _digest_file(output / copy)}
    folders: tuple[str, ...] = FOLDERS
    if settings.file_store:
        entries.update(_copy_objects(open_file_store(settings), named, output / "files"))
        folders = ("keys",)
    for folder in folders:
        entries.update(_copy_tree(settings.data_dir / folder, output / folder, folder))
    missing = sorted(d for d in named if f"files/{d[:2]}/{d}" not in entries)
    if missing:
        raise KnownError(
            f"the file store lacks {len(missing)} file(s) the database names (first "
            f"{missing[0]}): no backup was written; the store is damaged",
            where=settings.file_store or str(settings.data_dir / "files"),
        )
    manifest = {
        "format": FORMAT,
        "version": 1,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "database": {"kind": kind, "file": copy, "revision": revision},
        "entries": {path: {"sha256": d, "size": s} for path, (d, s) in sorted(entries.items())},
    }
    _write_new(output / MANIFEST, json.dumps(manifest, indent=2).encode("utf-8"))
    size = sum(s for _, s in entries.values())
    return BackupSummary(output, kind, revision, len(entries), size)


def _sqlite_backup(source: Path, target: Path) -> None:
    if not source.is_file():
        raise KnownError("no server database in this data folder", where=str(source.parent))
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)  # a consistent copy while the server keeps writing
        dst.execute("PRAGMA journal_mode = DELETE")  # one file: no -wal beside it to lose
    finally:
        dst.close()
        src.close()


def _pg_dump(url: str, target: Path) -> None:
    _run([_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(target),
          _libpq(url)], "pg_dump")  # fmt: skip


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise KnownError(
            f"{name} is not on PATH: install PostgreSQL's client programs (Debian: "
            "postgresql-client, of the server's major version or newer) and run this again; "
            "nothing was changed"
        )
    return found


def _libpq(url: str) -> str:
    """`--db` as libpq takes it: postgresql://..., without SQLAlchemy's driver name."""
    scheme, _, rest = url.partition("://")
    return "postgresql://" + rest if scheme.startswith("postgres") else url


def _run(command: list[str], name: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise KnownError(f"{name} failed: {detail[-1] if detail else done.returncode}")


def _referenced(engine: Any) -> set[str]:
    """The sha256 of every stored file the database names (files, refused bundles)."""
    queries = ("SELECT sha256 FROM inspection_files", "SELECT bundle_sha256 FROM conflicts")
    found: set[str] = set()
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            for query in queries:
                if query.rsplit(" ", 1)[1] in tables:
                    found.update(row[0] for row in conn.exec_driver_sql(query))
    finally:
        engine.dispose()
    return found


def _copy_tree(source: Path, target: Path, prefix: str) -> dict[str, tuple[str, int]]:
    """Copy `source` (may be missing); {manifest path: (sha256, size)} of what was copied."""
    copied: dict[str, tuple[str, int]] = {}
    if not source.is_dir():
        return copied
    for path in sorted(source.rglob("*")):
        if path.is_dir() or path.name.startswith(".incoming-"):  # a half-received file
            continue
        relative = path.relative_to(source)
        dest = target / relative
        dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        copied[f"{prefix}/{relative.as_posix()}"] = _copy_file(path, dest)
    return copied


def _copy_objects(store: FileStore, digests: set[str], target: Path) -> dict[str, tuple[str, int]]:
    """Copy the named objects out of `store` (those it lacks are left out, for the caller to
    name); {manifest path: (sha256, size)}."""
    copied: dict[str, tuple[str, int]] = {}
    for digest in sorted(digests):
        try:
            data = store.get(digest)  # checked against its sha256 on the way
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise KnownError(f"no backup was written: {exc}") from exc
        dest = target / digest[:2] / digest
        dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _write_new(dest, data)
        copied[f"files/{digest[:2]}/{digest}"] = (digest, len(data))
    return copied


def _copy_file(source: Path, dest: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(source, "rb") as src, open(dest, "xb") as out:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
        out.flush()
        os.fsync(out.fileno())
    return digest.hexdigest(), size


def _digest_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _write_new(path: Path, data: bytes) -> None:
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _empty_folder(path: Path, what: str) -> None:
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise KnownError(f"{what} is not empty; give a new folder", where=str(path))


@dataclass(frozen=True)
class RestoreSummary:
    database: str
    revision: str | None
    files: int
    moved_aside: Path | None  # where the data folder's earlier contents went (--force)
    status: schema.SchemaStatus


def read_manifest(source: Path) -> dict[str, Any]:
    """The backup's manifest, once every file in the folder matches it (nothing more, nothing
    less); KnownError naming the first that does not."""
    try:
        manifest = json.loads((source / MANIFEST).read_bytes())
    except (OSError, ValueError) as exc:
        raise KnownError(
            f"not a server backup (no readable {MANIFEST}): {exc}", where=str(source)
        ) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise KnownError(f"not a server backup ({MANIFEST} is not one)", where=str(source))
    if manifest.get("version") != 1:
        raise KnownError(
            f"a backup of format version {manifest.get('version')}, which this version of "
            "inspector-server cannot read",
            where=str(source),
        )
    entries: dict[str, dict[str, Any]] = manifest["entries"]
    present = {p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file()} - {
        MANIFEST
    }
    for path in sorted(present ^ set(entries)):
        state = "is not in the manifest" if path in present else "is missing"
        raise KnownError(
            f"the backup is damaged: {path} {state}; nothing was restored", where=str(source)
        )
    for path, want in entries.items():
        if _digest_file(source / path) != (want["sha256"], want["size"]):
            raise KnownError(
                f"the backup is damaged: {path} does not match its sha256 in the manifest; "
                "nothing was restored",
                where=str(source),
            )
    return manifest


def restore(settings: Settings, source: Path, *, force: bool = False) -> RestoreSummary:
    """Restore the backup in `source` into the data folder (and database) of `settings`."""
    manifest = read_manifest(source)
    kind = manifest["database"]["kind"]
    url = make_url(settings.database_url)
    if (url.get_backend_name() == "sqlite") != (kind == "sqlite"):
        raise KnownError(
            "this backup holds a SQLite database: restore it without --db"
            if kind == "sqlite"
            else "this backup holds a PostgreSQL database: give --db with the URL of an empty "
            "PostgreSQL database to restore it into"
        )
    folder = settings.data_dir
    held = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    if held and not force:
        raise KnownError(
            f"the data folder is not empty ({', '.join(held[:5])}): nothing was restored; give "
            "--force to move what it holds aside and restore",
            where=str(folder),
        )
    tool = _pg_tool("pg_restore") if kind == "postgresql" else ""
    # Opened (and so checked) before anything changes; None: the data folder's files/.
    bucket = open_file_store(settings) if settings.file_store else None
    if kind == "postgresql" and _has_tables(settings.database_url) and not force:
        raise KnownError(
            "the PostgreSQL database already holds tables: nothing was restored; give "
            "--force to replace them with the backup's"
        )
    moved = _move_aside(folder) if held else None
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    entries: dict[str, dict[str, Any]] = manifest["entries"]
    for path, want in entries.items():
        if bucket is not None and path.startswith("files/"):
            _put_back(bucket, source / path, want["sha256"])
        elif path.split("/", 1)[0] in FOLDERS:
            dest = folder / path
            dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if _copy_file(source / path, dest) != (want["sha256"], want["size"]):
                raise KnownError(f"{path} changed while being restored", where=str(source))
    dump = source / manifest["database"]["file"]
    if kind == "sqlite":
        _copy_file(dump, Path(url.database or folder / SQLITE_FILE))
    else:
        clean = ["--clean", "--if-exists"] if force else []
        _run(
            [tool, "--no-owner", "--single-transaction", *clean, "--dbname",
             _libpq(settings.db or ""), str(dump)],
            "pg_restore",
        )  # fmt: skip
    engine = make_engine(settings.database_url)
    try:
        status = schema.status(engine)
    finally:
        engine.dispose()
    return RestoreSummary(kind, manifest["database"]["revision"], len(entries), moved, status)


def _put_back(store: FileStore, path: Path, want: str) -> None:
    """A backed-up file into the bucket, under the sha256 it is named by (and has)."""
    try:
        data = path.read_bytes()
        if path.name != want or store.put(data) != want:
            raise KnownError("it changed while being restored, or is not named by its sha256")
    except (OSError, KnownError) as exc:
        raise KnownError(
            f"{path.name} cannot be put back into the S3 file store: {exc}", where=str(path)
        ) from exc


def _has_tables(url: str) -> bool:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return bool(inspect(conn).get_table_names())
    except Exception as exc:  # wrong URL, server down, bad credentials
        raise KnownError(f"the database cannot be opened: {type(exc).__name__}: {exc}") from exc
    finally:
        engine.dispose()


def _move_aside(folder: Path) -> Path:
    """Move the data folder's contents into a new sibling folder, named by the time."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = folder.with_name(f"{folder.name}.before-restore-{stamp}")
    aside.mkdir(mode=0o700)
    for entry in folder.iterdir():
        entry.rename(aside / entry.name)
    return aside
