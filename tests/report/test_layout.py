"""The report's layout on real pages: where blocks land, read back with poppler's boxes."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import inch, mm
from reportlab.platypus import Flowable, Spacer

from inspector_app.cli.main import main
from inspector_app.pdf.layout import CELL, FRAME_WIDTH, MARGIN, PAGE, paragraph_style
from inspector_app.pdf.long_words import ZWJ
from inspector_app.pdf.rtl_flowable import RTLParagraph, visual_line
from inspector_app.services.context import AppContext, open_context
from inspector_app.services.editing import EditingSession
from inspector_app.services.report.model import Photo, ReportData
from inspector_app.services.report.render import render_report
from inspector_app.services.report.service import render_inspection_pdf
from tests.helpers.pdf_text import (
    TextLine,
    assert_sentences,
    normalized_text,
    render_pngs,
    text_lines,
)
from tests.helpers.report_sample import sample_jpeg, sample_report
from tests.helpers.signing import make_filled_draft
from tests.overview import dataset

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "report"


def rendered(tmp_path: Path, name: str, pdf: bytes, *, png: bool = False) -> list[TextLine]:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    if png:
        render_pngs(path, ARTIFACTS / name)
    return text_lines(path)


_CONTROLS = re.compile("[\\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c]")


def compact(line: TextLine) -> str:
    """The line's characters without spaces or bidi controls (poppler may see each glyph of a
    right-to-left line as a word of its own, in drawing order)."""
    return _CONTROLS.sub("", line.text)


def has(line: TextLine, word: str) -> bool:
    """`word` (with no lam-alef) is in the line, in logical or in drawing order."""
    return word in compact(line) or word[::-1] in compact(line)


def is_word(line: TextLine, word: str) -> bool:
    """The line holds just `word` (with no lam-alef), in logical or in drawing order."""
    return compact(line) in (word, word[::-1])


def footer_top(lines: list[TextLine]) -> float:
    """The y of the highest footer line: «صفحه … از …» sits at the foot of each page."""
    return min(line.y_min for line in lines if has(line, "صفحه"))


@pytest.mark.parametrize("items", [5, 10, 20, 30, 47])
def test_signature_heading_stays_with_the_signatures(tmp_path: Path, items: int) -> None:
    lines = rendered(
        tmp_path, f"layout-signatures-{items}", render_report(sample_report(items=items))
    )
    heading = [line for line in lines if is_word(line, "امضاها")]
    assert len(heading) == 1
    page = heading[0].page
    # The first signer's role is the last «بازرس» of the report (the details table has one).
    role = [line for line in lines if is_word(line, "بازرس")][-1]
    assert role.page == page and role.y_min > heading[0].y_min
    on_page = [line for line in lines if line.page == page]
    foot = footer_top(on_page)
    body = [line for line in on_page if line.y_min < foot - 5 and line is not heading[0]]
    assert body, f"page {page} holds only the heading «امضاها»"


NOTE_SENTENCE = "مراجعان از نبود صندلی کافی و طولانی بودن صف در ساعت‌های پایانی روز گله داشتند؛ "
ITEM_SENTENCE = "نوبت‌دهی به ترتیب مراجعه و بدون تبعیض انجام می‌شود؛ "
PAD = 6.0  # reportlab's default cell padding, left and right
TOLERANCE = 0.6


def repeated(sentence: str, length: int) -> str:
    return (sentence * (length // len(sentence) + 1))[:length].rsplit(" ", 1)[0]


def letters(word: str) -> tuple[str, ...]:
    """A word's letters in any order: poppler gives right-to-left words in drawing order (a
    lam-alef ligature keeps its own order), so words are compared as letter multisets."""
    return tuple(sorted(c for c in word if c.isalpha()))


def from_sentence(line: TextLine, sentence: str) -> bool:
    """A line (fifteen characters or more) of `sentence` repeated, read in logical or drawing
    order (a lam-alef, one glyph, keeps its own order when the line is read backwards; the test
    sentences hold no other «ال»)."""
    found = compact(line).replace("\u200c", "")
    text = _CONTROLS.sub("", unicodedata.normalize("NFKC", sentence * 4)).replace("\u200c", "")
    backwards = found[::-1]
    return len(found) >= 15 and any(
        candidate in text for candidate in (found, backwards, backwards.replace("ال", "لا"))
    )


def items_columns() -> dict[str, tuple[float, float]]:
    """The checklist table's columns on the page, left to right: note, answer, item, number."""
    number, answer = 11 * mm, 22 * mm
    item = 0.43 * (FRAME_WIDTH - number - answer)
    note = FRAME_WIDTH - number - answer - item
    edges = [MARGIN, MARGIN + note, MARGIN + note + answer, MARGIN + note + answer + item]
    edges.append(PAGE[0] - MARGIN)
    names = ["note", "answer", "item", "number"]
    return {name: (edges[i], edges[i + 1]) for i, name in enumerate(names)}


