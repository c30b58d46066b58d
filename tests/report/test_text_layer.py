"""The report's text layer: what a clerk searching or copying the PDF gets, with two extractors.

poppler's pdftotext (reading order, what PDF viewers on Linux use) and pdfminer.six (stream
order, common in document archives) must both return plain Persian letters, not Arabic
presentation forms, and known sentences must be found by a plain substring search: no NFKC,
no token matching. Only the invisible direction marks poppler adds around runs are removed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text

from inspector_app.pdf.text_layer import is_presentation_form
from inspector_app.services.report.render import render_report
from tests.helpers.pdf_text import raw_text
from tests.helpers.report_sample import ITEMS, sample_report

MIXED = "سامانه Pishkhan Online (v2.1) از ساعت ۱۰ از کار افتاد."
LAM_ALEF = "مسئولان دفتر گفتند پلاک تازه نصب می‌شود."
# Sentences of the report, each in one table cell or paragraph.
PERSIAN = [
    "استانداری بوشهر",
    "علی رضایی (بازرس)",
    ITEMS[1],
    LAM_ALEF,
    "نمی‌شود؛ جابه‌جایی آن به مدیر گفته شد.",
]
# Lines mixing directions (numbers count): poppler reorders them; pdfminer, which knows no
# bidi, gives each left-to-right run on its own.
MIXED_LINES = [
    MIXED,
    "دفتر پیشخوان دولت شماره‌ی ۱۲ بوشهر",
    "بوشهر، خیابان امام خمینی، کوچه‌ی ۱۲، پلاک",
    "دقیقه است؛ «پلیس +۱۰» مجاور نیز همین مشکل را دارد.",
]
# Direction marks and embeddings poppler writes around runs (not in the page's own text).
_MARKS = re.compile("[\u200e\u200f\u202a-\u202e]")


def presentation_share(text: str) -> float:
    letters = [c for c in text if not c.isspace()]
    return sum(map(is_presentation_form, letters)) / len(letters)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = sample_report(items=20, interviews=4, long_note=f"{MIXED}\n{LAM_ALEF}")
    path = tmp_path_factory.mktemp("text-layer") / "report.pdf"
    path.write_bytes(render_report(data))
    return path


def searchable(text: str) -> str:
    """The text as a search box sees it: poppler's marks gone, line breaks as spaces."""
    return re.sub(r"\s+", " ", _MARKS.sub("", text))


def test_pdftotext_reads_plain_persian(report: Path) -> None:
    text = raw_text(report)
    share = presentation_share(text)
    print(f"\npdftotext: {share:.2%} presentation forms")
    assert share < 0.01
    found = searchable(text)
    for sentence in PERSIAN + MIXED_LINES:
        assert sentence in found, sentence


def test_pdfminer_reads_plain_persian_in_logical_order(report: Path) -> None:
    text = extract_text(report)
    share = presentation_share(text)
    print(f"\npdfminer.six: {share:.2%} presentation forms")
    assert share < 0.01
    found = searchable(text)
    for sentence in PERSIAN:
        assert sentence in found, sentence
    # A mixed line comes back as its runs, each in order.
    assert "Pishkhan Online (v2.1)" in found and "سامانه" in found
