"""Signing identities in SQLite: certificate (PEM, leaf first then its issuers) and the
private key, stored only encrypted (the encryption is done above, in services.signing)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from inspector_app.domain.jalali import utc_now_iso
from inspector_app.errors import QT_TRANSLATE_NOOP, NotFound
from inspector_app.storage import audit
from inspector_app.storage.db import writing


@dataclass(frozen=True)
class StoredIdentity:
    id: str
    holder_name: str
    personnel_no: str
    cert_pem: bytes  # the leaf certificate first, then any issuer certificates
    key_encrypted: bytes  # PKCS#8 EncryptedPrivateKeyInfo (DER)
    fingerprint_sha256: str
    issuer: str
    not_before: str
    not_after: str
    is_demo: bool
    active: bool
    created_at: str


def _from_row(row: dict[str, Any]) -> StoredIdentity:
    return StoredIdentity(
        id=row["id"],
        holder_name=row["holder_name"],
        personnel_no=row["personnel_no"],
        cert_pem=str(row["cert_pem"]).encode("ascii"),
        key_encrypted=bytes(row["key_encrypted"]),
        fingerprint_sha256=row["fingerprint_sha256"],
        issuer=row["issuer"],
        not_before=row["not_before"],
        not_after=row["not_after"],
        is_demo=bool(row["is_demo"]),
        active=bool(row["active"]),
        created_at=row["created_at"],
    )


def save(
    db: Database,
    *,
    holder_name: str,
    personnel_no: str,
    cert_pem: bytes,
    key_encrypted: bytes,
    fingerprint_sha256: str,
    issuer: str,
    not_before: str,
    not_after: str,
    is_demo: bool = False,
    source: str = "created",
) -> str:
    """Store a new identity and make it the active one (the previous one is kept, inactive)."""
    identity_id = str(uuid.uuid4())
    with writing(db):
        db.execute("UPDATE identities SET active = 0 WHERE active = 1")
        db.table("identities").insert(
            {
                "id": identity_id,
                "holder_name": holder_name,
                "personnel_no": personnel_no,
                "cert_pem": cert_pem.decode("ascii"),
                "key_encrypted": key_encrypted,
                "fingerprint_sha256": fingerprint_sha256,
                "issuer": issuer,
                "not_before": not_before,
                "not_after": not_after,
                "is_demo": int(is_demo),
                "active": 1,
                "created_at": utc_now_iso(),
            }
        )
        audit.append(
            db,
            "identity",
            None,
            {"id": identity_id, "fingerprint": fingerprint_sha256, "source": source},
        )
    return identity_id


def replace_key(db: Database, identity_id: str, key_encrypted: bytes) -> None:
    """The same private key encrypted anew (a stronger encryption; its certificate unchanged)."""
    with writing(db):
        db.execute(
            "UPDATE identities SET key_encrypted = ? WHERE id = ?", [key_encrypted, identity_id]
        )
        audit.append(db, "identity-key", None, {"id": identity_id})


def active(db: Database) -> StoredIdentity | None:
    rows = list(
        db.query("SELECT * FROM identities WHERE active = 1 ORDER BY created_at DESC LIMIT 1")
    )
    return _from_row(rows[0]) if rows else None


def every(db: Database) -> list[StoredIdentity]:
    """All identities this data folder has held, active or not, oldest first."""
    return [_from_row(row) for row in db.query("SELECT * FROM identities ORDER BY created_at")]


def get(db: Database, identity_id: str) -> StoredIdentity:
    rows = list(db.query("SELECT * FROM identities WHERE id = ?", [identity_id]))
    if not rows:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "شناسهٔ امضا {id} پیدا نشد"), id=identity_id)
    return _from_row(rows[0])