def long_row_report(row: int, note_length: int, item_length: int) -> ReportData:
    data = sample_report(items=30, interviews=3)
    sections = list(data.sections)
    k, r = divmod(row, 10)
    rows = list(sections[k].rows)
    item = repeated(ITEM_SENTENCE, item_length) if item_length else rows[r].item
    rows[r] = dataclasses.replace(rows[r], item=item, note=repeated(NOTE_SENTENCE, note_length))
    sections[k] = dataclasses.replace(sections[k], rows=rows)
    return dataclasses.replace(data, sections=sections)


@pytest.mark.parametrize(
    ("row", "note_length", "item_length"), [(0, 3000, 0), (3, 1200, 0), (3, 3000, 1500)]
)
def test_split_rows_keep_their_columns_and_header_only_at_page_tops(
    tmp_path: Path, row: int, note_length: int, item_length: int
) -> None:
    name = f"layout-long-row-{row}-{note_length}-{item_length}"
    lines = rendered(tmp_path, name, render_report(long_row_report(row, note_length, item_length)))
    columns = items_columns()
    checked = {"note": 0, "item": 0}
    for line in lines:
        assert line.x_min >= MARGIN - TOLERANCE and line.x_max <= PAGE[0] - MARGIN + TOLERANCE
        for column, sentence in (("note", NOTE_SENTENCE), ("item", ITEM_SENTENCE)):
            if column == "item" and not item_length:
                continue
            if from_sentence(line, sentence):
                left, right = columns[column]
                where = f"page {line.page} y {line.y_min:.1f}: {line.x_min:.1f}–{line.x_max:.1f}"
                assert line.x_min >= left + PAD - TOLERANCE, f"{column} crosses its left {where}"
                assert line.x_max <= right - PAD + TOLERANCE, f"{column} crosses its right {where}"
                checked[column] += 1
    # The lines were found (about 58 characters a line in the note's column, 40 in the item's).
    assert checked["note"] > note_length / 70
    assert checked["item"] > (item_length / 70 if item_length else -1)
    # The header row «توضیحات» opens the table under its section heading, or a page.
    for line in lines:
        if not is_word(line, "توضیحات"):
            continue
        above = [x for x in lines if x.page == line.page and x.y_min < line.y_min - 3]
        at_top = line.y_min < MARGIN + 20
        under_heading = bool(above) and has(max(above, key=lambda x: x.y_min), "بخش")
        assert at_top or under_heading, f"header row in mid-page: page {line.page} y {line.y_min}"


@pytest.mark.parametrize(("room_lines", "first_page"), [(1.5, 0), (3.5, 3), (9.5, 8)])
def test_a_page_break_leaves_two_lines_of_a_paragraph_on_each_side(
    build_pdf: Callable[..., Path], room_lines: float, first_page: int
) -> None:
    style = paragraph_style("lines", 11, leading=20)
    lines = [f"سطر شماره‌ی {n} از یادداشت" for n in range(1, 11)]
    frame_height = A4[1] - 2 * inch - 12  # SimpleDocTemplate's margins and frame padding
    story = [Spacer(1, frame_height - room_lines * 20), RTLParagraph("\n".join(lines), style)]
    pdf = build_pdf(f"layout-keep-lines-{room_lines}", story, png=False)
    pages = [line.page for line in text_lines(pdf)]
    assert pages.count(1) == first_page and pages.count(2) == 10 - first_page


GENERAL_NOTES = (
    "کارکنان گفتند سامانه‌ی نوبت‌دهی از صبح قطع بوده و مراجعان به ترتیب ورود پذیرش شدند؛ "
    "مدیر دفتر قول داد تا پایان هفته سامانه‌ی پشتیبان راه‌اندازی شود."
)


