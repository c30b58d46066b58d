"""The visible signature box: a small PDF drawn with the report's own Persian text rendering.

pyHanko's text stamp spaces Vazirmatn letters about twice too wide and reverses digits, so the
appearance is drawn here with reportlab (the report's shaping and bidi helpers) and handed to
pyHanko as a static background of the signature field. Its text is drawn as outlines: as text
it would bring a second copy of the fonts the report already embeds.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.content import PdfContent
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.stamp import StaticStampStyle
from reportlab.lib.colors import Color

from inspector_app.domain.jalali import jalali_datetime
from inspector_app.pdf.persian_text import LRM
from inspector_app.pdf.rtl_flowable import (
    FONT_BOLD,
    FONT_REGULAR,
    draw_rtl_line,
    make_canvas,
)

WIDTH = 262.0
HEIGHT = 66.0
_INK = Color(0.09, 0.20, 0.42)
_FILL = Color(0.93, 0.96, 1.0)
_MUTED = Color(0.25, 0.28, 0.35)


@dataclass(frozen=True)
class StampText:
    holder_name: str
    personnel_no: str
    signing_time: dt.datetime  # aware; shown in Tehran time
    fingerprint_sha256: str
    title: str = "امضای دیجیتال"


def stamp_pdf(text: StampText, width: float = WIDTH, height: float = HEIGHT) -> bytes:
    """A one-page PDF, `width` × `height` points, with the signature box drawn on it."""
    out = io.BytesIO()
    canvas = make_canvas(out, pagesize=(width, height), invariant=1)
    canvas.setTitle("signature appearance")
    canvas.setStrokeColor(_INK)
    canvas.setFillColor(_FILL)
    canvas.setLineWidth(1.1)
    canvas.roundRect(0.8, 0.8, width - 1.6, height - 1.6, 5, stroke=1, fill=1)
    right = width - 8
    canvas.setFillColor(_INK)
    signer = f"{text.title}: {text.holder_name}"
    if text.personnel_no:
        signer += f" — شمارهٔ پرسنلی {text.personnel_no}"
    draw_rtl_line(
        canvas, signer, right, height - 14, font_name=FONT_BOLD, font_size=8.8, outlined=True
    )
    canvas.setFillColor(_MUTED)
    when = f"زمان امضا: {jalali_datetime(text.signing_time)} به وقت تهران"
    draw_rtl_line(
        canvas, when, right, height - 27, font_name=FONT_REGULAR, font_size=8.2, outlined=True
    )
    draw_rtl_line(
        canvas, "اثر انگشت گواهی (SHA-256):", right, height - 39, font_name=FONT_REGULAR,
        font_size=7.4, outlined=True,
    )  # fmt: skip
    hex_text = text.fingerprint_sha256.upper()
    # Latin hex, left to right, in two rows of 32 so it stays readable at this size.
    for row, chunk in enumerate((hex_text[:32], hex_text[32:])):
        spaced = " ".join(chunk[i : i + 4] for i in range(0, len(chunk), 4))
        draw_rtl_line(
            canvas, spaced, right, height - 49 - row * 8, font_name=FONT_REGULAR,
            font_size=6.4, persian_digits=False, outlined=True,
        )  # fmt: skip
    canvas.showPage()
    canvas.save()
    return out.getvalue()


SIGNATURE_PAGE_TOP_GAP = 96.0  # from the top margin down to the box on an added page


def signature_page_pdf(
    width: float, height: float, margin: float, report_title: str, report_id: str
) -> bytes:
    """The page added after a report whose last page has no room for the signature box: a
    heading and a note saying what it is; the box itself is the signature field's appearance."""
    out = io.BytesIO()
    canvas = make_canvas(out, pagesize=(width, height), invariant=1)
    right = width - margin
    top = height - margin
    canvas.setFillColor(_INK)
    draw_rtl_line(canvas, "امضای دیجیتال گزارش", right, top - 14, font_name=FONT_BOLD,
                  font_size=13)  # fmt: skip
    canvas.setFillColor(_MUTED)
    lines = [
        report_title,
        # The mark keeps the id one left-to-right run: after Persian letters, its leading
        # digits would otherwise be read as Arabic numbers and split from its letters.
        f"شناسهٔ گزارش: {LRM}{report_id}" if report_id else "",
        "این صفحه پس از آخرین صفحهٔ گزارش برای کادر امضای دیجیتال افزوده شده است؛",
        "امضای دیجیتال همهٔ صفحه‌های گزارش را در بر می‌گیرد.",
    ]
    y = top - 36
    for line in filter(None, lines):
        draw_rtl_line(canvas, line, right, y, font_name=FONT_REGULAR, font_size=9.5,
                      persian_digits=not line.startswith("شناسه"))  # fmt: skip
        y -= 16
    canvas.setStrokeColor(Color(0.6, 0.65, 0.72))
    canvas.setLineWidth(0.5)
    canvas.line(margin, margin + 11, right, margin + 11)
    canvas.setFillColor(Color(0.27, 0.27, 0.27))
    draw_rtl_line(canvas, "صفحهٔ امضای دیجیتال", right, margin, font_size=7.5)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


class PdfPageContent(PdfContent):
    """The first page of an in-memory PDF as pyHanko content (ImportedPdfPage reads a file)."""

    def __init__(self, pdf: bytes) -> None:
        self._pdf = pdf
        super().__init__()

    def render(self) -> bytes:
        writer = self._ensure_writer
        xobject = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self._pdf)), page_ix=0)
        name = "/BazresStamp"
        self.resources.xobject[name] = xobject
        x1, y1, x2, y2 = xobject.get_object()["/BBox"]
        self.box = layout.BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return name.encode("ascii") + b" Do"


def stamp_style(text: StampText) -> StaticStampStyle:
    return StaticStampStyle(
        background=PdfPageContent(stamp_pdf(text)),
        background_opacity=1.0,
        border_width=0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(0),
        ),
    )
