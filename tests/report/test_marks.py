"""Arabic marks on the page sit where HarfBuzz puts them with the font's GPOS anchors.

Each marked word is drawn alone (RTLParagraph, Vazirmatn 20 pt); pdfminer reads every glyph's
origin and text from the PDF in content-stream order (logical order). The oracle is HarfBuzz
shaping the same logical word with the same font, contextual alternates (calt) off as in the
report. Each mark is compared by its offset from the origin of the letter it sits on (the
report does not apply the font's pair kerning between letters, which moves whole letters).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
import uharfbuzz as hb
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTComponent
from reportlab.lib.styles import ParagraphStyle

from inspector_app.paths import resource
from inspector_app.pdf.rtl_flowable import FONT_REGULAR, RTLParagraph

SIZE = 20.0
TOLERANCE = 0.05  # points
STYLE = ParagraphStyle("marks", fontName=FONT_REGULAR, fontSize=SIZE, leading=SIZE * 2)
WORDS = [
    "بَ",  # a vowel on an isolated letter
    "مُحَمَّد",  # shadda with fatha: one glyph, above the letter
    "کتاباً",  # tanwin on a final alef
    "قُوَّة",
    "لِلّه",
    "سَلامٌ",
    "عِلْمٍ",
    "مُدَرِّس",
    "تَشَکُّر",
    "حَتّی",
]

Mark = tuple[str, float, float]  # text, x and y from its letter's origin, in points


def is_marks(text: str) -> bool:
    return bool(text) and all(unicodedata.category(c) == "Mn" for c in text)


def relative(placed: list[tuple[str, float, float]]) -> list[Mark]:
    """Glyphs (text, x, y) in logical order -> each mark's offset from the letter before it."""
    out: list[Mark] = []
    base = (0.0, 0.0)
    for text, x, y in placed:
        if is_marks(text):
            out.append((text, round(x - base[0], 3), round(y - base[1], 3)))
        else:
            base = (x, y)
    return out


def harfbuzz_marks(word: str) -> list[Mark]:
    blob = hb.Blob(resource("fonts", "Vazirmatn-Regular.ttf").read_bytes())
    face = hb.Face(blob)
    font = hb.Font(face)
    buf = hb.Buffer()
    buf.add_str(word)
    buf.guess_segment_properties()
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    hb.shape(font, buf, {"calt": False})
    starts = sorted({i.cluster for i in buf.glyph_infos})
    ends = dict(zip(starts, [*starts[1:], len(word)], strict=True))
    scale = SIZE / face.upem
    placed: list[tuple[int, str, float, float]] = []
    pen = 0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        text = word[info.cluster : ends[info.cluster]]
        placed.append((info.cluster, text, (pen + pos.x_offset) * scale, pos.y_offset * scale))
        pen += pos.x_advance
    placed.sort(key=lambda item: item[0])  # HarfBuzz lists right-to-left glyphs from the left
    return relative([(text, x, y) for _cluster, text, x, y in placed])


def glyphs(item: LTComponent) -> list[LTChar]:
    if isinstance(item, LTChar):
        return [item]
    return [c for child in getattr(item, "_objs", []) for c in glyphs(child)]


def pdf_marks(pdf: Path) -> list[Mark]:
    chars = [c for page in extract_pages(pdf) for c in glyphs(page)]
    return relative([(c.get_text(), c.matrix[4], c.matrix[5]) for c in chars])


@pytest.mark.parametrize("word", WORDS)
def test_marks_sit_where_harfbuzz_puts_them(word: str, build_pdf: Callable[..., Path]) -> None:
    word = unicodedata.normalize("NFC", word)
    expected = harfbuzz_marks(word)
    got = pdf_marks(build_pdf(f"marks-{WORDS.index(word)}", [RTLParagraph(word, STYLE)]))
    assert expected and [text for text, _x, _y in got] == [text for text, _x, _y in expected]
    for (text, x, y), (_t, ex, ey) in zip(got, expected, strict=True):
        assert abs(x - ex) <= TOLERANCE and abs(y - ey) <= TOLERANCE, (text, (x, y), (ex, ey))
