"""Interviews as a repeating group (add, edit, remove) and findings prefilled from failed
items, with a corrective action and a Jalali deadline."""

from __future__ import annotations

import datetime as dt
from typing import Any

from inspector_app.services import workflow
from inspector_app.storage import contents, offices
from inspector_app.ui.editor.editor import InspectionEditor
from inspector_app.ui.qt import QPushButton, Qt
from tests.helpers.gui import Gui, message_boxes, type_text


def open_editor(gui: Gui) -> InspectionEditor:
    window = gui.window
    assert window is not None
    code = offices.list_offices(window.env.context.db, office_type="pishkhan")[0]["code"]
    window.open_inspection(workflow.start_inspection(window.env.context, code))
    assert window.editor is not None
    return window.editor


def confirm(qtbot: Any) -> None:
    box = message_boxes("confirmBox")[0]
    qtbot.mouseClick(box.findChild(QPushButton, "confirmYes"), Qt.MouseButton.LeftButton)


def test_interviews_add_edit_remove(qtbot: Any, gui: Gui) -> None:
    editor = open_editor(gui)
    panel = editor.interviews
    assert panel is not None
    editor.nav.setCurrentRow(len(editor.section_items))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert sorted(panel.groups) == [1, 2]
    # A conditional item inside an interview follows that interview's own answer.
    receipt = editor.items[("iv_receipt", 2)]
    assert receipt.isHidden()
    fee = editor.items[("iv_fee_vs_tariff", 2)].first_input()
    fee.setCurrentIndex(fee.findData("above_tariff"))
    fee.activated.emit(fee.currentIndex())
    assert not receipt.isHidden() and editor.items[("iv_receipt", 1)].isHidden()
    qtbot.mouseClick(editor.items[("iv_overall", 1)]._buttons[5], Qt.MouseButton.LeftButton)
    remove = panel.groups[1].findChild(QPushButton, "removeInterview")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    confirm(qtbot)
    assert sorted(panel.groups) == [2]
    assert contents.interview_indices(editor.session.db, editor.inspection_id) == [2]
    answers = contents.answers_of(editor.session.db, editor.inspection_id)
    assert ("iv_overall", 1) not in answers
    assert answers[("iv_fee_vs_tariff", 2)] == "above_tariff"
    assert "۱ مصاحبه" in panel.summary.text()


def test_findings_prefilled_edited_with_a_jalali_deadline(qtbot: Any, gui: Gui) -> None:
    editor = open_editor(gui)
    failed = editor.items[("licence_holder_present", 0)]
    qtbot.mouseClick(failed._buttons["no"], Qt.MouseButton.LeftButton)
    editor.nav.setCurrentRow(editor.nav.count() - 1)  # the findings page
    cards = editor.findings.cards
    assert len(cards) == 1 and cards[0].item_id == "licence_holder_present"
    # Written as a finding, in the form's words, not as the question.
    assert (
        cards[0].description.text()
        == "دارندهٔ پروانه یا مدیر مسئول معرفی‌شده در زمان بازرسی در دفتر حضور نداشت."
    )
    assert "؟" not in cards[0].description.text()
    card = cards[0]
    card.action.setFocus()
    type_text(card.action, "معرفی مدیر مسئول به استانداری")
    card.has_deadline.setChecked(True)
    card.deadline.set_value(dt.date(2025, 3, 20))  # 1403/12/30
    assert card.deadline.text() == "۱۴۰۳/۱۲/۳۰"
    assert editor.flush()
    stored = contents.findings_of(editor.session.db, editor.inspection_id)
    assert len(stored) == 1
    assert stored[0]["corrective_action"] == "معرفی مدیر مسئول به استانداری"
    assert stored[0]["deadline"] == "2025-03-20"
    # Prefilling again adds nothing for an item that already has a finding.
    qtbot.mouseClick(editor.findings.prefill_button, Qt.MouseButton.LeftButton)
    assert len(editor.findings.cards) == 1
    # A finding of one's own.
    qtbot.mouseClick(editor.findings.add_button, Qt.MouseButton.LeftButton)
    type_text(editor.findings.cards[-1].description, "کپسول آتش‌نشانی منقضی است")
    assert editor.flush()
    assert len(contents.findings_of(editor.session.db, editor.inspection_id)) == 2
    qtbot.mouseClick(editor.findings.cards[-1].remove_button, Qt.MouseButton.LeftButton)
    confirm(qtbot)
    assert len(contents.findings_of(editor.session.db, editor.inspection_id)) == 1
