"""Where the device token rests: the operating system's keyring, or an encrypted file.

The token the server gives at enrolment is this laptop's password on the server, so it is
never kept in the database, and so never in a backup or a copied database file. The settings
table holds only where it is (`sync.token_store`) and a random name for it
(`sync.token_ref`); neither is secret.

- With a keyring (Windows Credential Manager, the macOS Keychain, a Secret Service on Linux)
  the token is an entry there: service "bazres-sync", user name `sync.token_ref`.
- Without one (keyring settles on its `fail` backend, or on one that ranks itself below 1 as
  the plain-text file of keyrings.alt does): a Linux laptop without a Secret Service, CI. The
  token is then `device-token.bin` in the data folder, AES-256-GCM with the token's name as
  associated data, under a random key kept in `device-token.key` in the user's configuration
  folder, or in $INSPECTOR_APP_SECRETS (the file 0600, its folder 0700): outside the data
  folder.

The fallback is weaker than a keyring, and is chosen knowing that: whoever can read all of
this user's files reads the key and the token alike. What it guards is the copies. The data
folder or a backup carried to another machine, or the database file alone, holds no usable
token, and the key alone opens nothing. A key derived from a passphrase would be stronger, but
sync runs in the background without the inspector, who is asked for the signing passphrase
only to sign; so the key is a file, never a value in the database.
"""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

import keyring
import platformdirs
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from keyring.errors import KeyringError
from sqlite_utils import Database

from inspector_app.paths import APP_NAME
from inspector_app.storage import settings
from inspector_app.storage.db import db_path, writing

log = logging.getLogger(__name__)

STORE = "sync.token_store"  # "keyring" or "file"
REF = "sync.token_ref"
KEYRING_SERVICE = "bazres-sync"
SECRETS_ENV = "INSPECTOR_APP_SECRETS"  # the fallback key's folder instead of the user's config
KEY_FILENAME = "device-token.key"
TOKEN_FILENAME = "device-token.bin"
_NONCE = 12
# Windows opens a descriptor in text mode unless asked: a 0x0A byte of the key or of the
# sealed token would be written as 0x0D 0x0A and the token could never be read back.
_BINARY = getattr(os, "O_BINARY", 0)


def key_folder() -> Path:
    """$INSPECTOR_APP_SECRETS, else the per-platform user configuration folder."""
    chosen = os.environ.get(SECRETS_ENV) or platformdirs.user_config_dir(APP_NAME, False)
    return Path(chosen).expanduser().resolve()


def keyring_available() -> bool:
    """Whether keyring found a real store (not its `fail` backend or a plain-text file)."""
    return float(keyring.get_keyring().priority) >= 1


def save(db: Database, token: str) -> str:
    """Keep `token` (in the keyring, else in the encrypted file); returns where ("keyring" or
    "file"). Only the place and the token's name go into the settings table."""
    ref = settings.get(db, REF) or secrets.token_hex(16)
    store = "file"
    if keyring_available():
        try:
            keyring.set_password(KEYRING_SERVICE, ref, token)
            store = "keyring"
        except KeyringError as exc:  # locked or not answering: the file still keeps it safe
            log.warning("keyring refused the device token (%s); using the encrypted file", exc)
    if store == "file":
        _write_file(db_path(db).parent, ref, token)
    else:  # a token kept in the file before a keyring was there is not left behind
        (db_path(db).parent / TOKEN_FILENAME).unlink(missing_ok=True)
    with writing(db):
        settings.put(db, REF, ref)
        settings.put(db, STORE, store)
    return store


def load(db: Database) -> str | None:
    """The token, or None when there is none here (not enrolled, or a database copied from
    another machine: enrol again)."""
    ref = settings.get(db, REF)
    store = settings.get(db, STORE)
    if not ref or not store:
        return None
    if store == "keyring":
        try:
            return keyring.get_password(KEYRING_SERVICE, ref)
        except KeyringError as exc:
            log.warning("the keyring did not give the device token (%s)", exc)
            return None
    return _read_file(db_path(db).parent, ref)


def _existing_key() -> bytes | None:
    path = key_folder() / KEY_FILENAME
    return path.read_bytes() if path.exists() else None


def _key() -> bytes:
    folder = key_folder()
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)
    path = folder / KEY_FILENAME
    # O_EXCL: two processes enrolling at once must not each write a different key.
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o600)
    except FileExistsError:
        return path.read_bytes()
    key = AESGCM.generate_key(bit_length=256)
    with os.fdopen(handle, "wb") as out:
        out.write(key)
    return key


def _write_file(folder: Path, ref: str, token: str) -> None:
    key = _key()
    nonce = secrets.token_bytes(_NONCE)
    sealed = nonce + AESGCM(key).encrypt(nonce, token.encode("utf-8"), ref.encode("ascii"))
    path = folder / TOKEN_FILENAME
    partial = path.with_name(path.name + ".partial")
    handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _BINARY, 0o600)
    with os.fdopen(handle, "wb") as out:
        out.write(sealed)
    os.replace(partial, path)


def _read_file(folder: Path, ref: str) -> str | None:
    path = folder / TOKEN_FILENAME
    key = _existing_key()
    if key is None or not path.exists():
        return None
    sealed = path.read_bytes()
    try:
        plain = AESGCM(key).decrypt(sealed[:_NONCE], sealed[_NONCE:], ref.encode("ascii"))
    except (InvalidTag, ValueError):
        # Another user's key, another data folder's token, or a damaged file: enrol again.
        log.warning("the device token file %s does not open with this user's key", path)
        return None
    return plain.decode("utf-8")
