"""Attacks on the laptop's secrets by someone holding its database file, a backup, or a copy
of its data folder: the device token is in none of them, and the private key's encryption is
slow to guess (PBKDF2 with at least 600,000 iterations, a passphrase of 10 characters or more).
"""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from asn1crypto import keys as asn1_keys
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from keyring.backend import KeyringBackend
from keyring.errors import PasswordSetError

from inspector_app import paths
from inspector_app.pdf.certificates import IdentityError
from inspector_app.services import backup
from inspector_app.services.context import AppContext, open_context
from inspector_app.services.signing import identity as identity_service
from inspector_app.services.signing import keys
from inspector_app.services.sync import config, device_token
from inspector_app.storage import audit, identities, settings
from inspector_app.storage.db import backup_to
from tests.sync.factory import PASSPHRASE, make_finalized, make_laptop

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


def test_a_copy_taken_before_the_token_moved_out_holds_no_token(
    data_dir: Path, tmp_path: Path
) -> None:
    """The copy made before a migration is taken before the sync settings are first loaded:
    it must not keep a plain token of an earlier version (nor any other copy)."""
    old = open_context(data_dir, seed_demo=False)
    try:
        settings.put(old.db, config.PLAIN_TOKEN, TOKEN)  # as versions before the keyring stored it
        old.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        copy = backup_to(old.db, tmp_path / "inspector.db.v3-1404.bak")
        assert TOKEN.encode() not in file_bytes(copy)
        assert not list(tmp_path.glob("*-journal"))
        with sqlite3.connect(copy) as raw:
            assert (
                raw.execute("SELECT count(*) FROM settings WHERE key = 'sync.token'").fetchone()[0]
                == 0
            )
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert settings.get(old.db, config.PLAIN_TOKEN) == TOKEN  # the live one is untouched
    finally:
        old.close()


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


# -- the private signing key -----------------------------------------------------------------


def kdf_of(blob: bytes) -> dict[str, object]:
    """The stored key blob's encryption, parsed as PKCS#8 EncryptedPrivateKeyInfo."""
    algorithm = asn1_keys.EncryptedPrivateKeyInfo.load(blob)["encryption_algorithm"].native
    params = algorithm["parameters"]
    kdf = params["key_derivation_func"]
    return {
        "scheme": algorithm["algorithm"],
        "kdf": kdf["algorithm"],
        "prf": kdf["parameters"]["prf"]["algorithm"],
        "rounds": kdf["parameters"]["iteration_count"],
        "cipher": params["encryption_scheme"]["algorithm"],
    }


STRONG = {"scheme": "pbes2", "kdf": "pbkdf2", "prf": "sha256", "rounds": 600_000,
          "cipher": "aes256_cbc"}  # fmt: skip


def stored_blob(ctx: AppContext) -> bytes:
    return bytes(
        ctx.db.execute("SELECT key_encrypted FROM identities WHERE active = 1").fetchone()[0]
    )


def old_format(blob: bytes, old: str, secret: bytes) -> bytes:
    """The key as versions before this one encrypted it (BestAvailableEncryption: 2048 rounds)."""
    key = serialization.load_der_private_key(blob, old.encode())
    return key.private_bytes(  # type: ignore[union-attr]
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(secret),
    )


def test_a_new_key_is_under_600000_pbkdf2_rounds(context: AppContext) -> None:
    made = identity_service.create_self_signed("مریم احمدی", "12345", PASSPHRASE)
    identity_service.store(context.db, made)
    assert kdf_of(stored_blob(context)) == STRONG
    identity_service.unlock_stored(identity_service.active_identity(context.db), PASSPHRASE)
    with pytest.raises(keys.WrongPassphrase):
        identity_service.unlock_stored(identity_service.active_identity(context.db), "guess-guess")


def test_an_imported_pkcs12_key_is_under_600000_pbkdf2_rounds() -> None:
    made = identity_service.create_self_signed("مریم احمدی", "12345", PASSPHRASE)
    key = serialization.load_der_private_key(made.key_encrypted, PASSPHRASE.encode())
    cert = identity_service.load_certificate(made.cert_pem)
    p12 = pkcs12.serialize_key_and_certificates(
        b"inspector",
        key,  # type: ignore[arg-type]
        cert,
        None,
        serialization.BestAvailableEncryption(b"p12-password"),
    )
    imported = identity_service.import_pkcs12(p12, "p12-password", "another-passphrase")
    assert kdf_of(imported.key_encrypted) == STRONG


def test_a_short_passphrase_is_refused() -> None:
    with pytest.raises(IdentityError):
        identity_service.create_self_signed("مریم احمدی", "12345", "nine-char")
    with pytest.raises(IdentityError):
        identity_service.make_identity(
            identity_service.IdentityRequest(passphrase="123456789"), "مریم احمدی", "12345"
        )


def test_an_old_weak_key_still_opens_and_is_encrypted_again_when_it_signs(
    context: AppContext,
) -> None:
    made = identity_service.create_self_signed("مریم احمدی", "12345", PASSPHRASE)
    # An earlier version's key: 2048 rounds, and a passphrase from before the 10-character rule.
    weak = dataclasses.replace(
        made, key_encrypted=old_format(made.key_encrypted, PASSPHRASE, b"nine-char")
    )
    stored = identity_service.store(context.db, weak)
    assert kdf_of(stored.key_encrypted)["rounds"] == 2048

    unlocked = identity_service.unlock_for_signing(context.db, stored, "nine-char")
    blob = stored_blob(context)
    assert kdf_of(blob) == STRONG
    again = identity_service.unlock_stored(identities.get(context.db, stored.id), "nine-char")
    assert again.fingerprint_sha256 == unlocked.fingerprint_sha256
    entries = len(audit.entries(context.db))
    identity_service.unlock_for_signing(
        context.db, identities.get(context.db, stored.id), "nine-char"
    )
    assert stored_blob(context) == blob  # once: a strong key is left as it is
    assert len(audit.entries(context.db)) == entries


def test_finalizing_with_an_old_weak_key_stores_it_strongly(tmp_path: Path) -> None:
    ctx = make_laptop(tmp_path / "laptop")
    try:
        stored = identity_service.active_identity(ctx.db)
        weak = old_format(stored.key_encrypted, PASSPHRASE, PASSPHRASE.encode())
        identities.replace_key(ctx.db, stored.id, weak)
        assert kdf_of(stored_blob(ctx))["rounds"] == 2048
        make_finalized(ctx, 1)
        assert kdf_of(stored_blob(ctx)) == STRONG
    finally:
        ctx.close()


def test_every_wrong_passphrase_is_called_wrong(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a MAC about one wrong passphrase in 200 decrypts to well-padded bytes that are
    no key; that is still the passphrase, not a damaged key (few rounds to try a thousand)."""
    made = identity_service.create_self_signed("مریم احمدی", "12345", PASSPHRASE)
    monkeypatch.setattr(keys, "PBKDF2_ROUNDS", 1000)
    key = keys.unlock(made.cert_pem, made.key_encrypted, PASSPHRASE).private_key
    blob = keys.seal_key(key, PASSPHRASE.encode())
    for attempt in range(1000):
        with pytest.raises(keys.WrongPassphrase):
            keys.unlock(made.cert_pem, blob, f"guess-{attempt:05d}")
