"""Enrolment's part of the identity: a certificate request (CSR) signed with the inspector's key,
and taking in the certificate the governorate issues for it.

The CSR's signature is the proof that this laptop holds the key. What comes back is checked
before it is kept: it certifies this very key, it is issued by the root that came with it, and
that root is a CA certificate. The issued certificate then becomes the active identity, over
the same encrypted key (the earlier, self-signed certificate stays, inactive, so reports it
signed are still known as this laptop's own).
"""

from __future__ import annotations

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import NameOID
from sqlite_utils import Database

from inspector_app.domain.jalali import to_iso
from inspector_app.errors import QT_TRANSLATE_NOOP
from inspector_app.pdf.certificates import IdentityError, certificate_info, load_certificate
from inspector_app.services.signing.keys import UnlockedIdentity
from inspector_app.storage import identities
from inspector_app.storage.identities import StoredIdentity


def certificate_request(unlocked: UnlockedIdentity) -> str:
    """A PEM CSR for the unlocked key, naming the certificate's current subject."""
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(unlocked.certificate.subject)
        .sign(unlocked.private_key, hashes.SHA256())
    )
    return csr.public_bytes(serialization.Encoding.PEM).decode("ascii")


def _spki(cert: x509.Certificate) -> bytes:
    return cert.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


NOT_FOR_US = QT_TRANSLATE_NOOP(
    "Errors",
    "گواهی‌ای که سرور فرستاد برای کلید این رایانه نیست یا از مرجع گواهی همراهش صادر نشده است؛ "
    "ثبت‌نام انجام نشد. ({reason})",
)


def check_issued(stored: StoredIdentity, cert_pem: str, root_pem: str) -> x509.Certificate:
    """The issued certificate, if it certifies the stored key under the root; else refuse."""
    try:
        cert = x509.load_pem_x509_certificate(cert_pem.encode("ascii"))
        root = x509.load_pem_x509_certificate(root_pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError) as exc:
        raise IdentityError(NOT_FOR_US, reason=exc) from exc
    if _spki(cert) != _spki(load_certificate(stored.cert_pem)):
        raise IdentityError(NOT_FOR_US, reason="another key")
    try:
        constraints = root.extensions.get_extension_for_class(x509.BasicConstraints).value
        root.verify_directly_issued_by(root)
        cert.verify_directly_issued_by(root)
    except (x509.ExtensionNotFound, ValueError, TypeError, InvalidSignature) as exc:
        raise IdentityError(NOT_FOR_US, reason=type(exc).__name__) from exc
    if not constraints.ca:
        raise IdentityError(NOT_FOR_US, reason="the root is not a CA certificate")
    return cert


def certified_number(cert: x509.Certificate) -> str:
    """The personnel number a certificate names (its subject's serialNumber), or ""."""
    found = cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)
    return str(found[0].value) if found else ""


def adopt_issued(
    db: Database, stored: StoredIdentity, cert: x509.Certificate, root_pem: str
) -> StoredIdentity:
    """Make the governorate's certificate (with its root after it) the active identity."""
    info = certificate_info(cert)
    leaf = cert.public_bytes(serialization.Encoding.PEM)
    identity_id = identities.save(
        db,
        holder_name=info.holder,
        personnel_no=certified_number(cert) or stored.personnel_no,
        cert_pem=leaf + root_pem.encode("ascii"),
        key_encrypted=stored.key_encrypted,
        fingerprint_sha256=info.fingerprint_sha256,
        issuer=info.issuer,
        not_before=to_iso(info.not_before),
        not_after=to_iso(info.not_after),
        source="governorate",
    )
    return identities.get(db, identity_id)
