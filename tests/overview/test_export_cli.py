"""`inspector-app export`: the laptop's inspections, answers, findings and overview figures as
XLSX and CSV from the command line, with the same sheets as the app and the console; its
filters (Jalali dates, county, type, status, drafts); bad input named with no traceback and
no file written."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest

from inspector_app import paths
from inspector_app.services.context import open_context
from inspector_app.services.demo import make_demo
from inspector_app.services.demo_signed import finalize_demo
from inspector_app.storage import inspections
from tests.helpers.cli import run_cli


@pytest.fixture
def demo_dir(data_dir: Path) -> Path:
    ctx = open_context(paths.data_dir(str(data_dir)))
    try:
        ids = make_demo(ctx)
        assert len(finalize_demo(ctx, ids[:2])) == 2
    finally:
        ctx.db.close()
    return data_dir


def export(demo_dir: Path, *args: str, ok: bool = True) -> str:
    ran = run_cli("export", "--data-dir", str(demo_dir), *args, ok=ok)
    assert "Traceback" not in ran.stderr
    return ran.stderr if not ok else ran.stdout


def listed(demo_dir: Path, **filters: str) -> list[dict[str, object]]:
    ctx = open_context(paths.data_dir(str(demo_dir)))
    try:
        return inspections.list_inspections(ctx.db, **filters)  # type: ignore[arg-type]
    finally:
        ctx.db.close()


def test_each_kind_as_xlsx_has_its_sheets(demo_dir: Path, tmp_path: Path) -> None:
    finished = {r["id"] for r in listed(demo_dir) if r["status"] != "draft"}
    for kind, sheets in (
        ("inspections", ["بازرسی‌ها"]),
        ("answers", ["پاسخ‌ها"]),
        ("findings", ["یافته‌ها"]),
    ):
        out = tmp_path / f"{kind}.xlsx"
        assert export(demo_dir, kind, "-o", str(out)) == f"{out}: {kind}, 2 inspections\n"
        book = openpyxl.load_workbook(out, read_only=True)
        assert book.sheetnames == sheets
        rows = list(book[sheets[0]].iter_rows(values_only=True))
        assert rows[1:] and {r[0] for r in rows[1:]} == finished  # finished ones by default
        book.close()
    out = tmp_path / "overview.xlsx"
    export(demo_dir, "overview", "-o", str(out))
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "خلاصه" and len(book.sheetnames) == 6
    figures = {r[0]: r[1] for r in book["خلاصه"].iter_rows(min_row=2, values_only=True)}
    assert figures["تعداد بازرسی"] == 2


def test_filters_select_the_rows(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "drafts.csv"
    export(demo_dir, "inspections", "-o", str(out), "--status", "draft")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    drafts = {r["id"] for r in listed(demo_dir, status="draft")}
    assert {r[0] for r in rows[1:]} == drafts and len(drafts) == 2
    assert {r[-2] for r in rows[1:]} == {"پیش‌نویس"}

    everything = tmp_path / "all.csv"
    export(demo_dir, "inspections", "-o", str(everything), "--include-drafts")
    with everything.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == 1 + 4

    # A county with no inspection: the headers only. A period before them: the same.
    out = tmp_path / "none.csv"
    export(demo_dir, "findings", "-o", str(out), "--to", "1390-01-01")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == 1

    ctx = open_context(paths.data_dir(str(demo_dir)))
    try:
        details = [
            json.loads(r[0])
            for r in ctx.db.execute("SELECT detail FROM audit_log WHERE action = 'export_sheet'")
        ]
    finally:
        ctx.db.close()
    assert [d["kind"] for d in details] == ["inspections", "inspections", "findings"]
    assert details[-1]["to"] == "2011-03-21"


def test_bad_input_is_named_and_writes_nothing(demo_dir: Path, tmp_path: Path) -> None:
    before = sorted(tmp_path.iterdir())
    error = export(demo_dir, "answers", "-o", str(tmp_path / "a.txt"), ok=False)
    assert "a.txt" in error and ".xlsx" in error
    error = export(
        demo_dir, "answers", "-o", str(tmp_path / "a.csv"), "--from", "1403-13-01", ok=False
    )
    assert "--from" in error
    error = export(demo_dir, "answers", "-o", str(tmp_path / "no" / "a.csv"), ok=False)
    assert "پرونده نوشته نشد" in error and str(tmp_path / "no" / "a.csv") in error
    error = export(
        demo_dir, "overview", "-o", str(tmp_path / "o.csv"), "--status", "draft", ok=False
    )
    assert "--status" in error
    assert sorted(tmp_path.iterdir()) == before