def test_a_written_answer_takes_the_answer_and_note_columns(
    context: AppContext, tmp_path: Path
) -> None:
    inspection_id = make_filled_draft(context)
    session = EditingSession(context.db, inspection_id)
    session.set_answer("general_notes", GENERAL_NOTES)
    session.set_note("general_notes", "یادداشت بازرس درباره‌ی همین پاسخ")
    pdf = render_inspection_pdf(context.db, inspection_id)
    lines = rendered(tmp_path, "layout-written-answer", pdf, png=True)
    answer = [line for line in lines if from_sentence(line, GENERAL_NOTES)]
    columns = items_columns()
    # Two lines across both columns (in the 22 mm answer column alone it took twelve).
    assert 1 <= len(answer) <= 3
    for line in answer:
        assert line.x_min >= columns["note"][0] + PAD - TOLERANCE
        assert line.x_max <= columns["answer"][1] - PAD + TOLERANCE
    assert (
        max(line.x_max - line.x_min for line in answer)
        > columns["answer"][1] - columns["answer"][0]
    )
    assert_sentences(pdf, [GENERAL_NOTES, "توضیحات: یادداشت بازرس درباره‌ی همین پاسخ"])


OFFICE_WORDS = "دفتر خدمات پیشخوان دولت و ارتباطات روستایی شماره‌ی ۱۲ شهرستان دشتستان، بخش مرکزی، "


@pytest.mark.parametrize(
    "office_name",
    [
        OFFICE_WORDS[:60],
        OFFICE_WORDS[:100],
        (OFFICE_WORDS * 3)[:200].strip(),
        "دفترپیشخوان" * 15,  # one word, no space to cut at
    ],
)
def test_a_long_office_name_is_shortened_before_the_page_number(
    tmp_path: Path, office_name: str
) -> None:
    data = sample_report(items=12, interviews=0)
    data = dataclasses.replace(data, office=dataclasses.replace(data.office, name=office_name))
    lines = rendered(tmp_path, "layout-footer", render_report(data))
    pages = max(line.page for line in lines)
    for page in range(1, pages + 1):
        foot = [line for line in lines if line.page == page and line.y_min > PAGE[1] - MARGIN - 20]
        page_of = [line for line in foot if has(line, "صفحه")]
        footer = [line for line in foot if has(line, "گزارش")]
        assert len(page_of) == 1 and len(footer) == 1, [line.text for line in foot]
        assert footer[0].x_min >= page_of[0].x_max + 6, (page, footer[0], page_of[0])
        assert footer[0].x_max <= PAGE[0] - MARGIN + TOLERANCE
        assert "۱۴۰۳-۰۴۲" in compact(footer[0]) or "۰۴۲-۱۴۰۳" in compact(footer[0])
        # «…» (NFKC: "...") only where the name would not fit whole.
        assert ("..." in footer[0].text) == (len(office_name) > 100)


def test_the_report_id_wraps_at_a_hyphen(tmp_path: Path) -> None:
    data = sample_report(items=3, interviews=0)
    lines = rendered(tmp_path, "layout-report-id", render_report(data))
    texts = [compact(line) for line in lines if line.page == 1]
    # «شناسه»'s column holds 166.6 pt: the id breaks after its fourth group, never inside one.
    head, tail = data.report_id[:24], data.report_id[24:]
    assert head == "3f2b8c1e-9a47-4d2b-8f61-"
    assert head in texts and tail in texts, [t for t in texts if "3f2b" in t or "1b23" in t]


def test_a_word_wider_than_its_column_keeps_its_letters_joined(
    build_pdf: Callable[..., Path],
) -> None:
    word = "ب" * 60 + "ا" + "ب" * 60  # a joining letter each side of most cuts, one alef
    paragraph = RTLParagraph(word, CELL)
    width = 150.0
    pdf = build_pdf("layout-long-word", [_Column(paragraph, width)])
    pieces = [line.words[0] for line in paragraph._lines]
    assert len(pieces) >= 3 and all(len(line.words) == 1 for line in paragraph._lines)
    assert "".join(p.replace(ZWJ, "") for p in pieces) == word
    # What is drawn, left to right: the piece's logical end is its leftmost glyph.
    for index, piece in enumerate(pieces):
        glyphs = visual_line(piece, CELL.fontName)
        first, last = unicodedata.name(glyphs[-1]), unicodedata.name(glyphs[0])
        # Alef never joins the letter after it.
        after_beh = index > 0 and pieces[index - 1].rstrip(ZWJ)[-1] == "ب"
        starts_joined = after_beh and piece.lstrip(ZWJ)[0] in "با"
        ends_joined = index < len(pieces) - 1 and piece.rstrip(ZWJ)[-1] == "ب"
        assert ("MEDIAL" in first or "FINAL" in first) == starts_joined, (index, first)
        assert ("MEDIAL" in last or "INITIAL" in last) == ends_joined, (index, last)
    text = normalized_text(pdf)
    assert text.count("ب") == 120 and text.count("ا") == 1
    left = (A4[0] - width) / 2
    for line in text_lines(pdf):
        assert left - TOLERANCE <= line.x_min and line.x_max <= left + width + TOLERANCE


