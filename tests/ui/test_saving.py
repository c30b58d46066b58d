"""The "saved" mark tells the truth: notes are written after a pause or when focus leaves,
and a write the database refuses shows as not saved, with the answer put back."""

from __future__ import annotations

from typing import Any

from inspector_app.services import workflow
from inspector_app.storage import contents, offices
from inspector_app.ui.editor.editor import InspectionEditor
from inspector_app.ui.editor.pending import DELAY_MS
from inspector_app.ui.qt import Qt
from tests.helpers.gui import Gui, close_message_boxes, message_boxes, type_text


def open_editor(gui: Gui) -> InspectionEditor:
    window = gui.window
    assert window is not None
    code = offices.list_offices(window.env.context.db, office_type="police10")[0]["code"]
    window.open_inspection(workflow.start_inspection(window.env.context, code))
    assert window.editor is not None
    return window.editor


def test_a_note_is_saved_after_a_pause(qtbot: Any, gui: Gui) -> None:
    editor = open_editor(gui)
    first = editor.section_items[0][0]
    type_text(first.note, "در حال نوشتن")
    assert editor.saved_label.property("state") == "pending"
    notes = contents.notes_of(editor.session.db, editor.inspection_id)
    assert (first.item.id, 0) not in notes  # not yet: the user is still typing
    qtbot.waitUntil(lambda: editor.saved_label.property("state") == "saved", timeout=DELAY_MS * 5)
    notes = contents.notes_of(editor.session.db, editor.inspection_id)
    assert notes[(first.item.id, 0)] == "در حال نوشتن"


def test_a_note_is_saved_when_focus_leaves(qtbot: Any, gui: Gui) -> None:
    editor = open_editor(gui)
    first, second = editor.section_items[0][0], editor.section_items[0][1]
    window = gui.window
    assert window is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first.note.setFocus()
    type_text(first.note, "یادداشت")
    second.note.setFocus()  # moving on, well before the pause would have saved it
    assert editor.saved_label.property("state") == "saved"
    notes = contents.notes_of(editor.session.db, editor.inspection_id)
    assert notes[(first.item.id, 0)] == "یادداشت"


def test_a_refused_write_is_not_shown_as_saved(qtbot: Any, gui: Gui) -> None:
    editor = open_editor(gui)
    widget = next(w for w in editor.section_items[0] if w.item.type == "yesno")
    qtbot.mouseClick(widget._buttons["yes"], Qt.MouseButton.LeftButton)
    assert editor.saved_label.property("state") == "saved"
    # Meanwhile the record was finalized elsewhere (another window, a sync): it is locked.
    editor.session.db.execute(
        "UPDATE inspections SET status = 'finalized' WHERE id = ?", [editor.inspection_id]
    )
    editor.session.db.conn.commit()
    qtbot.mouseClick(widget._buttons["no"], Qt.MouseButton.LeftButton)
    assert editor.saved_label.property("state") == "error"
    assert widget._buttons["yes"].isChecked() and not widget._buttons["no"].isChecked()
    box = message_boxes()[0]
    assert "نهایی شده" in box.text()
    close_message_boxes()
    answers = contents.answers_of(editor.session.db, editor.inspection_id)
    assert answers[(widget.item.id, 0)] == "yes"
