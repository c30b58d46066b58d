"""Correct in the details, in Persian: every number on the Offices and Sync pages in Persian
digits, typo search through the search box, a «nothing found» line where the rows would be,
a Persian title on the progress dialog, and a date popup that shows all of its days."""

from __future__ import annotations

import re
import threading
from typing import Any

import pytest

from inspector_app.services.demo import make_demo
from inspector_app.services.demo_signed import finalize_demo
from inspector_app.storage import inspections, offices
from inspector_app.ui import i18n
from inspector_app.ui.background import run_in_background
from inspector_app.ui.jalali_widgets import JalaliDateEdit
from inspector_app.ui.qt import (
    QApplication,
    QPoint,
    QProgressDialog,
    QRect,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from tests.helpers.gui import Gui, message_boxes, type_text, wait_for_background

LATIN_DIGIT = re.compile("[0-9]")
PERSIAN_DIGIT = re.compile("[۰-۹]")
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")


def click_row(qtbot: Any, table: QTableView, row: int) -> None:
    index = table.model().index(row, 0)
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )


def clear_search(qtbot: Any, page: Any) -> None:
    qtbot.keyClick(page.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.search, Qt.Key.Key_Delete)


def test_office_detail_numbers_in_persian_digits(qtbot: Any, gui: Gui) -> None:
    window = gui.window
    assert window is not None
    ids = make_demo(window.env.context, count=3)
    window.env.events.inspection_changed.emit(ids[0])
    window.show_page("offices")
    page = window.pages["offices"]
    visited = next(
        r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 5).data() not in ("—", "")
    )
    click_row(qtbot, page.table, visited)
    code = page.current_code()
    row = offices.get(window.env.context.db, code)
    assert row is not None and row["phone"] and row["licence_no"] and row["lat"] is not None
    shown = {key: label.text() for key, label in page.detail._fields.items()}
    for key in ("code", "phone", "licence_no", "location", "last_visit"):
        assert shown[key], key
        assert not LATIN_DIGIT.search(shown[key]), (key, shown[key])
        assert PERSIAN_DIGIT.search(shown[key]), (key, shown[key])
    assert "۲۸٫" in shown["location"] or "۲۹٫" in shown["location"] or "۲۷٫" in shown["location"]
    assert shown["last_visit"].startswith("۱۴") and "٪" in shown["last_visit"]
    # The title and every cell of the table too.
    assert not LATIN_DIGIT.search(page.detail.title())
    for r in range(page.proxy.rowCount()):
        for c in range(page.proxy.columnCount()):
            assert not LATIN_DIGIT.search(page.proxy.index(r, c).data() or ""), (r, c)


def test_typo_search_through_the_search_box(qtbot: Any, gui: Gui) -> None:
    window = gui.window
    assert window is not None
    page = window.pages["offices"]
    rows = offices.list_offices(window.env.context.db)
    for typed, county in (("کنگن", "کنگان"), ("بوشحر", "بوشهر")):
        type_text(page.search, typed)
        shown = [page.proxy.index(r, 2).data() for r in range(page.proxy.rowCount())]
        assert shown and set(shown) == {county}, typed
        assert len(shown) == sum(r["county"] == county for r in rows)
        assert not page.empty_label.isVisible()
        clear_search(qtbot, page)
        assert page.proxy.rowCount() == len(rows)


def test_a_search_with_no_result_says_so_in_the_table(qtbot: Any, gui: Gui) -> None:
    window = gui.window
    assert window is not None
    page = window.pages["offices"]
    type_text(page.search, "ژژژژژ")
    assert page.proxy.rowCount() == 0
    assert page.empty_label.isVisible()
    assert page.empty_label.text() == "دفتری با این جستجو یافت نشد"
    viewport = page.table.viewport()
    assert viewport.rect().contains(page.empty_label.geometry())
    assert page.count_label.text() == "۰ از ۶۵ دفتر"
    clear_search(qtbot, page)
    assert not page.empty_label.isVisible()
    assert page.proxy.rowCount() == 65


