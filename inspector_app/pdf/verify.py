"""Checking a signed report: who signed, when, intact, anything appended, which inspection,
and whether the governorate issued the signer's certificate.

The verdict on the bytes is pyHanko's `bottom_line`, not `valid` (a changed byte leaves `valid`
True but `intact` False), plus our own rule that nothing may follow the signature: pdfsig
accepts a file with an incremental update drawn after signing, we do not. For that check the
signer's certificate is its own trust anchor (`valid`, `intact`); whether it is a given
inspector's certificate is answered by comparing it with `trusted_cert_pem` (the server passes
the certificate the laptop enrolled with). Who vouches for the signer is a second check
(`pdf.trust_chain`): a path to one of `roots` (the governorate's CA), not revoked in `crls`;
else the laptop's own identity (`own_certs`); else untrusted. That is `verdict`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from inspector_app.domain.canonical import sha256_hex
from inspector_app.domain.jalali import jalali_datetime
from inspector_app.errors import QT_TRANSLATE_NOOP
from inspector_app.pdf import hex_strings
from inspector_app.pdf.certificates import (
    IdentityError,
    certificate_info,
    fingerprint,
    load_certificate,
)
from inspector_app.pdf.keywords import parse_keywords
from inspector_app.pdf.trust_chain import (
    SIGNING_KEY_USAGE,
    TrustMaterialError,
    check_chain,
    read_certificates,
    read_crls,
)

log = logging.getLogger(__name__)
# pyHanko logs a rejected incremental update as an error with a traceback; the result below
# reports it to the user in words, so the traceback would only be noise on the console.
logging.getLogger("pyhanko.sign.diff_analysis").setLevel(logging.CRITICAL)
hex_strings.install()  # the signature's /Contents read at once, not a byte at a time

# governorate: chains to the governorate's root, not revoked; own: this laptop's own identity
# (not, or not yet, issued by the governorate); untrusted: intact, but nobody known vouches
# for the signer; revoked: the signer's certificate (or its issuer's) is revoked; invalid: not
# intact, changed after signing, unsigned or unreadable.
Verdict = Literal["governorate", "own", "untrusted", "revoked", "invalid"]


@dataclass
class VerifyResult:
    """What `inspector-app verify` and the server report about one PDF."""

    signed: bool = False
    signer_name: str | None = None
    fingerprint_sha256: str | None = None  # of the signer's certificate
    signing_time_utc: str | None = None  # ISO 8601
    signing_time_jalali: str | None = None  # Tehran time, Persian digits
    intact: bool = False  # the signed bytes hash to what was signed
    valid: bool = False  # pyHanko's bottom line: intact, cryptographically valid, no bad changes
    modified_after_signing: bool = False  # anything appended after the signature
    coverage: str | None = None
    signature_count: int = 0
    embedded_sha256: str | None = None  # canonical JSON sha256 printed into the report
    report_id: str | None = None  # inspection id from the report's metadata
    trusted: bool | None = None  # certificate equals trusted_cert_pem (None: not asked)
    signer_key_sha256: str | None = None  # of the signer's SubjectPublicKeyInfo (DER)
    issued_by_root: bool | None = None  # a valid path to one of the roots (None: none given)
    revoked: bool = False  # a certificate on that path is listed in a given CRL
    own_identity: bool = False  # the signer's certificate is one of this laptop's own
    verdict: Verdict = "invalid"
    pdf_sha256: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Everything holds: a valid, intact signature with nothing after it (and trusted if
        a certificate was given), issued by the governorate if its roots were given."""
        return (
            self.signed
            and self.valid
            and self.intact
            and not self.modified_after_signing
            and self.trusted is not False
            and (self.issued_by_root is None or self.verdict == "governorate")
            and not self.problems
        )

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ok": self.ok}


def _metadata(reader: PdfFileReader, result: VerifyResult) -> None:
    """The report id and canonical sha256 the renderer wrote into /Keywords."""
    try:
        info = reader.trailer_view.get("/Info")
        keywords = info.get_object().get("/Keywords") if info is not None else None
    except (PdfError, KeyError, ValueError, TypeError):
        return
    found = parse_keywords(str(keywords)) if keywords is not None else None
    if found is not None:
        result.embedded_sha256 = found.canonical_sha256
        result.report_id = found.report_id


def _fingerprints(certs: Sequence[bytes]) -> set[str]:
    found: set[str] = set()
    for pem_or_der in certs:
        try:
            found.add(fingerprint(load_certificate(pem_or_der)))
        except IdentityError:
            log.info("an own certificate is not readable; skipped")
    return found


