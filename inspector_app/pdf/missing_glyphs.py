"""Characters the font cannot draw (an emoji, Chinese, a rare symbol): a visible placeholder on
the page, and one warning per character and PDF.

The bundled Vazirmatn is the only font shipped with the app, so there is no fallback font to
borrow a glyph from. «[؟]» says on paper that a character stood here (the font's own «�» reads
as damaged data); the warning names the character. Text is checked when a paragraph or line is
made, not when its glyphs are measured or drawn: measuring and drawing meet the same character
several times, and their caches would hide it from a second report.
"""

from __future__ import annotations

import logging
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics

log = logging.getLogger(__name__)

PLACEHOLDER = "[؟]"

_seen = threading.local()  # the characters reported in this thread's current PDF


@lru_cache(maxsize=8)
def glyph_codes(font_name: str) -> frozenset[int]:
    """The code points `font_name` has glyphs for."""
    font = pdfmetrics.getFont(font_name)
    face = getattr(font, "face", None)
    if face is None:  # a base-14 font: Latin-1 only
        return frozenset(range(32, 256))
    return frozenset(face.charToGlyph)


def _lacks(ch: str, codes: frozenset[int]) -> bool:
    if ord(ch) in codes or ch.isspace() or unicodedata.category(ch) == "Cf":
        return False  # drawn, or a control that steers shaping and is never drawn
    base = unicodedata.normalize("NFKC", ch)  # a presentation form falls back to its letters
    return base == ch or not all(ord(c) in codes for c in base)


def substitute(text: str, font_name: str) -> str:
    """`text` with each character the font lacks replaced by the placeholder."""
    codes = glyph_codes(font_name)
    if all(not _lacks(ch, codes) for ch in text):
        return text
    return "".join(PLACEHOLDER if _lacks(ch, codes) else ch for ch in text)


def warn(ch: str) -> None:
    """Log that `ch` is printed as the placeholder (once per PDF inside `reported_once`)."""
    seen: set[str] | None = getattr(_seen, "chars", None)
    if seen is not None:
        if ch in seen:
            return
        seen.add(ch)
    name = unicodedata.name(ch, "?")
    log.warning("نویسه‌ای که قلم ندارد با «%s» جایگزین شد: U+%04X %s", PLACEHOLDER, ord(ch), name)


def report(text: str, font_name: str) -> None:
    """Warn about each character of `text` the font lacks."""
    codes = glyph_codes(font_name)
    for ch in dict.fromkeys(text):
        if _lacks(ch, codes):
            warn(ch)


@contextmanager
def reported_once() -> Iterator[None]:
    """While one PDF is built: each missing character is reported once, however many
    paragraphs hold it."""
    saved = getattr(_seen, "chars", None)
    _seen.chars = set()
    try:
        yield
    finally:
        _seen.chars = saved
