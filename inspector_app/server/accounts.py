"""Enrolment codes and device tokens. Both are random secrets stored only as their sha256.

A code is single-use, expires and names the inspector it is for; using it turns the laptop's
CSR into that inspector's certificate (server/ca.py) and gives a device token, shown once, kept
hashed and revocable. Enrolling again with the same key (or presenting the old token) retires
the old device and its certificate. Comparisons go through the hash index, so no secret is
compared or logged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from sqlalchemy import Connection, Engine, select, update

from inspector_app.domain.jalali import utc_now
from inspector_app.domain.persian import to_latin_digits
from inspector_app.errors import KnownError
from inspector_app.pdf.certificates import holder_name_ok
from inspector_app.server import revocation
from inspector_app.server.ca import Authority, CsrRefused, issue, key_sha256, read_csr
from inspector_app.server.database import certificates_t, devices_t, enrol_codes_t

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

    @property
    def key_sha256(self) -> str:
        """The public key the governorate certified for this device."""
        return key_sha256(
            x509.load_pem_x509_certificate(self.cert_pem.encode("ascii")).public_key()
        )


def new_enrol_code(engine: Engine, inspector_name: str, personnel_no: str = "") -> str:
    """A one-time code for the named inspector (groups of letters and digits, easy to read out
    on the phone). The name goes into the certificate as given, so it is checked here."""
    inspector_name = inspector_name.strip()
    if not inspector_name or not holder_name_ok(inspector_name):
        raise KnownError(
            "the inspector's name must begin and end with a letter and not mix Persian and "
            f"Latin letters (it becomes the certificate's holder name): {inspector_name!r}"
        )
    personnel_no = to_latin_digits(personnel_no).strip()
    if personnel_no and not (personnel_no.isascii() and personnel_no.isalnum()):
        raise KnownError(f"the personnel number must be letters and digits: {personnel_no!r}")
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(16))
    code = "-".join(raw[i : i + 4] for i in range(0, 16, 4))
    now = utc_now()
    with engine.begin() as conn:
        conn.execute(
            enrol_codes_t.insert().values(
                code_sha256=_hash(normalize_code(code)),
                inspector_name=inspector_name,
                personnel_no=personnel_no,
                created_at=now.isoformat(),
                expires_at=(now + CODE_VALID).isoformat(),
            )
        )
    return code


def normalize_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def enrol(
    engine: Engine,
    ca: Authority,
    code: str,
    csr_pem: str,
    device_name: str,
    previous_token: str | None = None,
) -> tuple[Device, str]:
    """Use the code once: issue the certificate for the CSR's key in the name the code was made
    for, register the device, retire the devices this one replaces; return the token."""
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
        # so a bad CSR leaves the code unused.
        try:
            csr = read_csr(csr_pem)
        except CsrRefused as exc:
            raise EnrolmentRefused(str(exc), "certificate") from exc
        name, personnel_no = conn.execute(
            select(enrol_codes_t.c.inspector_name, enrol_codes_t.c.personnel_no).where(
                enrol_codes_t.c.code_sha256 == _hash(normalize_code(code))
            )
        ).one()
        if not name:
            raise EnrolmentRefused("the enrolment code names no inspector", "code")
        key = key_sha256(csr.public_key())
        replaced = _replaced_devices(conn, key, previous_token)
        cert = issue(ca, csr, name, personnel_no)
        cert_pem = cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
        fingerprint = hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()
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
        conn.execute(
            certificates_t.insert().values(
                serial=format(cert.serial_number, "x"),
                device_id=device_id,
                holder_name=name,
                personnel_no=personnel_no,
                fingerprint=fingerprint,
                key_sha256=key,
                cert_pem=cert_pem,
                issued_at=now,
                not_after=cert.not_valid_after_utc.isoformat(),
            )
        )
        if revocation.retire_devices(conn, replaced, revocation.SUPERSEDED):
            revocation.refresh_crl(conn, ca)
    device = Device(device_id, name, device_name[:200], cert_pem, fingerprint, now, None)
    return device, token


def _replaced_devices(conn: Connection, key: str, previous_token: str | None) -> list[str]:
    """The devices a new enrolment replaces: those certified for the same key (the CSR proved
    this laptop holds it), and the one whose token the laptop presents."""
    ids = set(
        conn.execute(
            select(certificates_t.c.device_id)
            .where(certificates_t.c.key_sha256 == key)
            .where(certificates_t.c.revoked_at.is_(None))
        ).scalars()
    )
    if previous_token:
        old = conn.execute(
            select(devices_t.c.id)
            .where(devices_t.c.token_sha256 == _hash(previous_token))
            .where(devices_t.c.revoked_at.is_(None))
        ).scalar_one_or_none()
        if old is not None:
            ids.add(old)
    return sorted(ids)


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


def device_for_key(engine: Engine, key: str) -> Device | None:
    """The unrevoked device holding an unrevoked certificate for this public key (USB imports
    carry no token: the key that signed the report names its device)."""
    with engine.connect() as conn:
        row = (
            conn.execute(
                select(devices_t)
                .join(certificates_t, certificates_t.c.device_id == devices_t.c.id)
                .where(certificates_t.c.key_sha256 == key)
                .where(certificates_t.c.revoked_at.is_(None))
                .where(devices_t.c.revoked_at.is_(None))
                .order_by(devices_t.c.enrolled_at.desc())
            )
            .mappings()
            .first()
        )
    return _device(row) if row is not None else None


def list_devices(engine: Engine) -> list[Device]:
    with engine.connect() as conn:
        rows = conn.execute(select(devices_t).order_by(devices_t.c.enrolled_at)).mappings().all()
    return [_device(r) for r in rows]