def verify_pdf(
    pdf: bytes,
    trusted_cert_pem: bytes | None = None,
    *,
    roots: Sequence[bytes] = (),
    crls: Sequence[bytes] = (),
    own_certs: Sequence[bytes] = (),
) -> VerifyResult:
    """Check the inspector's signature in `pdf`, and who vouches for the signer: a path to one
    of `roots` (PEM or DER) not revoked in `crls` (PEM or DER), or one of `own_certs` (this
    laptop's identities, leaf first). Never raises for bad input: problems are listed in the
    result (in Persian; the fixed ones marked for translation) and `ok` is False."""
    result = VerifyResult(pdf_sha256=sha256_hex(pdf))
    if roots:
        result.issued_by_root = False
    try:
        root_certs = [c for data in roots for c in read_certificates(data)]
        revocation_lists = [one for data in crls for one in read_crls(data)]
    except TrustMaterialError as exc:
        log.info("trust material not readable: %s", exc)
        result.problems.append(
            QT_TRANSLATE_NOOP("Errors", "گواهی ریشهٔ استانداری یا فهرست ابطال خوانا نیست.")
        )
        root_certs, revocation_lists = [], []
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = reader.embedded_signatures
    except Exception as exc:  # pyHanko raises many kinds on malformed files
        log.info("unreadable PDF: %r", exc)
        result.problems.append(f"پرونده PDF خوانا نیست ({type(exc).__name__}).")
        return result
    _metadata(reader, result)
    result.signature_count = len(signatures)
    if not signatures:
        result.problems.append(QT_TRANSLATE_NOOP("Errors", "این PDF امضای دیجیتال ندارد."))
        return result
    result.signed = True
    embedded = signatures[0]
    try:
        cert: asn1_x509.Certificate = embedded.signer_cert
        crypto_cert = x509.load_der_x509_certificate(cert.dump())
        info = certificate_info(crypto_cert)
        result.signer_name = info.holder
        result.fingerprint_sha256 = info.fingerprint_sha256
        spki = crypto_cert.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        result.signer_key_sha256 = hashlib.sha256(spki).hexdigest()
        result.own_identity = info.fingerprint_sha256 in _fingerprints(own_certs)
        claimed = embedded.self_reported_timestamp
        moment = claimed or dt.datetime.now(dt.UTC)
        if claimed is not None:
            utc = claimed.astimezone(dt.UTC)
            result.signing_time_utc = utc.isoformat().replace("+00:00", "Z")
            result.signing_time_jalali = jalali_datetime(utc)
        # Judged at the claimed signing time: a report signed while the certificate was valid
        # stays verifiable after the certificate expires.
        context = ValidationContext(
            trust_roots=[cert], moment=moment, allow_fetching=False, revocation_mode="soft-fail"
        )
        status = validate_pdf_signature(
            embedded, signer_validation_context=context, key_usage_settings=SIGNING_KEY_USAGE
        )
        chain = (
            check_chain(embedded, root_certs, revocation_lists, moment)
            if root_certs and status.bottom_line
            else None
        )
    except Exception as exc:  # malformed signature dictionaries, CMS or certificates
        log.info("signature not checkable: %r", exc)
        result.problems.append(f"امضای PDF بررسی‌پذیر نیست ({type(exc).__name__}).")
        return result
    result.intact = bool(status.intact)
    result.valid = bool(status.bottom_line)
    coverage = status.coverage
    result.coverage = coverage.name if coverage is not None else None
    result.modified_after_signing = coverage != SignatureCoverageLevel.ENTIRE_FILE
    if not status.intact:
        result.problems.append(
            QT_TRANSLATE_NOOP("Errors", "محتوای امضاشده تغییر کرده است (امضا با پرونده نمی‌خواند).")
        )
    elif not status.bottom_line and not result.modified_after_signing:
        result.problems.append(
            QT_TRANSLATE_NOOP("Errors", "امضا معتبر نیست (گواهی یا ساختار امضا پذیرفته نشد).")
        )
    if result.modified_after_signing:
        result.problems.append(
            QT_TRANSLATE_NOOP("Errors", "پس از امضا چیزی به پرونده افزوده شده است.")
        )
    if len(signatures) > 1:
        result.problems.append(f"پرونده {len(signatures)} امضا دارد؛ فقط یک امضا انتظار می‌رود.")
    if result.embedded_sha256 is None:
        result.problems.append(
            QT_TRANSLATE_NOOP("Errors", "شناسهٔ sha256 گزارش در اطلاعات PDF پیدا نشد.")
        )
    if chain is not None:
        result.issued_by_root = chain.issued_by_root
        result.revoked = chain.revoked
    result.verdict = _verdict(result)
    if result.verdict == "revoked":
        result.problems.append(
            QT_TRANSLATE_NOOP("Errors", "گواهی امضاکننده را استانداری باطل کرده است.")
        )
    if trusted_cert_pem is not None:
        try:
            expected = fingerprint(load_certificate(trusted_cert_pem))
        except IdentityError as exc:
            result.problems.append(f"گواهی مرجع خوانده نشد: {exc.message}")
            result.trusted = False
        else:
            result.trusted = expected == result.fingerprint_sha256
            if not result.trusted:
                result.problems.append(
                    QT_TRANSLATE_NOOP("Errors", "امضاکننده همان دارندهٔ گواهی ثبت‌شده نیست.")
                )
    return result


def _verdict(result: VerifyResult) -> Verdict:
    if not (result.intact and result.valid) or result.modified_after_signing:
        return "invalid"
    if result.revoked:
        return "revoked"
    if result.issued_by_root:
        return "governorate"
    return "own" if result.own_identity else "untrusted"
