"""A «خیر» opens its follow-up right under the item: the finding in the form's words, the
corrective action, a Jalali deadline and photos. It is the same record as on the findings
page; changing the answer keeps a follow-up with something typed into it, never silently
drops text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from inspector_app.services import workflow
from inspector_app.storage import contents
from inspector_app.ui.editor.editor import InspectionEditor
from inspector_app.ui.editor.followup import FollowUpPanel
from inspector_app.ui.qt import QFileDialog, QPushButton, Qt
from tests.helpers.gui import (
    Gui,
    make_jpeg,
    message_boxes,
    open_editor,
    type_text,
    wait_for_background,
)

LEFT = Qt.MouseButton.LeftButton
HOLDER_ABSENT = "دارندهٔ پروانه یا مدیر مسئول معرفی‌شده در زمان بازرسی در دفتر حضور نداشت."


def go_to(qtbot: Any, editor: InspectionEditor, row: int) -> None:
    """Click a row of the section list, as the inspector does."""
    editor.nav.scrollToItem(editor.nav.item(row))
    rect = editor.nav.visualItemRect(editor.nav.item(row))
    qtbot.mouseClick(editor.nav.viewport(), LEFT, pos=rect.center())
    assert editor.nav.currentRow() == row


def click(qtbot: Any, editor: InspectionEditor, widget: Any) -> None:
    page = editor.nav.currentRow()
    if page < len(editor.scrolls) and editor.scrolls[page].isAncestorOf(widget):
        editor.scrolls[page].ensureWidgetVisible(widget, 10, 10)
    qtbot.mouseClick(widget, LEFT, pos=widget.rect().center())


def panel_of(editor: InspectionEditor, item_id: str) -> FollowUpPanel:
    panel = editor.finding_links.panels.get(item_id)
    assert panel is not None
    return panel


def confirm(qtbot: Any) -> None:
    box = message_boxes("confirmBox")[0]
    qtbot.mouseClick(box.findChild(QPushButton, "confirmYes"), LEFT)


def test_a_no_opens_the_follow_up_and_the_findings_page_edits_the_same_record(
    qtbot: Any, gui: Gui
) -> None:
    editor = open_editor(qtbot, gui)
    item = editor.items[("licence_holder_present", 0)]
    assert "licence_holder_present" not in editor.finding_links.panels  # nothing before «خیر»
    click(qtbot, editor, item._buttons["no"])
    panel = panel_of(editor, "licence_holder_present")
    assert panel.isVisible() and item.isAncestorOf(panel)
    # Right under the answer: below the answer buttons, inside the item's frame.
    assert (
        panel.mapTo(item, panel.rect().topLeft()).y()
        > item._buttons["no"].mapTo(item, item._buttons["no"].rect().bottomLeft()).y()
    )
    assert panel.card.description.text() == HOLDER_ABSENT
    assert not panel.notice.isVisible()

    click(qtbot, editor, panel.card.action)
    type_text(panel.card.action, "معرفی مدیر مسئول به استانداری")
    click(qtbot, editor, panel.card.has_deadline)
    assert panel.card.deadline.isEnabled()
    assert editor.flush()
    (stored,) = contents.findings_of(editor.session.db, editor.inspection_id)
    assert stored["item_id"] == "licence_holder_present"
    assert stored["description"] == HOLDER_ABSENT
    assert stored["corrective_action"] == "معرفی مدیر مسئول به استانداری"
    assert stored["deadline"] is not None

    # The findings page shows that record, not a copy; an edit there shows under the item.
    go_to(qtbot, editor, editor.nav.count() - 1)
    (card,) = editor.findings.cards
    assert card.finding_id == stored["id"]
    assert card.action.toPlainText() == "معرفی مدیر مسئول به استانداری"
    click(qtbot, editor, card.action)
    card.action.moveCursor(card.action.textCursor().MoveOperation.End)
    type_text(card.action, " ظرف یک هفته")
    go_to(qtbot, editor, 0)
    assert panel.card.action.toPlainText() == "معرفی مدیر مسئول به استانداری ظرف یک هفته"
    assert len(contents.findings_of(editor.session.db, editor.inspection_id)) == 1


def test_leaving_no_drops_an_untouched_follow_up_and_keeps_a_typed_one(
    qtbot: Any, gui: Gui
) -> None:
    editor = open_editor(qtbot, gui)
    item = editor.items[("licence_holder_present", 0)]
    click(qtbot, editor, item._buttons["no"])
    panel = panel_of(editor, "licence_holder_present")
    click(qtbot, editor, item._buttons["yes"])  # a slip of the hand, nothing typed yet
    assert not panel.isVisible()
    assert contents.findings_of(editor.session.db, editor.inspection_id) == []

    click(qtbot, editor, item._buttons["no"])
    assert panel.isVisible() and panel.card.action.toPlainText() == ""
    click(qtbot, editor, panel.card.action)
    type_text(panel.card.action, "نصب تابلوی نام مدیر")
    click(qtbot, editor, item._buttons["na"])  # typed text is never dropped silently
    assert panel.isVisible() and panel.notice.isVisible()
    assert "«خیر» نیست" in panel.notice.text()
    assert panel.card.action.toPlainText() == "نصب تابلوی نام مدیر"
    (kept,) = contents.findings_of(editor.session.db, editor.inspection_id)
    assert kept["corrective_action"] == "نصب تابلوی نام مدیر"
    assert (
        contents.answers_of(editor.session.db, editor.inspection_id)[("licence_holder_present", 0)]
        == "na"
    )

    # Removing it is the inspector's own, confirmed step.
    click(qtbot, editor, panel.card.remove_button)
    confirm(qtbot)
    assert contents.findings_of(editor.session.db, editor.inspection_id) == []
    assert not panel.isVisible()


def test_photos_of_a_failed_item_are_taken_in_its_follow_up(
    qtbot: Any, gui: Gui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = open_editor(qtbot, gui)
    photo = make_jpeg(tmp_path / "pics" / "no-ramp.jpg", (800, 600))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(photo)], ""))
    )
    go_to(qtbot, editor, 3)  # access for people with disabilities
    item = editor.items[("ramp", 0)]
    click(qtbot, editor, item._buttons["no"])
    panel = panel_of(editor, "ramp")
    click(qtbot, editor, panel.photos.add_button)
    qtbot.waitUntil(lambda: panel.photos.count() == 1, timeout=10_000)
    wait_for_background(qtbot)
    photos = contents.photos_of(editor.session.db, editor.inspection_id)
    assert [(p["item_id"], p["repeat_index"]) for p in photos] == [("ramp", 0)]
    click(qtbot, editor, item._buttons["yes"])  # the photo is something added: kept
    assert panel.isVisible() and panel.notice.isVisible()
    assert workflow.follow_up_of(editor.session.db, editor.inspection_id, "ramp") is not None


def test_a_finalized_inspection_shows_its_follow_ups_read_only(qtbot: Any, gui: Gui) -> None:
    editor = open_editor(qtbot, gui)
    go_to(qtbot, editor, 2)
    item = editor.items[("queue_system", 0)]
    click(qtbot, editor, item._buttons["no"])
    assert editor.flush()
    editor.session.db.execute(
        "UPDATE inspections SET status = 'finalized' WHERE id = ?", [editor.inspection_id]
    )
    editor.session.db.conn.commit()
    editor.reload()
    panel = panel_of(editor, "queue_system")
    assert editor.read_only and panel.isVisible()
    assert panel.card.description.isReadOnly() and not panel.card.remove_button.isVisible()
    assert not panel.photos.add_button.isEnabled()
