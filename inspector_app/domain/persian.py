"""Persian text helpers: digit conversion, number formatting and the folding used by search.

Folding makes the variants an inspector's keyboard may produce compare equal: Arabic yeh/kaf
and Persian ones, Persian/Arabic-Indic/Latin digits, ZWNJ and spaces, diacritics, tatweel.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"
ZWNJ = "\u200c"
NO_VALUE = "—"
# What CLDR (and so Qt's Persian locale) writes: Arabic thousands and decimal separators, and a
# true minus after a left-to-right mark so the sign stays on the number's left in a Persian line.
_PERSIAN_SEPARATORS = str.maketrans({",": "\u066c", ".": "\u066b"})
_PERSIAN_MINUS = "\u200e\u2212"

_TO_PERSIAN = str.maketrans(LATIN_DIGITS + ARABIC_DIGITS, PERSIAN_DIGITS * 2)
_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2)

# Letters that different keyboards and old data produce for the same Persian letter.
_LETTER_FOLD = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ئ": "ی",
        "ك": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
    }
)
# Diacritics (harakat), superscript alef and tatweel carry no meaning for search.
_DROP = re.compile("[\u064b-\u065f\u0670\u0640]")
# Everything that separates words: spaces, ZWNJ/ZWJ, bidi marks, punctuation.
_SEPARATORS = re.compile(r"[\s\u200c\u200d\u200e\u200f\u061f\u060c\u061b.,;:!?\-_/\\()\[\]«»\"']+")

# Standard Persian keyboard (ISIRI 9147): the Latin key an inspector pressed with the wrong
# layout active maps back to the Persian letter they meant.
_LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,C"
_PERSIAN_KEYS = "ضصثقفغعهخحجچشسیبلاتنمکگظطزرذدپوژ"
_LAYOUT = str.maketrans(_LATIN_KEYS, _PERSIAN_KEYS)


def to_persian_digits(text: object) -> str:
    """Latin and Arabic-Indic digits in `text` as Persian digits."""
    return str(text).translate(_TO_PERSIAN)


def format_number(
    value: float | None,
    decimals: int = 0,
    *,
    persian: bool = True,
    trim: bool = False,
    group: bool = True,
) -> str:
    """«۱٬۲۳۴٫۵» in Persian, «1,234.5» in Latin; «—» for no value.

    `decimals` places, rounded half away from zero (as Qt and a reader do, not Python's
    round-half-even); `trim` drops trailing zeros («۴٫۵», «۱۲»); `group` writes thousands
    separators (off for years, codes and row numbers).
    """
    if value is None:
        return NO_VALUE
    rounded = Decimal(value).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    text = format(abs(rounded), ",f" if group else "f")
    if decimals and trim:
        text = text.rstrip("0").rstrip(".")
    if persian:
        text = to_persian_digits(text.translate(_PERSIAN_SEPARATORS))
    if rounded < 0:
        text = (_PERSIAN_MINUS if persian else "-") + text
    return text


def to_latin_digits(text: str) -> str:
    """Persian and Arabic-Indic digits in `text` as Latin digits."""
    return text.translate(_TO_LATIN)


def normalize_letters(text: str) -> str:
    """Arabic yeh/kaf as Persian ones; the form stored for names and addresses."""
    return text.replace("ي", "ی").replace("ى", "ی").replace("ك", "ک")


def fold(text: str) -> str:
    """The search key of `text`: comparable across keyboards, digits and spacing."""
    text = unicodedata.normalize("NFKC", text)
    text = _DROP.sub("", text)
    text = text.translate(_LETTER_FOLD).translate(_TO_LATIN).lower()
    return _SEPARATORS.sub("", text)


def fold_words(text: str) -> list[str]:
    """`text` split into folded words (separators dropped, empty words removed)."""
    text = unicodedata.normalize("NFKC", text)
    text = _DROP.sub("", text)
    text = text.translate(_LETTER_FOLD).translate(_TO_LATIN).lower()
    return [w for w in _SEPARATORS.split(text) if w]


def fold_words_many(texts: list[str]) -> list[list[str]]:
    """`fold_words` of each text, done in one pass over all of them (for building indexes)."""
    if not texts:
        return []
    unit = "\ue000"  # a private-use character: no registry text has it, no rule touches it
    joined = unicodedata.normalize("NFKC", unit.join(t.replace(unit, " ") for t in texts))
    joined = _DROP.sub("", joined).translate(_LETTER_FOLD).translate(_TO_LATIN).lower()
    joined = _SEPARATORS.sub(" ", joined)
    return [piece.split() for piece in joined.split(unit)]


def from_wrong_layout(text: str) -> str:
    """What `text`, typed with the Latin layout active, meant on a Persian keyboard."""
    return text.translate(_LAYOUT)
