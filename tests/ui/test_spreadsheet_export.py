"""Spreadsheet exports from the app, with the mouse and keys: the Inspections page writes the
rows its filters show (one per inspection, answer or finding), the Overview page its figures
one sheet each; the files open in openpyxl and Python's csv with Persian headers and Jalali
dates, each export is in the audit log, and a folder that cannot be written gets a Persian
message and leaves no file."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from inspector_app.domain.jalali import jalali_date
from inspector_app.services.demo import make_demo
from inspector_app.services.demo_signed import finalize_demo
from inspector_app.storage import inspections
from inspector_app.ui.qt import QApplication, QFileDialog, Qt
from tests.helpers.gui import (
    Gui,
    choose_in_combo,
    go_to_page,
    message_boxes,
    wait_for_background,
)

LEFT = Qt.MouseButton.LeftButton


def save_dialog_answers(monkeypatch: pytest.MonkeyPatch, path: Path, chosen: str) -> list[Any]:
    """The file dialog (the edge of the machine) answers `path` with filter `chosen`; what the
    app asked it is recorded."""
    asked: list[Any] = []

    def answer(*args: Any, **_kw: Any) -> tuple[str, str]:
        asked.append(args)
        return str(path), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return asked


def exports_in_audit(gui: Gui) -> list[dict[str, Any]]:
    assert gui.window is not None
    db = gui.window.env.context.db
    rows = db.execute("SELECT detail FROM audit_log WHERE action = 'export_sheet' ORDER BY seq")
    return [json.loads(r[0]) for r in rows]


@pytest.fixture
def demo_gui(gui: Gui) -> Gui:
    assert gui.window is not None
    ids = make_demo(gui.window.env.context)
    assert len(finalize_demo(gui.window.env.context, ids[:2])) == 2  # two drafts stay
    gui.window.env.events.inspection_changed.emit(ids[0])
    return gui


def test_inspections_page_exports_its_answers_as_csv(
    qtbot: Any, demo_gui: Gui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = go_to_page(qtbot, demo_gui, "inspections")
    db = demo_gui.window.env.context.db  # type: ignore[union-attr]
    shown = {r["id"] for r in inspections.list_inspections(db)}
    assert page.table.model.rowCount() == len(shown) == 4  # drafts too, as the list shows
    choose_in_combo(qtbot, page.export_kind, 1)  # one row per answer
    # Typed without an extension, with the CSV filter chosen: the file gets .csv.
    asked = save_dialog_answers(monkeypatch, tmp_path / "answers", "CSV (*.csv)")
    qtbot.mouseClick(page.export_button, LEFT)
    wait_for_background(qtbot)
    target = tmp_path / "answers.csv"
    qtbot.waitUntil(target.exists, timeout=30_000)
    assert asked and str(asked[0][2]).endswith(".xlsx")  # XLSX is offered first
    qtbot.waitUntil(lambda: "answers.csv" in page.count_label.text(), timeout=10_000)
    assert not message_boxes()

    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:5] == ["شناسهٔ بازرسی", "تاریخ بازدید", "کد دفتر", "بازرس", "شناسهٔ پرسش"]
    assert {r[0] for r in rows[1:]} == shown
    stored = sum(
        db.execute("SELECT count(*) FROM answers WHERE inspection_id = ?", [i]).fetchone()[0]
        for i in shown
    )
    assert len(rows) - 1 == stored
    visit = inspections.get(db, rows[1][0])["visit_date"]
    assert rows[1][1] == jalali_date(visit, persian=False)  # Jalali, sortable digits
    assert exports_in_audit(demo_gui)[-1] | {"path": ""} == {
        "format": "csv",
        "kind": "answers",
        "inspections": 4,
        "path": "",
        "include_drafts": True,
    }


def test_inspections_page_exports_what_its_filters_show_as_xlsx(
    qtbot: Any, demo_gui: Gui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = go_to_page(qtbot, demo_gui, "inspections")
    finalized = page.status_filter.findData("finalized")
    choose_in_combo(qtbot, page.status_filter, finalized)
    qtbot.waitUntil(lambda: page.table.model.rowCount() == 2)
    listed = {r["id"] for r in page.table.model.rows()}
    target = tmp_path / "list.xlsx"
    save_dialog_answers(monkeypatch, target, "Excel (*.xlsx)")
    qtbot.mouseClick(page.export_button, LEFT)
    wait_for_background(qtbot)
    qtbot.waitUntil(target.exists, timeout=30_000)

    book = openpyxl.load_workbook(target, read_only=True)
    assert book.sheetnames == ["بازرسی‌ها"]
    sheet = book["بازرسی‌ها"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "شناسه" and rows[0][-2:] == ("وضعیت", "زمان نهایی‌شدن")
    assert {r[0] for r in rows[1:]} == listed
    assert {r[-2] for r in rows[1:]} == {"نهایی"}
    book.close()
    assert exports_in_audit(demo_gui)[-1]["status"] == "finalized"


def test_overview_exports_its_figures_one_sheet_each(
    qtbot: Any, demo_gui: Gui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = go_to_page(qtbot, demo_gui, "overview")
    target = tmp_path / "figures.xlsx"
    save_dialog_answers(monkeypatch, target, "Excel (*.xlsx)")
    qtbot.mouseClick(page.filters.sheets_button, LEFT)
    wait_for_background(qtbot)
    qtbot.waitUntil(target.exists, timeout=30_000)
    qtbot.waitUntil(lambda: "figures.xlsx" in page.status_label.text(), timeout=10_000)

    book = openpyxl.load_workbook(target)
    assert book.sheetnames == [
        "خلاصه",
        "به تفکیک شهرستان",
        "به تفکیک نوع دفتر",
        "به تفکیک ماه",
        "موارد پرتکرار ناموفق",
        "دفترهای عقب‌افتاده",
    ]
    assert all(ws.sheet_view.rightToLeft for ws in book.worksheets)
    summary = {r[0]: r[1] for r in book["خلاصه"].iter_rows(min_row=2, values_only=True)}
    assert summary["تعداد بازرسی"] == 2  # the finished ones, as the Overview counts
    months = [r[0] for r in book["به تفکیک ماه"].iter_rows(min_row=2, values_only=True)]
    assert months and all(m.split()[-1].isascii() for m in months)  # digits as the dates'
    assert exports_in_audit(demo_gui)[-1]["kind"] == "overview"


def test_a_folder_that_cannot_be_written_gets_a_message_and_no_file(
    qtbot: Any, demo_gui: Gui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = go_to_page(qtbot, demo_gui, "inspections")
    target = tmp_path / "gone" / "list.xlsx"
    save_dialog_answers(monkeypatch, target, "Excel (*.xlsx)")
    before = len(exports_in_audit(demo_gui))
    qtbot.mouseClick(page.export_button, LEFT)
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=30_000)
    [box] = set(message_boxes())  # a box may be listed as a window and as a child
    assert "پرونده نوشته نشد" in box.text() + box.informativeText()
    box.accept()
    QApplication.processEvents()
    assert not target.parent.exists()
    assert len(exports_in_audit(demo_gui)) == before
