"""The inspector's signing identity: a private key and its X.509 certificate, made (self-signed
or from the governorate's PKCS#12) and stored in this data folder.

The key never rests unencrypted: it is kept as PKCS#8 encrypted under the inspector's
passphrase (PBES2: PBKDF2-HMAC-SHA256 at 600,000 iterations, AES-256; signing.keys) and is
decrypted only for the moment of signing. A key stored by an earlier version under fewer
iterations is encrypted again the next time it signs. A real deployment imports the PKCS#12 file the
governorate issued; for trying the app a self-signed certificate is made. Name fields hold one
script each: a subject mixing Persian and Latin letters makes pyHanko's validator fail on the
bidirectional text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from sqlite_utils import Database

from inspector_app.domain.jalali import to_iso, utc_now
from inspector_app.domain.persian import to_latin_digits
from inspector_app.errors import QT_TRANSLATE_NOOP, fill
from inspector_app.pdf.certificates import (
    CertificateInfo,
    IdentityError,
    certificate_info,
    holder_name_ok,
    key_usage,
    load_certificate,
)
from inspector_app.services.signing.keys import (
    EXPIRED,
    CertificateExpired,
    SigningKey,
    UnlockedIdentity,
    seal_key,
    unlock,
    weakly_encrypted,
)
from inspector_app.storage import identities
from inspector_app.storage.identities import StoredIdentity

GOVERNORATE = "استانداری بوشهر"
MIN_PASSPHRASE = 10  # the governorate's rule for the key's passphrase
DEFAULT_VALID_DAYS = 3 * 365


class NoIdentity(IdentityError):
    """No signing identity is set up in this data folder."""


@dataclass(frozen=True)
class NewIdentity:
    """An identity ready to be stored: certificate (PEM) and the encrypted key (DER)."""

    holder_name: str
    personnel_no: str
    cert_pem: bytes
    key_encrypted: bytes
    chain_pem: bytes = b""  # the issuer's certificates from a PKCS#12, if any
    is_demo: bool = False

    @property
    def info(self) -> CertificateInfo:
        return certificate_info(self.cert_pem)


def passphrase_ok(passphrase: str) -> bool:
    """The one rule a new passphrase must meet (the UI checks it live, the CLI before asking
    for the repetition, and every key encryption here)."""
    return len(passphrase) >= MIN_PASSPHRASE


def passphrase_problem(passphrase: str) -> str | None:
    if passphrase_ok(passphrase):
        return None
    return fill(SHORT_PASSPHRASE, {"n": MIN_PASSPHRASE})


SHORT_PASSPHRASE = QT_TRANSLATE_NOOP("Errors", "گذرواژه باید دست‌کم {n} نویسه باشد.")


def _check_passphrase(passphrase: str) -> bytes:
    if not passphrase_ok(passphrase):
        raise IdentityError(SHORT_PASSPHRASE, n=MIN_PASSPHRASE)
    return passphrase.encode("utf-8")


def encrypt_key(key: SigningKey, passphrase: str) -> bytes:
    return seal_key(key, _check_passphrase(passphrase))


def _check_name_field(value: str) -> None:
    if not holder_name_ok(value):
        raise IdentityError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "نام دارندهٔ گواهی با حرف آغاز و پایان شود (نه رقم یا نشانه) و حروف فارسی و "
                "لاتین را با هم نیامیزد: «{name}»",
            ),
            name=value,
        )


def _subject(holder_name: str, personnel_no: str) -> x509.Name:
    _check_name_field(holder_name)
    attributes = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "IR"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, GOVERNORATE),
        x509.NameAttribute(NameOID.COMMON_NAME, holder_name),
    ]
    number = to_latin_digits(personnel_no).strip()
    if number:
        # PrintableString: Latin digits only, in a field of its own.
        attributes.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, number))
    return x509.Name(attributes)


def create_self_signed(
    holder_name: str,
    personnel_no: str,
    passphrase: str,
    *,
    valid_days: int = DEFAULT_VALID_DAYS,
    not_before: dt.datetime | None = None,
    is_demo: bool = False,
) -> NewIdentity:
    """A new RSA key and a self-signed signing certificate for `holder_name`."""
    holder_name = holder_name.strip()
    if not holder_name:
        raise IdentityError(
            QT_TRANSLATE_NOOP(
                "Errors", "نام دارندهٔ گواهی خالی است؛ نام بازرس را در تنظیمات وارد کنید."
            )
        )
    secret = _check_passphrase(passphrase)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    start = (not_before or utc_now()) - dt.timedelta(minutes=5)
    name = _subject(holder_name, personnel_no)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            key_usage(),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return NewIdentity(
        holder_name=holder_name,
        personnel_no=to_latin_digits(personnel_no).strip(),
        cert_pem=cert.public_bytes(serialization.Encoding.PEM),
        key_encrypted=seal_key(key, secret),
        is_demo=is_demo,
    )


def import_pkcs12(data: bytes, p12_password: str, passphrase: str) -> NewIdentity:
    """The key and certificate of a governorate-issued PKCS#12, re-encrypted under `passphrase`."""
    _check_passphrase(passphrase)
    try:
        bundle = pkcs12.load_pkcs12(data, p12_password.encode("utf-8") or None)
    except ValueError as exc:
        if _looks_like_pkcs12(data):
            raise IdentityError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "رمز پروندهٔ PKCS#12 درست نیست (یا پرونده آسیب دیده است). "
                    "رمزی را که استانداری همراه پرونده داده است وارد کنید؛ چیزی تغییر نکرد.",
                )
            ) from exc
        raise IdentityError(
            QT_TRANSLATE_NOOP("Errors", "این پرونده PKCS#12 (.p12/.pfx) نیست؛ چیزی تغییر نکرد.")
        ) from exc
    if bundle.key is None or bundle.cert is None:
        raise IdentityError(
            QT_TRANSLATE_NOOP(
                "Errors", "پروندهٔ PKCS#12 کلید خصوصی یا گواهی ندارد؛ چیزی تغییر نکرد."
            )
        )
    key = bundle.key
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise IdentityError(
            QT_TRANSLATE_NOOP("Errors", "نوع کلید پروندهٔ PKCS#12 پشتیبانی نمی‌شود (فقط RSA یا EC).")
        )
    cert = bundle.cert.certificate
    info = certificate_info(cert)
    if info.expired():
        raise CertificateExpired(EXPIRED, start=info.not_before_jalali, end=info.not_after_jalali)
    for attribute in cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME):
        _check_name_field(str(attribute.value))
    chain = b"".join(
        c.certificate.public_bytes(serialization.Encoding.PEM) for c in bundle.additional_certs
    )
    serials = cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)
    return NewIdentity(
        holder_name=info.holder,
        personnel_no=str(serials[0].value) if serials else "",
        cert_pem=cert.public_bytes(serialization.Encoding.PEM),
        key_encrypted=encrypt_key(key, passphrase),
        chain_pem=chain,
    )