class _Column(Flowable):
    """A flowable drawn in a column of a known width, centred on the page."""

    def __init__(self, inner: Flowable, width: float) -> None:
        super().__init__()
        self.inner, self.column = inner, width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.avail = availWidth
        return availWidth, self.inner.wrap(self.column, availHeight)[1]

    def draw(self) -> None:
        self.inner.drawOn(self.canv, (self.avail - self.column) / 2, 0)


def test_photo_captions_keep_their_own_punctuation(tmp_path: Path) -> None:
    photo = sample_jpeg(400, 300, seed=1)
    data = sample_report(items=3, interviews=0)
    captions = ["باجه‌ی شماره‌ی ۲:", "سالن انتظار", ""]
    data = dataclasses.replace(data, photos=[Photo(photo, c) for c in captions])
    lines = rendered(tmp_path, "layout-captions", render_report(data))
    found = {compact(line).replace("\u200c", "") for line in lines}

    def printed(logical: str) -> bool:  # in logical or in drawing order
        text = logical.replace(" ", "").replace("\u200c", "")
        return text in found or text[::-1] in found

    assert printed("تصویر ۱: باجه‌ی شماره‌ی ۲:"), found
    assert printed("تصویر ۲: سالن انتظار")
    assert printed("تصویر ۳")  # no caption: no colon either


def test_the_note_of_a_question_hidden_by_other_answers_is_printed_and_explained(
    context: AppContext, tmp_path: Path
) -> None:
    inspection_id = make_filled_draft(context)
    session = EditingSession(context.db, inspection_id)
    session.set_answer("system_status", "partial")
    session.set_note("outage_backlog", "درخواست‌ها در دفتر کاغذی ثبت می‌شد")
    session.set_answer("system_status", "all_up")  # hides «outage_backlog» (show_if)
    pdf = render_inspection_pdf(context.db, inspection_id)
    rendered(tmp_path, "layout-hidden-note", pdf, png=True)
    # Its row (the item's text, «—» for the answer) says why the question is not answered.
    assert_sentences(
        pdf,
        [
            "آیا در زمان قطعی سامانه، درخواست مراجعان",
            "این پرسش با پاسخ‌های دیگر پنهان شد؛ یادداشت بازرس:",
            "درخواست‌ها در دفتر کاغذی ثبت می‌شد",
        ],
    )


def test_summary_titles_and_population_note_end_where_the_text_does(
    data_dir: Path, tmp_path: Path
) -> None:
    context = open_context(data_dir, seed_demo=False)
    dataset.build(context.db)
    context.close()
    out = tmp_path / "summary.pdf"
    period = ["--from", "1403-01-01", "--to", "1403-06-31"]
    assert main(["summary", "--data-dir", str(data_dir), *period, "-o", str(out)]) == 0
    render_pngs(out, ARTIFACTS / "layout-summary", dpi=60)
    lines = text_lines(out)
    for line in lines:
        assert line.x_min >= MARGIN - TOLERANCE and line.x_max <= PAGE[0] - MARGIN + TOLERANCE
    headings = [line for line in lines if has(line, "ضوابط") or has(line, "پوشش")]
    titles = [line for line in lines if has(line, "میانگیندرصد") or has(line, "شاخصرضایت")]
    assert len(headings) >= 2 and len(titles) >= 3
    text_edge = PAGE[0] - MARGIN - 6  # the frame's padding, where every paragraph ends
    for line in headings + titles:
        # Right-aligned at the text edge (a first letter's own side bearing may leave a gap).
        assert text_edge - 5 < line.x_max <= text_edge + TOLERANCE, line
    # The population note is a Persian sentence (the bundled file names its source in Persian),
    # right-aligned like the rest of the text.
    assert_sentences(
        out, ["منبع آمار جمعیت: جمعیت شهرستان‌های استان بوشهر در سرشماری عمومی نفوس و مسکن"]
    )
    note = [line for line in lines if has(line, "منبعآمارجمعیت")]
    assert len(note) == 1 and text_edge - 5 < note[0].x_max <= text_edge + TOLERANCE
