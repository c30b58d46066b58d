"""Enrolment codes and device tokens. Both are random secrets stored only as their sha256.

A code is single-use and expires; the token a laptop receives for it is shown once, kept hashed,
and revocable. Comparisons go through the hash index, so no secret is compared or logged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from sqlalchemy import Engine, select, update

from inspector_app.domain.jalali import utc_now
from inspector_app.server.database import devices_t, enrol_codes_t

CODE_VALID = dt.timedelta(days=7)


class EnrolmentRefused(Exception):
    """The code is unknown, used or expired (`about` "code"), or the certificate is unusable
    (`about` "certificate"; the code then stays unused)."""

    def __init__(self, message: str, about: str) -> None:
        super().__init__(message)
        self.about = about


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _now() -> str:
    return utc_now().isoformat()


@dataclass(frozen=True)
class Device:
    id: str
    inspector_name: str
    device_name: str
    cert_pem: str
    cert_fingerprint: str
    enrolled_at: str
    revoked_at: str | None


def new_enrol_code(engine: Engine, inspector_name: str = "") -> str:
    """A one-time code (groups of letters and digits, easy to read out on the phone)."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(16))
    code = "-".join(raw[i : i + 4] for i in range(0, 16, 4))
    now = utc_now()
    with engine.begin() as conn:
        conn.execute(
            enrol_codes_t.insert().values(
                code_sha256=_hash(normalize_code(code)),
                inspector_name=inspector_name,
                created_at=now.isoformat(),
                expires_at=(now + CODE_VALID).isoformat(),
            )
        )
    return code


def normalize_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def certificate_fingerprint(cert_pem: str) -> str:
    try:
        cert = x509.load_pem_x509_certificate(cert_pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError) as exc:
        raise EnrolmentRefused(
            "the certificate is not a PEM X.509 certificate", "certificate"
        ) from exc
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def enrol(engine: Engine, code: str, cert_pem: str, device_name: str) -> tuple[Device, str]:
    """Use the code once: register the device and its inspector's certificate; return the token."""
    token = secrets.token_urlsafe(32)
    device_id = str(uuid.uuid4())
    now = _now()
    with engine.begin() as conn:
        # The conditional UPDATE is the single-use guard: two racing enrolments cannot both win.
        used = conn.execute(
            update(enrol_codes_t)
            .where(enrol_codes_t.c.code_sha256 == _hash(normalize_code(code)))
            .where(enrol_codes_t.c.used_at.is_(None))
            .where(enrol_codes_t.c.expires_at > now)
            .values(used_at=now, device_id=device_id)
        )
        if used.rowcount != 1:
            raise EnrolmentRefused("the enrolment code is unknown, already used or expired", "code")
        # Checked after the code (an unknown code is told as such) and inside the transaction,
        # so a bad certificate leaves the code unused.
        fingerprint = certificate_fingerprint(cert_pem)
        name = conn.execute(
            select(enrol_codes_t.c.inspector_name).where(
                enrol_codes_t.c.code_sha256 == _hash(normalize_code(code))
            )
        ).scalar_one()
        conn.execute(
            devices_t.insert().values(
                id=device_id,
                token_sha256=_hash(token),
                inspector_name=name,
                device_name=device_name[:200],
                cert_pem=cert_pem,
                cert_fingerprint=fingerprint,
                enrolled_at=now,
            )
        )
    device = Device(device_id, name, device_name[:200], cert_pem, fingerprint, now, None)
    return device, token


def authenticate(engine: Engine, token: str) -> Device | None:
    """The enrolled, unrevoked device holding `token`, or None."""
    with engine.connect() as conn:
        row = (
            conn.execute(select(devices_t).where(devices_t.c.token_sha256 == _hash(token)))
            .mappings()
            .first()
        )
    if row is None or row["revoked_at"] is not None:
        return None
    return _device(row)


def _device(row: object) -> Device:
    data = dict(row)  # type: ignore[call-overload]
    return Device(
        data["id"],
        data["inspector_name"],
        data["device_name"],
        data["cert_pem"],
        data["cert_fingerprint"],
        data["enrolled_at"],
        data["revoked_at"],
    )


def devices_with_fingerprint(engine: Engine, fingerprint: str) -> list[Device]:
    """Unrevoked devices whose inspector certificate has this fingerprint (USB imports)."""
    with engine.connect() as conn:
        rows = (
            conn.execute(
                select(devices_t)
                .where(devices_t.c.cert_fingerprint == fingerprint)
                .where(devices_t.c.revoked_at.is_(None))
                .order_by(devices_t.c.enrolled_at)
            )
            .mappings()
            .all()
        )
    return [_device(r) for r in rows]


def list_devices(engine: Engine) -> list[Device]:
    with engine.connect() as conn:
        rows = conn.execute(select(devices_t).order_by(devices_t.c.enrolled_at)).mappings().all()
    return [_device(r) for r in rows]


def revoke(engine: Engine, device_id: str) -> bool:
    with engine.begin() as conn:
        result = conn.execute(
            update(devices_t)
            .where(devices_t.c.id == device_id)
            .where(devices_t.c.revoked_at.is_(None))
            .values(revoked_at=_now())
        )
    return result.rowcount == 1
