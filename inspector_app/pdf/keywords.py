"""The report id and canonical sha256 a report PDF carries in its metadata (Info /Keywords).

The renderer writes them; signing and verification read them back to tie a PDF to the
inspection it was made from.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader

_KEYWORDS = re.compile(r"bazres-sha256:(?P<sha>[0-9a-f]{64})\s+bazres-id:(?P<id>[0-9A-Za-z-]+)")


@dataclass(frozen=True)
class ReportIdentity:
    report_id: str
    canonical_sha256: str


def keywords_for(report_id: str, canonical_sha256: str) -> str:
    """The /Keywords value written into a report."""
    return f"bazres-sha256:{canonical_sha256} bazres-id:{report_id}"


def parse_keywords(keywords: str) -> ReportIdentity | None:
    match = _KEYWORDS.search(keywords)
    if match is None:
        return None
    return ReportIdentity(match.group("id"), match.group("sha"))


def read_identity(pdf: bytes) -> ReportIdentity | None:
    """The identity in a report PDF (signed or not), or None if it has none."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        info = reader.trailer_view.get("/Info")
        if info is not None and hasattr(info, "get_object"):
            info = info.get_object()
        keywords = info.get("/Keywords") if info is not None else None
    except (PdfError, ValueError, KeyError, TypeError):  # damaged or not a PDF
        return None
    return parse_keywords(str(keywords)) if keywords is not None else None
