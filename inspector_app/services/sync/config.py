"""Sync settings kept in the laptop database (settings table).

The device token sits in the local database like the rest of the inspector's data; it is never
logged or printed. The pinned server certificate and the update key are public values.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from inspector_app.storage import settings

SERVER_URL = "sync.server_url"
TOKEN = "sync.token"
DEVICE_ID = "sync.device_id"
SERVER_CERT = "sync.server_cert_pem"
SERVER_PIN = "sync.server_cert_sha256"
UPDATE_KEY = "sync.update_key"
ENROLLED_AT = "sync.enrolled_at"
LAST_SYNC = "sync.last_success_at"
LAST_ATTEMPT = "sync.last_attempt_at"
ETAG_REGISTRY = "sync.etag.registry"
ETAG_FORMS = "sync.etag.forms"


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


def load(db: Database) -> SyncConfig:
    return SyncConfig(
        server_url=settings.get(db, SERVER_URL, "") or "",
        token=settings.get(db, TOKEN),
        device_id=settings.get(db, DEVICE_ID),
        server_cert_pem=settings.get(db, SERVER_CERT) or None,
        update_key=settings.get(db, UPDATE_KEY) or None,
    )
