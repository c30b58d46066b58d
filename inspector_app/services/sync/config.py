"""Sync settings: the public ones in the laptop database (settings table), the device token
outside it (services.sync.device_token: the OS keyring, or an encrypted file).

The token is never logged or printed. The pinned server certificate and the update key are
public values.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from inspector_app.services.sync import device_token
from inspector_app.storage import settings
from inspector_app.storage.db import LEGACY_TOKEN_KEY

SERVER_URL = "sync.server_url"
PLAIN_TOKEN = LEGACY_TOKEN_KEY  # where versions before the keyring kept the token; moved on load
DEVICE_ID = "sync.device_id"
SERVER_CERT = "sync.server_cert_pem"
SERVER_PIN = "sync.server_cert_sha256"
UPDATE_KEY = "sync.update_key"
ENROLLED_AT = "sync.enrolled_at"
LAST_SYNC = "sync.last_success_at"
LAST_ATTEMPT = "sync.last_attempt_at"
ETAG_REGISTRY = "sync.etag.registry"
ETAG_FORMS = "sync.etag.forms"
# The governorate's certificate authority, pinned at enrolment (PEM), and its latest
# certificate revocation list (PEM), which arrives with the signed updates.
CA_ROOT = "sync.ca_root_pem"
CRL = "sync.crl_pem"
ETAG_CRL = "sync.etag.crl"
# The server's time on the last registry and forms taken (signed with them): an older one,
# replayed, is refused.
AS_OF = {
    "registry": "sync.as_of.registry",
    "forms": "sync.as_of.forms",
    "visits": "sync.as_of.visits",
}


@dataclass(frozen=True)
class SyncConfig:
    server_url: str
    token: str | None
    device_id: str | None
    server_cert_pem: str | None
    update_key: str | None

    @property
    def enrolled(self) -> bool:
        return bool(self.server_url and self.token)


def save_token(db: Database, token: str) -> None:
    """Keep the token the server gave at enrolment (never in the database)."""
    device_token.save(db, token)


def move_plain_token(db: Database) -> None:
    """A token an earlier version left in the settings table goes to the keyring (or the
    encrypted file), and its row is erased with its bytes."""
    plain = settings.get(db, PLAIN_TOKEN)
    if plain is None:
        return
    if plain:
        device_token.save(db, plain)
    settings.erase(db, PLAIN_TOKEN)


def load(db: Database) -> SyncConfig:
    move_plain_token(db)
    return SyncConfig(
        server_url=settings.get(db, SERVER_URL, "") or "",
        token=device_token.load(db),
        device_id=settings.get(db, DEVICE_ID),
        server_cert_pem=settings.get(db, SERVER_CERT) or None,
        update_key=settings.get(db, UPDATE_KEY) or None,
    )
