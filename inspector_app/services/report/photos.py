"""The report's photos: downscaled in parallel, two a row, a placeholder for one that cannot be
read."""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError
from reportlab.platypus import Flowable, Image, Table
from reportlab.platypus.tables import TableStyle

from inspector_app.domain.persian import format_number
from inspector_app.pdf.layout import BOX_BG, CAPTION, FRAME_WIDTH, GRID, TABLE_FONT
from inspector_app.pdf.rtl_flowable import RTLParagraph
from inspector_app.services.report.model import Photo

log = logging.getLogger(__name__)

PHOTO_MAX_PX = 1000  # long side after downscaling: sharp at ~8 cm, small file
PHOTO_WIDTH = (FRAME_WIDTH - 12) / 2


def photo_grid(photos: Sequence[Photo]) -> Table:
    # Decoding phone photos is most of the report's time; Pillow releases the GIL while
    # decoding, so the photos are prepared in parallel (results and warnings stay in order).
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        prepared = list(pool.map(_try_downscale, (photo.data for photo in photos)))
    cells: list[list[Flowable]] = []
    for number, (photo, result) in enumerate(zip(photos, prepared, strict=True), start=1):
        label = f"تصویر {format_number(number, group=False)}"
        text = f"{label}: {photo.caption}" if photo.caption else label
        caption = RTLParagraph(f"{text}\n{photo.taken}" if photo.taken else text, CAPTION)
        cells.append([_photo_flowable(result, number), caption])
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    if len(rows[-1]) == 1:
        rows[-1].append([])
    # Two photos a row; the first photo of each row on the right.
    visual = [row[::-1] for row in rows]
    table = Table(visual, colWidths=[PHOTO_WIDTH + 6, PHOTO_WIDTH + 6])
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def _try_downscale(data: bytes) -> tuple[bytes, int, int] | Exception:
    try:
        return downscale_jpeg(data)
    except (OSError, UnidentifiedImageError, ValueError, PILImage.DecompressionBombError) as exc:
        return exc


def _photo_flowable(prepared: tuple[bytes, int, int] | Exception, number: int) -> Flowable:
    if isinstance(prepared, Exception):
        log.warning(
            "تصویر %s خوانده نشد و جای آن خالی ماند (%s)",
            format_number(number, group=False),
            type(prepared).__name__,
        )
        box = Table(
            [[RTLParagraph("تصویر قابل خواندن نیست", CAPTION)]],
            colWidths=[PHOTO_WIDTH],
            rowHeights=[PHOTO_WIDTH * 0.6],
        )
        box.setStyle(
            TableStyle(
                [
                    TABLE_FONT,
                    ("BOX", (0, 0), (-1, -1), 0.8, GRID),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("BACKGROUND", (0, 0), (-1, -1), BOX_BG),
                ]
            )
        )
        return box
    jpeg, width_px, height_px = prepared
    height = PHOTO_WIDTH * height_px / width_px
    if height > PHOTO_WIDTH * 1.1:  # portrait: limit the height, keep the aspect
        scale = PHOTO_WIDTH * 1.1 / height
        return Image(io.BytesIO(jpeg), width=PHOTO_WIDTH * scale, height=PHOTO_WIDTH * 1.1)
    return Image(io.BytesIO(jpeg), width=PHOTO_WIDTH, height=height)


def downscale_jpeg(data: bytes, max_px: int = PHOTO_MAX_PX) -> tuple[bytes, int, int]:
    """A JPEG whose long side is at most `max_px`, upright per EXIF, and its size in pixels."""
    with PILImage.open(io.BytesIO(data)) as img:
        # JPEG decoding at 1/2, 1/4 or 1/8 scale is far faster than a full decode + resize;
        # draft keeps both sides at least as large as asked, so ask with the photo's aspect.
        scale = min(1.0, max_px / max(img.size))
        img.draft("RGB", (round(img.width * scale), round(img.height * scale)))
        img.load()
        out = ImageOps.exif_transpose(img).convert("RGB")
    out.thumbnail((max_px, max_px), PILImage.Resampling.BILINEAR)
    buffer = io.BytesIO()
    out.save(buffer, "JPEG", quality=72)
    return buffer.getvalue(), out.width, out.height
