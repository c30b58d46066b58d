"""Answer controls as a hand uses them: a number field that refuses letters while typing and
says its limits beside itself (no message box, no internal ids); a click on the chosen answer
keeps it, and clearing is the visible «پاک کردن پاسخ» action; the Iranian field types (national
code, phones, postal code, Jalali date, GPS point) told beside themselves as they are typed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from inspector_app import paths
from inspector_app.storage import contents
from inspector_app.ui.editor.editor import InspectionEditor
from inspector_app.ui.editor.number_field import NumberValidator, parse_number
from inspector_app.ui.editor.typed_field import TypedField
from inspector_app.ui.qt import Qt, QValidator
from tests.core.test_field_types import FIELD_FORM
from tests.helpers.gui import Gui, message_boxes, open_editor, type_text
from tests.ui import test_screenshots as screens

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


@pytest.fixture
def fields_gui(gui_factory: Callable[[Path], Gui], data_dir: Path) -> Gui:
    """The app with a received pishkhan form asking one value of each Iranian field type."""
    folder = paths.downloaded_forms(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pishkhan-fields.yaml").write_text(FIELD_FORM, encoding="utf-8")
    running = gui_factory(data_dir)
    running.start()
    return running


def typed_field(editor: InspectionEditor, item_id: str) -> TypedField:
    field = editor.items[(item_id, 0)]._typed
    assert field is not None
    return field


def test_an_invalid_national_code_is_told_beside_the_field_and_not_saved(
    qtbot: Any, fields_gui: Gui
) -> None:
    editor = open_editor(qtbot, fields_gui)
    assert editor.form.id == "pishkhan-fields"
    field = typed_field(editor, "owner_national_code")
    assert field.edit.placeholderText() == "ده رقم، مثلاً ۰۰۱۳۵۴۲۴۱۹"
    click(qtbot, editor, field.edit)
    qtbot.keyClicks(field.edit, "001354241")  # nine digits: still being typed, no complaint
    assert not field.error.isVisible()
    qtbot.keyClicks(field.edit, "8")  # the check digit does not fit
    assert field.error.isVisible()
    assert field.error.text() == ("رقم کنترل کد ملی درست نیست (کد را دوباره بخوانید)؛ ذخیره نشد.")
    assert field.edit.property("invalid") is True
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert editor.flush() and stored(editor, "owner_national_code") is None
    assert message_boxes() == []

    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "1111111111")  # fits its check digit, yet never issued
    assert "یکسان" in field.error.text()
    assert editor.flush() and stored(editor, "owner_national_code") is None

    field.edit.selectAll()
    type_text(field.edit, "۰۰۱۳۵۴۲۴۱۹")  # Persian digits, as a Persian keyboard types them
    assert not field.error.isVisible() and field.edit.property("invalid") is False
    assert editor.flush()
    assert stored(editor, "owner_national_code") == "0013542419"  # saved at once, normalized


@pytest.mark.parametrize(
    ("item_id", "persian", "typed", "value", "shown"),
    [
        ("owner_national_code", True, "۰۰۱۳۵۴۲۴۱۹", "0013542419", "۰۰۱۳۵۴۲۴۱۹"),
        ("owner_mobile", False, "+98 917 123 4567", "09171234567", "۰۹۱۷۱۲۳۴۵۶۷"),
        ("office_phone", True, "۰۷۷۳۳۴۴۱۱۲۲", "07733441122", "۰۷۷-۳۳۴۴۱۱۲۲"),
        ("office_postal_code", False, "75147-63487", "7514763487", "۷۵۱۴۷۶۳۴۸۷"),
        ("licence_date", True, "۱۴۰۳/۱۲/۳۰", "2025-03-20", "۱۴۰۳/۱۲/۳۰"),
        ("office_location", True, "۲۸٫۹۲۳۴، ۵۰٫۸۲۰۳", "28.9234,50.8203", "۲۸٫۹۲۳۴، ۵۰٫۸۲۰۳"),
    ],
)
def test_each_field_type_saves_its_value_normalized_and_shows_it_again_in_persian(
    qtbot: Any, fields_gui: Gui, item_id: str, persian: bool, typed: str, value: str, shown: str
) -> None:
    editor = open_editor(qtbot, fields_gui)
    field = typed_field(editor, item_id)
    click(qtbot, editor, field.edit)
    if persian:
        type_text(field.edit, typed)
    else:
        qtbot.keyClicks(field.edit, typed)
    assert not field.error.isVisible()
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert stored(editor, item_id) == value
    assert field.edit.text() == shown  # rewritten in one spelling at once

    window = fields_gui.window
    assert window is not None
    inspection_id = editor.inspection_id
    assert window.close_editor()
    window.open_inspection(inspection_id)
    assert window.editor is not None
    assert typed_field(window.editor, item_id).edit.text() == shown


@pytest.mark.parametrize(
    ("item_id", "typed", "reason"),
    [
        ("owner_mobile", "0917123", "یازده رقم"),  # left unfinished
        ("office_phone", "03033441122", "پیش‌شمارهٔ استان"),
        ("office_postal_code", "751476348", "ده رقم"),
        ("licence_date", "1404/12/30", "کبیسه"),
        ("office_location", "91,50", "عرض جغرافیایی"),
    ],
)
def test_an_invalid_or_unfinished_value_is_told_and_the_stored_one_kept(
    qtbot: Any, fields_gui: Gui, item_id: str, typed: str, reason: str
) -> None:
    editor = open_editor(qtbot, fields_gui)
    field = typed_field(editor, item_id)
    click(qtbot, editor, field.edit)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)  # empty: nothing to complain about
    assert not field.error.isVisible()
    qtbot.keyClicks(field.edit, typed)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.error.isVisible() and reason in field.error.text()
    assert field.error.text().endswith("ذخیره نشد.")
    assert editor.flush() and stored(editor, item_id) is None
    assert message_boxes() == []


def test_screenshot_of_the_field_types(qtbot: Any, fields_gui: Gui, artifacts: Path) -> None:
    """artifacts/screens/editor-field-types.png: the six fields, one refused, right to left."""
    window = fields_gui.window
    assert window is not None
    window.resize(1280, 800)
    editor = open_editor(qtbot, fields_gui)
    for item_id, typed in (
        ("owner_national_code", "۰۰۱۳۵۴۲۴۱۸"),  # a wrong check digit: told beside the field
        ("owner_mobile", "+۹۸ ۹۱۷ ۱۲۳ ۴۵۶۷"),
        ("office_phone", "۰۷۷۳۳۴۴۱۱۲۲"),
        ("licence_date", "۱۴۰۳/۱۲/۳۰"),
        ("office_location", "۲۸٫۹۲۳۴، ۵۰٫۸۲۰۳"),
    ):
        field = typed_field(editor, item_id)
        click(qtbot, editor, field.edit)
        type_text(field.edit, typed)
        qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    editor.scrolls[0].ensureWidgetVisible(editor.items[("owner_national_code", 0)], 0, 0)
    folder = artifacts / "screens"
    folder.mkdir(parents=True, exist_ok=True)
    screens.save(window, folder, "editor-field-types")
    error = typed_field(editor, "owner_national_code").error
    assert error.isVisible() and error.width() >= error.sizeHint().width() * 0.9  # not clipped
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert typed_field(editor, "owner_mobile").edit.text() == "۰۹۱۷۱۲۳۴۵۶۷"
