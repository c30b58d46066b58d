"""Arabic marks (harakat, shadda, tanwin) placed by HarfBuzz with the font's GPOS anchors.

arabic-reshaper gives contextual letter forms but leaves each mark as a separate zero-width
character, which reportlab draws at its base letter's origin: marks overlap the letter and
shadda with a vowel merge into one blot. Vazirmatn places them with mark-to-base and
mark-to-mark anchors and draws shadda+vowel as one glyph (ccmp), so each letter with marks
is shaped by HarfBuzz on its own, joined to its neighbours with ZWJ so that the letter takes the
same form as in its word; the result replaces the letter and its marks on the page.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics

ZWJ = "\u200d"
# Which sides of a letter join, from the presentation form arabic-reshaper chose.
_JOINS = {"<initial>": (False, True), "<medial>": (True, True), "<final>": (True, False)}


@dataclass(frozen=True)
class Placed:
    """One glyph of a shaped cluster: its id, the characters it stands for, and its origin
    relative to the cluster's left edge on the baseline, in em."""

    gid: int
    text: str
    x: float
    y: float


@dataclass(frozen=True)
class Shaped:
    glyphs: tuple[Placed, ...]  # in logical order
    advance: float  # em


def is_mark(ch: str) -> bool:
    return unicodedata.category(ch) == "Mn"


@lru_cache(maxsize=8)
def hb_font(font_name: str) -> tuple[hb.Font, int]:
    face = pdfmetrics.getFont(font_name).face
    hb_face = hb.Face(hb.Blob(face._ttf_data))
    return hb.Font(hb_face), hb_face.upem


def joins(form: str) -> tuple[bool, bool]:
    """(joins the letter before, joins the letter after) for a displayed letter form."""
    tag = unicodedata.decomposition(form).split(" ", 1)[0] if len(form) == 1 else ""
    return _JOINS.get(tag, (False, False))


@lru_cache(maxsize=4096)
def shape_cluster(source: str, form: str, font_name: str) -> Shaped:
    """`source`: a letter and its marks in logical order; `form`: the glyph arabic-reshaper gave
    the letter (a presentation form, or the letter itself). Shaped right to left with
    contextual features off (calt alternates have no code point the text layer could name)."""
    before, after = joins(form)
    text = (ZWJ if before else "") + source + (ZWJ if after else "")
    font, upem = hb_font(font_name)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    hb.shape(font, buf, {"calt": False})
    starts = sorted({info.cluster for info in buf.glyph_infos})
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    placed: list[tuple[int, Placed]] = []
    pen = 0.0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        chars = text[info.cluster : ends[info.cluster]].replace(ZWJ, "")
        if chars:  # the joiners' own (empty) glyphs are left out
            x, y = (pen + pos.x_offset) / upem, pos.y_offset / upem
            placed.append((info.cluster, Placed(info.codepoint, chars, x, y)))
            pen += pos.x_advance
    # HarfBuzz lists glyphs left to right; the text layer wants them in logical order.
    placed.sort(key=lambda item: item[0])
    return Shaped(tuple(glyph for _cluster, glyph in placed), pen / upem)
