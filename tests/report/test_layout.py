"""The report's layout on real pages: where blocks land, read back with poppler's boxes."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.services.report.render import render_report
from tests.helpers.pdf_text import TextLine, render_pngs, text_lines
from tests.helpers.report_sample import sample_report

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "report"


def rendered(tmp_path: Path, name: str, pdf: bytes, *, png: bool = False) -> list[TextLine]:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    if png:
        render_pngs(path, ARTIFACTS / name)
    return text_lines(path)


def is_word(line: TextLine, word: str) -> bool:
    """The line holds just `word` (poppler's boxes list right-to-left words in drawing order,
    or in logical order when the text layer says so: either is accepted)."""
    text = line.text.replace(" ", "")
    return text in (word, word[::-1])


def footer_top(lines: list[TextLine]) -> float:
    """The y of the highest footer line: «صفحه … از …» sits at the foot of each page."""
    return min(line.y_min for line in lines if "صفحه" in line.text or "هحفص" in line.text)


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
