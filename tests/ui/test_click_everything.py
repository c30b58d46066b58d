"""Every control of the checklist, clicked with the mouse, in every section of each shipped form.

What a new inspector does on the first day: open an office, start an inspection, and click
every dropdown, answer button, check box, number and text field, photo and interview button,
the header's date and times, and the findings page. The app must stay alive (a dropdown click
once crashed it in QComboBox::showPopup) and every answer must be in the database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from inspector_app.storage import contents, inspections
from inspector_app.ui.editor.editor import InspectionEditor
from inspector_app.ui.editor.items import ItemWidget
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.qt import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QLineEdit,
    QPoint,
    QPushButton,
    Qt,
    QTableView,
    QWidget,
)
from inspector_app.ui.table_models import ROW_ROLE
from tests.helpers.gui import Gui, make_jpeg, type_text, wait_for_background

LEFT = Qt.MouseButton.LeftButton
# Buttons that leave the editor, delete what was just entered or open the photo marks dialog:
# each is clicked by its own tests.
NOT_SWEPT = {
    "backButton",
    "removeInterview",
    "removePhoto",
    "markPhoto",
    "removeFinding",
    "finalizeButton",
}


def start_inspection(qtbot: Any, window: MainWindow, office_type: str) -> InspectionEditor:
    page = window.pages["offices"]
    rows = [page.proxy.index(r, 0).data(ROW_ROLE) for r in range(page.proxy.rowCount())]
    position = next(i for i, r in enumerate(rows) if r["type"] == office_type)
    index = page.proxy.index(position, 0)
    page.table.scrollTo(index)
    qtbot.mouseClick(page.table.viewport(), LEFT, pos=page.table.visualRect(index).center())
    qtbot.mouseClick(page.detail.start_button, LEFT)
    editor = window.editor
    assert editor is not None and office_type in editor.form.office_types
    return editor


def click(qtbot: Any, editor: InspectionEditor, widget: QWidget, pos: QPoint | None = None) -> None:
    """Scroll the widget into view as a user would, then click it."""
    page = editor.nav.currentRow()
    if page < len(editor.scrolls) and editor.scrolls[page].isAncestorOf(widget):
        editor.scrolls[page].ensureWidgetVisible(widget, 10, 10)
    qtbot.mouseClick(widget, LEFT, pos=pos or widget.rect().center())
    assert editor.window().isVisible()


def on_box(check: QCheckBox) -> QPoint:
    """A point on the box itself (a stretched check box toggles only on its box and text)."""
    x = check.width() - 10 if check.isRightToLeft() else 10
    return QPoint(x, check.height() // 2)


def choose_in_popup(qtbot: Any, editor: InspectionEditor, combo: QComboBox, row: int) -> None:
    click(qtbot, editor, combo)
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=5_000)
    # A release sooner than a double-click after the popup opened is taken as the end of the
    # opening press (press, drag, release) and ignored: wait as a person's hand does.
    qtbot.wait(QApplication.doubleClickInterval() + 50)
    rect = view.visualRect(combo.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=5_000)


def pick_a_day(qtbot: Any, editor: InspectionEditor, edit: QDateEdit) -> None:
    """Open the Jalali calendar popup with the arrow and click a day cell."""
    arrow_x = 8 if edit.isRightToLeft() else edit.width() - 8
    click(qtbot, editor, edit, QPoint(arrow_x, edit.height() // 2))
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible, timeout=5_000)
    table = calendar.findChild(QTableView)
    assert table is not None
    rect = table.visualRect(table.model().index(3, 3))
    qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())
    qtbot.waitUntil(lambda: not calendar.isVisible(), timeout=5_000)


def answer_by_mouse(qtbot: Any, editor: InspectionEditor, widget: ItemWidget, turn: int) -> Any:
    """Answer one item with its own control; returns the value that must now be stored."""
    item = widget.item
    buttons = [b for b in widget.findChildren(QPushButton) if b.property("answer")]
    if buttons:
        button = buttons[turn % len(buttons)]
        click(qtbot, editor, button)
        value = button.objectName().removeprefix("answer_")
        return int(value) if item.type == "scale" else value
    combo = widget.findChild(QComboBox, "choiceAnswer")
    if combo is not None:
        row = 1 + turn % (combo.count() - 1)
        choose_in_popup(qtbot, editor, combo, row)
        return combo.itemData(row)
    checks = [c for c in widget.findChildren(QCheckBox) if c.objectName().startswith("option_")]
    if checks:
        click(qtbot, editor, checks[0], on_box(checks[0]))
        return [checks[0].objectName().removeprefix("option_")]
    number = widget.findChild(QLineEdit, "numberAnswer")
    if number is not None:
        value = int(item.min or 0) + 1 if item.max is None else int(item.max)
        click(qtbot, editor, number)
        qtbot.keyClicks(number, str(value))
        qtbot.keyClick(number, Qt.Key.Key_Return)
        return value
    text = widget.findChild(QWidget, "textAnswer")
    if text is not None:
        click(qtbot, editor, text)
        type_text(text, "پاسخ نوشته‌شده")
        return "پاسخ نوشته‌شده"
    if widget.photos is not None:
        before = widget.photos.count()
        click(qtbot, editor, widget.photos.add_button)
        qtbot.waitUntil(lambda: widget.photos is not None and widget.photos.count() > before)
        return None
    raise AssertionError(f"no control for item type {item.type}")


def stored_value(editor: InspectionEditor, widget: ItemWidget) -> Any:
    db, key = editor.session.db, (widget.item.id, widget.repeat)
    if widget.item.type == "photo":
        return [p for p in contents.photos_of(db, editor.inspection_id) if p["item_id"] == key[0]]
    return contents.answers_of(db, editor.inspection_id).get(key)


def answer_page(qtbot: Any, editor: InspectionEditor, widgets: list[ItemWidget]) -> None:
    """Answer every item shown, again for items an answer brought into view."""
    done: dict[tuple[str, int], Any] = {}
    for _round in range(5):
        shown = [w for w in widgets if w.isVisible() and (w.item.id, w.repeat) not in done]
        if not shown:
            break
        for turn, widget in enumerate(shown):
            done[(widget.item.id, widget.repeat)] = answer_by_mouse(qtbot, editor, widget, turn)
    assert done, "a page with no item to answer"
    wait_for_background(qtbot)
    by_key = {(w.item.id, w.repeat): w for w in widgets}
    for key, expected in done.items():
        widget = by_key[key]
        if expected is None:  # a photo item
            qtbot.waitUntil(lambda w=widget: bool(stored_value(editor, w)), timeout=10_000)
        else:

            def stored(w: ItemWidget = widget, e: Any = expected) -> None:
                assert stored_value(editor, w) == e, (w.item.id, w.item.type)

            qtbot.waitUntil(stored, timeout=10_000)


def sweep(qtbot: Any, editor: InspectionEditor, root: QWidget) -> int:
    """Click every other visible, enabled control once; close what it opens. The count."""
    touched = 0
    kinds = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit)
    for control in root.findChildren(QWidget):
        if not isinstance(control, kinds) or control.objectName() in NOT_SWEPT:
            continue
        if not (control.isVisible() and control.isEnabled()):
            continue
        click(qtbot, editor, control, on_box(control) if isinstance(control, QCheckBox) else None)
        touched += 1
        for popup in (QApplication.activePopupWidget(), QApplication.activeModalWidget()):
            if popup is not None and popup.isVisible():
                qtbot.keyClick(popup, Qt.Key.Key_Escape)
        for dialog in QApplication.topLevelWidgets():
            if isinstance(dialog, QDialog) and dialog.isVisible():
                dialog.reject()
    return touched


@pytest.mark.slow
@pytest.mark.parametrize("office_type", ["pishkhan", "police10", "brokerage"])
def test_every_control_by_mouse(
    qtbot: Any,
    gui: Gui,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    office_type: str,
) -> None:
    assert gui.window is not None
    editor = start_inspection(qtbot, gui.window, office_type)
    photo = make_jpeg(tmp_path / "pics" / "evidence.jpg", (800, 600))
    # The one edge mocked: the platform file dialog (the real-display job uses the real one).
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(photo)], ""))
    )

    # --- header: the Jalali date popup, the times, the text fields -------------------------
    header = editor.header
    before = inspections.get(editor.session.db, editor.inspection_id)["visit_date"]
    pick_a_day(qtbot, editor, header.date_edit)
    qtbot.waitUntil(
        lambda: inspections.get(editor.session.db, editor.inspection_id)["visit_date"] != before
    )
    click(qtbot, editor, header.rep_name)
    type_text(header.rep_name, "زهرا کریمی")
    click(qtbot, editor, header.departure_set, on_box(header.departure_set))
    assert header.departure.isEnabled()

    # --- every section, every item, by mouse ----------------------------------------------
    for row, widgets in enumerate(editor.section_items):
        rect = editor.nav.visualItemRect(editor.nav.item(row))
        qtbot.mouseClick(editor.nav.viewport(), LEFT, pos=rect.center())
        assert editor.stack.currentIndex() == row
        answer_page(qtbot, editor, widgets)
        first = next(w for w in widgets if w.isVisible())
        click(qtbot, editor, first.note)
        type_text(first.note, "یادداشت بازرس")
        assert sweep(qtbot, editor, editor.stack.currentWidget()) > 0

    # --- interviews: the add button, then each interview item by mouse ---------------------
    if editor.interviews is not None:
        row = len(editor.section_items)
        rect = editor.nav.visualItemRect(editor.nav.item(row))
        qtbot.mouseClick(editor.nav.viewport(), LEFT, pos=rect.center())
        qtbot.mouseClick(editor.interviews.add_button, LEFT)
        qtbot.waitUntil(lambda: 1 in editor.interviews.groups if editor.interviews else False)
        widgets = [w for (_i, repeat), w in editor.items.items() if repeat == 1]
        qtbot.waitUntil(lambda: any(w.isVisible() for w in widgets))  # shown by the event loop
        answer_page(qtbot, editor, widgets)
        assert sweep(qtbot, editor, editor.interviews) > 0

    # --- findings: the page, its buttons --------------------------------------------------
    row = editor.nav.count() - 1
    qtbot.mouseClick(
        editor.nav.viewport(), LEFT, pos=editor.nav.visualItemRect(editor.nav.item(row)).center()
    )
    assert editor.stack.currentWidget() is editor.findings
    qtbot.mouseClick(editor.findings.add_button, LEFT)
    assert sweep(qtbot, editor, editor.findings) > 0

    assert editor.flush()
    wait_for_background(qtbot)
    assert gui.window.isVisible() and gui.window.editor is editor
    notes = contents.notes_of(editor.session.db, editor.inspection_id)
    assert sum(1 for text in notes.values() if text == "یادداشت بازرس") == len(editor.section_items)
    assert inspections.get(editor.session.db, editor.inspection_id)["rep_name"] == "زهرا کریمی"
