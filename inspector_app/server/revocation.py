"""Revoking inspectors' certificates and publishing the CRL laptops check reports against.

The CRL is rebuilt in the same transaction as every revocation and kept with the other
publications, so each server process answers `GET /v1/crl` with the same list. A certificate
replaced by re-enrolment is revoked as "superseded": reports it signed before stay good on the
server (the same key is certified again); any other reason makes its reports fail.
"""

from __future__ import annotations

import datetime as dt

from cryptography import x509
from sqlalchemy import Connection, Engine, select, text, update

from inspector_app.domain.jalali import utc_now
from inspector_app.server import published
from inspector_app.server.ca import Authority, Revocation, revocation_list
from inspector_app.server.database import certificates_t, devices_t

CRL = "crl"
SUPERSEDED = "superseded"
_CRL_LOCK = 0x62617A_637200  # the advisory lock key CRL rebuilds share on PostgreSQL
REASONS: dict[str, x509.ReasonFlags] = {
    "superseded": x509.ReasonFlags.superseded,
    "key_compromise": x509.ReasonFlags.key_compromise,
    "cessation_of_operation": x509.ReasonFlags.cessation_of_operation,
    "affiliation_changed": x509.ReasonFlags.affiliation_changed,
}


def retire_devices(conn: Connection, device_ids: list[str], reason: str) -> int:
    """Revoke these devices' tokens and certificates (in `conn`'s transaction); the CRL must be
    rebuilt afterwards with `refresh_crl` in the same transaction."""
    if not device_ids:
        return 0
    now = utc_now().isoformat()
    revoked = conn.execute(
        update(devices_t)
        .where(devices_t.c.id.in_(device_ids))
        .where(devices_t.c.revoked_at.is_(None))
        .values(revoked_at=now)
    ).rowcount
    conn.execute(
        update(certificates_t)
        .where(certificates_t.c.device_id.in_(device_ids))
        .where(certificates_t.c.revoked_at.is_(None))
        .values(revoked_at=now, revocation_reason=reason)
    )
    return int(revoked)


def refresh_crl(conn: Connection, ca: Authority, *, replace: bool = True) -> bytes:
    """Sign the CRL of every revoked certificate and publish it, in `conn`'s transaction."""
    if conn.dialect.name == "postgresql":
        # Two revocations at once: each would list only its own (neither sees the other's
        # uncommitted row) and the last to commit would publish a CRL missing the other's.
        # Rebuilds wait for each other; the lock goes with the transaction.
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CRL_LOCK})
    rows = conn.execute(
        select(
            certificates_t.c.serial, certificates_t.c.revoked_at, certificates_t.c.revocation_reason
        ).where(certificates_t.c.revoked_at.is_not(None))
    ).all()
    entries = [
        Revocation(
            int(serial, 16),
            dt.datetime.fromisoformat(revoked_at),
            REASONS.get(reason or "", x509.ReasonFlags.unspecified),
        )
        for serial, revoked_at, reason in rows
    ]
    pem = revocation_list(ca, entries)
    published.store(conn, CRL, CRL, pem, replace=replace)
    return pem


def revoke_device(engine: Engine, ca: Authority, device_id: str, reason: str) -> bool:
    with engine.begin() as conn:
        if retire_devices(conn, [device_id], reason) != 1:
            return False
        refresh_crl(conn, ca)
    return True


def current_crl(engine: Engine, ca: Authority) -> tuple[bytes, str]:
    """The CRL (PEM) and its sha256; made (empty) the first time it is asked for."""
    stored = published.read(engine, CRL)
    if stored is None:
        with engine.begin() as conn:
            # Another process may publish first (two laptops enrolling on a new server): its
            # CRL stays, and is the one answered.
            refresh_crl(conn, ca, replace=False)
        stored = published.read(engine, CRL)
    assert stored is not None
    return stored


def certificate_status(db: Engine | Connection, fingerprint: str) -> tuple[bool, str | None] | None:
    """For a certificate this CA issued: (revoked, reason); None if it did not issue it."""
    query = select(certificates_t.c.revoked_at, certificates_t.c.revocation_reason).where(
        certificates_t.c.fingerprint == fingerprint
    )
    if isinstance(db, Connection):
        row = db.execute(query).first()
    else:
        with db.connect() as conn:
            row = conn.execute(query).first()
    if row is None:
        return None
    return row[0] is not None, row[1]
