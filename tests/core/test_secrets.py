"""Attacks on the laptop's secrets by someone holding its database file, a backup, or a copy
of its data folder: the device token is in none of them."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordSetError

from inspector_app import paths
from inspector_app.services import backup
from inspector_app.services.context import AppContext, open_context
from inspector_app.services.sync import config, device_token
from inspector_app.storage import settings

TOKEN = "dev-token-3f9a1c77e0b24d5e8a61c0ffee42beef"


class MemoryKeyring(KeyringBackend):
    """A keyring that exists (priority 1), kept in memory: the edge of the machine."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, *, refuse: bool = False) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.refuse = refuse

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.refuse:
            raise PasswordSetError("the collection is locked")
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture
def system_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def enrol_settings(ctx: AppContext) -> None:
    """What enrolment writes (services.sync.runner.enrol), without a server."""
    settings.put(ctx.db, config.SERVER_URL, "https://sync.example.invalid")
    config.save_token(ctx.db, TOKEN)
    settings.put(ctx.db, config.DEVICE_ID, "device-1")


def text_in_tables(database: Path, needle: str) -> list[str]:
    """Every table's every value (text or blob) that holds `needle`, read with plain sqlite3."""
    found = []
    with sqlite3.connect(database) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    data = value if isinstance(value, bytes) else str(value).encode()
                    if needle.encode() in data:
                        found.append(table)
    conn.close()
    return found


def file_bytes(database: Path) -> bytes:
    """The database file with its write-ahead log, as someone copying them would get them."""
    wal = database.with_name(database.name + "-wal")
    return database.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_fallback_token_is_not_in_the_database_nor_a_backup(
    context: AppContext, data_dir: Path, tmp_path: Path
) -> None:
    assert not device_token.keyring_available()  # this machine, like CI, has no keyring
    enrol_settings(context)
    database = paths.database_path(data_dir)

    assert config.load(context.db).token == TOKEN  # sync still has it
    assert config.load(context.db).enrolled
    assert text_in_tables(database, TOKEN) == []
    assert TOKEN.encode() not in file_bytes(database)
    copy = backup.back_up(context.db, tmp_path / "backup.db")
    assert TOKEN.encode() not in copy.read_bytes()
    assert settings.get(context.db, device_token.STORE) == "file"

    # The encrypted file is in the data folder, its key outside it and readable by the user only.
    sealed = data_dir / device_token.TOKEN_FILENAME
    assert TOKEN.encode() not in sealed.read_bytes()
    key = device_token.key_folder() / device_token.KEY_FILENAME
    assert not key.is_relative_to(data_dir)
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(sealed.stat().st_mode) == 0o600
    assert TOKEN.encode() not in b"".join(
        p.read_bytes() for p in data_dir.rglob("*") if p.is_file()
    )


def test_a_copied_data_folder_carries_no_usable_token(
    context: AppContext, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    enrol_settings(context)
    context.close()
    stolen = tmp_path / "stolen"
    shutil.copytree(data_dir, stolen)
    monkeypatch.setenv(device_token.SECRETS_ENV, str(tmp_path / "another-user"))
    other = open_context(stolen, seed_demo=False)
    try:
        cfg = config.load(other.db)
        assert cfg.token is None
        assert not cfg.enrolled
    finally:
        other.close()


def test_token_swapped_in_from_another_data_folder_does_not_open(
    context: AppContext, data_dir: Path, tmp_path: Path
) -> None:
    enrol_settings(context)
    second = open_context(tmp_path / "second", seed_demo=False)
    try:
        config.save_token(second.db, "second-laptop-token")
        shutil.copy(
            tmp_path / "second" / device_token.TOKEN_FILENAME,
            data_dir / device_token.TOKEN_FILENAME,
        )
        assert config.load(context.db).token is None  # bound to its own data folder's name
    finally:
        second.close()


def test_plain_token_of_an_earlier_version_moves_out_and_is_erased(
    data_dir: Path, tmp_path: Path
) -> None:
    database = paths.database_path(data_dir)
    old = open_context(data_dir, seed_demo=False)
    settings.put(old.db, config.SERVER_URL, "https://sync.example.invalid")
    settings.put(old.db, config.PLAIN_TOKEN, TOKEN)  # as versions before the keyring stored it
    old.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    old.close()
    assert TOKEN.encode() in file_bytes(database)

    ctx = open_context(data_dir, seed_demo=False)
    try:
        # The first backup after the update already holds no token.
        copy = backup.back_up(ctx.db, tmp_path / "first.db")
        assert TOKEN.encode() not in copy.read_bytes()
        assert settings.get(ctx.db, config.PLAIN_TOKEN) is None
        assert text_in_tables(database, TOKEN) == []
        assert TOKEN.encode() not in file_bytes(database)  # not even in a free page or the log
        assert config.load(ctx.db).token == TOKEN  # moved, and sync still has it
        assert config.load(ctx.db).enrolled
    finally:
        ctx.close()


def test_plain_token_moves_on_the_first_load_of_the_sync_settings(data_dir: Path) -> None:
    database = paths.database_path(data_dir)
    old = open_context(data_dir, seed_demo=False)
    settings.put(old.db, config.PLAIN_TOKEN, TOKEN)
    old.close()
    ctx = open_context(data_dir, seed_demo=False)
    try:
        assert config.load(ctx.db).token == TOKEN
        assert text_in_tables(database, TOKEN) == []
        assert TOKEN.encode() not in file_bytes(database)
        assert config.load(ctx.db).token == TOKEN  # one move: later loads read it back
    finally:
        ctx.close()


def test_token_goes_to_the_system_keyring_when_there_is_one(
    context: AppContext, data_dir: Path, system_keyring: MemoryKeyring
) -> None:
    enrol_settings(context)
    assert settings.get(context.db, device_token.STORE) == "keyring"
    assert list(system_keyring.entries.values()) == [TOKEN]
    assert not (data_dir / device_token.TOKEN_FILENAME).exists()
    assert text_in_tables(paths.database_path(data_dir), TOKEN) == []
    assert config.load(context.db).token == TOKEN


def test_a_refusing_keyring_falls_back_to_the_encrypted_file(
    context: AppContext, data_dir: Path, system_keyring: MemoryKeyring
) -> None:
    system_keyring.refuse = True
    enrol_settings(context)
    assert settings.get(context.db, device_token.STORE) == "file"
    assert config.load(context.db).token == TOKEN
    assert text_in_tables(paths.database_path(data_dir), TOKEN) == []
