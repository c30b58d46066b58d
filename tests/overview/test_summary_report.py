"""The province summary PDF: same text-extraction and font checks as the inspection report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app.cli.main import main
from inspector_app.services.context import AppContext
from tests.helpers.pdf_text import (
    assert_sentences,
    normalized_text,
    pdffonts,
    raw_text,
    render_pngs,
)

PERIOD = ["--from", "1403-01-01", "--to", "1403-06-31"]


@pytest.fixture
def summary_pdf(fixed: AppContext, tmp_path: Path, overview_artifacts: Path) -> Path:
    out = tmp_path / "out" / "summary.pdf"
    code = main(["summary", "--data-dir", str(fixed.data_dir), *PERIOD, "-o", str(out)])
    assert code == 0
    render_pngs(out, overview_artifacts / "summary-fixed", dpi=80)
    return out


def test_summary_reads_back_in_order(summary_pdf: Path) -> None:
    assert_sentences(
        summary_pdf,
        [
            "استانداری بوشهر — دفتر امور اجتماعی",
            "گزارش خلاصهٔ استانی بازرسی دفاتر خدمات عمومی",
            "دوره: از ۱۴۰۳/۰۱/۰۱ تا ۱۴۰۳/۰۶/۳۱",
            "آمار این گزارش: بازرسی‌های نهایی‌شده و ارسال‌شده",
            "انطباق با ضوابط به تفکیک شهرستان",
            "انطباق به تفکیک نوع دفتر",
            "روند ماهانهٔ انطباق",
            "پرسش‌هایی که بیش از همه «خیر» پاسخ گرفته‌اند",
            "آیا تابلوی تعرفه نصب شده است؟",
            "رضایت مراجعان به تفکیک شهرستان",
            "پوشش دفاتر در شهرستان‌ها",
            "دفاتری که در ۹۰ روز گذشته بازرسی نشده‌اند",
        ],
    )


def test_summary_figures_are_the_hand_computed_ones(summary_pdf: Path) -> None:
    text = raw_text(summary_pdf)
    # Four counted inspections in the period; mean (100 + 75 + 25 + 50) / 4 = 62.5, Persian.
    assert "۶۲٫۵" in text
    # Bushehr: 3 inspections, mean (100 + 75 + 25) / 3 = 66.7; Farvardin: (100 + 50) / 2 = 75.
    assert "۶۶٫۷" in text
    assert "فروردین ۱۴۰۳" in normalized_text(summary_pdf)
    # Bushehr: 3 active offices per 298,594 people = 1.00 per 100,000.
    assert "۱٫۰۰" in text
    # Dates and figures use Persian digits: the only Latin digits are in office codes and the
    # (English) name of the population source.
    for line in text.splitlines():
        if any(c.isascii() and c.isdigit() for c in line):
            assert any(key in line for key in ("-P1", "-P2", "-K1", "1395", "2016", "1,163"))


def test_summary_fonts_are_embedded_vazirmatn(summary_pdf: Path) -> None:
    fonts = pdffonts(summary_pdf)
    assert fonts
    for font in fonts:
        assert "Vazirmatn" in font["name"], font
        assert font["emb"] == "yes" and font["uni"] == "yes", font


def test_summary_source_of_population_is_named(summary_pdf: Path) -> None:
    text = " ".join(normalized_text(summary_pdf).split())  # the name may wrap
    assert "Statistical Centre of Iran" in text
    assert "منبع آمار جمعیت" in text


def test_bad_input_is_one_clear_line(
    fixed: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    base = ["summary", "--data-dir", str(fixed.data_dir), "-o", str(out)]
    assert main([*base, "--from", "1403-13-01", "--to", "1403-06-31"]) == 1
    assert "تاریخ --from" in capsys.readouterr().err
    assert main([*base, "--from", "1403-06-01", "--to", "1403-01-31"]) == 1
    assert "پس از" in capsys.readouterr().err
    assert not out.exists()


def test_unwritable_output_is_reported(fixed: AppContext, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    done = subprocess.run(
        [sys.executable, "-m", "inspector_app.cli.main", "summary", "--data-dir",
         str(fixed.data_dir), *PERIOD, "-o", str(blocker / "s.pdf")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "نوشته نشد" in done.stderr


def test_overview_json(fixed: AppContext, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["overview", "--data-dir", str(fixed.data_dir), *PERIOD, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["inspections"] == 4
    assert data["mean_score"] == pytest.approx(62.5)
    assert [i["item_id"] for i in data["failed_items"]] == ["a", "b", "c"]
    assert data["coverage"]["active_total"] == 5


def test_population_commands(
    fixed: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newer = tmp_path / "pop.csv"
    newer.write_text("# Test source\ncounty_fa,population\nبوشهر,300000\n", encoding="utf-8")
    d = ["--data-dir", str(fixed.data_dir)]
    assert main(["population", "import", str(newer), *d]) == 0
    assert main(["population", "show", "--json", *d]) == 0
    shown = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert shown["counties"] == {"بوشهر": 300000}
    assert shown["source"] == "Test source"
    assert main(["population", "reset", *d]) == 0
    capsys.readouterr()
    assert main(["population", "show", "--json", *d]) == 0
    assert len(json.loads(capsys.readouterr().out)["counties"]) == 10
