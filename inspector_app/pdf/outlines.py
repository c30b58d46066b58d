"""A line of text drawn as filled glyph outlines instead of text.

For the visible signature box only: it is a small PDF of its own, imported into the report as
an appearance, and drawn as text it would embed a second copy of the Vazirmatn subsets the
report already carries. Outlines need no font. The box's words are for the eye; what it says
(signer, time, certificate) is in the signature itself, which every verifier reads.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from inspector_app.pdf import glyph_line, marks

Segment = tuple[str, tuple[float, ...]]


class _Recorder:
    """A fontTools-style pen (what uharfbuzz draws into) that keeps the segments, in font
    units; quadratic curves become cubic ones, which PDF paths have."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self._at = (0.0, 0.0)

    def moveTo(self, p: tuple[float, float]) -> None:
        self.segments.append(("M", p))
        self._at = p

    def lineTo(self, p: tuple[float, float]) -> None:
        self.segments.append(("L", p))
        self._at = p

    def curveTo(
        self, c1: tuple[float, float], c2: tuple[float, float], p: tuple[float, float]
    ) -> None:
        self.segments.append(("C", (*c1, *c2, *p)))
        self._at = p

    def qCurveTo(self, c: tuple[float, float], p: tuple[float, float]) -> None:
        (x0, y0), (cx, cy), (x, y) = self._at, c, p
        c1 = (x0 + 2 * (cx - x0) / 3, y0 + 2 * (cy - y0) / 3)
        c2 = (x + 2 * (cx - x) / 3, y + 2 * (cy - y) / 3)
        self.curveTo(c1, c2, p)

    def closePath(self) -> None:
        self.segments.append(("Z", ()))


@lru_cache(maxsize=2048)
def _outline(font_name: str, gid: int) -> tuple[tuple[Segment, ...], int]:
    font, upem = marks.hb_font(font_name)
    pen = _Recorder()
    font.draw_glyph_with_pen(gid, pen)
    return tuple(pen.segments), upem


_OPERATOR = {"M": "m", "L": "l", "C": "c", "Z": "h"}


def _ops(segments: tuple[Segment, ...]) -> str:
    """The glyph's path in whole font units (a 2048th of an em), filled (nonzero winding, as font
    glyphs are filled)."""
    ops = []
    for kind, values in segments:
        numbers = [f"{v:.0f}" for v in values]
        ops.append(" ".join([*numbers, _OPERATOR[kind]]))
    return "\n".join([*ops, "f"])


def draw_line(
    canvas: Canvas, x: float, y: float, line: str, font_name: str, font_size: float, cover: Any
) -> float:
    """Draw a prepared logical line as outlines in the current fill colour, its left end at
    `x` and baseline at `y`, as glyph_line.draw_line places it; returns the width drawn. Each
    glyph is its path in font units under its own transform: a glyph used again is the same
    bytes again, which the stream's compression all but removes."""
    ops: list[str] = []
    pen = 0.0
    for cluster in glyph_line.shape_line(line, font_name, cover):
        for glyph in cluster.glyphs:
            segments, upem = _outline(font_name, glyph.gid)
            scale = font_size / upem
            left, base = x + pen + glyph.x * font_size, y + glyph.y * font_size
            ops += [f"q {scale:.6f} 0 0 {scale:.6f} {left:.2f} {base:.2f} cm", _ops(segments), "Q"]
        pen += cluster.advance * font_size
    canvas._code.append("\n".join(ops))
    return pen
