"""What this laptop checks a signed report against: the governorate's root certificate and its
latest revocation list (pinned at enrolment, updated with the signed updates), and the
certificates of this data folder's own identities (so a report signed before enrolment is
told apart from a stranger's)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from inspector_app.pdf.verify import VerifyResult, verify_pdf
from inspector_app.services.sync.config import CA_ROOT, CRL
from inspector_app.storage import identities, settings


@dataclass(frozen=True)
class Trust:
    roots: tuple[bytes, ...] = ()  # PEM
    crls: tuple[bytes, ...] = ()  # PEM
    own_certs: tuple[bytes, ...] = ()  # PEM, leaf first then its issuers

    def extended(self, roots: list[bytes], crls: list[bytes]) -> Trust:
        """This trust with more roots and revocation lists (given on the command line)."""
        return Trust(self.roots + tuple(roots), self.crls + tuple(crls), self.own_certs)

    def verify(self, pdf: bytes, trusted_cert_pem: bytes | None = None) -> VerifyResult:
        return verify_pdf(
            pdf, trusted_cert_pem, roots=self.roots, crls=self.crls, own_certs=self.own_certs
        )


def laptop_trust(db: Database) -> Trust:
    root = settings.get(db, CA_ROOT)
    crl = settings.get(db, CRL)
    return Trust(
        roots=(root.encode("ascii"),) if root else (),
        crls=(crl.encode("ascii"),) if crl else (),
        own_certs=tuple(stored.cert_pem for stored in identities.every(db)),
    )
