"""The PDF signature check the server relies on, reduced to what it decides on.

It calls the app's own verifier (`pdf.verify.verify_pdf`, pyHanko), so the server
accepts exactly what `inspector-app verify` accepts, and adds the server-side rules: the signer
is the enrolled inspector's certificate, and the PDF carries this inspection's id and hash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector_app.pdf.verify import VerifyResult


def verify_pdf(pdf: bytes, trusted_cert_pem: bytes | None) -> VerifyResult:
    # Imported on first use: pyHanko takes seconds to import and admin commands need it not.
    from inspector_app.pdf.verify import verify_pdf as verify

    return verify(pdf, trusted_cert_pem)


@dataclass(frozen=True)
class SignatureCheck:
    ok: bool
    signer_fingerprint: str | None
    problems: list[str] = field(default_factory=list)


def signer_of(pdf: bytes) -> str | None:
    """The fingerprint of the certificate that signed `pdf` (not yet trusted), if any."""
    return verify_pdf(pdf, None).fingerprint_sha256


def check_pdf(
    pdf: bytes, cert_pem: str, inspection_id: str, canonical_sha256: str
) -> SignatureCheck:
    result = verify_pdf(pdf, cert_pem.encode("ascii"))
    problems = list(result.problems)
    if not result.ok and not problems:
        problems.append("the PDF signature does not verify")
    if result.embedded_sha256 is not None and result.embedded_sha256 != canonical_sha256:
        problems.append("the sha256 embedded in the PDF is not this inspection's hash")
    if result.report_id is not None and result.report_id != inspection_id:
        problems.append("the PDF is the report of another inspection")
    return SignatureCheck(result.ok and not problems, result.fingerprint_sha256, problems)
