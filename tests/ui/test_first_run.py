"""First start on a fresh data folder: the setup dialog asks who the inspector is and how they
sign, refuses bad input next to the field with the buttons disabled, and is not shown again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspector_app import paths
from inspector_app.services import finalize
from inspector_app.services.signing import identity as identity_service
from inspector_app.storage import identities, inspections, settings
from inspector_app.storage.db import open_database
from inspector_app.ui.finalize.finalize_dialog import FinalizeDialog
from inspector_app.ui.first_run import FirstRunDialog
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.qt import QLineEdit, QPushButton, Qt
from tests.helpers.gui import Gui, type_text
from tests.helpers.pdf_text import assert_sentences
from tests.helpers.signing import governorate_p12

LEFT = Qt.MouseButton.LeftButton


def setup_dialog(window: MainWindow) -> FirstRunDialog:
    dialog = window.findChild(FirstRunDialog, "firstRunDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def erase(qtbot: Any, edit: QLineEdit, count: int = 1) -> None:
    for _ in range(count):
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)


def fill_profile(qtbot: Any, dialog: FirstRunDialog) -> None:
    type_text(dialog.name_edit, "مریم احمدی")
    type_text(dialog.personnel_edit, "۱۲۳۴۵")


def test_first_start_refuses_bad_input_then_sets_up(
    qtbot: Any, gui_factory: Callable[[Path], Gui], data_dir: Path, tmp_path: Path
) -> None:
    gui = gui_factory(data_dir)
    window = gui.start(first_run=True)
    dialog = setup_dialog(window)
    db = window.env.context.db
    assert not dialog.create_button.isEnabled() and not dialog.later_button.isEnabled()
    assert "نام و نام خانوادگی را بنویسید" in dialog.hint_label.text()

    # An emptied name: its message next to the field, both buttons disabled.
    type_text(dialog.name_edit, "مریم")
    assert not dialog.name_problem.isVisible()
    erase(qtbot, dialog.name_edit, 4)
    assert dialog.name_problem.isVisible()
    assert "نام و نام خانوادگی را بنویسید" in dialog.name_problem.text()
    assert not dialog.later_button.isEnabled()
    type_text(dialog.name_edit, "مریم احمدی")
    assert not dialog.name_problem.isVisible()

    # Letters in the personnel number.
    type_text(dialog.personnel_edit, "۱۲ab")
    assert dialog.personnel_problem.isVisible()
    assert "فقط رقم" in dialog.personnel_problem.text()
    assert not dialog.later_button.isEnabled() and not dialog.create_button.isEnabled()
    erase(qtbot, dialog.personnel_edit, 2)
    type_text(dialog.personnel_edit, "۳۴۵")  # Persian digits are fine
    assert not dialog.personnel_problem.isVisible()
    assert dialog.later_button.isEnabled()  # the profile alone may be saved
    assert not dialog.create_button.isEnabled()
    assert "گذرواژهٔ تازه را بنویسید" in dialog.hint_label.text()

    form = dialog.identity_form
    # A short passphrase: told at once, with the count, and the button stays disabled.
    qtbot.keyClicks(form.passphrase_edit, "nine-char")
    assert form.passphrase_problem.isVisible() and "کوتاه" in form.passphrase_problem.text()
    assert "۹" in form.passphrase_problem.text()
    assert not dialog.create_button.isEnabled()
    qtbot.keyClicks(form.passphrase_edit, "s")
    assert form.passphrase_problem.property("verdict") == "good"
    # A typo in the second field.
    qtbot.keyClicks(form.again_edit, "nine-charz")
    assert form.again_problem.isVisible() and "یکی نیستند" in form.again_problem.text()
    assert not dialog.create_button.isEnabled()
    assert "یکی نیستند" in dialog.hint_label.text()
    erase(qtbot, form.again_edit)
    qtbot.keyClicks(form.again_edit, "s")
    assert form.again_problem.property("verdict") == "good"
    assert dialog.create_button.isEnabled()
    # Nothing is stored before the click.
    assert not settings.has_inspector_profile(db) and identities.active(db) is None

    qtbot.mouseClick(dialog.create_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    assert settings.inspector_profile(db) == settings.InspectorProfile("مریم احمدی", "12345")
    stored = identities.active(db)
    assert stored is not None
    assert stored.holder_name == "مریم احمدی" and stored.personnel_no == "12345"

    # A new inspection, started as the user does, carries the name and personnel number.
    page = window.pages["offices"]
    rect = page.table.visualRect(page.proxy.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), LEFT, pos=rect.center())
    qtbot.mouseClick(page.detail.start_button, LEFT)
    editor = window.editor
    assert editor is not None
    assert editor.header.inspector.text() == "مریم احمدی"
    row = inspections.get(db, editor.inspection_id)
    assert row["inspector_name"] == "مریم احمدی"
    assert row["inspector_personnel_no"] == "12345"
    # ... and so does its report.
    assert_sentences(finalize.draft_pdf(db, editor.inspection_id), ["بازرس", "مریم احمدی"])

    # The second start on the same folder goes straight to the window.
    gui.stop()
    again = gui_factory(data_dir)
    window = again.start(first_run=True)  # nothing seeded: only what the first start stored
    assert window.findChild(FirstRunDialog, "firstRunDialog") is None
    assert window.isVisible()


def test_identity_later_then_finalize_asks_for_it(
    qtbot: Any, gui_factory: Callable[[Path], Gui], data_dir: Path
) -> None:
    gui = gui_factory(data_dir)
    window = gui.start(first_run=True)
    dialog = setup_dialog(window)
    fill_profile(qtbot, dialog)
    qtbot.mouseClick(dialog.later_button, LEFT)
    assert not dialog.isVisible()
    context = window.env.context
    assert settings.inspector_profile(context.db).personnel_no == "12345"
    assert identities.active(context.db) is None

    page = window.pages["offices"]
    rect = page.table.visualRect(page.proxy.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), LEFT, pos=rect.center())
    qtbot.mouseClick(page.detail.start_button, LEFT)
    assert window.editor is not None
    finalize_dialog = FinalizeDialog(
        context, window.env.events, window.editor.inspection_id, window
    )
    qtbot.addWidget(finalize_dialog)
    finalize_dialog.show()
    # The same identity form, the passphrase asked twice, the holder from the profile.
    assert finalize_dialog.identity_form.isVisible()
    assert not finalize_dialog.passphrase_edit.isVisible()
    assert finalize_dialog.identity_form.again_edit.isVisible()
    assert finalize_dialog.identity_form.holder_name == "مریم احمدی"
    cancel = finalize_dialog.findChild(QPushButton, "cancelFinalize")
    assert cancel is not None
    qtbot.mouseClick(cancel, LEFT)
    assert not finalize_dialog.isVisible()


def test_pkcs12_wrong_password_changes_nothing_then_imports(
    qtbot: Any, gui_factory: Callable[[Path], Gui], data_dir: Path, tmp_path: Path
) -> None:
    p12, _, _ = governorate_p12(b"p12-secret")
    issued = tmp_path / "inspector.p12"
    issued.write_bytes(p12)
    gui = gui_factory(data_dir)
    window = gui.start(first_run=True)
    dialog = setup_dialog(window)
    db = window.env.context.db
    fill_profile(qtbot, dialog)
    form = dialog.identity_form
    assert not form.file_edit.isVisible()
    qtbot.mouseClick(form.import_choice, LEFT)
    assert form.file_edit.isVisible() and form.p12_password.isVisible()
    assert dialog.create_button.text() == "ذخیره و ورود گواهی"
    qtbot.keyClicks(form.file_edit, str(tmp_path / "missing.p12"))
    assert "پیدا نشد" in form.file_problem.text()
    erase(qtbot, form.file_edit, len("missing.p12"))
    qtbot.keyClicks(form.file_edit, "inspector.p12")
    assert not form.file_problem.isVisible()
    qtbot.keyClicks(form.p12_password, "wrong-one")
    qtbot.keyClicks(form.passphrase_edit, "local-pass-1")
    qtbot.keyClicks(form.again_edit, "local-pass-1")
    assert dialog.create_button.isEnabled()

    qtbot.mouseClick(dialog.create_button, LEFT)
    qtbot.waitUntil(
        lambda: "رمز پروندهٔ PKCS#12 درست نیست" in form.file_problem.text(), timeout=30_000
    )
    assert dialog.isVisible()
    assert identities.active(db) is None and not settings.has_inspector_profile(db)

    qtbot.keyClick(form.p12_password, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.p12_password, "p12-secret")  # typed over the wrong one
    qtbot.mouseClick(dialog.create_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    stored = identities.active(db)
    assert stored is not None and stored.holder_name == "علی رضایی"
    assert not stored.is_demo and stored.personnel_no == "54321"
    assert settings.inspector_profile(db).name == "مریم احمدی"


def test_leaving_the_setup_closes_the_app(
    qtbot: Any, gui_factory: Callable[[Path], Gui], data_dir: Path
) -> None:
    gui = gui_factory(data_dir)
    window = gui.start(first_run=True)
    dialog = setup_dialog(window)
    type_text(dialog.name_edit, "مریم احمدی")
    qtbot.mouseClick(dialog.quit_button, LEFT)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert not settings.has_inspector_profile(window.env.context.db)


def test_an_older_folder_with_an_identity_asks_only_the_missing_profile(
    qtbot: Any, gui_factory: Callable[[Path], Gui], data_dir: Path
) -> None:
    db = open_database(paths.database_path(data_dir))
    try:
        settings.put(db, settings.NAME_KEY, "مریم احمدی")  # a name, no personnel number
        identity_service.store(
            db, identity_service.create_self_signed("مریم احمدی", "", "made-by-the-cli")
        )
    finally:
        db.close()
    gui = gui_factory(data_dir)
    window = gui.start(first_run=True)
    dialog = setup_dialog(window)
    assert dialog.name_edit.text() == "مریم احمدی"  # what was stored is kept
    assert not dialog.identity_form.isVisible() and not dialog.create_button.isVisible()
    assert not dialog.later_button.isEnabled()
    type_text(dialog.personnel_edit, "۴۲")
    qtbot.mouseClick(dialog.later_button, LEFT)
    assert not dialog.isVisible()
    stored = settings.inspector_profile(window.env.context.db)
    assert stored == settings.InspectorProfile("مریم احمدی", "42")
