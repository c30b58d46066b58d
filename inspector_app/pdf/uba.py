"""The Unicode Bidirectional Algorithm (UAX #9) for one line of text, mirroring included.

The levels come from python-bidi's Rust core (the unicode-bidi crate: explicit embeddings and
isolates, weak and neutral rules with bracket pairs, N0), which conforms to Unicode's
BidiCharacterTest.txt (tests/report/test_bidi_conformance.py measures it). Its `get_display`
reorders but does not mirror, and python-bidi's pure-Python `bidi.algorithm` mirrors but has no
bracket-pair rule, so the line rules are applied here: L1 (trailing and separator whitespace to
the paragraph level), L2 (reversal) and L4 (mirrored glyphs at odd levels) for lines holding
a mirrored character; the others use the crate's reordering as it is. The crate exposes its
levels only through `get_display(..., debug=True)`, the debug form of its `BidiInfo`; the
parser below checks it got one level and class for every byte and raises if that form changes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import bidi
from bidi.mirror import MIRRORED

# Characters rule X9 removes: they take no place in the displayed line.
_REMOVED = frozenset({"RLE", "LRE", "RLO", "LRO", "PDF", "BN"})
# Characters rule L1 puts back to the paragraph level when they trail a line or a separator.
_TRAILING = frozenset({"WS", "FSI", "LRI", "RLI", "PDI"}) | _REMOVED
_SEPARATORS = frozenset({"S", "B"})

_CLASS = re.compile(r"\n\s+([A-Z]+),")
_LEVEL = re.compile(r"Level\(\n\s+(\d+),")
_PARAGRAPH = re.compile(r"range: (\d+)\.\.(\d+),\s*level: Level\(\s*(\d+),?\s*\)")


class BidiDataError(RuntimeError):
    """python-bidi's debug output no longer has the shape this module reads."""


@dataclass(frozen=True)
class Resolved:
    """Per character of the text: its bidi class and resolved level; the paragraphs as
    (start, end, level) in character indices."""

    classes: tuple[str, ...]
    levels: tuple[int, ...]
    paragraphs: tuple[tuple[int, int, int], ...]


def resolve(text: str, base_dir: str | None = None) -> Resolved:
    """Classes and levels (rules P, X, W, N, I) of `text`; `base_dir` "L", "R" or None (P2–P3)."""
    info = str(bidi.get_display(text, base_dir=base_dir, debug=True))
    # Line 2 is the text itself, on one line (Debug escapes newlines): skip it, it could hold
    # anything that looks like the fields below.
    header, _text, rest = info.split("\n", 2)
    classes_part, sep, rest = rest.partition("\n    levels: [")
    levels_part, sep2, paragraphs_part = rest.partition("\n    paragraphs: [")
    byte_classes = _CLASS.findall(classes_part)
    byte_levels = [int(v) for v in _LEVEL.findall(levels_part)]
    size = len(text.encode("utf-8"))
    if not (header.startswith("BidiInfo") and sep and sep2) or not (
        len(byte_classes) == len(byte_levels) == size
    ):
        raise BidiDataError(f"unexpected python-bidi debug output for {text!r}")
    starts: list[int] = []  # byte offset of each character
    offset = 0
    for ch in text:
        starts.append(offset)
        offset += len(ch.encode("utf-8"))
    char_at = {byte: index for index, byte in enumerate(starts)}
    char_at[size] = len(text)
    paragraphs = tuple(
        (char_at[int(a)], char_at[int(b)], int(level))
        for a, b, level in _PARAGRAPH.findall(paragraphs_part)
    )
    return Resolved(
        tuple(byte_classes[b] for b in starts), tuple(byte_levels[b] for b in starts), paragraphs
    )


def line_levels(resolved: Resolved) -> list[int]:
    """The levels after rule L1, one per character."""
    levels = list(resolved.levels)
    classes = resolved.classes
    for start, end, base in resolved.paragraphs:
        trailing = True  # walking backwards: inside a run that ends the line or meets S/B
        for i in range(end - 1, start - 1, -1):
            kind = classes[i]
            if kind in _SEPARATORS:
                levels[i] = base
                trailing = True
            elif trailing and kind in _TRAILING:
                levels[i] = base
            else:
                trailing = False
    return levels


def visual_order(levels: list[int], start: int = 0, end: int | None = None) -> list[int]:
    """Indices of `levels[start:end]` from left to right (rule L2)."""
    order = list(range(start, len(levels) if end is None else end))
    if not order:
        return order
    top = max(levels[i] for i in order)
    lowest_odd = min((levels[i] for i in order if levels[i] % 2), default=top + 1)
    for level in range(top, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order


def reorder(text: str, base_dir: str | None = None) -> list[tuple[int, str, int]]:
    """(index in `text`, character as shown, level) from left to right: rules L1–L2, mirrored at
    odd levels (L4), without the characters rule X9 removes (embedding controls, ZWJ/ZWNJ and
    other boundary neutrals)."""
    if not text:
        return []
    resolved = resolve(text, base_dir)
    levels = line_levels(resolved)
    out: list[tuple[int, str, int]] = []
    for start, end, _base in resolved.paragraphs:
        for i in visual_order(levels, start, end):
            if resolved.classes[i] in _REMOVED:
                continue
            ch = text[i]
            out.append((i, MIRRORED.get(ch, ch) if levels[i] % 2 else ch, levels[i]))
    return out


def display(text: str, base_dir: str | None = None) -> str:
    """`text` as one line in left-to-right display order (see `reorder`)."""
    if MIRRORED.keys().isdisjoint(text):
        # Nothing to mirror: the crate's own reordering (L1–L2) is the same and ten times faster.
        shown = str(bidi.get_display(text, base_dir=base_dir)) if text else ""
        return "".join(c for c in shown if unicodedata.bidirectional(c) not in _REMOVED)
    return "".join(ch for _index, ch, _level in reorder(text, base_dir))
