"""The one-line text engine: digits, marks, shaping, bidi order, missing glyphs."""

from __future__ import annotations

from pathlib import Path

from inspector_app.pdf import persian_text as pt
from inspector_app.services.report.render import render_report
from tests.helpers.pdf_text import text_lines
from tests.helpers.report_sample import sample_report

BRACKETED = "سامانه Pishkhan Online (v2.1) از ساعت ۱۰ از کار افتاد."
ENGLISH = "The office manager was informed at 10:30 (room 4)."


def show(text: str) -> str:
    return pt.visual(pt.prepare(text))


def test_persian_digits_in_persian_context_but_not_in_latin_tokens() -> None:
    assert pt.prepare("ماده 12 و ۳٫۵") == "ماده ۱۲ و ۳٫۵"
    assert pt.prepare("نمره 85.5%") == "نمره ۸۵٫۵٪"
    assert pt.prepare("ایمیل ali2@ostb.ir") == "ایمیل ali2@ostb.ir"
    assert pt.prepare("کد A12") == "کد A12"
    assert pt.prepare("ماده 12", persian_digits=False) == "ماده 12"


def test_brackets_are_mirrored_for_right_to_left() -> None:
    # Drawn left to right: «(» on the left, «)» on the right: the logical «(» opens on the right.
    shown = show("(پرانتز) [کروشه]")
    assert shown.startswith("[") and shown.endswith(")")
    assert shown.index("]") < shown.index("(")


def test_brackets_pair_inside_a_latin_run() -> None:
    # Rule N0: the pair takes the direction of the Latin text it encloses. Without it the
    # closing bracket joins the Persian and the line reads «(Pishkhan Online (v2.1».
    shown = show(BRACKETED)
    assert "Pishkhan Online (v2.1) " in shown
    assert shown.startswith(".") and shown.endswith(pt.reshape("سامانه")[::-1])


def test_english_text_runs_left_to_right_with_latin_digits() -> None:
    assert pt.prepare(ENGLISH) == ENGLISH
    assert show(ENGLISH) == ENGLISH
    # Persian letters or digits anywhere make the line right to left; so does a bare number.
    assert show("Room ۴.").startswith(".")
    assert show("077 3345 6789") == "۰۷۷\u00a0۳۳۴۵\u00a0۶۷۸۹"


def test_report_draws_brackets_and_english_notes_in_order(tmp_path: Path) -> None:
    data = sample_report(items=3, interviews=1, long_note=f"{BRACKETED}\n{ENGLISH}")
    path = tmp_path / "bidi.pdf"
    path.write_bytes(render_report(data))
    drawn = [line.text for line in text_lines(path)]  # words left to right as drawn
    assert any("Pishkhan Online (v2.1)" in line for line in drawn), drawn
    assert any(ENGLISH in line for line in drawn), drawn


def test_guillemets_enclose_the_word() -> None:
    shown = show("«گیومه»")
    assert shown[0] == "«" and shown[-1] == "»"


def test_plus_sign_stays_before_the_number() -> None:
    # Without the left-to-right mark the bidi algorithm gives «10+ پلیس».
    assert pt.visual("پلیس +10").startswith("10+")
    assert show("پلیس +10").startswith("+۱۰ ")
    assert show("دمای -5 درجه").find("-۵") >= 0


def test_mixed_runs_keep_their_order() -> None:
    assert "۶۰۴۷/۶۰۴۵" in show("کد 6047/6045 ثبت شد")
    # The licence number reads ۱۲۳۴ then ب then ۵۶ from the right, as typed.
    assert "۵۶/\ufe8f-۱۲۳۴" in show("پلاک 1234-ب/56")
    assert "info@ostan-bs.ir" in show("ایمیل info@ostan-bs.ir است")
    assert "۰۷۷\u00a0۳۳۴۵\u00a0۶۷۸۹" in show("تلفن 077 3345 6789 است")
    assert "۰۹۱۲-۱۲۳-۴۵۶۷" in show("همراه 0912-123-4567 است")


def test_punctuation_lands_at_the_end_of_the_sentence() -> None:
    shown = show("آیا ثبت شد؟")
    assert shown[0] == "؟"
    assert show("پایان.")[0] == "."


def test_no_bidi_controls_reach_the_page() -> None:
    shown = show("پلیس +10 و می‌کنند")
    assert not set(shown) & set("\u200c\u200d\u200e\u200f\u202a\u202b\u202c")


def test_zwnj_breaks_the_joining() -> None:
    # «می‌کنند»: yeh takes its final form (U+FBFD), kaf starts a new word part (U+FB90).
    shaped = pt.reshape("می‌کنند")
    assert "\ufbfd" in shaped and "\ufb90" in shaped
    joined = pt.reshape("میکنند")
    assert "\ufbff" in joined  # without ZWNJ the yeh is medial


def test_missing_glyphs_become_visible_replacements() -> None:
    missing: list[str] = []
    out = pt.cover("a😀中b", {ord("a"), ord("b")}, missing.append)
    assert out == "a\ufffd\ufffdb"
    assert missing == ["😀", "中"]


def test_presentation_form_falls_back_to_base_letter() -> None:
    out = pt.cover("\ufb52", {0x067B}, lambda ch: None)  # BEEH isolated → base letter
    assert out == "\u067b"
