"""Offices and inspections pages: right-to-left layout, Persian digits, models, filters,
deleting drafts only, finalized inspections read-only, window geometry remembered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspector_app.domain.persian import to_persian_digits
from inspector_app.services import workflow
from inspector_app.storage import contents, inspections, offices
from inspector_app.ui.events import DataEvents
from inspector_app.ui.inspections_table import InspectionsModel
from inspector_app.ui.offices_page import OfficesModel, OfficesProxy
from inspector_app.ui.qt import QLabel, QPushButton, Qt, QWidget
from inspector_app.ui.table_models import KEY_ROLE, ROW_ROLE, RowsProxy
from tests.helpers.gui import Gui, message_boxes, type_text


def click_row(qtbot: Any, view: Any, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_offices_table_is_right_to_left_with_persian_row_numbers(gui: Gui) -> None:
    window = gui.window
    assert window is not None
    page = window.pages["offices"]
    table = page.table
    first = table.visualRect(page.proxy.index(0, 0))
    second = table.visualRect(page.proxy.index(0, 1))
    assert first.x() > second.x(), "column 0 must sit right of column 1"
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # The navigation list is first in the layout, so on the right of the pages.
    nav = window.nav.mapTo(window, window.nav.rect().topLeft())
    stack = window.stack.mapTo(window, window.stack.rect().topLeft())
    assert nav.x() > stack.x()
    assert page.proxy.headerData(0, Qt.Orientation.Vertical) == "۱"
    assert page.proxy.headerData(11, Qt.Orientation.Vertical) == "۱۲"
    assert "۶۵" in page.count_label.text()


def test_labels_sit_right_of_their_fields(gui: Gui) -> None:
    window = gui.window
    assert window is not None
    window.show_page("settings")
    page = window.pages["settings"]
    for field in (page.name_edit, page.personnel_edit):
        label = next(
            w
            for w in page.findChildren(QLabel)
            if w.isVisible()
            and abs(
                w.mapTo(page, w.rect().center()).y() - field.mapTo(page, field.rect().center()).y()
            )
            < 8
        )
        assert (
            label.mapTo(page, label.rect().topLeft()).x()
            > field.mapTo(page, field.rect().topLeft()).x()
        )


def test_search_filters_and_detail(qtbot: Any, gui: Gui) -> None:
    window = gui.window
    assert window is not None
    page = window.pages["offices"]
    type_text(page.search, "بوشهر")
    everyone = page.proxy.rowCount()
    assert everyone > 0
    page.type_filter.setCurrentIndex(page.type_filter.findData("police10"))
    rows = [page.proxy.index(r, 0).data(ROW_ROLE) for r in range(page.proxy.rowCount())]
    assert rows and all(r["type"] == "police10" for r in rows)
    assert page.proxy.rowCount() < everyone
    page.search.clear()
    page.type_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData("pending"))
    rows = [page.proxy.index(r, 0).data(ROW_ROLE) for r in range(page.proxy.rowCount())]
    assert rows and all(r["status"] == "pending" for r in rows)
    page.status_filter.setCurrentIndex(0)
    county = page.county_filter.itemData(2)
    page.county_filter.setCurrentIndex(2)
    rows = [page.proxy.index(r, 0).data(ROW_ROLE) for r in range(page.proxy.rowCount())]
    assert rows and all(r["county"] == county for r in rows)
    click_row(qtbot, page.table, 0)
    assert page.detail.title() == to_persian_digits(rows[0]["name"])  # numbers as Persian reads
    shown_code = page.detail._fields["code"].text().strip("\u2066\u2069")
    assert shown_code == to_persian_digits(rows[0]["code"])


def test_models_pass_qtmodeltester(qtmodeltester: Any, context: Any) -> None:
    office_rows = offices.list_offices(context.db)
    model = OfficesModel()
    model.set_rows(office_rows)
    qtmodeltester.check(model)
    proxy = OfficesProxy()
    proxy.setSourceModel(model)
    proxy.set_filter("type", "pishkhan")
    qtmodeltester.check(proxy)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    for code in [r["code"] for r in office_rows[:3]]:
        workflow.start_inspection(context, code)
    inspection_model = InspectionsModel()
    inspection_model.set_rows(inspections.list_inspections(context.db))
    qtmodeltester.check(inspection_model)
    sorted_proxy = RowsProxy()
    sorted_proxy.setSourceModel(inspection_model)
    sorted_proxy.sort(0)
    qtmodeltester.check(sorted_proxy)
    names = [sorted_proxy.index(r, 0).data() for r in range(sorted_proxy.rowCount())]
    assert names == sorted(names)


def _finalize_by_sql(db: Any, inspection_id: str) -> None:
    """Stand-in for the finalize flow (another feature): the status change alone."""
    db.execute(
        "UPDATE inspections SET status = 'finalized', finalized_at = '2026-01-01T00:00:00Z' "
        "WHERE id = ?",
        [inspection_id],
    )
    db.conn.commit()


def test_inspections_page_filters_delete_and_read_only(qtbot: Any, gui: Gui) -> None:
    window = gui.window
    assert window is not None
    context = window.env.context
    police = [r["code"] for r in offices.list_offices(context.db, office_type="police10")]
    pishkhan = [r["code"] for r in offices.list_offices(context.db, office_type="pishkhan")]
    draft = workflow.start_inspection(context, pishkhan[0])
    final = workflow.start_inspection(context, pishkhan[1])
    old = workflow.start_inspection(context, police[0])
    inspections.update_header(context.db, old, visit_date="2024-03-20")  # 1403/01/01
    _finalize_by_sql(context.db, final)
    window.env.events.inspection_changed.emit(final)
    window.show_page("inspections")
    page = window.pages["inspections"]
    assert page.table.model.rowCount() == 3
    page.status_filter.setCurrentIndex(page.status_filter.findData("finalized"))
    assert [page.table.model.row_at(0)["id"]] == [final] and page.table.model.rowCount() == 1
    page.status_filter.setCurrentIndex(0)
    page.type_filter.setCurrentIndex(page.type_filter.findData("pishkhan"))
    assert {r["id"] for r in page.table.model.rows()} == {draft, final}
    page.type_filter.setCurrentIndex(0)
    page.to_date.set_value(dt.date(2024, 12, 31))
    page.to_check.setChecked(True)
    assert [r["id"] for r in page.table.model.rows()] == [old]
    assert page.table.proxy.index(0, 3).data() == "۱۴۰۳/۰۱/۰۱"
    page.to_check.setChecked(False)

    # A finalized inspection cannot be deleted; it opens read-only.
    page.table.select_key(final)
    assert not page.delete_button.isEnabled()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    editor = window.editor
    assert editor is not None and editor.read_only
    banner = editor.findChild(QLabel, "readOnlyBanner")
    assert banner is not None and not banner.isHidden() and "نهایی" in banner.text()
    yes = editor.items[("licence_posted", 0)]._buttons["yes"]
    assert not yes.isEnabled()
    editor.answer_current("yes")
    assert contents.answers_of(context.db, final) == {}
    window.show_page("inspections")
    assert window.editor is None

    # Deleting a draft asks first; "cancel" keeps it, "delete" removes it.
    page.table.select_key(draft)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    box = message_boxes("confirmBox")[0]
    qtbot.mouseClick(box.findChild(QPushButton, "confirmNo"), Qt.MouseButton.LeftButton)
    assert draft in {r["id"] for r in page.table.model.rows()}
    page.table.select_key(draft)
    with qtbot.waitSignal(window.env.events.inspection_changed):
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
        box = message_boxes("confirmBox")[0]
        qtbot.mouseClick(box.findChild(QPushButton, "confirmYes"), Qt.MouseButton.LeftButton)
    assert draft not in {r["id"] for r in page.table.model.rows()}
    assert {r["id"] for r in inspections.list_inspections(context.db)} == {final, old}


def test_storage_changes_reach_pages_through_signals(qtbot: Any, gui: Gui) -> None:
    window = gui.window
    assert window is not None
    events: DataEvents = window.env.events
    page = window.pages["offices"]
    code = page.model.row_at(0)["code"]
    page.select_code(code)
    with qtbot.waitSignal(events.inspection_changed, timeout=2000):
        qtbot.mouseClick(page.detail.start_button, Qt.MouseButton.LeftButton)
    window.show_page("offices")
    assert page.model.row_at(page.model.row_of_key(code))["last_visit"] is not None
    assert page.detail.history.model.rowCount() == 1


def test_window_geometry_is_remembered(gui_factory: Callable[[Path], Gui], data_dir: Path) -> None:
    first = gui_factory(data_dir)
    window = first.start()
    # The offscreen screen is 800 px wide: stay within it so the restore is not clamped.
    window.showNormal()  # a small screen starts it maximized: the user restores it first
    width = max(window.minimumSizeHint().width(), 640)  # pages scroll: the hint is narrow
    window.resize(width, 640)
    first.stop()
    second = gui_factory(data_dir)
    window = second.start()
    assert (window.width(), window.height()) == (width, 640)


def test_pages_are_added_through_the_list(gui: Gui) -> None:
    window = gui.window
    assert window is not None
    keys = [spec.key for spec in window.specs]
    assert keys[:3] == ["offices", "visits", "inspections"] and "settings" in keys
    assert all(isinstance(window.pages[s.key], QWidget) for s in window.specs)
    assert window.nav.item(0).text() == "دفترها"
    assert KEY_ROLE != ROW_ROLE