def test_progress_dialog_title_is_persian(qtbot: Any, gui: Gui) -> None:
    window = gui.window
    assert window is not None
    release = threading.Event()
    finished: list[object] = []
    run_in_background(
        window,
        lambda: release.wait(20),
        on_success=finished.append,
        label="در حال آزمودن…",
    )

    def dialog() -> QProgressDialog | None:
        found = window.findChildren(QProgressDialog, "backgroundProgress")
        return next((d for d in found if d.isVisible()), None)

    qtbot.waitUntil(lambda: dialog() is not None, timeout=5_000)
    shown = dialog()
    assert shown is not None
    assert shown.windowTitle() == "لطفاً صبر کنید"
    assert shown.labelText() == "در حال آزمودن…"
    release.set()
    wait_for_background(qtbot)
    qtbot.waitUntil(lambda: finished == [True])


def test_sync_page_numbers_in_persian_digits(qtbot: Any, gui: Gui) -> None:
    window = gui.window
    assert window is not None
    context = window.env.context
    finalize_demo(context, make_demo(context, count=3)[:2])  # finalized: queued for the server
    window.show_page("sync")
    page = window.pages["sync"]
    assert page.proxy.rowCount() >= 2
    assert "۲" in page.counts_label.text()
    texts = [page.counts_label.text(), page.last_sync_label.text(), page.progress.text()]
    texts += [
        page.proxy.index(r, c).data() or ""
        for r in range(page.proxy.rowCount())
        for c in range(page.proxy.columnCount())
    ]
    for text in texts:
        assert not LATIN_DIGIT.search(text), text
    assert PERSIAN_DIGIT.search(page.proxy.index(0, 1).data())  # the visit date


@pytest.mark.parametrize("language", ["fa", "en"])
def test_date_popup_shows_every_day(qtbot: Any, gui: Gui, language: str) -> None:
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    i18n.apply_language(qapp, language)
    host = QWidget()
    try:
        layout = QVBoxLayout(host)
        edit = JalaliDateEdit()
        layout.addWidget(edit)
        host.resize(320, 80)
        host.show()
        qtbot.waitExposed(host)
        # The drop-down arrow sits at the line's end: left in Persian, right in English.
        x = 8 if language == "fa" else edit.width() - 8
        qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(x, edit.height() // 2))
        calendar = edit.calendarWidget()
        popup = calendar.window()
        qtbot.waitUntil(popup.isVisible, timeout=5_000)
        QApplication.processEvents()
        screen = popup.screen().availableGeometry()
        assert screen.contains(popup.frameGeometry())
        view = calendar.findChild(QTableView)
        assert view is not None
        model = view.model()
        popup_rect = popup.geometry()
        for r in range(model.rowCount()):
            for c in range(model.columnCount()):
                cell = view.visualRect(model.index(r, c))
                assert view.viewport().rect().contains(cell), (r, c, cell)
                on_screen = QRect(view.viewport().mapToGlobal(cell.topLeft()), cell.size())
                assert popup_rect.contains(on_screen), (r, c, on_screen, popup_rect)
        assert model.rowCount() == 7 and model.columnCount() == 7  # day names and six weeks
        qtbot.keyClick(calendar, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not popup.isVisible())
    finally:
        host.close()
        i18n.apply_language(qapp, "fa")


def test_editor_title_in_persian_digits(gui: Gui) -> None:
    window = gui.window
    assert window is not None
    context = window.env.context
    ids = make_demo(context, count=4)
    names = {
        i: offices.get(context.db, inspections.get(context.db, i)["office_code"])["name"]
        for i in ids
    }
    latin = [i for i in ids if LATIN_DIGIT.search(names[i])]
    assert latin, "the demo registry has names written with Latin digits"
    window.open_inspection(latin[0])
    editor = window.editor
    assert editor is not None
    title = editor.header.title()
    assert PERSIAN_DIGIT.search(title) and not LATIN_DIGIT.search(title), title


def test_summary_without_a_date_range_is_a_warning_not_a_bug(qtbot: Any, gui: Gui) -> None:
    window = gui.window
    assert window is not None
    page = window.pages["overview"]
    with qtbot.waitSignal(page.loaded, timeout=30_000):
        window.show_page("overview")
    assert not page.filters.from_check.isChecked()
    qtbot.mouseClick(page.filters.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(message_boxes("messageBox")), timeout=5_000)
    box = message_boxes("messageBox")[0]
    assert box.windowTitle() == "توجه"
    assert box.text() == "برای گزارش خلاصه، بازهٔ تاریخ (از و تا) را برگزینید."
    box.accept()
