"""Unlocking the stored signing key for one signature: decrypt it under the passphrase and check
that it belongs to its certificate and that the certificate is in force. Every way this can
fail is an IdentityError naming what to do."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from asn1crypto import keys as asn1_keys
from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from inspector_app.errors import QT_TRANSLATE_NOOP
from inspector_app.pdf.certificates import (
    IdentityError,
    certificate_info,
    fingerprint,
    load_certificate,
)

SigningKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


class WrongPassphrase(IdentityError):
    """The passphrase does not decrypt the private key."""


class CorruptKey(IdentityError):
    """The stored key blob is not an encrypted private key (damaged or tampered with)."""


class CertificateExpired(IdentityError):
    """The certificate is outside its validity period."""


EXPIRED = QT_TRANSLATE_NOOP(
    "Errors",
    "گواهی امضا معتبر نیست: اعتبار آن از {start} تا {end} است. گواهی تازه از استانداری "
    "بگیرید و وارد کنید؛ چیزی نهایی نشد.",
)


@dataclass
class UnlockedIdentity:
    """The decrypted key with its certificate; keep it only for the time of one signature."""

    holder_name: str
    certificate: x509.Certificate
    private_key: SigningKey
    chain: list[x509.Certificate] = field(default_factory=list)

    @property
    def fingerprint_sha256(self) -> str:
        return fingerprint(self.certificate)


def _spki(public_key: object) -> bytes:
    return public_key.public_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def unlock(
    cert_pem: bytes,
    key_encrypted: bytes,
    passphrase: str,
    *,
    holder_name: str | None = None,
    chain_pem: bytes = b"",
    at: dt.datetime | None = None,
) -> UnlockedIdentity:
    """Decrypt the key for signing; every way this can fail is an IdentityError."""
    cert = load_certificate(cert_pem)
    info = certificate_info(cert)
    if info.expired(at):
        raise CertificateExpired(EXPIRED, start=info.not_before_jalali, end=info.not_after_jalali)
    try:
        asn1_keys.EncryptedPrivateKeyInfo.load(bytes(key_encrypted), strict=True).native  # noqa: B018
    except (ValueError, TypeError) as exc:
        raise CorruptKey(
            QT_TRANSLATE_NOOP(
                "Errors",
                "کلید خصوصی ذخیره‌شده خراب است و خوانده نمی‌شود. گواهی را دوباره وارد کنید "
                "یا شناسهٔ تازه بسازید؛ چیزی نهایی نشد.",
            )
        ) from exc
    try:
        key = serialization.load_der_private_key(
            bytes(key_encrypted), password=passphrase.encode("utf-8") or None
        )
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        if "password" in str(exc).lower() or isinstance(exc, TypeError):
            raise WrongPassphrase(
                QT_TRANSLATE_NOOP("Errors", "گذرواژه درست نیست؛ چیزی نهایی نشد.")
            ) from exc
        raise CorruptKey(
            QT_TRANSLATE_NOOP(
                "Errors",
                "کلید خصوصی ذخیره‌شده آسیب دیده است و خوانده نمی‌شود. گواهی را دوباره وارد کنید "
                "یا شناسهٔ تازه بسازید؛ چیزی نهایی نشد.",
            )
        ) from exc
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise CorruptKey(QT_TRANSLATE_NOOP("Errors", "نوع کلید خصوصی ذخیره‌شده پشتیبانی نمی‌شود."))
    if _spki(key.public_key()) != _spki(cert.public_key()):
        raise CorruptKey(
            QT_TRANSLATE_NOOP(
                "Errors", "کلید خصوصی ذخیره‌شده با گواهی جور نیست؛ گواهی را دوباره وارد کنید."
            )
        )
    chain: list[x509.Certificate] = []
    if b"-----BEGIN" in cert_pem:
        chain = x509.load_pem_x509_certificates(cert_pem)[1:]
    if chain_pem:
        chain += x509.load_pem_x509_certificates(chain_pem)
    return UnlockedIdentity(
        holder_name=holder_name or info.holder, certificate=cert, private_key=key, chain=chain
    )
