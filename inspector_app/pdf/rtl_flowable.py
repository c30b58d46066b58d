"""Right-to-left Persian paragraphs and lines for reportlab, drawn with the bundled Vazirmatn.

Lines are broken in logical order (the first words of a note end up on the first line) using the
widths of the shaped words; only then is each line shaped and reordered on its own
(persian_text.visual). Reordering a whole paragraph and then wrapping it puts the end of the
sentence on the first line: the classic mistake this module exists to avoid.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from inspector_app.paths import resource
from inspector_app.pdf import glyph_line, missing_glyphs, outlines, persian_text
from inspector_app.pdf.long_words import cut_word
from inspector_app.pdf.text_layer import TextFont

FONT_REGULAR = "Vazirmatn"
FONT_MEDIUM = "Vazirmatn-Medium"
FONT_BOLD = "Vazirmatn-Bold"
_FONT_FILES = {
    FONT_REGULAR: "Vazirmatn-Regular.ttf",
    FONT_MEDIUM: "Vazirmatn-Medium.ttf",
    FONT_BOLD: "Vazirmatn-Bold.ttf",
}
# Where the baseline sits inside a line box, as a share of the font size below the box's
# vertical centre: Vazirmatn's Persian glyphs hang low, Latin capitals stand tall.
_BASELINE_SHIFT = 0.33
_KEEP_LINES = 2  # the fewest lines a paragraph leaves on either side of a page break


_registered: list[bool] = []  # non-empty once the fonts are registered


def register_fonts() -> None:
    """Register Vazirmatn (regular, medium, bold) with reportlab once per process."""
    if _registered:
        return
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _FONT_FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TextFont(name, str(resource("fonts", filename))))
    pdfmetrics.registerFontFamily(
        FONT_REGULAR,
        normal=FONT_REGULAR,
        bold=FONT_BOLD,
        italic=FONT_REGULAR,
        boldItalic=FONT_BOLD,
    )
    _registered.append(True)


def make_canvas(*args: Any, **kwargs: Any) -> Canvas:
    """A canvas whose initial font is Vazirmatn: reportlab's default (Helvetica, a base-14 font)
    would otherwise be listed, unembedded, on every page."""
    register_fonts()
    kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT_REGULAR
    return Canvas(*args, **kwargs)


def _cover(text: str, font_name: str) -> str:
    """Glyphs the font has: presentation forms it lacks become their letters, any other
    missing character the placeholder (reported where the text was given, missing_glyphs)."""
    text = missing_glyphs.substitute(text, font_name)
    return persian_text.cover(text, missing_glyphs.glyph_codes(font_name), missing_glyphs.warn)


@lru_cache(maxsize=65536)
def _word_width(word: str, font_name: str) -> float:
    """Width of one shaped word at 1 pt."""
    glyphs = _cover(persian_text.logical_glyphs(word), font_name)
    return float(pdfmetrics.stringWidth(glyphs, font_name, 1.0))


def visual_line(text: str, font_name: str) -> str:
    """A prepared logical line as the glyph string to draw left to right."""
    return _cover(persian_text.visual(text), font_name)


def text_width(
    text: str, font_name: str, font_size: float, *, persian_digits: bool = True
) -> float:
    """Width of `text` drawn as one right-to-left line."""
    prepared = persian_text.prepare(text, persian_digits=persian_digits)
    return pdfmetrics.stringWidth(visual_line(prepared, font_name), font_name, font_size)


def draw_rtl_line(
    canvas: Canvas,
    text: str,
    x: float,
    y: float,
    *,
    font_name: str = FONT_REGULAR,
    font_size: float = 10,
    align: str = "right",
    persian_digits: bool = True,
    outlined: bool = False,
) -> float:
    """Draw one line of Persian text with its baseline at `y`; `x` is the right edge for
    align="right", the centre for "center", the left edge for "left". Returns the width.
    `outlined`: as filled glyph outlines, embedding no font (pdf/outlines.py)."""
    register_fonts()
    missing_glyphs.report(text, font_name)
    prepared = persian_text.prepare(text.replace("\n", " "), persian_digits=persian_digits)
    glyphs = visual_line(prepared, font_name)
    width = pdfmetrics.stringWidth(glyphs, font_name, font_size)
    left = {"right": x - width, "center": x - width / 2, "left": x}[align]
    if outlined:
        outlines.draw_line(canvas, left, y, prepared, font_name, font_size, _cover)
        return width
    canvas.setFont(font_name, font_size)
    glyph_line.draw_line(canvas, left, y, prepared, font_name, font_size, _cover)
    return width


@dataclass(frozen=True)
class _Line:
    words: tuple[str, ...]  # logical order, prepared
    last: bool  # the last line of a hard paragraph (never justified)
    ltr: bool = False  # of an English paragraph: it starts at the left edge


class RTLParagraph(Flowable):
    """A paragraph of Persian (or mixed) text, right-aligned by default.

    `style` is a reportlab ParagraphStyle: fontName, fontSize, leading, textColor, alignment
    (TA_CENTER centres, TA_JUSTIFY justifies, TA_LEFT/TA_RIGHT start where the paragraph's
    direction does: at the right edge, at the left for an English-only one), spaceBefore and
    spaceAfter. Newlines in `text` are hard line breaks.
    """

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        persian_digits: bool = True,
        _lines: list[_Line] | None = None,
    ) -> None:
        super().__init__()
        register_fonts()
        self.text = text
        self.style = style
        self.persian_digits = persian_digits
        self._paragraphs = [
            persian_text.prepare(part, persian_digits=persian_digits).split(" ")
            for part in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        ]
        self._fixed_lines = _lines
        self._lines: list[_Line] = _lines or []
        self._wrapped_width: float | None = None
        self.width = 0.0
        self.height = 0.0

    def __repr__(self) -> str:
        return f"RTLParagraph({self.text[:40]!r}…)"

    # -- measuring -------------------------------------------------------------------------
    def _width(self, word: str) -> float:
        return _word_width(word, self.style.fontName) * self.style.fontSize

    def _break(self, avail: float) -> list[_Line]:
        space = pdfmetrics.stringWidth(" ", self.style.fontName, self.style.fontSize)
        lines: list[_Line] = []
        for words in self._paragraphs:
            ltr = not persian_text.is_right_to_left(" ".join(words))
            current: list[str] = []
            used = 0.0
            for word in words:
                if not word:
                    continue
                for piece in self._fit_word(word, avail):
                    w = self._width(piece)
                    if current and used + space + w > avail:
                        lines.append(_Line(tuple(current), False, ltr))
                        current, used = [], 0.0
                    used = used + space + w if current else w
                    current.append(piece)
            lines.append(_Line(tuple(current), True, ltr))
        return lines

    def _fit_word(self, word: str, avail: float) -> list[str]:
        """The word, or if it is wider than the column its pieces that fit (long_words)."""
        return cut_word(word, lambda piece: self._width(piece) <= avail)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._fixed_lines is None and self._wrapped_width != availWidth:
            if self._wrapped_width is None:  # once, while the PDF is built (a split part is not)
                missing_glyphs.report(self.text, self.style.fontName)
            self._lines = self._break(max(availWidth, self.style.fontSize))
            self._wrapped_width = availWidth
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def minWidth(self) -> float:
        widths = [self._width(w) for words in self._paragraphs for w in words if w]
        return min(max(widths, default=0.0), 120.0)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        fit = int((availHeight + 1e-6) // self.style.leading)
        if fit < len(self._lines):
            # At least two lines on each side of a page break: one line alone at the foot or
            # the head of a page reads as a stray (and a short table row then moves whole).
            fit = min(fit, len(self._lines) - _KEEP_LINES)
            if fit < _KEEP_LINES:
                return []
        # Always two parts (the second may be empty): reportlab's Table, splitting a row,
        # takes both halves of whatever a cell's split returns.
        head = RTLParagraph(
            self.text, self.style, persian_digits=self.persian_digits, _lines=self._lines[:fit]
        )
        tail_style = ParagraphStyle("rtl-tail", parent=self.style, spaceBefore=0)
        tail = RTLParagraph(
            self.text, tail_style, persian_digits=self.persian_digits, _lines=self._lines[fit:]
        )
        head.style = ParagraphStyle("rtl-head", parent=self.style, spaceAfter=0)
        return [head, tail]

    # -- drawing ---------------------------------------------------------------------------
    def draw(self) -> None:
        style = self.style
        canvas: Any = self.canv
        canvas.saveState()
        canvas.setFillColor(style.textColor)
        canvas.setFont(style.fontName, style.fontSize)
        for index, line in enumerate(self._lines):
            centre = self.height - (index + 0.5) * style.leading
            baseline = centre - _BASELINE_SHIFT * style.fontSize
            text = " ".join(line.words)
            glyphs = visual_line(text, style.fontName)
            width = pdfmetrics.stringWidth(glyphs, style.fontName, style.fontSize)
            gaps = glyphs.count(" ")
            if style.alignment == TA_JUSTIFY and not line.last and gaps:
                extra = (self.width - width) / gaps
                font = (style.fontName, style.fontSize)
                glyph_line.draw_line(canvas, 0.0, baseline, text, *font, _cover, word_space=extra)
                continue
            free = self.width - width
            start = 0.0 if line.ltr else free  # where the line's direction starts
            x = free / 2 if style.alignment == TA_CENTER else start
            glyph_line.draw_line(canvas, x, baseline, text, style.fontName, style.fontSize, _cover)
        canvas.restoreState()
