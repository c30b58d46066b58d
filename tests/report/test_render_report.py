"""The whole report: text read back in order, fonts, metadata, page footers, bad input."""

from __future__ import annotations

import dataclasses
import logging
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from inspector_app.pdf.keywords import ReportIdentity, parse_keywords, read_identity
from inspector_app.services.report.model import Photo, Row
from inspector_app.services.report.render import render_report, render_report_with_log
from tests.helpers.pdf_text import (
    assert_sentences,
    find_sentence,
    normalized_text,
    pdffonts,
    raw_text,
    render_pngs,
    tokens,
)
from tests.helpers.report_sample import ITEMS, sample_jpeg, sample_report

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "report"

LONG_NOTE_SENTENCES = [
    "در بازدید ساعت ۱۰:۳۰ دو نفر از کارکنان کارت شناسایی نداشتند و مدیر دفتر قول داد",
    "تا پایان هفته کارت‌ها صادر شود، اما پیش‌تر نیز همین قول داده شده بود؛",
    "مراجعان گفتند زمان انتظار در ساعت‌های پایانی روز بیش از ۴۵ دقیقه است.",
]


def write(tmp_path: Path, name: str, pdf: bytes, *, png: bool = True) -> Path:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    if png:
        render_pngs(path, ARTIFACTS / name)
    return path


@pytest.fixture(scope="module")
def photos() -> list[bytes]:
    return [sample_jpeg(1600, 1200, seed=i) for i in range(3)]


def test_report_text_comes_back_in_order(tmp_path: Path, photos: list[bytes]) -> None:
    data = sample_report(
        items=20, interviews=10, photos=photos, long_note=" ".join(LONG_NOTE_SENTENCES)
    )
    path = write(tmp_path, "report", render_report(data))
    sentences = [
        "استانداری بوشهر",
        "بازرسی و پاسخگویی به شکایات",
        "گزارش بازرسی: ارزیابی رعایت منشور حقوق شهروندی",
        "دفتر پیشخوان دولت شماره‌ی ۱۲ بوشهر",
        "خلاصه‌ی نتیجه",
        *LONG_NOTE_SENTENCES,
        ITEMS[1],
        "یافته‌ها و اقدامات اصلاحی",
        "تابلوی منشور حقوق شهروندی دیده نمی‌شود.",
        "نصب تابلو در محل انتظار",
        "خلاصه‌ی مصاحبه با مراجعان",
        "آیا با شما محترمانه رفتار شد؟",
        "مراجع 1: کار من سریع انجام شد، ولی رسید ندادند.",
        "نمای ورودی دفتر، عکس شماره 1",
        "امضاها",
        "امضا نکرد: در محل حضور نداشت",
    ]
    assert_sentences(path, sentences)
    text = normalized_text(path)
    assert_sentences(path, ["امتیاز کل", "۷۸٫۵ از ۱۰۰"])
    assert "۷۸٫۵" in text and "78" not in text
    assert "+۱۰" in text  # «پلیس +10» in a note keeps its sign before the number


def test_fonts_embedded_metadata_and_footer_on_every_page(tmp_path: Path) -> None:
    data = sample_report(items=60, interviews=10)
    path = write(tmp_path, "report-60", render_report(data), png=False)
    fonts = pdffonts(path)
    assert {f["emb"] for f in fonts} == {"yes"}
    assert all("Vazirmatn" in f["name"] for f in fonts), fonts
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert f"bazres-sha256:{data.canonical_sha256}" in info
    assert f"bazres-id:{data.report_id}" in info
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))
    assert pages >= 3
    digits = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
    for page in range(1, pages + 1):
        footer = f"صفحه {str(page).translate(digits)} از {str(pages).translate(digits)}"
        page_tokens = tokens(raw_text(path, first=page, last=page))
        assert find_sentence(page_tokens, footer) >= 0, f"page {page}: no {footer!r}"


def test_same_data_same_bytes() -> None:
    data = sample_report(items=12, interviews=2)
    assert render_report(data) == render_report(data)
    changed = dataclasses.replace(data, date="۱۴۰۳/۰۵/۱۳")
    assert render_report(changed) != render_report(data)


