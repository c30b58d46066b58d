"""Check the text of a PDF the way a reader copying or searching it would get it (poppler).

pdftotext turns right-to-left lines back into logical order but returns Arabic presentation
forms (NFKC gives the base letters back), wraps runs in bidi embedding controls, drops ZWNJ and
leaves mirrored brackets as drawn. Sentences are therefore compared as sequences of *tokens*:
maximal runs of Persian/Arabic letters, of digits or of Latin letters. Punctuation is checked
by dedicated tests, where its position on the page is what matters.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

# Bidi controls poppler inserts around runs (and any that leaked from us: also a bug, but
# the rendering tests catch those as boxes).
_CONTROLS = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")


_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "0123456789" * 2)


def _require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise RuntimeError(f"{tool} (poppler-utils) is not installed")
    return path


def raw_text(
    pdf: Path | bytes,
    *,
    mode: str = "reading",
    first: int | None = None,
    last: int | None = None,
) -> str:
    """pdftotext output as poppler gives it. `mode`: "reading" (poppler's default: reading
    order, table columns as separate blocks), "layout" (-layout: lines across the page) or
    "raw" (-raw: content-stream order; right-to-left lines stay in drawing order)."""
    args = [_require("pdftotext"), "-enc", "UTF-8"]
    if mode != "reading":
        args.append(f"-{mode}")
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    if isinstance(pdf, bytes):
        done = subprocess.run([*args, "-", "-"], input=pdf, capture_output=True, check=True)
    else:
        done = subprocess.run([*args, str(pdf), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def private_use(text: str) -> list[str]:
    """Private-use code points (unsearchable glyphs) found in `text`, as U+XXXX."""
    return sorted({f"U+{ord(c):04X}" for c in text if unicodedata.category(c) == "Co"})


def normalized_text(pdf: Path | bytes, *, mode: str = "reading") -> str:
    """Extracted text, NFKC-normalized, poppler's bidi controls removed.

    Fails (AssertionError) if a private-use code point comes out: such text is not searchable.
    """
    text = raw_text(pdf, mode=mode)
    bad = private_use(text)
    assert not bad, f"private-use code points in extracted text: {bad}"
    return _CONTROLS.sub("", unicodedata.normalize("NFKC", text))


def _kind(ch: str) -> str:
    cat = unicodedata.category(ch)
    if cat == "Nd":
        return "digit"
    if cat.startswith("L"):
        return "arabic" if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" else "latin"
    if cat.startswith("M"):
        return "mark"
    return "sep"


def tokens(text: str) -> list[str]:
    """Runs of Persian letters, digits or Latin letters, in order (marks stay with letters).
    Digits compare by value: «۱۲» and «12» are the same token (digit style is tested apart)."""
    text = _CONTROLS.sub("", unicodedata.normalize("NFKC", text)).translate(_DIGITS)
    out: list[str] = []
    current, kind = "", "sep"
    for ch in text:
        k = _kind(ch)
        if k == "mark" and current:
            current += ch
            continue
        if k != kind or k == "sep":
            if current:
                out.append(current)
            current, kind = ("", "sep") if k in ("sep", "mark") else (ch, k)
            continue
        current += ch
    if current:
        out.append(current)
    return out


def find_sentence(haystack: list[str], sentence: str, start: int = 0) -> int:
    """Index just after `sentence`'s tokens found contiguously in `haystack` from `start`, or -1."""
    needle = tokens(sentence)
    if not needle:
        raise ValueError(f"nothing to look for in {sentence!r}")
    n = len(needle)
    for i in range(start, len(haystack) - n + 1):
        if haystack[i : i + n] == needle:
            return i + n
    return -1


def assert_sentences(pdf: Path | bytes, sentences: list[str], *, mode: str = "reading") -> None:
    """Each sentence comes back with its words complete and in order, and the sentences
    come back in the given order (searched across lines and pages)."""
    found = tokens(normalized_text(pdf, mode=mode))
    position = 0
    for sentence in sentences:
        end = find_sentence(found, sentence, position)
        if end < 0:
            anywhere = find_sentence(found, sentence, 0)
            where = "earlier than expected" if anywhere >= 0 else "not found"
            raise AssertionError(
                f"sentence {where} in the PDF text ({mode}): {sentence!r}\n"
                f"expected tokens: {tokens(sentence)}\n"
                f"extracted tokens near: {found[position : position + 40]}"
            )
        position = end


def pdffonts(pdf: Path) -> list[dict[str, str]]:
    """Rows of `pdffonts`: name, type, emb (yes/no), sub, uni."""
    out = subprocess.run(
        [_require("pdffonts"), str(pdf)], capture_output=True, check=True, text=True
    ).stdout.splitlines()
    rows = []
    for line in out[2:]:
        parts = line.split()
        # name type [type words...] encoding emb sub uni object ID
        rows.append(
            {
                "name": parts[0],
                "emb": parts[-5],
                "sub": parts[-4],
                "uni": parts[-3],
                "type": " ".join(parts[1:-6]),
            }
        )
    return rows


def render_pngs(pdf: Path, out_prefix: Path, *, dpi: int = 70) -> list[Path]:
    """Pages as PNG files (pdftoppm), for looking at and for pixel checks."""
    out_prefix.parent.mkdir(parents=True, exist_ok=True)
    own_page = re.compile(re.escape(out_prefix.name) + r"-\d+\.png")
    for old in out_prefix.parent.glob(out_prefix.name + "-*.png"):
        if own_page.fullmatch(old.name):  # not «report-bad-photo-1.png» for «report»
            old.unlink()
    subprocess.run(
        [_require("pdftoppm"), "-png", "-r", str(dpi), str(pdf), str(out_prefix)], check=True
    )
    return sorted(
        p for p in out_prefix.parent.glob(out_prefix.name + "-*.png") if own_page.fullmatch(p.name)
    )


@dataclass(frozen=True)
class TextLine:
    page: int
    x_min: float
    x_max: float
    y_min: float
    text: str  # the line's words in drawing order (left to right, not bidi-reordered), NFKC


def text_lines(pdf: Path) -> list[TextLine]:
    """Every text line with its box in points (pdftotext -bbox-layout), page by page."""
    out = subprocess.run(
        [_require("pdftotext"), "-bbox-layout", str(pdf), "-"],
        capture_output=True,
        check=True,
    ).stdout
    root = ElementTree.fromstring(out)
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    lines = []
    for number, page in enumerate(root.iterfind(".//x:page", ns), start=1):
        for line in page.iterfind(".//x:line", ns):
            words = [w.text or "" for w in line.iterfind("x:word", ns)]
            lines.append(
                TextLine(
                    number,
                    float(line.get("xMin", 0)),
                    float(line.get("xMax", 0)),
                    float(line.get("yMin", 0)),
                    unicodedata.normalize("NFKC", " ".join(words)),
                )
            )
    return lines
