"""X.509 certificates as the app shows and compares them: reading PEM or DER, the holder and
issuer names, validity, and the sha256 fingerprint (of the DER) by which a signer is known.

Shared by signing on the laptop and by verification (here and on the server).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID

from inspector_app.domain.jalali import jalali_date, utc_now
from inspector_app.errors import QT_TRANSLATE_NOOP, KnownError


class IdentityError(KnownError):
    """Something about the signing identity (its key or certificate) prevents signing or checking;
    nothing was changed."""


@dataclass(frozen=True)
class CertificateInfo:
    """What Settings shows about a certificate."""

    holder: str
    issuer: str
    serial: str
    not_before: dt.datetime
    not_after: dt.datetime
    fingerprint_sha256: str
    self_signed: bool

    @property
    def not_before_jalali(self) -> str:
        return jalali_date(self.not_before)

    @property
    def not_after_jalali(self) -> str:
        return jalali_date(self.not_after)

    def expired(self, at: dt.datetime | None = None) -> bool:
        at = at or utc_now()
        return not (self.not_before <= at <= self.not_after)

    def fingerprint_grouped(self) -> str:
        """`AB:CD:...`, the way certificate viewers print it."""
        text = self.fingerprint_sha256.upper()
        return ":".join(text[i : i + 2] for i in range(0, len(text), 2))

    def as_dict(self) -> dict[str, object]:
        return {
            "holder": self.holder,
            "issuer": self.issuer,
            "serial": self.serial,
            "not_before": self.not_before.isoformat(),
            "not_after": self.not_after.isoformat(),
            "not_before_jalali": self.not_before_jalali,
            "not_after_jalali": self.not_after_jalali,
            "fingerprint_sha256": self.fingerprint_sha256,
            "self_signed": self.self_signed,
            "expired": self.expired(),
        }


def fingerprint(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def _name_text(name: x509.Name) -> str:
    for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME):
        values = name.get_attributes_for_oid(oid)
        if values:
            return str(values[0].value)
    return name.rfc4514_string()


def holder_name_ok(value: str) -> bool:
    """Whether certificate validation can compare `value` as a name (RFC 3454 bidi rule).

    A name with Persian letters must begin and end with a letter: «بازرس ۱» (ending in a digit)
    would sign, but no validator could match its certificate afterwards.
    """
    try:
        asn1_x509.Name.build({"common_name": value}).chosen[0][0].prepped_value  # noqa: B018
    except ValueError:
        return False
    return True


def key_usage(*, ca: bool = False) -> x509.KeyUsage:
    """What a certificate's key may do: an inspector's signs reports (digital signature and
    non-repudiation), the governorate CA's signs certificates and revocation lists."""
    return x509.KeyUsage(
        digital_signature=not ca,
        content_commitment=not ca,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def load_certificate(pem_or_der: bytes) -> x509.Certificate:
    try:
        if b"-----BEGIN" in pem_or_der:
            return x509.load_pem_x509_certificates(pem_or_der)[0]  # the leaf comes first
        return x509.load_der_x509_certificate(pem_or_der)
    except ValueError as exc:
        raise IdentityError(
            QT_TRANSLATE_NOOP("Errors", "گواهی خوانده نشد؛ پرونده گواهی X.509 نیست ({reason})"),
            reason=exc,
        ) from exc


def certificate_info(cert: x509.Certificate | bytes) -> CertificateInfo:
    if isinstance(cert, bytes):
        cert = load_certificate(cert)
    return CertificateInfo(
        holder=_name_text(cert.subject),
        issuer=_name_text(cert.issuer),
        serial=format(cert.serial_number, "x"),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        fingerprint_sha256=fingerprint(cert),
        self_signed=cert.subject == cert.issuer,
    )
