"""Answer controls as a hand uses them: a number field that refuses letters while typing and
says its limits beside itself (no message box, no internal ids); a click on the chosen answer
keeps it, and clearing is the visible «پاک کردن پاسخ» action."""

from __future__ import annotations

from typing import Any

import pytest

from inspector_app.storage import contents
from inspector_app.ui.editor.editor import InspectionEditor
from inspector_app.ui.editor.number_field import NumberValidator, parse_number
from inspector_app.ui.qt import Qt, QValidator
from tests.helpers.gui import Gui, message_boxes, open_editor, type_text

LEFT = Qt.MouseButton.LeftButton


def click(qtbot: Any, editor: InspectionEditor, widget: Any) -> None:
    page = editor.nav.currentRow()
    if page < len(editor.scrolls) and editor.scrolls[page].isAncestorOf(widget):
        editor.scrolls[page].ensureWidgetVisible(widget, 10, 10)
    qtbot.mouseClick(widget, LEFT, pos=widget.rect().center())


def stored(editor: InspectionEditor, item_id: str) -> Any:
    return contents.answers_of(editor.session.db, editor.inspection_id).get((item_id, 0))


@pytest.mark.parametrize(
    ("text", "value"),
    [("۲۵", 25), ("25", 25), ("٢٥", 25), ("۲٫۵", 2.5), ("۲/۵", 2.5), ("2.5", 2.5), ("", None)],
)
def test_persian_arabic_and_latin_digits_and_decimal_points(text: str, value: Any) -> None:
    assert parse_number(text) == value
    state = NumberValidator(allow_negative=False).validate(text, len(text))[0]
    assert state == QValidator.State.Acceptable


@pytest.mark.parametrize("text", ["۲a", "abc", "۱۲ نفر", "۱٫۲٫۳", "-۵"])
def test_letters_and_broken_numbers_are_refused(text: str) -> None:
    state = NumberValidator(allow_negative=False).validate(text, len(text))[0]
    assert state == QValidator.State.Invalid


def test_a_number_field_refuses_letters_and_explains_its_limits(qtbot: Any, gui: Gui) -> None:
    editor = open_editor(qtbot, gui)
    rect = editor.nav.visualItemRect(editor.nav.item(1))  # staff and working hours
    qtbot.mouseClick(editor.nav.viewport(), LEFT, pos=rect.center())
    widget = editor.items[("active_counters", 0)]
    field = widget._number
    assert field is not None
    assert field.hint.isVisible() and field.hint.text() == "(از ۰ تا ۳۰ باجه)"
    assert not field.error.isVisible()

    click(qtbot, editor, field.edit)
    type_text(field.edit, "۱a")  # the letter never reaches the field
    assert field.edit.text() == "۱"
    assert field.error.isVisible() and "حرف" in field.error.text()
    type_text(field.edit, "۲")
    assert not field.error.isVisible()
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert stored(editor, "active_counters") == 12

    type_text(field.edit, "۰")  # 120 counters: over the form's maximum of 30
    assert field.error.isVisible()
    assert field.error.text() == "بیشتر از ۳۰ باجه پذیرفته نیست؛ ذخیره نشد."
    assert field.edit.property("invalid") is True
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert stored(editor, "active_counters") == 12  # nothing changed
    assert editor.flush() and stored(editor, "active_counters") == 12
    assert message_boxes() == []
    assert "active_counters" not in field.error.text() + field.hint.text()
    assert editor.saved_label.property("state") == "saved"

    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    assert not field.error.isVisible() and field.edit.property("invalid") is False
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert stored(editor, "active_counters") == 12


def test_clicking_the_chosen_answer_again_keeps_it(qtbot: Any, gui: Gui) -> None:
    editor = open_editor(qtbot, gui)
    widget = editor.items[("licence_holder_present", 0)]
    assert widget.clear_button is not None and not widget.clear_button.isVisible()
    click(qtbot, editor, widget._buttons["yes"])
    assert stored(editor, "licence_holder_present") == "yes"
    click(qtbot, editor, widget._buttons["yes"])  # again: the answer stays
    assert widget._buttons["yes"].isChecked()
    assert stored(editor, "licence_holder_present") == "yes"
    assert widget.clear_button.isVisible()
    assert widget.clear_button.text() == "پاک کردن پاسخ"

    click(qtbot, editor, widget.clear_button)
    assert stored(editor, "licence_holder_present") is None
    assert not any(b.isChecked() for b in widget._buttons.values())
    assert not widget.clear_button.isVisible()
    assert widget._buttons["yes"].hasFocus()  # the keyboard is not lost with the button


def test_clearing_a_scale_answer(qtbot: Any, gui: Gui) -> None:
    editor = open_editor(qtbot, gui)
    rect = editor.nav.visualItemRect(editor.nav.item(1))
    qtbot.mouseClick(editor.nav.viewport(), LEFT, pos=rect.center())
    widget = editor.items[("dress_and_appearance", 0)]
    click(qtbot, editor, widget._buttons[4])
    click(qtbot, editor, widget._buttons[4])
    assert stored(editor, "dress_and_appearance") == 4
    assert widget.clear_button is not None
    widget.clear_button.setFocus()
    qtbot.keyClick(widget.clear_button, Qt.Key.Key_Space)  # by keyboard too
    assert stored(editor, "dress_and_appearance") is None
