"""Fixtures for the report tests: build PDFs from flowables and keep PNGs of them to look at."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, SimpleDocTemplate

from inspector_app.pdf.rtl_flowable import make_canvas
from tests.helpers.paths import ROOT
from tests.helpers.pdf_text import render_pngs

ARTIFACTS = ROOT / "artifacts" / "report"


@pytest.fixture
def build_pdf(tmp_path: Path) -> Callable[..., Path]:
    """Lay out flowables on A4 pages; PNGs of the pages go to artifacts/report/<name>-N.png."""

    def build(name: str, flowables: list[Flowable], *, png: bool = True) -> Path:
        path = tmp_path / f"{name}.pdf"
        doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title=name)
        doc.build(flowables, canvasmaker=make_canvas)
        if png:
            render_pngs(path, ARTIFACTS / name)
        return path

    return build
