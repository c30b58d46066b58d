"""Marking a photo before it leaves the laptop: arrows, circles and text that point at what is
wrong, and blurred regions over what must not be shown — clients' faces, ID cards, screens
(the Charter's privacy rule). The marks are drawn into the JPEG that travels (Pillow, the one
renderer for the editor's preview and for what is stored); the original's sha256 stays
recorded, and the marks are kept as data with the photo and in its document.

Blurring is strong on purpose: a region is shrunk to a few pixels and blurred back, so no
face or number can be read from it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFilter, ImageFont, features
from pydantic import ValidationError
from sqlite_utils import Database

from inspector_app import paths
from inspector_app.domain.inspection_document import PhotoMark
from inspector_app.errors import QT_TRANSLATE_NOOP, InvalidAnswer
from inspector_app.pdf.persian_text import prepare, visual
from inspector_app.services.photos import THUMB_EDGE, jpeg_bytes
from inspector_app.storage import contents, drafts

INK = (211, 47, 47)  # the marks' red
MAX_MARKS = 50


def parse_marks(marks: Sequence[PhotoMark | dict[str, object]]) -> list[PhotoMark]:
    try:
        parsed = [m if isinstance(m, PhotoMark) else PhotoMark.model_validate(m) for m in marks]
    except ValidationError as exc:
        raise InvalidAnswer(
            QT_TRANSLATE_NOOP("Errors", "نشانهٔ روی عکس درست نیست ({reason})"),
            reason=exc.errors()[0]["msg"],
        ) from exc
    if len(parsed) > MAX_MARKS:
        raise InvalidAnswer(
            QT_TRANSLATE_NOOP("Errors", "بیش از {most} نشانه روی یک عکس نمی‌رود"), most=MAX_MARKS
        )
    return parsed


# Pillow lays Persian out itself where it has libraqm (shaping and right to left from the
# text as typed); without it the text is shaped and put in display order here first.
RAQM = features.check("raqm")


@lru_cache(maxsize=4)
def _font(size: int) -> ImageFont.FreeTypeFont:
    engine = ImageFont.Layout.RAQM if RAQM else ImageFont.Layout.BASIC
    return ImageFont.truetype(
        str(paths.resource("fonts", "Vazirmatn-Bold.ttf")), size, layout_engine=engine
    )


def _text(
    draw: ImageDraw.ImageDraw, at: tuple[float, float], text: str, line: int, size: int
) -> None:
    """`text` ending at `at` (it is read from there to the left), on a white label."""
    font = _font(size)
    shown = text if RAQM else visual(prepare(text))
    direction, language = ("rtl", "fa") if RAQM else (None, None)
    left, top, right, bottom = draw.textbbox(
        at, shown, font=font, anchor="rm", direction=direction, language=language
    )
    pad = line * 2
    draw.rectangle((left - pad, top - pad, right + pad, bottom + pad), fill=(255, 255, 255))
    draw.text(at, shown, font=font, fill=INK, anchor="rm", direction=direction, language=language)


def render(jpeg: bytes, marks: Sequence[PhotoMark]) -> Image.Image:
    """The photo with `marks` drawn on it: blurred regions first, then the lines and text."""
    image = Image.open(io.BytesIO(jpeg)).convert("RGB")
    w, h = image.size

    def box(m: PhotoMark) -> tuple[int, int, int, int]:
        left, right = sorted((m.x0 * w, m.x1 * w))
        top, bottom = sorted((m.y0 * h, m.y1 * h))
        return (
            round(left),
            round(top),
            max(round(right), round(left) + 1),
            max(round(bottom), round(top) + 1),
        )

    for m in marks:
        if m.kind == "blur":
            region = image.crop(box(m))
            tiny = region.resize(
                (max(1, region.width // 16), max(1, region.height // 16)), Image.Resampling.BOX
            )
            hidden = tiny.resize(region.size, Image.Resampling.BILINEAR)
            hidden = hidden.filter(ImageFilter.GaussianBlur(max(2, min(w, h) // 100)))
            image.paste(hidden, box(m)[:2])
    draw = ImageDraw.Draw(image)
    line = max(3, min(w, h) // 160)
    for m in marks:
        if m.kind == "circle":
            draw.ellipse(box(m), outline=INK, width=line)
        elif m.kind == "arrow":
            _arrow(draw, (m.x0 * w, m.y0 * h), (m.x1 * w, m.y1 * h), line)
        elif m.kind == "text" and m.text.strip():
            _text(draw, (m.x0 * w, m.y0 * h), m.text.strip(), line, max(14, min(w, h) // 18))
    return image


def _arrow(
    draw: ImageDraw.ImageDraw, tail: tuple[float, float], head: tuple[float, float], width: int
) -> None:
    draw.line((tail, head), fill=INK, width=width)
    dx, dy = head[0] - tail[0], head[1] - tail[1]
    length = max((dx * dx + dy * dy) ** 0.5, 1.0)
    ux, uy = dx / length, dy / length
    size = width * 5
    left = (head[0] - ux * size - uy * size * 0.6, head[1] - uy * size + ux * size * 0.6)
    right = (head[0] - ux * size + uy * size * 0.6, head[1] - uy * size - ux * size * 0.6)
    draw.polygon((head, left, right), fill=INK)


def preview(jpeg: bytes, marks: Sequence[PhotoMark]) -> bytes:
    """What `store` would keep, for the editor to show (PNG: no second JPEG loss)."""
    out = io.BytesIO()
    render(jpeg, marks).save(out, "PNG")
    return out.getvalue()


def store(db: Database, photo_id: str, base_jpeg: bytes, marks: Sequence[PhotoMark]) -> None:
    """Draw `marks` on `base_jpeg` (the photo's JPEG when the editing began) and keep the
    result as the photo's JPEG and thumbnail, with the marks (the ones before included)."""
    parsed = parse_marks(marks)
    previous = contents.photo_marks(db, photo_id)
    image = render(base_jpeg, parsed)
    thumb = image.copy()
    thumb.thumbnail((THUMB_EDGE, THUMB_EDGE), Image.Resampling.LANCZOS)
    drafts.mark_photo(
        db,
        photo_id,
        jpeg=jpeg_bytes(image, 82),
        thumbnail=jpeg_bytes(thumb, 75),
        marks=[*previous, *(m.model_dump() for m in parsed)],
    )
