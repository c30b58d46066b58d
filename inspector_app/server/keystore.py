"""The server's private keys at rest: each a PKCS#12 file in `keys/`, encrypted under the
server's key passphrase (AES-256, PBKDF2-HMAC-SHA256 at 600,000 rounds), readable by the owner
only. The passphrase comes from the environment or a file (a systemd credential), never from
the command line, where `ps` would show it.

A key kept by an earlier version as plain PEM is read once, written encrypted and the plain
file removed.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from threading import Lock

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import pkcs12

from inspector_app.errors import KnownError

PASSPHRASE_ENV = "BAZRES_SERVER_KEY_PASSPHRASE"
PASSPHRASE_FILE_ENV = "BAZRES_SERVER_KEY_PASSPHRASE_FILE"
MIN_PASSPHRASE = 10
KDF_ROUNDS = 600_000

ServerKey = Ed25519PrivateKey | ec.EllipticCurvePrivateKey


@dataclass(frozen=True)
class KeyFile:
    key: ServerKey
    certificate: x509.Certificate | None


# Opening a key costs a PBKDF2 run (~0.2 s); a process opens each file once per version of it.
_opened: dict[tuple[Path, int, str], KeyFile] = {}
_lock = Lock()


def read_passphrase(environ: Mapping[str, str]) -> str:
    """The passphrase from $BAZRES_SERVER_KEY_PASSPHRASE, or the first line of the file named
    by $BAZRES_SERVER_KEY_PASSPHRASE_FILE; "" if neither is set."""
    direct = environ.get(PASSPHRASE_ENV)
    if direct:
        return direct
    file = environ.get(PASSPHRASE_FILE_ENV)
    if not file:
        return ""
    try:
        lines = Path(file).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KnownError(f"the key passphrase file cannot be read: {exc}", where=file) from exc
    return lines[0] if lines else ""


def _check(passphrase: str) -> bytes:
    if len(passphrase) < MIN_PASSPHRASE:
        raise KnownError(
            f"the server keeps its keys encrypted: set ${PASSPHRASE_ENV} (or "
            f"${PASSPHRASE_FILE_ENV}, a file holding it) to a passphrase of at least "
            f"{MIN_PASSPHRASE} characters"
        )
    return passphrase.encode("utf-8")


def _encryption(passphrase: bytes) -> serialization.KeySerializationEncryption:
    return (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(KDF_ROUNDS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(passphrase)
    )


def load(path: Path, passphrase: str) -> KeyFile | None:
    """The key (and certificate) in `path`, or None if there is no such file."""
    secret = _check(passphrase)
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        return None
    cache_key = (path, stamp, hashlib.sha256(secret).hexdigest())
    with _lock:
        if cache_key in _opened:
            return _opened[cache_key]
        try:
            key, certificate, _ = pkcs12.load_key_and_certificates(path.read_bytes(), secret)
        except ValueError as exc:
            raise KnownError(
                "the key file does not open with the key passphrase (wrong passphrase, or the "
                "file is damaged)",
                where=str(path),
            ) from exc
        if not isinstance(key, (Ed25519PrivateKey, ec.EllipticCurvePrivateKey)):
            raise KnownError("the key file holds no key of a kind the server uses", where=str(path))
        _opened[cache_key] = KeyFile(key, certificate)
        return _opened[cache_key]


def save(path: Path, key: ServerKey, certificate: x509.Certificate | None, passphrase: str) -> None:
    """Write `key` encrypted, mode 0600. If another process wrote the file first, its key
    stays (the caller reads the file again)."""
    data = pkcs12.serialize_key_and_certificates(
        path.stem.encode("ascii"), key, certificate, None, _encryption(_check(passphrase))
    )
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temp = path.with_suffix(f".{os.getpid()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    try:
        os.link(temp, path)  # first writer wins if two processes start at once
    except FileExistsError:
        pass
    finally:
        temp.unlink(missing_ok=True)


def adopt_plain_pem(plain: Path, path: Path, passphrase: str) -> None:
    """Encrypt a key an earlier version kept as plain PEM into `path`; remove the plain file."""
    if path.exists() or not plain.exists():
        return
    key = serialization.load_pem_private_key(plain.read_bytes(), password=None)
    if not isinstance(key, (Ed25519PrivateKey, ec.EllipticCurvePrivateKey)):
        raise KnownError(
            "the old key file holds no key of a kind the server uses", where=str(plain)
        )
    save(path, key, None, passphrase)
    with open(plain, "r+b") as handle:  # overwrite before unlinking: no plain copy left behind
        handle.write(b"\0" * plain.stat().st_size)
        handle.flush()
        os.fsync(handle.fileno())
    plain.unlink()
