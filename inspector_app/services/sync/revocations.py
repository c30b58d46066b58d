"""The governorate's certificate revocation list on the laptop: received with the updates (over
the network or in a USB bundle), kept only if the root pinned at enrolment signed it and it is
newer than the one held, so an old list cannot be replayed to un-revoke a certificate.
`inspector-app verify` checks reports against it (services/trust.py).
"""

from __future__ import annotations

from cryptography import x509
from sqlite_utils import Database

from inspector_app.errors import QT_TRANSLATE_NOOP, InvalidImport
from inspector_app.services.sync import config
from inspector_app.storage import audit, settings
from inspector_app.storage.db import writing

NOT_THE_ROOTS = QT_TRANSLATE_NOOP(
    "Errors",
    "فهرست گواهی‌های باطل‌شده با مرجع گواهی استانداری امضا نشده یا خراب است؛ چیزی تغییر نکرد. "
    "({reason})",
)


def _number(crl: x509.CertificateRevocationList) -> int:
    try:
        return crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number
    except x509.ExtensionNotFound:
        return 0


def checked(db: Database, pem: bytes, where: str) -> x509.CertificateRevocationList | None:
    """The CRL if the pinned root signed it; None on a laptop with no root pinned (never
    enrolled: there is nothing to check it against). A bad one raises InvalidImport."""
    root_pem = settings.get(db, config.CA_ROOT)
    if not root_pem:
        return None
    try:
        crl = x509.load_pem_x509_crl(pem)
        root = x509.load_pem_x509_certificate(root_pem.encode("ascii"))
    except ValueError as exc:
        raise InvalidImport(NOT_THE_ROOTS, where=where, reason=exc) from exc
    if crl.issuer != root.subject or not crl.is_signature_valid(root.public_key()):  # type: ignore[arg-type]
        raise InvalidImport(NOT_THE_ROOTS, where=where, reason="signature")
    return crl


def keep(db: Database, pem: bytes, where: str) -> bool:
    """Keep the CRL if it checks out and is newer than the one held; whether it was kept."""
    crl = checked(db, pem, where)
    if crl is None:
        return False
    held = settings.get(db, config.CRL)
    if held:
        try:
            if _number(x509.load_pem_x509_crl(held.encode("ascii"))) >= _number(crl):
                return False
        except ValueError:
            pass  # a damaged held list is replaced by a good one
    with writing(db):
        settings.put(db, config.CRL, pem.decode("ascii"))
        audit.append(db, "crl", None, {"number": _number(crl), "revoked": len(crl)})
    return True
