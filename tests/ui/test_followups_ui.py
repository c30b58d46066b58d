"""Findings followed up, with the mouse and keys: an office whose last inspection left findings
open shows them overdue on the Offices page and in the Overview; its next inspection lists
them first on the findings page (the passed deadlines in red), the inspector marks each done,
not done or no longer applicable with a note; «انجام شد» needs a photo dropped on the card as
evidence before the inspection can be finalized; the report prints them with their outcome and
the evidence photo under the finding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inspector_app.domain.inspection_document import followup_photo_item
from inspector_app.services import finalize, workflow
from inspector_app.services.report.service import render_inspection_pdf
from inspector_app.services.signing import identity as identity_service
from inspector_app.storage import contents, drafts, followups, offices, settings
from inspector_app.ui.qt import QLabel, QPushButton, Qt
from tests.helpers.gui import (
    Gui,
    go_to_page,
    make_jpeg,
    message_boxes,
    open_editor,
    type_text,
    wait_for_background,
)
from tests.helpers.pdf_text import normalized_text
from tests.sync.factory import PASSPHRASE, finish_draft
from tests.ui.test_photo_evidence_ui import drop_files

LEFT = Qt.MouseButton.LeftButton


def test_open_findings_are_followed_up_on_the_next_visit(
    qtbot: Any, gui: Gui, artifacts: Path, tmp_path: Path
) -> None:
    assert gui.window is not None
    ctx = gui.window.env.context
    profile = settings.inspector_profile(ctx.db)
    identity_service.ensure_identity(ctx.db, profile.name, profile.personnel_no, PASSPHRASE)
    code = offices.list_offices(ctx.db, office_type="pishkhan")[0]["code"]
    first = workflow.start_inspection(ctx, code)
    late = drafts.save_finding(
        ctx.db, first, description="تابلوی تعرفه نصب نشده", deadline="2026-01-10"
    )
    soon = drafts.save_finding(
        ctx.db, first, description="نوبت‌دهی نامنظم", corrective_action="نصب دستگاه نوبت‌دهی",
        deadline="2099-01-01",
    )  # fmt: skip
    finish_draft(ctx, first)
    gui.window.env.events.inspection_changed.emit(first)

    page = go_to_page(qtbot, gui, "offices")
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r)["code"] == code)
    column = [c.title for c in model.columns].index("اقدام معوق")
    assert model.index(row, column).data() == "۱"  # one deadline passed, one still ahead

    overview = go_to_page(qtbot, gui, "overview")
    card = overview.charts.figures["actions"]
    qtbot.waitUntil(lambda: card.text() == "۱", timeout=30_000)

    editor = open_editor(qtbot, gui)
    last = editor.nav.count() - 1  # the findings page
    qtbot.mouseClick(
        editor.nav.viewport(), LEFT, pos=editor.nav.visualItemRect(editor.nav.item(last)).center()
    )
    previous = editor.findings.previous
    qtbot.waitUntil(previous.isVisible, timeout=10_000)
    assert "۱ مهلت گذشته" in previous.heading.text()
    cards = {card.finding_id: card for card in previous.cards}
    assert set(cards) == {late, soon}
    assert cards[late].findChild(QLabel, "overdueDeadline") is not None
    assert cards[soon].findChild(QLabel, "overdueDeadline") is None

    qtbot.mouseClick(cards[late].buttons["done"], LEFT)
    qtbot.mouseClick(cards[soon].buttons["not_applicable"], LEFT)
    qtbot.mouseClick(cards[soon].buttons["not_done"], LEFT)  # changes its mind
    qtbot.mouseClick(cards[soon].note, LEFT)
    type_text(cards[soon].note, "دستگاه سفارش داده شده")
    assert editor.flush()
    wait_for_background(qtbot)
    stored = {f["finding_id"]: f for f in followups.followups_of(ctx.db, editor.inspection_id)}
    assert stored[late]["outcome"] == "done"
    assert (stored[soon]["outcome"], stored[soon]["note"]) == ("not_done", "دستگاه سفارش داده شده")

    # A second click on the chosen outcome takes it back.
    qtbot.mouseClick(cards[late].buttons["done"], LEFT)
    assert editor.flush()
    assert followups.followups_of(ctx.db, editor.inspection_id)[0]["outcome"] is None
    qtbot.mouseClick(cards[late].buttons["done"], LEFT)
    assert editor.flush()

    # Done, without a photo of it: finalizing is refused until one is added.
    missing = finalize.check_ready(ctx.db, editor.inspection_id)
    assert any(p.code == "followup_evidence" for p in missing)
    assert cards[late].photos.thumbs.count() == 0
    drop_files(cards[late].photos, [make_jpeg(tmp_path / "tariff-board.jpg")])
    qtbot.waitUntil(lambda: cards[late].photos.thumbs.count() == 1, timeout=30_000)
    [photo] = [
        p
        for p in contents.photos_of(ctx.db, editor.inspection_id)
        if p["item_id"] == followup_photo_item(late)
    ]
    assert cards[soon].photos.thumbs.count() == 0
    assert not any(
        p.code == "followup_evidence" for p in finalize.check_ready(ctx.db, editor.inspection_id)
    )

    # The extracted text has no ZWNJ (tests/helpers/pdf_text.py).
    pdf = render_inspection_pdf(ctx.db, editor.inspection_id)
    (artifacts / "report-followups.pdf").write_bytes(pdf)
    editor.findings.grab().save(str(artifacts / "editor-followups.png"))
    text = normalized_text(pdf)
    assert "پیگیری یافتههای بازدید پیشین" in text, text[:3000]
    assert "انجام شد" in text and "انجام نشد" in text and "دستگاه سفارش داده شده" in text
    assert "شاهد پیگیری: تابلوی تعرفه نصب نشده" in text

    # The card's strip removes it again, as an item's does.
    cards[late].photos.thumbs.setCurrentRow(0)
    qtbot.mouseClick(cards[late].photos.remove_button, LEFT)
    qtbot.waitUntil(lambda: bool(message_boxes("confirmBox")), timeout=5_000)
    box = message_boxes("confirmBox")[0]
    qtbot.mouseClick(box.findChild(QPushButton, "confirmYes"), LEFT)
    qtbot.waitUntil(lambda: cards[late].photos.thumbs.count() == 0, timeout=10_000)
    assert photo["id"] not in {p["id"] for p in contents.photos_of(ctx.db, editor.inspection_id)}
