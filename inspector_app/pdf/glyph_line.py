"""One line of text drawn as positioned glyphs, with a text layer in logical order.

The line is shaped (arabic-reshaper), reordered by the bidi algorithm (pdf.uba) and placed left
to right as before; letters with marks are shaped by HarfBuzz (pdf.marks). Each glyph is then
written to the page at its own position but in *logical* order, named by the characters it
stands for (pdf.text_layer): extractors that follow the content stream (pdfminer) and those
that sort by position (poppler) both read back plain Persian in the order it was written.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics

from inspector_app.pdf import marks, persian_text, uba
from inspector_app.pdf.text_layer import TextFont, plain_text

# What replaces characters the font cannot draw: (visual text, font name) -> drawable text.
Cover = Callable[[str, str], str]
ZWNJ = "\u200c"
# Controls that steer shaping and bidi; drawn as nothing (ZWNJ is kept in the text layer).
_CONTROLS = frozenset("\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e")


@dataclass(frozen=True)
class Cluster:
    """A letter with its marks (or any other single character) as placed on the line."""

    glyphs: tuple[marks.Placed, ...]
    advance: float  # em
    order: int  # position of its first character in the logical line
    space: bool  # an inter-word space (justified lines stretch these)
    level: int = 0  # bidi level: odd is right to left
    text: str = ""  # the characters it stands for, logical order
    actual: str | None = None  # the text poppler is told instead (see _for_poppler)


def _groups(shaped: str) -> list[list[int]]:
    """Indices of `shaped` grouped as a base letter and the marks that follow it."""
    groups: list[list[int]] = []
    for i, ch in enumerate(shaped):
        if (
            marks.is_mark(ch)
            and groups
            and persian_text.is_right_to_left(shaped[groups[-1][0]])
            and shaped[groups[-1][0]] not in _CONTROLS
        ):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _simple(ch: str, text: str, order: int, font: Any, cover: Cover) -> Cluster:
    drawn = cover(ch, font.fontName)
    glyphs: list[marks.Placed] = []
    pen = 0.0
    for c in drawn:
        gid = font.face.charToGlyph.get(ord(c), 0)
        # A replaced character reads as what the page shows (U+FFFD, or the base letter).
        glyphs.append(marks.Placed(gid, text if drawn == ch else plain_text(c), pen, 0.0))
        pen += font.face.getCharWidth(ord(c)) / 1000
    shown = text if drawn == ch else "".join(g.text for g in glyphs)
    return Cluster(tuple(glyphs), pen, order, ch == " ", text=shown)


@lru_cache(maxsize=16384)
def shape_line(line: str, font_name: str, cover: Cover) -> tuple[Cluster, ...]:
    """A prepared logical line as clusters from left to right."""
    font = pdfmetrics.getFont(font_name)
    shaped = persian_text.reshape(line)
    base_dir = "R" if persian_text.is_right_to_left(line) else "L"
    groups = _groups(shaped)
    owner = {i: g for g, members in enumerate(groups) for i in members}
    # A ZWNJ is not drawn but a reader copying «می‌کنند» should get it back.
    tails = {i - 1: ZWNJ for i, ch in enumerate(shaped) if ch == ZWNJ and i}
    clusters: list[Cluster] = []
    done: set[int] = set()
    for index, shown, level in uba.reorder(shaped, base_dir):
        group = owner[index]
        first = groups[group][0]
        if group in done or shaped[first] in _CONTROLS:
            continue
        done.add(group)
        members = groups[group]
        text = "".join(plain_text(shaped[i]) + tails.get(i, "") for i in members)
        if len(members) > 1:
            source = "".join(plain_text(shaped[i]) for i in members)
            result = marks.shape_cluster(source, shaped[first], font_name)
            glyphs = result.glyphs
            if tails.get(members[-1]) and glyphs:
                last = glyphs[-1]
                glyphs = (*glyphs[:-1], marks.Placed(last.gid, last.text + ZWNJ, last.x, last.y))
            clusters.append(Cluster(glyphs, result.advance, first, False, text=text))
        else:
            ch = shown if level % 2 else shaped[first]  # mirrored at odd levels
            clusters.append(_simple(ch, text, first, font, cover))
        clusters[-1] = replace(clusters[-1], level=level)
    return _for_poppler(clusters)


LRM, RLM = "\u200e", "\u200f"


_RTL = frozenset({"R", "AL"})
_LTR = frozenset({"L", "EN", "AN"})


def _strong_or_digit(ch: str, classes: frozenset[str]) -> bool:
    return unicodedata.bidirectional(ch) in classes


def _is_neutral(cluster: Cluster) -> bool:
    return (
        not cluster.space
        and len(cluster.text) == 1
        and unicodedata.bidirectional(cluster.text) not in _RTL | _LTR | {"WS", "NSM"}
    )


def _for_poppler(clusters: list[Cluster]) -> tuple[Cluster, ...]:
    """ActualText that survives poppler's reading order. pdftotext sorts the glyphs by position
    and turns right-to-left text back by a simple rule of its own: it reverses everything
    except runs that start and end at a left-to-right letter or digit, and it spreads the
    several characters of one glyph left to right. So a glyph of several characters in
    right-to-left text (lam-alef, a letter with marks, a letter before a ZWNJ) is told in
    reverse; a left-to-right run that ends in a neutral («(v2.1)») gets a left-to-right mark
    after it, and one with a neutral on its left a right-to-left mark before it, so that the
    run and its neighbours keep their places; so does a right-to-left neutral («:» in «گفت: «»)
    that poppler would otherwise read together with the space, neutral or number on its left.
    pdfminer reads the glyphs' own text instead."""
    out = list(clusters)
    for i, cluster in enumerate(out):
        if cluster.level % 2 and len(cluster.text) > 1:
            out[i] = replace(cluster, actual=cluster.text[::-1])
        elif cluster.level % 2 and _is_neutral(cluster):
            left = out[i - 1] if i else None
            if left is not None and left.text and not _strong_or_digit(left.text[-1], _RTL):
                out[i] = replace(cluster, actual=RLM + cluster.text)
    i = 0
    while i < len(out):
        if out[i].level % 2 or out[i].space:
            i += 1
            continue
        start = i
        while i < len(out) and not out[i].level % 2:
            i += 1
        end = i - 1
        while end > start and out[end].space:  # trailing spaces belong to the line, not the run
            end -= 1
        last, first = out[end], out[start]
        if last.text and not _strong_or_digit(last.text[-1], _LTR):
            out[end] = replace(last, actual=(last.actual or last.text) + LRM)
            first = out[start]
        left = out[start - 1] if start else None
        if left is not None and left.text and not _strong_or_digit(left.text[-1], _RTL):
            out[start] = replace(first, actual=RLM + (first.actual or first.text))
    return tuple(out)


