"""RTLParagraph in real PDFs, read back with poppler and rendered to PNG."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from bidi.algorithm import get_display
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from inspector_app.pdf import persian_text
from inspector_app.pdf.rtl_flowable import FONT_BOLD, FONT_REGULAR, RTLParagraph
from tests.helpers.pdf_text import (
    TextLine,
    assert_sentences,
    normalized_text,
    pdffonts,
    raw_text,
    text_lines,
    tokens,
)

Build = Callable[..., Path]
STYLE = ParagraphStyle("fa", fontName=FONT_REGULAR, fontSize=11, leading=20, alignment=TA_RIGHT)

NOTE = [
    "کارکنان دفتر پیشخوان با مراجعان با احترام رفتار می‌کنند و نوبت‌دهی منظم است،",
    "اما تابلوی منشور حقوق شهروندی در محل مناسب نصب نشده است؛",
    "آیا مدیر دفتر از این موضوع آگاه بود؟ پاسخ منفی بود.",
    "مراجعه‌کنندگان از طولانی بودن زمان انتظار در ساعت‌های پایانی روز گله داشتند.",
    "پیشنهاد شد تا پایان ماه یک کارمند دیگر به باجه‌ی شماره 3 افزوده شود.",
]


def narrow(flowable: RTLParagraph | Paragraph, width: float = 220) -> Table:
    """A narrow column forces a paragraph onto many lines."""
    return Table([[flowable]], colWidths=[width])


def test_multiline_paragraph_wraps_in_logical_order(build_pdf: Build) -> None:
    text = " ".join(NOTE)
    pdf = build_pdf("wrap-logical", [narrow(RTLParagraph(text, STYLE))])
    assert_sentences(pdf, NOTE)
    assert_sentences(pdf, NOTE, mode="layout")
    # The first extracted line starts with the first words of the note.
    first_line = next(line for line in normalized_text(pdf).splitlines() if line.strip())
    assert tokens(first_line)[:3] == tokens(NOTE[0])[:3]


def test_the_classic_mistake_is_detected(build_pdf: Build) -> None:
    # Reorder the whole paragraph, then wrap it: the end of the text lands on the first line.
    text = persian_text.reshape(persian_text.prepare(" ".join(NOTE)))
    wrong = Paragraph(str(get_display(text)), STYLE)
    pdf = build_pdf("wrap-classic-mistake", [narrow(wrong)])
    with pytest.raises(AssertionError):
        assert_sentences(pdf, NOTE)


def test_alignments_and_bold(build_pdf: Build) -> None:
    flows = []
    for align in (TA_RIGHT, TA_CENTER, TA_JUSTIFY):
        style = ParagraphStyle(f"a{align}", parent=STYLE, alignment=align)
        flows += [narrow(RTLParagraph(" ".join(NOTE[:3]), style), 260), Spacer(1, 12)]
    flows.append(
        RTLParagraph(
            "عنوان پررنگ گزارش بازرسی", ParagraphStyle("b", parent=STYLE, fontName=FONT_BOLD)
        )
    )
    pdf = build_pdf("alignments", flows)
    text = normalized_text(pdf)
    assert_sentences(pdf, [*NOTE[:3], *NOTE[:3], *NOTE[:3], "عنوان پررنگ گزارش بازرسی"])
    assert text.count("منشور") == 3


def test_brackets_punctuation_and_mixed_runs(build_pdf: Build) -> None:
    lines = [
        "مدارک (شناسنامه و کارت ملی) و [رسید] بررسی شد.",
        "کارکنان «پلیس +10» حضور داشتند، مدیر گفت: «نوبت بعدی؟» پاسخ داد؛ بله.",
        "کد رهگیری 6047/6045 و پلاک 1234-ب/56 ثبت شد.",
        "ایمیل info@ostan-bs.ir و تلفن 077 3345 6789 و همراه 0912-123-4567.",
    ]
    pdf = build_pdf("mixed", [RTLParagraph(line, STYLE) for line in lines])
    assert_sentences(pdf, lines)
    text = normalized_text(pdf)
    # Digits are Persian; an e-mail keeps its letters; Persian punctuation survives.
    assert "۶۰۴۷/۶۰۴۵" in text and "6047" not in text
    assert "+۱۰" in text
    assert "info@ostan-bs.ir" in text
    for mark in "،؛؟«»":
        assert mark in text
    # Brackets are drawn mirrored (correctly) and read back as written (the text layer).
    assert "(شناسنامه" in text and "ملی)" in text and "[رسید]" in text
    assert "گفت: «نوبت بعدی؟»" in text


def test_ten_thousand_character_note_paginates(build_pdf: Build) -> None:
    words: list[str] = []
    i = 0
    while len(" ".join(words)) < 10_000:
        words.append(f"واژه{i}م" if i % 7 else "بازرسی")
        i += 1
    note = " ".join(words)
    unbroken = "ب" * 3000  # a "word" wider than any column: cut, never overflowing
    pdf = build_pdf(
        "long-note", [RTLParagraph(note, STYLE), RTLParagraph(unbroken, STYLE)], png=False
    )
    pages = raw_text(pdf).count("\f")
    assert pages >= 4
    assert_sentences(pdf, [" ".join(words[:50]), " ".join(words[-50:])])


def test_long_note_in_a_table_cell_splits_across_pages(build_pdf: Build) -> None:
    note = " ".join(NOTE * 60)
    table = Table(
        [[RTLParagraph(note, STYLE), RTLParagraph("بند ۱", STYLE)]],
        colWidths=[380, 100],
        splitInRow=1,
    )
    pdf = build_pdf("long-cell", [table], png=False)
    assert raw_text(pdf).count("\f") >= 3
    assert_sentences(pdf, NOTE * 2)


def test_missing_glyphs_are_replaced_visibly_and_logged(
    build_pdf: Build, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    line = "مراجع راضی بود 😀 و نام 中文 را نوشت."
    pdf = build_pdf("missing-glyphs", [RTLParagraph(line, STYLE)])
    text = normalized_text(pdf)
    # One placeholder «[؟]» per missing character: nothing silently dropped.
    assert "\ufffd" not in text and text.count("؟") == 3
    assert text.count("[") == 3 and text.count("]") == 3
    assert_sentences(pdf, ["مراجع راضی بود", "و نام", "را نوشت"])
    assert any("U+1F600" in r.getMessage() for r in caplog.records)
    assert any("U+4E2D" in r.getMessage() for r in caplog.records)


def test_fonts_are_embedded_and_not_base14(build_pdf: Build) -> None:
    pdf = build_pdf("fonts", [RTLParagraph(" ".join(NOTE), STYLE)], png=False)
    fonts = pdffonts(pdf)
    assert fonts, "no fonts listed"
    base14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")
    for font in fonts:
        assert font["emb"] == "yes", font
        assert not any(b in font["name"] for b in base14), font
        assert "Vazirmatn" in font["name"], font


def test_lines_are_right_aligned_centred_or_justified(build_pdf: Build) -> None:
    text = " ".join(NOTE)
    width = 300.0
    flows: list[Flowable] = []
    for align in (TA_RIGHT, TA_CENTER, TA_JUSTIFY):
        style = ParagraphStyle(f"w{align}", parent=STYLE, alignment=align)
        flows += [RTLParagraph(text, style), PageBreak()]
    doc_left = (A4[0] - width) / 2
    doc_right = doc_left + width
    pdf = build_pdf("align-boxes", [_Boxed(f, width) for f in flows], png=False)
    by_page: dict[int, list[TextLine]] = {}
    for line in text_lines(pdf):
        by_page.setdefault(line.page, []).append(line)
    right, centre, justified = (by_page[p] for p in (1, 2, 3))
    assert len(right) >= 5
    # Right-aligned: every line ends at the right edge, their left ends vary (ragged).
    assert all(abs(line.x_max - doc_right) < 1.5 for line in right)
    assert max(line.x_min for line in right) - min(line.x_min for line in right) > 10
    # Centred: both margins equal.
    for line in centre:
        assert abs((line.x_min - doc_left) - (doc_right - line.x_max)) < 1.5
    # Justified: all but the last line fill the width; the last one is right-aligned.
    for line in justified[:-1]:
        assert abs(line.x_min - doc_left) < 1.5 and abs(line.x_max - doc_right) < 1.5
    assert abs(justified[-1].x_max - doc_right) < 1.5
    # The whole text, in order, once per alignment (bbox words are in drawing order, so the
    # order is checked through the reading-order extraction).
    assert_sentences(pdf, NOTE * 3)


class _Boxed(Flowable):
    """A flowable of a fixed width centred on the page (a known column to measure against)."""

    def __init__(self, inner: Flowable, width: float) -> None:
        super().__init__()
        self.inner, self.box_width = inner, width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.avail = availWidth
        _, h = self.inner.wrap(self.box_width, availHeight)
        return availWidth, h

    def draw(self) -> None:
        self.inner.drawOn(self.canv, (self.avail - self.box_width) / 2, 0)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []


def test_reportlab_own_rtl_is_not_usable_here(build_pdf: Build) -> None:
    """Evidence for the choice of engine: reportlab 5's wordWrap="RTL" (without the rlbidi
    package, which is not on PyPI) keeps each line's words left to right, so the words do not
    come back in order; RTLParagraph's do (test_multiline_paragraph_wraps_in_logical_order)."""
    style = ParagraphStyle("rl-rtl", parent=STYLE, wordWrap="RTL")
    pdf = build_pdf("reportlab-own-rtl", [narrow(Paragraph(" ".join(NOTE), style))])
    with pytest.raises(AssertionError):
        assert_sentences(pdf, NOTE)


def test_english_only_paragraph_starts_at_the_left_edge(build_pdf: Build) -> None:
    """An English-only paragraph (or hard line) runs left to right, so it starts at the left
    edge like any left-to-right text; the Persian lines around it keep to the right."""
    english = (
        "The office was open on time, the price list was posted at the door and every client "
        "we asked was served within twenty minutes of arriving."
    )
    text = f"{NOTE[0]}\n{english}\n{NOTE[1]}"
    width = 300
    doc_left = (A4[0] - width) / 2
    doc_right = doc_left + width
    pdf = build_pdf("english-left", [_Boxed(RTLParagraph(text, STYLE), width)])
    lines = text_lines(pdf)
    latin = [line for line in lines if any("a" <= ch <= "z" for ch in line.text)]
    persian = [line for line in lines if line not in latin]
    assert len(latin) >= 2 and len(persian) >= 2, lines
    for line in latin:
        assert abs(line.x_min - doc_left) < 1.5, line
    assert latin[-1].x_max < doc_right - 50  # the short last line ends well before the right
    for line in persian:
        assert abs(line.x_max - doc_right) < 1.5, line
