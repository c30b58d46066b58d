"""The report's signature block: each signer's role, name and drawn signature (or why there is
none), three to a row."""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence

from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Table
from reportlab.platypus.tables import TableStyle

from inspector_app.pdf.layout import BODY, CELL, CELL_HEAD, FRAME_WIDTH, GRID, SMALL, TABLE_FONT
from inspector_app.pdf.rtl_flowable import RTLParagraph
from inspector_app.services.report.model import Signature

log = logging.getLogger(__name__)


def signature_block(signatures: Sequence[Signature]) -> Flowable:
    if not signatures:
        return RTLParagraph("امضایی ثبت نشده است.", BODY)
    cells: list[list[Flowable]] = []
    for sig in signatures:
        cell: list[Flowable] = [
            RTLParagraph(sig.role, CELL_HEAD),
            RTLParagraph(sig.name, CELL),
        ]
        image = _signature_image(sig)
        if image is not None:
            cell.append(image)
        elif sig.declined_reason:
            cell.append(RTLParagraph(f"امضا نکرد: {sig.declined_reason}", CELL))
        else:
            cell.append(RTLParagraph("امضا نشده", CELL))
        if sig.signed_at:
            cell.append(RTLParagraph(sig.signed_at, SMALL))
        cells.append(cell)
    per_row = 3
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    while len(rows[-1]) < per_row:
        rows[-1].append([])
    width = FRAME_WIDTH / per_row
    table = Table([row[::-1] for row in rows], colWidths=[width] * per_row)
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 0.6, GRID),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, GRID),
            ]
        )
    )
    return table


def _signature_image(sig: Signature) -> Flowable | None:
    if not sig.png:
        return None
    try:
        with PILImage.open(io.BytesIO(sig.png)) as img:
            img.load()
            width_px, height_px = img.size
    except (OSError, UnidentifiedImageError, ValueError) as exc:
        log.warning("تصویر امضای %s خوانده نشد (%s)", sig.name, type(exc).__name__)
        return None
    width = min(FRAME_WIDTH / 3 - 16, 45 * mm)
    height = min(width * height_px / max(width_px, 1), 22 * mm)
    width = height * width_px / max(height_px, 1)
    return Image(io.BytesIO(sig.png), width=width, height=height)