def line_width(line: str, font_name: str, font_size: float, cover: Cover) -> float:
    return sum(c.advance for c in shape_line(line, font_name, cover)) * font_size


@dataclass(frozen=True)
class _Span:
    """An ActualText span around one word, opened before one cluster and closed after one."""

    told: str
    start: float  # where poppler's box starts and ends (see _word_spans)
    end: float
    opens: bool
    closes: bool


def _word_spans(clusters: tuple[Cluster, ...], lefts: list[float], size: float) -> dict[int, _Span]:
    """ActualText spans, one per word (or stretch of one), keyed by the cluster before (after)
    which each opens (closes). poppler reads a word from its span, the text spread over the
    span's box left to right, and would take each glyph drawn leftwards (logical order in
    right-to-left text) for a word of its own; pdfminer ignores spans and reads the glyphs'
    own text in stream order. poppler's box runs from the first glyph's origin to the last
    one's advance, as if text ran forwards: an empty, zero-width glyph at each end of the
    span (the right edge first in right-to-left text) gives it the word's box."""
    order = sorted(range(len(clusters)), key=lambda i: clusters[i].order)
    rank = {i: r for r, i in enumerate(order)}
    # Words as seen (between spaces), cut where the logical order jumps («.office» at the end
    # of a right-to-left line is two stretches of the text).
    words: list[list[int]] = [[]]
    for i, cluster in enumerate(clusters):
        word = words[-1]
        if cluster.space:
            words.append([])
        elif word and (
            abs(rank[i] - rank[word[-1]]) != 1
            or (len(word) > 1 and rank[i] - rank[word[-1]] != rank[word[1]] - rank[word[0]])
        ):
            words.append([i])
        else:
            word.append(i)
    spans: dict[int, _Span] = {}
    for word in filter(None, words):
        ranks = sorted(rank[i] for i in word)
        first, last = order[ranks[0]], order[ranks[-1]]
        left = lefts[word[0]]
        right = lefts[word[-1]] + clusters[word[-1]].advance * size
        backwards = rank[word[1]] < rank[word[0]] if len(word) > 1 else clusters[first].level % 2
        start, end = (right, left) if backwards else (left, right)
        told = "".join(
            c.actual if c.actual is not None else c.text for c in (clusters[i] for i in word)
        )
        if first == last:
            spans[first] = _Span(told, start, end, True, True)
        else:
            spans[first] = _Span(told, start, end, True, False)
            spans[last] = _Span(told, start, end, False, True)
    return spans


