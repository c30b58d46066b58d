"""An inspector's day, driven through the real widgets: find an office with an Arabic kaf,
start an inspection, answer with the keyboard, add photos and an interview, type notes, close
the app mid-typing, reopen it on the same data folder and find everything there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from inspector_app.storage import contents, inspections
from inspector_app.ui.editor.editor import InspectionEditor
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.qt import (
    QDropEvent,
    QFileDialog,
    QMimeData,
    QPointF,
    Qt,
    QUrl,
)
from inspector_app.ui.table_models import ROW_ROLE
from tests.helpers.gui import Gui, make_jpeg, type_text, wait_for_background


def open_kangan_pishkhan(qtbot: Any, window: MainWindow) -> InspectionEditor:
    page = window.pages["offices"]
    type_text(page.search, "كنگان")  # Arabic kaf, as an Arabic keyboard types it
    assert page.proxy.rowCount() > 0
    rows = [page.proxy.index(r, 0).data(ROW_ROLE) for r in range(page.proxy.rowCount())]
    assert all("کنگان" in (r["county"] + r["city"] + r["name"]) for r in rows)
    position = next(i for i, r in enumerate(rows) if r["type"] == "pishkhan")
    rect = page.table.visualRect(page.proxy.index(position, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.detail.start_button.isEnabled()
    qtbot.mouseClick(page.detail.start_button, Qt.MouseButton.LeftButton)
    editor = window.editor
    assert editor is not None and not editor.read_only
    return editor


def key(qtbot: Any, editor: InspectionEditor, shortcut: str) -> None:
    """Press a shortcut where the keyboard focus is, as a user would."""
    target = editor.focusWidget() or editor
    keys = {"1": Qt.Key.Key_1, "2": Qt.Key.Key_2, "3": Qt.Key.Key_3}
    if shortcut.startswith("Ctrl+") and shortcut[-1] in keys:
        qtbot.keyClick(target, keys[shortcut[-1]], Qt.KeyboardModifier.ControlModifier)
    elif shortcut == "Alt+Down":
        qtbot.keyClick(target, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    elif shortcut == "Alt+Up":
        qtbot.keyClick(target, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    elif shortcut == "Ctrl+PgDown":
        qtbot.keyClick(target, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    else:
        raise ValueError(shortcut)


def current_id(editor: InspectionEditor) -> str:
    current = editor.current_item()
    assert current is not None
    return current.item.id


def test_whole_visit_survives_closing_mid_typing(
    qtbot: Any,
    gui_factory: Callable[[Path], Gui],
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gui = gui_factory(data_dir)
    window = gui.start()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor = open_kangan_pishkhan(qtbot, window)
    inspection_id = editor.inspection_id
    assert editor.saved_label.property("state") == "saved"

    # --- keyboard answers, with conditional items appearing and disappearing -------------
    assert current_id(editor) == "licence_posted"
    photo_item = editor.items[("licence_photo", 0)]
    assert photo_item.isHidden()  # shown only once the licence is posted
    key(qtbot, editor, "Ctrl+1")
    assert not photo_item.isHidden()
    assert current_id(editor) == "licence_photo"
    key(qtbot, editor, "Alt+Down")
    assert current_id(editor) == "licence_holder_present"
    key(qtbot, editor, "Ctrl+2")
    assert current_id(editor) == "tariff_posted"
    key(qtbot, editor, "Ctrl+3")  # N/A: the tariff photo and its follow-up stay hidden
    assert editor.items[("tariff_photo", 0)].isHidden()
    assert editor.items[("tariff_current_year", 0)].isHidden()
    assert current_id(editor) == "fees_match_tariff"
    key(qtbot, editor, "Alt+Up")
    assert current_id(editor) == "tariff_posted"
    key(qtbot, editor, "Alt+Down")
    key(qtbot, editor, "Ctrl+1")
    key(qtbot, editor, "Ctrl+1")  # the last item of the section: moves on to the next one
    assert editor.nav.currentRow() == 1
    assert current_id(editor) == "staff_count"
    key(qtbot, editor, "Ctrl+PgDown")
    assert editor.nav.currentRow() == 2
    assert editor.saved_label.property("state") == "saved"
    stored = contents.answers_of(window.env.context.db, inspection_id)
    assert stored[("licence_posted", 0)] == "yes"
    assert stored[("licence_holder_present", 0)] == "no"
    assert stored[("tariff_posted", 0)] == "na"
    assert stored[("fees_match_tariff", 0)] == "yes"
    assert stored[("services_list_posted", 0)] == "yes"
    assert editor.open_label.property("count") == len(
        contents.score_of(window.env.context.db, inspection_id).open_required
    )

    # --- photos: the file dialog, then drag-and-drop -------------------------------------
    first = make_jpeg(tmp_path / "pics" / "licence.jpg")
    second = make_jpeg(tmp_path / "pics" / "licence-2.jpg", color="orange")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(first)], ""))
    )
    assert photo_item.photos is not None
    editor.jump_to("licence_photo")
    qtbot.mouseClick(photo_item.photos.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: photo_item.photos is not None and photo_item.photos.count() == 1)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(second))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    photo_item.photos.dropEvent(drop)
    qtbot.waitUntil(lambda: photo_item.photos is not None and photo_item.photos.count() == 2)
    wait_for_background(qtbot)

    # --- an interview --------------------------------------------------------------------
    assert editor.interviews is not None
    editor.nav.setCurrentRow(len(editor.section_items))
    qtbot.mouseClick(editor.interviews.add_button, Qt.MouseButton.LeftButton)
    assert set(editor.interviews.groups) == {1}
    service = editor.items[("iv_service", 1)]
    combo = service.first_input()
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the first service in the list
    wait = editor.items[("iv_wait_minutes", 1)]
    number = wait.first_input()
    number.setFocus()
    type_text(number, "۲۵")  # Persian digits, as typed on a Persian keyboard
    qtbot.keyClick(number, Qt.Key.Key_Return)
    courtesy = editor.items[("iv_courtesy", 1)]
    qtbot.mouseClick(courtesy._buttons[4], Qt.MouseButton.LeftButton)
    stored = contents.answers_of(window.env.context.db, inspection_id)
    assert stored[("iv_service", 1)] == "smart_id"
    assert stored[("iv_wait_minutes", 1)] == 25
    assert stored[("iv_courtesy", 1)] == 4

    # --- typing, then closing the window before the pause that would save it ----------------
    editor.jump_to("licence_posted")
    note = editor.items[("licence_posted", 0)].note
    note.setFocus()
    type_text(note, "تابلو کهنه است")
    type_text(editor.header.rep_name, "علی رضایی")
    comment = editor.items[("iv_comment", 1)].first_input()
    type_text(comment, "منتظر ماندم")
    staff = editor.items[("staff_count", 0)].first_input()
    type_text(staff, "۴")  # a number typed, no Enter, no leaving the field
    assert editor.saved_label.property("state") == "pending"
    gui.stop()  # closes the window like the title-bar button, then shuts the app down

    # --- reopen on the same data folder ------------------------------------------------
    again = gui_factory(data_dir)
    window = again.start()
    page = window.pages["inspections"]
    window.show_page("inspections")
    assert page.table.model.rowCount() == 1
    view = page.table.view
    rect = view.visualRect(page.table.proxy.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.open_button.isEnabled() and page.delete_button.isEnabled()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    editor = window.editor
    assert editor is not None and editor.inspection_id == inspection_id
    assert editor.items[("licence_posted", 0)]._buttons["yes"].isChecked()
    assert editor.items[("licence_holder_present", 0)]._buttons["no"].isChecked()
    assert editor.items[("tariff_posted", 0)]._buttons["na"].isChecked()
    assert editor.items[("licence_posted", 0)].note.toPlainText() == "تابلو کهنه است"
    assert editor.header.rep_name.text() == "علی رضایی"
    reopened_photo = editor.items[("licence_photo", 0)].photos
    assert reopened_photo is not None and reopened_photo.count() == 2
    assert editor.interviews is not None and set(editor.interviews.groups) == {1}
    assert editor.items[("iv_comment", 1)].first_input().toPlainText() == "منتظر ماندم"
    assert editor.items[("iv_courtesy", 1)]._buttons[4].isChecked()
    assert editor.items[("staff_count", 0)].first_input().text() == "۴"
    db = window.env.context.db
    photos = contents.photos_of(db, inspection_id)
    assert len({p["sha256"] for p in photos}) == 2
    assert inspections.get(db, inspection_id)["rep_name"] == "علی رضایی"
    assert contents.answers_of(db, inspection_id)[("staff_count", 0)] == 4
