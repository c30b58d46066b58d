"""The PDF signature check the server relies on, reduced to what it decides on.

It calls the app's own verifier (`pdf.verify.verify_pdf`, pyHanko), so the server accepts
exactly the signatures `inspector-app verify` finds intact, and adds the server-side rules: the
signing key is the one the governorate certified for the uploading device at enrolment, the
signing certificate is not revoked (a certificate superseded by re-enrolment still counts: the
same key is certified again), and the PDF carries this inspection's id and hash.

A report finalized before its laptop enrolled is signed by the laptop's own certificate for the
same key; it is accepted (the CSR proved the key is that inspector's) and stored as not
governorate-issued, which is what the console shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector_app.pdf.verify import VerifyResult

# (revoked, reason) for a certificate the governorate CA issued; None for any other.
CertificateStatus = Callable[[str], "tuple[bool, str | None] | None"]
SUPERSEDED = "superseded"


def examine(pdf: bytes) -> VerifyResult:
    # Imported on first use: pyHanko takes seconds to import and admin commands need it not.
    from inspector_app.pdf.verify import verify_pdf

    return verify_pdf(pdf)


def load_verifier() -> None:
    """Import what `examine` needs ahead of the first upload (the server calls it in a thread
    at start: the first upload would otherwise wait half a second or more for pyHanko)."""
    import inspector_app.pdf.verify  # noqa: F401


@dataclass(frozen=True)
class SignatureCheck:
    ok: bool
    signer_fingerprint: str | None
    signer_key_sha256: str | None
    issued: bool  # the signing certificate is one the governorate CA issued
    problems: list[str] = field(default_factory=list)


def check_signature(
    result: VerifyResult,
    certified_key: str,
    status_of: CertificateStatus,
    inspection_id: str,
    canonical_sha256: str,
) -> SignatureCheck:
    problems = list(result.problems)
    if not result.ok and not problems:
        problems.append("the PDF signature does not verify")
    if result.signer_key_sha256 != certified_key:
        problems.append("the PDF is not signed with the key certified for this device")
    status = status_of(result.fingerprint_sha256) if result.fingerprint_sha256 else None
    if status is not None and status[0] and status[1] != SUPERSEDED:
        problems.append(f"the signing certificate is revoked ({status[1] or 'unspecified'})")
    if result.embedded_sha256 is not None and result.embedded_sha256 != canonical_sha256:
        problems.append("the sha256 embedded in the PDF is not this inspection's hash")
    if result.report_id is not None and result.report_id != inspection_id:
        problems.append("the PDF is the report of another inspection")
    return SignatureCheck(
        result.ok and not problems,
        result.fingerprint_sha256,
        result.signer_key_sha256,
        status is not None,
        problems,
    )
