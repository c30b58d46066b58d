"""Cutting a word that is wider than its column (an identifier, a web address, a run of letters
with no space) into pieces that each fit on a line.

An identifier is cut after a hyphen or a slash when one falls in the line, so «3f2b8c1e-9a47-»
ends a line and the next starts with a whole group. Persian letters cut apart keep the forms
they have inside the word: a zero-width joiner on each side of the cut makes the reshaper join
the last letter of one piece and the first of the next as if they still touched (the joiner is
removed before drawing), instead of shaping each piece as a word of its own.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from arabic_reshaper.letters import (
    LETTERS_ARABIC,
    connects_with_letter_after,
    connects_with_letter_before,
)

ZWJ = "\u200d"
LRM = "\u200e"
_BREAK_AFTER = "-/"


def _base_before(text: str, index: int) -> str:
    """The letter a cut before `index` leaves at the end of the first piece (marks skipped)."""
    while index > 0 and unicodedata.combining(text[index - 1]):
        index -= 1
    return text[index - 1] if index > 0 else ""


def _joined(text: str, cut: int) -> bool:
    """Whether the letters on either side of a cut at `cut` are joined in the whole word."""
    before, after = _base_before(text, cut), text[cut]
    return connects_with_letter_after(before, LETTERS_ARABIC) and connects_with_letter_before(
        after, LETTERS_ARABIC
    )


def _piece(text: str, cut: int) -> tuple[str, str]:
    """The first piece and the rest of `text` cut at `cut`, joiners or marks added."""
    head, rest = text[:cut], text[cut:]
    if _joined(text, cut):
        return head + ZWJ, ZWJ + rest
    if head[-1] in _BREAK_AFTER:
        # A mark keeps the hyphen at the end of a left-to-right piece in a right-to-left line
        # (the bidi algorithm would put a neutral at the line's end on the left).
        return head + LRM, rest
    return head, rest


def cut_word(word: str, fits: Callable[[str], bool]) -> list[str]:
    """`word` in pieces for which `fits` holds (each at least one character, marks kept with
    their letter), cut after a hyphen or slash where one falls in the piece."""
    pieces: list[str] = []
    rest = word
    while not fits(rest):
        first = 2 if rest[0] == ZWJ else 1  # a piece holds one character at least
        if len(rest) <= first:
            break  # one character wider than the column: drawn as it is
        lo, hi = first, len(rest) - 1  # the longest start that fits
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if fits(_piece(rest, mid)[0]):
                lo = mid
            else:
                hi = mid - 1
        cut = lo
        while cut > first and unicodedata.combining(rest[cut]):
            cut -= 1  # a mark stays with the letter it sits on
        hyphen = max(rest.rfind(mark, first, cut) for mark in _BREAK_AFTER)
        if hyphen > 0:
            cut = hyphen + 1
        head, rest = _piece(rest, cut)
        pieces.append(head)
    pieces.append(rest)
    return pieces