def _pdf_text(text: str) -> str:
    """A PDF text string in hexadecimal UTF-16 (with its byte-order mark)."""
    return ("\ufeff" + text).encode("utf-16-be").hex().upper()


@lru_cache(maxsize=16384)
def _stream(
    line: str, font_name: str, font_size: float, cover: Cover, word_space: float
) -> tuple[tuple[tuple[float, float, str, str], ...], str, float]:
    """What draw_line writes, from a left end at 0: per glyph in stream order its offsets
    and the operators before and after it; the glyphs' code points; the line's width."""
    font = pdfmetrics.getFont(font_name)
    if not isinstance(font, TextFont):
        raise TypeError(f"{font_name} is not registered as a TextFont")
    clusters = shape_line(line, font_name, cover)
    lefts: list[float] = []
    pen = 0.0
    for cluster in clusters:
        lefts.append(pen)
        pen += cluster.advance * font_size + (word_space if cluster.space else 0.0)
    spans = _word_spans(clusters, lefts, font_size)
    edge = font.code_for(font.face.charToGlyph.get(ord(ZWNJ), 0), "")
    items: list[tuple[float, float, str, str]] = []
    codes: list[int] = []
    for i in sorted(range(len(clusters)), key=lambda i: clusters[i].order):
        span = spans.get(i)
        if span is not None and span.opens:
            items.append(
                (span.start, 0.0, f"/Span <</ActualText <{_pdf_text(span.told)}>>> BDC", "")
            )
            codes.append(edge)
        for glyph in clusters[i].glyphs:
            items.append((lefts[i] + glyph.x * font_size, glyph.y * font_size, "", ""))
            codes.append(font.code_for(glyph.gid, glyph.text))
        if span is not None and span.closes:
            items.append((span.end, 0.0, "", "EMC"))
            codes.append(edge)
    return tuple(items), "".join(map(chr, codes)), pen


def draw_line(
    canvas: Any,
    x: float,
    y: float,
    line: str,
    font_name: str,
    font_size: float,
    cover: Cover,
    *,
    word_space: float = 0.0,
) -> float:
    """Draw a prepared logical line with its left end at `x` and baseline at `y`; inter-word
    spaces get `word_space` more points. Returns the width drawn."""
    items, codes, width = _stream(line, font_name, font_size, cover, word_space)
    if not items:
        return width
    font = pdfmetrics.getFont(font_name)
    doc = canvas._doc
    ops = ["BT"]
    position = 0
    for subset, data in font.splitString(codes, doc):
        ops.append(f"{font.getSubsetInternalName(subset, doc)} {fp_str(font_size)} Tf")
        for byte in data:
            dx, dy, before, after = items[position]
            position += 1
            if before:
                ops.append(before)
            # Four decimals, as reportlab writes them (poppler groups lines by exact baselines);
            # its fp_str is pure Python here and was a third of the report's drawing time.
            ops.append(f"1 0 0 1 {x + dx:.4f} {y + dy:.4f} Tm <{byte:02X}> Tj")
            if after:
                ops.append(after)
    ops.append("ET")
    canvas._code.append("\n".join(ops))
    return width