@dataclass(frozen=True)
class IdentityRequest:
    """What the inspector chose for a new identity: a self-signed one under `passphrase`, or
    the governorate's PKCS#12 file (with its password) re-encrypted under `passphrase`."""

    passphrase: str
    pkcs12_path: Path | None = None
    pkcs12_password: str = ""

    @property
    def source(self) -> str:
        return "created" if self.pkcs12_path is None else "pkcs12"


def make_identity(request: IdentityRequest, holder_name: str, personnel_no: str) -> NewIdentity:
    """The identity `request` asks for (slow: a key is made or decrypted; run it off the GUI
    thread). Every failure is an IdentityError and nothing is stored."""
    if request.pkcs12_path is None:
        return create_self_signed(holder_name, personnel_no, request.passphrase)
    _check_passphrase(request.passphrase)
    try:
        data = request.pkcs12_path.read_bytes()
    except OSError as exc:
        raise IdentityError(
            QT_TRANSLATE_NOOP("Errors", "پروندهٔ PKCS#12 خوانده نشد ({reason})؛ چیزی تغییر نکرد."),
            where=str(request.pkcs12_path),
            reason=exc.strerror or exc,
        ) from exc
    return import_pkcs12(data, request.pkcs12_password, request.passphrase)


def _looks_like_pkcs12(data: bytes) -> bool:
    # A DER SEQUENCE whose first element is the version INTEGER 3 (PFX, RFC 7292).
    return len(data) > 8 and data[0] == 0x30 and b"\x02\x01\x03" in data[:8]


# -- stored identities ---------------------------------------------------------------------


def store(db: Database, new: NewIdentity, *, source: str = "created") -> StoredIdentity:
    """Save `new` as the active identity of this data folder."""
    info = new.info
    identity_id = identities.save(
        db,
        holder_name=new.holder_name,
        personnel_no=new.personnel_no,
        cert_pem=new.cert_pem + new.chain_pem,
        key_encrypted=new.key_encrypted,
        fingerprint_sha256=info.fingerprint_sha256,
        issuer=info.issuer,
        not_before=to_iso(info.not_before),
        not_after=to_iso(info.not_after),
        is_demo=new.is_demo,
        source=source,
    )
    return identities.get(db, identity_id)


def active_identity(db: Database) -> StoredIdentity:
    found = identities.active(db)
    if found is None:
        raise NoIdentity(
            QT_TRANSLATE_NOOP(
                "Errors",
                "هنوز شناسهٔ امضا (کلید و گواهی) ساخته نشده است. در تنظیمات گواهی استانداری را "
                "وارد کنید یا برای آزمایش یک گواهی خودامضا بسازید.",
            )
        )
    return found


def ensure_identity(
    db: Database, holder_name: str, personnel_no: str, passphrase: str, *, is_demo: bool = False
) -> StoredIdentity:
    """The active identity; on first use a self-signed one under `passphrase`."""
    found = identities.active(db)
    if found is not None:
        return found
    return store(db, create_self_signed(holder_name, personnel_no, passphrase, is_demo=is_demo))


def unlock_stored(
    stored: StoredIdentity, passphrase: str, *, at: dt.datetime | None = None
) -> UnlockedIdentity:
    return unlock(
        stored.cert_pem, stored.key_encrypted, passphrase, holder_name=stored.holder_name, at=at
    )


def unlock_for_signing(
    db: Database, stored: StoredIdentity, passphrase: str, *, at: dt.datetime | None = None
) -> UnlockedIdentity:
    """unlock_stored; a key an earlier version stored under weaker encryption is then stored
    again under the current one, with the same passphrase (it just opened with it, so the
    length rule for new passphrases does not apply)."""
    unlocked = unlock_stored(stored, passphrase, at=at)
    if weakly_encrypted(identities.get(db, stored.id).key_encrypted):
        sealed = seal_key(unlocked.private_key, passphrase.encode("utf-8"))
        identities.replace_key(db, stored.id, sealed)
    return unlocked


def public_certificate_pem(stored: StoredIdentity) -> bytes:
    """The leaf certificate only: what the governorate registers for this inspector."""
    return load_certificate(stored.cert_pem).public_bytes(serialization.Encoding.PEM)
