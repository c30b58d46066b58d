"""One line of Persian text, from logical order to the glyph string reportlab draws.

reportlab draws glyphs left to right and knows neither Arabic joining nor the bidi algorithm,
so each line is shaped with arabic-reshaper (contextual presentation forms) and reordered by the
Unicode bidi algorithm with mirroring (pdf.uba). Lines are broken before this step, in logical
order (see rtl_flowable). Text without Persian or Arabic letters is English: it keeps Latin
digits and runs left to right.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Container
from typing import Any

import arabic_reshaper

from inspector_app.domain.persian import to_persian_digits
from inspector_app.pdf import uba

LRM = "\u200e"
NBSP = "\u00a0"
REPLACEMENT = "\ufffd"

# Controls that steer shaping/bidi but must not reach the PDF (they would be drawn or
# extracted as stray characters).
_CONTROLS = dict.fromkeys(map(ord, "\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"))

# Only lam-alef among ligatures: it is compulsory in Persian writing and Vazirmatn has it;
# word ligatures such as «الله» → U+FDF2 would change what a reader copies out of the PDF.
_RESHAPER = arabic_reshaper.ArabicReshaper(
    configuration={
        "delete_harakat": False,
        "shift_harakat_position": False,
        "support_ligatures": True,
        "ARABIC LIGATURE ALLAH": False,
        "ARABIC LIGATURE LAM WITH ALEF": True,
        "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA ABOVE": True,
        "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA BELOW": True,
        "ARABIC LIGATURE LAM WITH ALEF WITH MADDA ABOVE": True,
    }
)


class _FrozenConfig:
    """The reshaper reads six booleans through configparser on every call (about a third of
    the report's text time); answer them from a dict instead."""

    def __init__(self, section: Any) -> None:
        self._values = {key: section.getboolean(key) for key in _BOOLEANS}
        self._section = section

    def getboolean(self, key: str) -> bool:
        value = self._values.get(key)
        return bool(self._section.getboolean(key)) if value is None else bool(value)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._section, name)


_BOOLEANS = (
    "delete_harakat",
    "delete_tatweel",
    "support_zwj",
    "shift_harakat_position",
    "use_unshaped_instead_of_isolated",
    "support_ligatures",
)
_RESHAPER.configuration = _FrozenConfig(_RESHAPER.configuration)

_DIGIT = "[0-9\u06f0-\u06f9\u0660-\u0669]"
# A sign that starts a number («+10», «-5»): a left-to-right mark before it keeps it on the
# number's left (without it the bidi algorithm shows «پلیس +10» as «10+ پلیس»).
_SIGNED_NUMBER = re.compile(rf"(?<![\w+\-])([+\-\u2212])(?={_DIGIT})")
# A phone number written in space-separated groups: without protection each group becomes its
# own run and the groups appear in reverse order. No-break spaces (bidi class CS, like «/»)
# join the groups into one number run and stop the line breaker from splitting it.
_GROUPED_NUMBER = re.compile(rf"(?<![\w/]){_DIGIT}{{2,}}(?: {_DIGIT}{{2,}}){{1,4}}(?![\w/])")
# Digit groups joined by hyphens («0912-123-4567»): after Persian letters the bidi algorithm
# makes digits Arabic numbers (rule W2), which a hyphen does not join (W4), so the groups would
# come out reversed (browsers do the same); a leading mark keeps them in order.
_HYPHENATED_NUMBER = re.compile(rf"(?<![\w/\-]){_DIGIT}+(?:-{_DIGIT}+)+(?![\w/])")
# Digits stay Latin in a token holding Latin letters (e-mail, web address, code «A12»).
_TOKEN = re.compile(r"\S+")
_LATIN_LETTER = re.compile(r"[A-Za-z@]")
# Arabic-script letters and digits: their presence makes a line right-to-left.
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
_DECIMAL = re.compile(rf"(?<={_DIGIT})\.(?={_DIGIT})")
_PERCENT = re.compile(rf"(?<={_DIGIT})%")


def localize_digits(text: str) -> str:
    """Persian digits for numbers in Persian text; e-mails, addresses and codes keep theirs."""

    def convert(match: re.Match[str]) -> str:
        token = match.group(0)
        if _LATIN_LETTER.search(token):
            return token
        token = _DECIMAL.sub("\u066b", token)
        token = _PERCENT.sub("\u066a", token)
        return to_persian_digits(token)

    return _TOKEN.sub(convert, text)


def protect_ltr_runs(text: str) -> str:
    """Marks and no-break spaces so that signed and grouped numbers keep their order."""
    text = _GROUPED_NUMBER.sub(lambda m: m.group(0).replace(" ", NBSP), text)
    text = _HYPHENATED_NUMBER.sub(lambda m: LRM + m.group(0), text)
    return _SIGNED_NUMBER.sub(LRM + r"\1", text)


def prepare(text: str, *, persian_digits: bool = True) -> str:
    """Logical-order text ready for line breaking: one kind of space, digits, marks."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[ \t\u2000-\u200a\u3000]+", " ", text)
    if persian_digits and is_right_to_left(text):
        text = localize_digits(text)
    return protect_ltr_runs(text)


def is_right_to_left(text: str) -> bool:
    """Whether `text` is laid out right to left (with Persian digits): it holds a Persian or
    Arabic letter or digit, or no letter at all (a number or a date in the Persian report).
    Only text with Latin (or other) letters and nothing Persian is English."""
    return _ARABIC_SCRIPT.search(text) is not None or not any(ch.isalpha() for ch in text)


def reshape(text: str) -> str:
    """Contextual letter forms (logical order kept)."""
    return _RESHAPER.reshape(text)


def cover(text: str, has_glyph: Container[int], on_missing: Callable[[str], None]) -> str:
    """Replace what the font cannot draw: a presentation form falls back to its base letter;
    anything else (emoji, Chinese) becomes a visible U+FFFD, reported through `on_missing`."""
    out: list[str] = []
    for ch in text:
        if ord(ch) in has_glyph:
            out.append(ch)
            continue
        base = unicodedata.normalize("NFKC", ch)
        if base != ch and all(ord(c) in has_glyph for c in base):
            out.append(base)
            continue
        on_missing(ch)
        out.append(REPLACEMENT)
    return "".join(out)


def visual(text: str, *, base_dir: str | None = None) -> str:
    """One prepared line, shaped and in display (left-to-right glyph) order, controls removed.
    English lines (see `is_right_to_left`) run left to right, the others right to left."""
    if not text:
        return ""
    if base_dir is None:
        base_dir = "R" if is_right_to_left(text) else "L"
    return uba.display(reshape(text), base_dir=base_dir).translate(_CONTROLS)


def logical_glyphs(word: str) -> str:
    """The glyphs of one word in logical order with controls removed, for measuring."""
    return reshape(word).translate(_CONTROLS)
