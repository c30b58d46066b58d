"""The PDF's text layer: what a reader's search and copy get back for each drawn glyph.

reportlab names each glyph of an embedded font subset by the code point it was drawn with
(its ToUnicode map). The report draws Arabic presentation forms (ﺑ for ب), mirrored brackets
and mark glyphs without a code point of their own, so extractors returned presentation forms.
`TextFont` writes a ToUnicode map that names every glyph by the plain characters it stands for:
presentation forms by their letters (NFKC), and any other glyph by the text given with it
(`code_for`), which gets a code point of its own in Plane 15's private use area, seen by no
reader and no font, mapped to that glyph.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

# Code points lent to glyph+text pairs: Supplementary Private Use Area-A.
_FIRST_SLOT = 0xF0000


def is_presentation_form(ch: str) -> bool:
    return "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufefe"


def plain_text(ch: str) -> str:
    """What a drawn character stands for when drawn as itself."""
    return unicodedata.normalize("NFKC", ch) if is_presentation_form(ch) else ch


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


class TextFont(TTFont):
    """A TrueType font whose ToUnicode map gives plain text (see the module docstring).
    reportlab's own HarfBuzz shaping is off: the report shapes its text itself."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename, shapable=False)
        self._slots: dict[tuple[int, str], int] = {}
        self._slot_text: dict[int, str] = {}

    def code_for(self, gid: int, text: str) -> int:
        """A code point that draws glyph `gid` and reads as `text`."""
        face: Any = self.face
        slot = self._slots.get((gid, text))
        if slot is not None:
            return slot
        for code in face.glyphToChar.get(gid, ()):
            if code < _FIRST_SLOT and plain_text(chr(code)) == text:
                return int(code)  # the glyph's own code point already reads as `text`
        slot = _FIRST_SLOT + len(self._slots)
        self._slots[(gid, text)] = slot
        self._slot_text[slot] = text
        face.charToGlyph[slot] = gid
        face.glyphToChar.setdefault(gid, []).append(slot)
        face.charWidths[slot] = face._pdfScale(face.hmetrics[gid][0])
        return slot

    def text_of(self, code: int) -> str:
        text = self._slot_text.get(code)
        return plain_text(chr(code)) if text is None else text

    def addObjects(self, doc: Any) -> None:
        subsets = [list(subset) for subset in self._assignState(doc).subsets]
        super().addObjects(doc)
        face: Any = self.face
        for n, subset in enumerate(subsets):
            base = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            doc.idToObject["toUnicodeCMap:" + base].content = self._to_unicode(base, subset)

    def _to_unicode(self, name: str, subset: list[int]) -> str:
        pairs = [f"<{i:02X}> <{_utf16_hex(self.text_of(code))}>" for i, code in enumerate(subset)]
        blocks: list[str] = []
        for start in range(0, len(pairs), 100):  # at most 100 entries a block (PDF 1.7, 9.10.3)
            chunk = pairs[start : start + 100]
            blocks += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
        return "\n".join(
            [
                "/CIDInit /ProcSet findresource begin",
                "12 dict begin",
                "begincmap",
                f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
                f"/CMapName /{name} def",
                "/CMapType 2 def",
                "1 begincodespacerange",
                f"<00> <{len(subset) - 1:02X}>",
                "endcodespacerange",
                *blocks,
                "endcmap",
                "CMapName currentdict /CMap defineresource pop",
                "end",
                "end",
            ]
        )