def test_ten_thousand_character_note_in_a_table(tmp_path: Path) -> None:
    sentence = "مراجعان از نبود صندلی کافی و طولانی بودن صف در ساعت‌های پایانی روز گله داشتند؛ "
    note = (sentence * (10_000 // len(sentence) + 1))[:10_000].rsplit(" ", 1)[0]
    data = sample_report(items=10, interviews=0, long_note=note)
    pdf, warnings = render_report_with_log(data)
    path = write(tmp_path, "report-long-note", pdf, png=False)
    assert warnings == []
    text = normalized_text(path)
    assert text.count("\f") >= 4
    # The section table continues over several pages, its header row repeated on each.
    assert text.count("توضیحات") >= 4
    assert_sentences(path, [sentence.strip(" ؛"), ITEMS[1]])
    # The last words of the note are printed too (nothing overflowed off a page).
    assert_sentences(path, [" ".join(note.split()[-8:])])


def test_corrupt_photo_gives_placeholder_and_warning(tmp_path: Path) -> None:
    good = sample_jpeg(800, 600, seed=3)
    data = sample_report(items=5, interviews=1)
    data = dataclasses.replace(
        data, photos=[Photo(good, "ورودی"), Photo(b"\xff\xd8 broken", "باجه"), Photo(b"", "سالن")]
    )
    pdf, warnings = render_report_with_log(data)
    path = write(tmp_path, "report-bad-photo", pdf)
    assert len(warnings) == 2 and all("تصویر" in w for w in warnings)
    assert_sentences(path, ["تصویر قابل خواندن نیست", "تصویر قابل خواندن نیست"])
    for caption in ("تصویر 1: ورودی", "تصویر 2: باجه", "تصویر 3: سالن"):
        assert_sentences(path, [caption])  # two photos a row: no single reading order


def test_emoji_and_chinese_are_visible_and_reported_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    data = sample_report(items=3, interviews=0)
    rows = [
        Row("رفتار کارکنان 😀 خوب بود", "بله", "مراجع نوشت: 你好 متشکرم"),
        Row("بار دوم 😀 در همین گزارش", "بله"),
    ]
    data = dataclasses.replace(data, sections=[dataclasses.replace(data.sections[0], rows=rows)])
    pdf, warnings = render_report_with_log(data)
    path = write(tmp_path, "report-missing-glyphs", pdf)
    text = normalized_text(path)
    assert "\ufffd" not in text  # the font's «�» reads as damaged data
    # Four placeholders «[؟]»: against the same report without the characters, four more «؟»
    # and eight more brackets (the order the text layer gives them in is not checked here).
    plain = [Row(r.item.replace("😀", "x"), r.answer, r.note.replace("你好", "xx")) for r in rows]
    sections = [dataclasses.replace(data.sections[0], rows=plain)]
    other = normalized_text(render_report(dataclasses.replace(data, sections=sections)))
    assert text.count("؟") - other.count("؟") == 4
    brackets = [t.count("[") + t.count("]") for t in (text, other)]
    assert brackets[0] - brackets[1] == 8
    assert_sentences(path, ["رفتار کارکنان", "خوب بود", "مراجع نوشت", "متشکرم"])
    codes = ["U+1F600", "U+4F60", "U+597D"]
    assert sorted(next(c for c in codes if c in w) for w in warnings) == sorted(codes)
    logged = [r.getMessage() for r in caplog.records if "U+" in r.getMessage()]
    assert sorted(logged) == sorted(warnings)  # measured and drawn often, logged once each


def test_identity_reads_back_from_metadata() -> None:
    data = sample_report(items=3, interviews=0)
    identity = read_identity(render_report(data))
    assert identity == ReportIdentity(data.report_id, data.canonical_sha256)
    assert read_identity(b"not a pdf") is None
    assert parse_keywords("something else") is None


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg (zbar-tools) not installed")
def test_qr_code_holds_id_and_sha256(tmp_path: Path) -> None:
    data = sample_report(items=3, interviews=0)
    path = write(tmp_path, "report-qr", render_report(data), png=False)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
        check=True,
    )
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "page-1.png")], capture_output=True, text=True
    ).stdout.strip()
    assert decoded == f"bazres:{data.report_id};sha256:{data.canonical_sha256}"


def test_warnings_stay_with_their_own_render() -> None:
    clean = sample_report(items=30, interviews=2)
    broken = dataclasses.replace(clean, photos=[Photo(b"broken", "خراب")] * 3)
    with ThreadPoolExecutor(max_workers=2) as pool:
        clean_future = pool.submit(render_report_with_log, clean)
        broken_future = pool.submit(render_report_with_log, broken)
        assert clean_future.result()[1] == []
        assert len(broken_future.result()[1]) == 3
