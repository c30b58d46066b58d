"""The editor on a 1280x720 laptop: at least three questions in view, a progress bar for the
visit, a visible current item, the grade cap explained beside the score, a shortcut line that
reads right to left, and notes that follow the direction of what is typed."""

from __future__ import annotations

from typing import Any

import pytest

from inspector_app.services import workflow
from inspector_app.storage import drafts, offices
from inspector_app.ui.editor.editor import InspectionEditor
from inspector_app.ui.editor.items import ItemWidget
from inspector_app.ui.editor.shortcuts import KEY_NAMES
from inspector_app.ui.qt import QLabel, QRect, Qt, QTextLayout, QTextOption
from tests.helpers.gui import Gui, type_text

LEFT = Qt.MouseButton.LeftButton


def open_editor(
    qtbot: Any, gui: Gui, answers: dict[str, Any] | None = None, office_type: str = "pishkhan"
) -> InspectionEditor:
    window = gui.window
    assert window is not None
    window.showNormal()
    window.resize(1280, 720)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    db = window.env.context.db
    code = offices.list_offices(db, office_type=office_type)[0]["code"]
    inspection_id = workflow.start_inspection(window.env.context, code)
    for item_id, value in (answers or {}).items():  # what was answered before this moment
        drafts.set_answer(db, inspection_id, item_id, value)
    window.open_inspection(inspection_id)
    assert window.editor is not None
    return window.editor


def fully_shown(editor: InspectionEditor, page: int) -> list[ItemWidget]:
    viewport = editor.scrolls[page].viewport()
    seen = QRect(0, 0, viewport.width(), viewport.height())
    shown = []
    for widget in editor.section_items[page]:
        if widget.isHidden():
            continue
        top_left = widget.mapTo(viewport, widget.rect().topLeft())
        if seen.contains(QRect(top_left, widget.size())):
            shown.append(widget)
    return shown


