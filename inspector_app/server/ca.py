"""The governorate's certificate authority: a root made once on the server, the inspectors'
certificates it issues from enrolment CSRs, and the revocation list (CRL) it signs.

An inspector's certificate names the person the enrolment code was issued for, not whatever
the CSR says: the code, handed to one person, is what binds key and person. The CSR only proves
that the laptop holds the key (its self-signature must verify).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.types import PublicKeyTypes
from cryptography.x509.oid import NameOID

from inspector_app.domain.jalali import utc_now
from inspector_app.errors import KnownError
from inspector_app.pdf.certificates import key_usage
from inspector_app.server import keystore
from inspector_app.server.config import Settings

CA_FILE = "governorate-ca.p12"
GOVERNORATE = "استانداری بوشهر"
ROOT_NAME = "مرجع گواهی بازرسی استانداری بوشهر"
ROOT_VALID = dt.timedelta(days=10 * 365)
INSPECTOR_VALID = dt.timedelta(days=2 * 365)
CRL_VALID = dt.timedelta(days=365)  # laptops are offline for weeks; a new CRL comes with updates


class CsrRefused(Exception):
    """The enrolment request is not a usable CSR; nothing was issued."""


@dataclass(frozen=True)
class Authority:
    key: ec.EllipticCurvePrivateKey
    root: x509.Certificate

    @property
    def root_pem(self) -> str:
        return self.root.public_bytes(serialization.Encoding.PEM).decode("ascii")


def authority(settings: Settings) -> Authority:
    """The governorate CA, made on first use and kept encrypted in the data folder."""
    path = settings.data_dir / "keys" / CA_FILE
    opened = keystore.load(path, settings.key_passphrase)
    if opened is None:
        key = ec.generate_private_key(ec.SECP256R1())
        keystore.save(path, key, _root_certificate(key), settings.key_passphrase)
        opened = keystore.load(path, settings.key_passphrase)
    assert opened is not None
    if not isinstance(opened.key, ec.EllipticCurvePrivateKey) or opened.certificate is None:
        raise KnownError("the CA key file holds no CA key and certificate", where=str(path))
    return Authority(opened.key, opened.certificate)


def _root_certificate(key: ec.EllipticCurvePrivateKey) -> x509.Certificate:
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "IR"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, GOVERNORATE),
            x509.NameAttribute(NameOID.COMMON_NAME, ROOT_NAME),
        ]
    )
    now = utc_now()
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + ROOT_VALID)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            key_usage(ca=True),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )


def read_csr(csr_pem: str) -> x509.CertificateSigningRequest:
    """The CSR, with its proof of possession checked."""
    try:
        csr = x509.load_pem_x509_csr(csr_pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError) as exc:
        raise CsrRefused("the request is not a PEM certificate signing request (CSR)") from exc
    try:
        valid = csr.is_signature_valid
    except (ValueError, InvalidSignature):
        valid = False
    if not valid:
        raise CsrRefused("the CSR's signature does not verify: no proof the laptop holds the key")
    public = csr.public_key()
    if not isinstance(public, (ec.EllipticCurvePublicKey, rsa.RSAPublicKey)):
        raise CsrRefused("the CSR's key is of a kind inspectors do not sign with")
    if isinstance(public, rsa.RSAPublicKey) and public.key_size < 2048:
        raise CsrRefused("the CSR's RSA key is shorter than 2048 bits")
    return csr


def key_sha256(public_key: PublicKeyTypes) -> str:
    """sha256 of the SubjectPublicKeyInfo DER: how a key is known across its certificates."""
    der = public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(der).hexdigest()


def issue(
    ca: Authority,
    csr: x509.CertificateSigningRequest,
    holder_name: str,
    personnel_no: str,
) -> x509.Certificate:
    """The inspector's signing certificate for the CSR's key, naming `holder_name`."""
    attributes = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "IR"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, GOVERNORATE),
        x509.NameAttribute(NameOID.COMMON_NAME, holder_name),
    ]
    if personnel_no:
        attributes.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, personnel_no))
    now = utc_now()
    public = csr.public_key()
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name(attributes))
        .issuer_name(ca.root.subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(min(now + INSPECTOR_VALID, ca.root.not_valid_after_utc))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            key_usage(),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()),
            critical=False,
        )
        .sign(ca.key, hashes.SHA256())
    )


@dataclass(frozen=True)
class Revocation:
    serial: int
    revoked_at: dt.datetime
    reason: x509.ReasonFlags


def revocation_list(ca: Authority, revoked: list[Revocation]) -> bytes:
    """The CRL (PEM) listing `revoked`, signed by the CA."""
    now = utc_now()
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca.root.subject)
        .last_update(now)
        .next_update(now + CRL_VALID)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()),
            critical=False,
        )
        # Increasing with time: a laptop keeps a CRL only if it is newer than the one it has.
        .add_extension(x509.CRLNumber(int(now.timestamp() * 1000)), critical=False)
    )
    for entry in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(entry.serial)
            .revocation_date(entry.revoked_at)
            .add_extension(x509.CRLReason(entry.reason), critical=False)
            .build()
        )
    return builder.sign(ca.key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM)


def ca_path(data_dir: Path) -> Path:
    return data_dir / "keys" / CA_FILE
