"""PAdES signature (pyHanko) with a visible box on the last page of the report.

The time drawn in the box and the time embedded in the signature (/M) are the same instant:
the signing session's clock is set to it rather than read again by pyHanko.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from pyhanko.keys.internal import (
    translate_pyca_cryptography_cert_to_asn1,
    translate_pyca_cryptography_key_to_asn1,
)
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.signers.pdf_signer import PdfSigningSession
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash

from inspector_app.domain.jalali import utc_now
from inspector_app.errors import QT_TRANSLATE_NOOP, KnownError
from inspector_app.services.signing import placement, stamp
from inspector_app.services.signing.keys import SigningKey, UnlockedIdentity

FIELD_NAME = "BazresInspectorSignature"
LOCATION = "استان بوشهر"
REASON = "گزارش بازرسی دفتر خدمات عمومی"


class SigningFailed(KnownError):
    """The PDF could not be signed (unreadable input or a signing library error)."""


@dataclass(frozen=True)
class SignOptions:
    # (x1, y1, x2, y2) in points on `page`; None: the free foot of the last page (placement).
    box: tuple[int, int, int, int] | None = None
    page: int = -1
    reason: str = REASON
    location: str = LOCATION
    personnel_no: str = ""


class _ClockedSigner(signers.PdfSigner):
    """A PdfSigner whose session uses a given signing time instead of reading the clock."""

    def __init__(self, *args: object, signing_time: dt.datetime, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._signing_time = signing_time

    def init_signing_session(
        self, pdf_out: BasePdfFileWriter, existing_fields_only: bool = False
    ) -> PdfSigningSession:
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self._signing_time
        return session


class _LoadedKeySigner(signers.SimpleSigner):
    """SimpleSigner parses and re-validates the DER key for every raw signature (about 70 ms
    each for RSA, twice per PDF); the key here is already loaded, so it is used directly."""

    def __init__(self, *, key: SigningKey, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._key = key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        hash_algo = get_pyca_cryptography_hash(digest_algorithm)
        if mechanism == "rsassa_pkcs1v15" and isinstance(self._key, rsa.RSAPrivateKey):
            return self._key.sign(data, PKCS1v15(), hash_algo)
        if mechanism == "ecdsa" and isinstance(self._key, ec.EllipticCurvePrivateKey):
            return self._key.sign(data, ec.ECDSA(hash_algo))
        return bytes(super().sign_raw(data, digest_algorithm))


def _signer(identity: UnlockedIdentity) -> signers.SimpleSigner:
    registry = SimpleCertificateStore()
    registry.register_multiple(
        [translate_pyca_cryptography_cert_to_asn1(c) for c in identity.chain]
    )
    return _LoadedKeySigner(
        key=identity.private_key,
        signing_cert=translate_pyca_cryptography_cert_to_asn1(identity.certificate),
        signing_key=translate_pyca_cryptography_key_to_asn1(identity.private_key),
        cert_registry=registry,
    )


def sign_pdf(
    pdf: bytes,
    identity: UnlockedIdentity,
    *,
    signing_time: dt.datetime | None = None,
    options: SignOptions | None = None,
) -> bytes:
    """`pdf` with a PAdES signature by `identity` appended as an incremental update."""
    options = options or SignOptions()
    moment = (signing_time or utc_now()).astimezone(dt.UTC)
    text = stamp.StampText(
        holder_name=identity.holder_name,
        personnel_no=options.personnel_no,
        signing_time=moment,
        fingerprint_sha256=identity.fingerprint_sha256,
    )
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=identity.holder_name,
        reason=options.reason,
        location=options.location,
    )
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        page, box = options.page, options.box
        if box is None:
            chosen = placement.place_signature_box(writer)
            page, box = chosen.page, chosen.box
        pdf_signer = _ClockedSigner(
            meta,
            signer=_signer(identity),
            stamp_style=stamp.stamp_style(text),
            new_field_spec=fields.SigFieldSpec(FIELD_NAME, on_page=page, box=box),
            signing_time=moment,
        )
        output = pdf_signer.sign_pdf(writer)
    except (PdfError, ValueError, OSError) as exc:
        raise SigningFailed(
            QT_TRANSLATE_NOOP("Errors", "امضای PDF ممکن نشد: {reason}"), reason=exc
        ) from exc
    data = output.getvalue()
    return bytes(data)