@pytest.mark.parametrize("office_type", ["pishkhan", "police10", "brokerage"])
def test_three_questions_fit_a_1280x720_window(qtbot: Any, gui: Gui, office_type: str) -> None:
    editor = open_editor(qtbot, gui, office_type=office_type)
    window = editor.window()
    assert window.size().width() == 1280 and window.size().height() == 720
    for page in range(len(editor.section_items)):
        if page:  # the next section, from the keyboard
            target = editor.focusWidget() or editor
            qtbot.keyClick(target, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        assert editor.nav.currentRow() == page
        # Laid out once shown: wait for the layout, then require three whole questions.
        qtbot.waitUntil(lambda p=page: len(fully_shown(editor, p)) >= 3, timeout=3_000)


def test_a_note_is_one_line_until_it_is_used(qtbot: Any, gui: Gui) -> None:
    editor = open_editor(qtbot, gui)
    first, second = editor.section_items[0][0], editor.section_items[0][2]
    one_line = first.note.height()
    assert one_line < 2 * first.note.fontMetrics().lineSpacing() + 14
    qtbot.mouseClick(first.note.viewport(), LEFT)
    assert first.note.hasFocus() and first.note.height() > one_line
    qtbot.mouseClick(second.note.viewport(), LEFT)  # left empty: back to one line
    assert first.note.height() == one_line
    type_text(second.note, "تابلو پشت در است")
    qtbot.mouseClick(first.note.viewport(), LEFT)
    assert second.note.height() > one_line  # a note with text stays open to read


def test_progress_bar_and_the_current_item(qtbot: Any, gui: Gui) -> None:
    editor = open_editor(qtbot, gui)
    bar = editor.progress
    total = editor.score.required_total
    assert bar.isVisible() and bar.maximum() == total and bar.value() == 0
    assert total == len(editor.score.open_required)
    widget = editor.items[("licence_holder_present", 0)]
    qtbot.mouseClick(widget._buttons["yes"], LEFT)
    assert bar.value() == 1
    assert widget.property("current") is True
    assert editor.items[("licence_posted", 0)].property("current") is False
    assert "۱ از" in bar.toolTip()


def test_the_grade_cap_is_explained_beside_the_score(qtbot: Any, gui: Gui) -> None:
    probe = open_editor(qtbot, gui)
    scored = [i.id for i in probe.form.checklist_items() if i.type == "yesno"]
    gui.window.close_editor()  # type: ignore[union-attr]
    editor = open_editor(qtbot, gui, answers=dict.fromkeys(scored, "yes"))
    note = editor.score_display.cap_note
    assert "عالی" in editor.score_label.text() and not note.isVisible()

    qtbot.mouseClick(editor.items[("licence_posted", 0)]._buttons["no"], LEFT)
    assert editor.score.grade == "C" and editor.score.compliance > 90
    assert note.isVisible()
    assert "رتبه حداکثر «متوسط»" in note.text()
    assert "«عالی»" in note.text()  # what the score alone would give
    assert "پروانهٔ فعالیت معتبر دفتر" in note.text()  # which critical item, in words
    assert "licence_posted" not in note.text()
    assert "متوسط" in editor.score_label.text()
    assert editor.score_label.toolTip() == note.text()

    qtbot.mouseClick(editor.items[("licence_posted", 0)]._buttons["yes"], LEFT)
    assert not note.isVisible() and "عالی" in editor.score_label.text()


def visual_order(label: QLabel, key: str) -> list[float]:
    """x of each character of `key` as Qt lays out the label's line."""
    text = label.text()
    layout = QTextLayout(text, label.font())
    option = QTextOption()
    option.setTextDirection(label.layoutDirection())
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    start = text.index(key)
    # Between characters, so no position sits on the edge of a direction run.
    return [line.cursorToX(start + k)[0] for k in range(1, len(key))]


def test_the_shortcut_line_reads_right_to_left(qtbot: Any, gui: Gui) -> None:
    editor = open_editor(qtbot, gui)
    label = editor.findChild(QLabel, "shortcutHelp")
    assert label is not None and label.isRightToLeft()
    text = label.text()
    assert text.startswith("میان‌برها")
    for key in KEY_NAMES.values():
        assert f"\u2066{key}\u2069" in text
        xs = visual_order(label, key)
        assert xs == sorted(xs), key  # «Ctrl+1», «Alt+↓» left to right, not «↓+Alt»
    # Without the isolates the same line is scrambled: the check above can fail.
    bare = QLabel(text.replace("\u2066", "").replace("\u2069", ""))
    bare.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    xs = visual_order(bare, "Alt+↓")
    assert xs != sorted(xs)


def test_typed_text_follows_its_own_direction(qtbot: Any, gui: Gui) -> None:
    editor = open_editor(qtbot, gui)
    note = editor.items[("licence_posted", 0)].note
    qtbot.mouseClick(note.viewport(), LEFT)
    assert note.layoutDirection() == Qt.LayoutDirection.RightToLeft  # the UI's, when empty
    type_text(note, "abc")
    assert note.layoutDirection() == Qt.LayoutDirection.LeftToRight
    note.selectAll()
    type_text(note, "۱۲ نفر منتظر")  # digits first: the first letter decides
    assert note.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert note.cursorRect().x() < note.viewport().width() // 2  # the end of the line, left

    rect = editor.nav.visualItemRect(editor.nav.item(5))  # complaints, with a text answer
    qtbot.mouseClick(editor.nav.viewport(), LEFT, pos=rect.center())
    text = editor.items[("complaint_notes", 0)].first_input()
    editor.scrolls[5].ensureWidgetVisible(text)
    qtbot.mouseClick(text.viewport(), LEFT)  # type: ignore[attr-defined]
    type_text(text, "Serial 42")
    assert text.layoutDirection() == Qt.LayoutDirection.LeftToRight
