"""A correction («بازرسی اصلاحی») started from the app as a user does: it starts as a copy of
the finalized inspection it replaces, the editor marks what has changed since, and its export
and report name the inspection it replaces."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspector_app.cli.main import main
from inspector_app.domain.persian import to_persian_digits
from inspector_app.domain.scoring import AnswerKey
from inspector_app.services import correction, finalize, inspection_document
from inspector_app.services.signing import identity as identity_service
from inspector_app.storage import audit, contents, inspections, report_numbers
from inspector_app.ui.correction_marks import ChangeMarks
from inspector_app.ui.editor.editor import InspectionEditor
from inspector_app.ui.editor.items import ItemWidget
from inspector_app.ui.finalize.editor_action import FinalizeActions
from inspector_app.ui.qt import QApplication, QLabel, QMessageBox, QPushButton, Qt, QWidget
from tests.helpers.gui import Gui, type_text, wait_for_background
from tests.helpers.pdf_text import assert_sentences, normalized_text
from tests.helpers.signing import ARTIFACTS, PASSPHRASE, make_filled_draft
from tests.signing.test_ui_finalize import click_confirm_yes, close_boxes, draw, zigzag

HEADER = (
    "office_code",
    "office",
    "form_sha256",
    "visit_date",
    "arrival_at",
    "departure_at",
    "elapsed_seconds",
    "inspector_name",
    "inspector_personnel_no",
    "rep_name",
    "rep_role",
    "score",
    "grade",
    "critical_failed",
    "satisfaction",
    "required_open",
)


def copied(db: Any, inspection_id: str) -> dict[str, Any]:
    """What a correction copies, without the ids that are its own."""
    return {
        "answers": contents.answers_of(db, inspection_id),
        "notes": contents.notes_of(db, inspection_id),
        "interviews": contents.interview_indices(db, inspection_id),
        "photos": [
            (p["item_id"], p["repeat_index"], p["sha256"], p["caption"], p["jpeg"], p["thumbnail"])
            for p in contents.photos_of(db, inspection_id, with_data=True)
        ],
        "findings": [
            (f["item_id"], f["description"], f["corrective_action"], f["deadline"], f["position"])
            for f in contents.findings_of(db, inspection_id)
        ],
    }


def finalize_in_editor(qtbot: Any, editor: InspectionEditor) -> None:
    """Sign both pads with the mouse, type the passphrase, confirm the lock."""
    actions = editor.findChild(FinalizeActions, "finalizeActions")
    assert actions is not None
    qtbot.mouseClick(actions.finalize_button, Qt.MouseButton.LeftButton)
    dialog = actions.dialog
    assert dialog is not None and dialog.isVisible()
    draw(dialog.inspector_box.pad, zigzag(40, 70))
    draw(dialog.rep_box.pad, zigzag(60, 60, 10))
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    with qtbot.waitSignal(dialog.finalized, timeout=60_000):
        qtbot.mouseClick(dialog.finalize_button, Qt.MouseButton.LeftButton)
        click_confirm_yes(qtbot)
    qtbot.waitUntil(lambda: editor.read_only, timeout=5000)
    close_boxes()  # «finalized and signed»


def start_correction(qtbot: Any, editor: InspectionEditor) -> None:
    actions = editor.findChild(FinalizeActions, "finalizeActions")
    assert actions is not None and actions.correction_button.isVisible()
    qtbot.mouseClick(actions.correction_button, Qt.MouseButton.LeftButton)
    box = next(
        w
        for top in QApplication.topLevelWidgets()
        for w in [top, *top.findChildren(QMessageBox)]
        if isinstance(w, QMessageBox) and w.isVisible() and w.objectName() == "confirmBox"
    )
    assert "جایگزین" in box.text()
    qtbot.mouseClick(box.findChild(QWidget, "confirmYes"), Qt.MouseButton.LeftButton)


def marked(editor: InspectionEditor) -> set[AnswerKey]:
    return {key for key, widget in editor.items.items() if widget.property("changed") is True}


def answered_yesno(editor: InspectionEditor, value: str) -> ItemWidget:
    """A visible yes/no item of the page on screen whose answer is `value`."""
    return next(
        w
        for w in editor.section_items[editor.nav.currentRow()]
        if w.item.type == "yesno"
        and not w.isHidden()
        and editor.answers.get((w.item.id, 0)) == value
    )


def click_answer(qtbot: Any, widget: ItemWidget, value: str) -> None:
    button = widget.findChild(QPushButton, f"answer_{value}")
    assert button is not None and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_correction_starts_as_a_copy_and_marks_what_changed(
    qtbot: Any, gui_factory: Callable[[Path], Gui], data_dir: Path, tmp_path: Path
) -> None:
    gui = gui_factory(data_dir)
    window = gui.start()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    context = window.env.context
    db = context.db
    identity_service.store(
        db, identity_service.create_self_signed("مریم احمدی", "12345", PASSPHRASE)
    )
    old_id = make_filled_draft(context)
    window.open_inspection(old_id)
    editor = window.editor
    assert editor is not None and not editor.read_only
    assert editor.findChild(ChangeMarks, "changedCount") is None  # no correction: no count
    finalize_in_editor(qtbot, editor)
    assert inspections.get(db, old_id)["status"] == "finalized"
    old = inspections.get(db, old_id)
    old_contents = copied(db, old_id)
    assert old_contents["photos"] and old_contents["findings"] and old_contents["notes"]
    assert len(old_contents["interviews"]) == 2

    # --- «بازرسی اصلاحی» in the finalized inspection's editor ---------------------------
    start_correction(qtbot, editor)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.inspection_id != old_id)
    fixed = window.editor
    assert fixed is not None and not fixed.read_only
    new_id = fixed.inspection_id
    new = inspections.get(db, new_id)
    assert new["status"] == "draft" and new["replaces"] == old_id
    assert {k: new[k] for k in HEADER} == {k: old[k] for k in HEADER}
    assert new["score"] == contents.score_of(db, new_id).compliance  # cached score is true
    assert copied(db, new_id) == old_contents
    assert contents.signatures_of(db, new_id) == []  # signed anew
    assert {p["id"] for p in contents.photos_of(db, new_id)}.isdisjoint(
        p["id"] for p in contents.photos_of(db, old_id)
    )
    assert [e["action"] for e in audit.entries(db, new_id)][-1] == "correction"
    assert {p.code for p in finalize.check_ready(db, new_id)} == {
        "inspector_signature",
        "representative_signature",
    }  # only the signatures are missing: a correction is signed anew
    # What the editor shows is the copy.
    assert fixed.header.rep_name.text() == old["rep_name"]
    assert fixed.answers == old_contents["answers"]
    count = fixed.findChild(ChangeMarks, "changedCount")
    assert count is not None and count.isVisible()
    title = fixed.findChild(QLabel, "replacesLabel")  # the replaced report by its number
    assert title is not None
    assert to_persian_digits(report_numbers.number_of(db, old_id)) in title.text()
    assert count.text() == "۰ مورد تغییر کرده"
    assert marked(fixed) == set()

    # --- changing an answer marks it; changing it back clears the mark -------------------
    item = answered_yesno(fixed, "yes")
    key = (item.item.id, 0)
    click_answer(qtbot, item, "no")
    assert contents.answers_of(db, new_id)[key] == "no"
    assert marked(fixed) == {key} == correction.changed_keys(db, new_id)
    assert count.text() == "۱ مورد تغییر کرده"
    assert item.property("changed") is True

    other = next(
        w
        for w in fixed.section_items[fixed.nav.currentRow()]
        if w is not item and not w.isHidden() and (w.item.id, 0) not in old_contents["notes"]
    )
    qtbot.mouseClick(other.note, Qt.MouseButton.LeftButton)
    type_text(other.note, "تابلو امروز نصب شد")
    qtbot.waitUntil(lambda: count.text() == "۲ مورد تغییر کرده", timeout=5000)
    assert marked(fixed) == {key, (other.item.id, 0)}
    assert contents.notes_of(db, new_id)[(other.item.id, 0)] == "تابلو امروز نصب شد"

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(ARTIFACTS / "correction-changed.png"))
    click_answer(qtbot, item, "yes")
    assert count.text() == "۱ مورد تغییر کرده"
    assert marked(fixed) == {(other.item.id, 0)}
    assert inspections.get(db, old_id)["canonical_sha256"] == old["canonical_sha256"]
    assert copied(db, old_id) == old_contents  # the replaced inspection never changes

    # --- the correction started again opens the same draft --------------------------------
    qtbot.mouseClick(fixed.back_button, Qt.MouseButton.LeftButton)
    window.open_inspection(old_id)
    assert window.editor is not None and window.editor.read_only
    start_correction(qtbot, window.editor)
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.inspection_id == new_id)
    assert [
        r["id"] for r in db.query("SELECT id FROM inspections WHERE replaces = ?", [old_id])
    ] == [new_id]

    # --- the export and the report keep `replaces` ----------------------------------------
    out = tmp_path / "correction.json"
    assert main(["inspections", "export", new_id, "-o", str(out), "--data-dir", str(data_dir)]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["inspection"]["replaces"] == old_id
    assert inspection_document.canonical_document(db, new_id)["replaces"] == old_id
    pdf = tmp_path / "correction.pdf"
    assert main(["report", new_id, "-o", str(pdf), "--data-dir", str(data_dir)]) == 0
    number = to_persian_digits(report_numbers.number_of(db, old_id))
    assert_sentences(pdf, ["اصلاحیهٔ گزارش", number, "شناسهٔ گزارش"])
    # The full id too (a long id may wrap inside its cell: compare letters and digits only).
    printed = "".join(ch for ch in normalized_text(pdf) if ch.isascii() and ch.isalnum())
    assert old_id.replace("-", "") in printed
    wait_for_background(qtbot)
