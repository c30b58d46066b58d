"""The A4 page the Persian PDFs share: margins, palette, paragraph styles and numbered footers.

Page numbers «صفحه ۱ از ۳» need the page count, so the canvas keeps every page until `save`
and draws the footers then.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from inspector_app.domain.persian import to_persian_digits
from inspector_app.pdf import missing_glyphs
from inspector_app.pdf.rtl_flowable import (
    FONT_BOLD,
    FONT_MEDIUM,
    FONT_REGULAR,
    draw_rtl_line,
    text_width,
)

PAGE = A4
MARGIN = 16 * mm
FRAME_WIDTH = PAGE[0] - 2 * MARGIN
# Paragraphs run inside the frame's padding (reportlab's 6 pt a side), as does a table cell's
# text inside its own: a drawing as wide as this ends where the text does.
TEXT_WIDTH = FRAME_WIDTH - 2 * 6

NAVY = colors.HexColor("#16365c")
GRID = colors.HexColor("#9aa7b8")
HEAD_BG = colors.HexColor("#e3eaf3")
FAIL_BG = colors.HexColor("#fbe9e7")
BOX_BG = colors.HexColor("#f4f7fb")


def paragraph_style(
    name: str, size: float = 9.5, *, font: str = FONT_REGULAR, **kw: Any
) -> ParagraphStyle:
    kw.setdefault("leading", size * 1.75)
    kw.setdefault("alignment", TA_RIGHT)
    return ParagraphStyle(name, fontName=font, fontSize=size, **kw)


BODY = paragraph_style("body")
SMALL = paragraph_style("small", 8.5)
CELL = paragraph_style("cell", 9)
CELL_HEAD = paragraph_style("cell-head", 9, font=FONT_BOLD)
CELL_CENTER = paragraph_style("cell-center", 9, alignment=TA_CENTER)
TITLE = paragraph_style("title", 15, font=FONT_BOLD, alignment=TA_CENTER, leading=24)
SUBTITLE = paragraph_style("subtitle", 11, font=FONT_MEDIUM, alignment=TA_CENTER, leading=19)
HEADING = paragraph_style(
    "heading", 11.5, font=FONT_BOLD, spaceBefore=10, spaceAfter=4, textColor=NAVY
)
CAPTION = paragraph_style("caption", 8.5, alignment=TA_CENTER)
# Tables set a font even for empty cells; reportlab's default would add an unembedded Helvetica.
TABLE_FONT = ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR)


FOOTER_SIZE = 7.5
PAGE_NUMBER_SIZE = 8.5
FOOTER_GAP = 12.0  # between the footer's text and «صفحه ۱ از ۸»
ELLIPSIS = "…"


def shortened(text: str, end: str, width: float, font_size: float) -> str:
    """`text` + `end` when it fits in `width` on one line; else the longest start of `text` that
    fits with «…» after it (cut after a word if that keeps most of it) and `end` whole."""

    def fits(head: str) -> bool:
        return text_width(head + ELLIPSIS + end, FONT_REGULAR, font_size) <= width

    if text_width(text + end, FONT_REGULAR, font_size) <= width:
        return text + end
    lo, hi = 0, len(text)  # the longest prefix that fits
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if fits(text[:mid]) else (lo, mid - 1)
    head = text[:lo]
    space = head.rstrip().rfind(" ")
    if space >= len(head) * 2 / 3:
        head = head[:space]
    return head.rstrip() + ELLIPSIS + end


class NumberedCanvas(Canvas):
    """Keeps each page until the end so its footer can say «صفحه ۲ از ۵». The footer's text is
    shortened with «…» where it would reach the page number; `footer_end` is always kept."""

    def __init__(
        self,
        *args: Any,
        footer: str,
        footer_end: str = "",
        created: dt.datetime | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT_REGULAR
        super().__init__(*args, **kwargs)
        if created is not None:  # CreationDate and ModDate: the data's time, not 2000-01-01
            stamp = created.astimezone(dt.UTC).strftime("D:%Y%m%d%H%M%S+00'00'")
            self.setDateFormatter(lambda *_: stamp)
        self._footer = footer
        self._footer_end = footer_end
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        y = MARGIN
        self.saveState()
        self.setStrokeColor(GRID)
        self.setLineWidth(0.5)
        self.line(MARGIN, y + 11, PAGE[0] - MARGIN, y + 11)
        self.setFillColor(colors.HexColor("#444444"))
        page_of = f"صفحه {to_persian_digits(number)} از {to_persian_digits(total)}"
        used = draw_rtl_line(self, page_of, MARGIN, y, font_size=PAGE_NUMBER_SIZE, align="left")
        room = FRAME_WIDTH - used - FOOTER_GAP
        footer = shortened(self._footer, self._footer_end, room, FOOTER_SIZE)
        draw_rtl_line(self, footer, PAGE[0] - MARGIN, y, font_size=FOOTER_SIZE)
        self.restoreState()


def build_a4(
    story: Sequence[Flowable],
    *,
    footer: str,
    footer_end: str = "",
    created: dt.datetime | None = None,
    **info: str,
) -> bytes:
    """Every PDF's page: A4 with its margins, «صفحه N از M» footers (`footer`, shortened if need
    be, then `footer_end`), no build-time stamps (`invariant`: the same input gives the same
    bytes), dated `created` (the data's own time; 2000-01-01 without it). `info`: title,
    author, subject, keywords."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 8 * mm,
        invariant=1,
        creator="Bazres",
        producer="Bazres (reportlab)",
        lang="fa-IR",
        **info,
    )

    def canvasmaker(*args: Any, **kwargs: Any) -> Canvas:
        return NumberedCanvas(
            *args, footer=footer, footer_end=footer_end, created=created, **kwargs
        )

    with missing_glyphs.reported_once():
        doc.build(list(story), canvasmaker=canvasmaker)
    return buffer.getvalue()
