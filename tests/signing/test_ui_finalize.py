"""The finalize dialog driven as a user does: draw signatures with the mouse, type the
passphrase, confirm the lock, wait for the background finalize; and the signature pad alone."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from inspector_app.pdf.verify import verify_pdf
from inspector_app.services import finalize
from inspector_app.services.context import AppContext
from inspector_app.services.signing import identity as identity_service
from inspector_app.storage import contents, identities, inspections, settings
from inspector_app.storage.identities import StoredIdentity
from inspector_app.storage.settings import InspectorProfile
from inspector_app.ui.events import DataEvents
from inspector_app.ui.finalize.certificate_box import CertificateBox, IdentityDialog
from inspector_app.ui.finalize.finalize_dialog import FinalizeDialog
from inspector_app.ui.finalize.signature_pad import SignaturePad
from inspector_app.ui.finalize.verify_dialog import VerifyDialog
from inspector_app.ui.qt import QApplication, QEvent, QMessageBox, QPointF, Qt, QWidget
from tests.helpers.signing import ARTIFACTS, PASSPHRASE, pdfsig, render_last_page

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("propagateSizeHints")]  # fmt: skip


def draw(widget: QWidget, points: list[tuple[float, float]]) -> None:
    """One stroke: press at the first point, move through the rest with the button held."""
    from PySide6.QtGui import QMouseEvent

    def send(kind: QEvent.Type, x: float, y: float, button: Qt.MouseButton,
             buttons: Qt.MouseButton) -> None:  # fmt: skip
        local = QPointF(x, y)
        event = QMouseEvent(kind, local, widget.mapToGlobal(local), button, buttons,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
        QApplication.sendEvent(widget, event)

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    send(QEvent.Type.MouseButtonPress, *points[0], left, left)
    for x, y in points[1:]:
        send(QEvent.Type.MouseMove, x, y, none, left)
    send(QEvent.Type.MouseButtonRelease, *points[-1], left, none)


def zigzag(x0: float, y0: float, n: int = 12) -> list[tuple[float, float]]:
    return [(x0 + i * 20, y0 + (25 if i % 2 else -25)) for i in range(n)]


def click_confirm_yes(qtbot: Any) -> None:
    def box() -> QMessageBox | None:
        for widget in QApplication.topLevelWidgets():
            for found in [widget, *widget.findChildren(QMessageBox)]:
                if (
                    isinstance(found, QMessageBox)
                    and found.isVisible()
                    and found.objectName() == "confirmBox"
                ):
                    return found
        return None

    qtbot.waitUntil(lambda: box() is not None, timeout=5000)
    confirm = box()
    assert confirm is not None and "قفل" in confirm.text()
    yes = confirm.findChild(QWidget, "confirmYes")
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)


def confirm_shown() -> bool:
    return any(
        isinstance(found, QMessageBox) and found.isVisible() and found.objectName() == "confirmBox"
        for widget in QApplication.topLevelWidgets()
        for found in [widget, *widget.findChildren(QMessageBox)]
    )


def retype(qtbot: Any, edit: QWidget, text: str) -> None:
    """Select all of a field with the keyboard and type `text` over it."""
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def message_boxes_list() -> list[QMessageBox]:
    return [
        found
        for widget in QApplication.topLevelWidgets()
        for found in [widget, *widget.findChildren(QMessageBox)]
        if isinstance(found, QMessageBox) and found.isVisible()
    ]


def message_boxes_open() -> bool:
    return bool(message_boxes_list())


def close_boxes() -> None:
    for widget in QApplication.topLevelWidgets():
        for found in [widget, *widget.findChildren(QMessageBox)]:
            if isinstance(found, QMessageBox) and found.isVisible():
                found.close()


def test_signature_pad_strokes_undo_redo_clear_png(qtbot: Any) -> None:
    pad = SignaturePad("مریم احمدی")
    qtbot.addWidget(pad)
    pad.resize(420, 170)
    pad.show()
    assert pad.is_empty()
    draw(pad, zigzag(40, 70))
    draw(pad, [(60, 120), (200, 122), (330, 118)])
    assert len(pad.strokes()) == 2 and len(pad.strokes()[0]) == 12
    pad.undo()
    assert len(pad.strokes()) == 1
    pad.redo()
    assert len(pad.strokes()) == 2
    pad.clear()
    assert pad.is_empty()
    pad.undo()  # the clear itself can be undone
    assert len(pad.strokes()) == 2
    png = pad.to_png()
    image = Image.open(io.BytesIO(png))
    assert image.mode == "RGBA"
    alpha = image.getchannel("A")
    assert alpha.getextrema() == (0, 255)  # transparent background, opaque ink
    assert image.getpixel((0, 0))[3] == 0
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pad.grab().save(str(ARTIFACTS / "signature-pad.png"))
    (ARTIFACTS / "signature-strokes.png").write_bytes(png)


def test_finalize_dialog_end_to_end(
    qtbot: Any, context: AppContext, draft: str, identity: StoredIdentity, tmp_path: Path
) -> None:
    dialog = FinalizeDialog(context, DataEvents(), draft)
    qtbot.addWidget(dialog)
    dialog.show()
    codes = {p.code for p in dialog.problems()}
    assert codes == {"inspector_signature", "representative_signature"}
    assert dialog.problems_list.count() == 2

    draw(dialog.inspector_box.pad, zigzag(40, 70))
    draw(dialog.inspector_box.pad, [(50, 120), (300, 121)])
    draw(dialog.rep_box.pad, zigzag(60, 60, 10))
    assert dialog.problems_list.count() == 0
    dialog.rep_box.name_edit.setText("زهرا محمدی")

    # With an identity: one field, to unlock it.
    assert dialog.passphrase_edit.isVisible() and not dialog.identity_form.isVisible()
    # First a wrong passphrase: refused inline before the lock is even offered; still a draft.
    qtbot.keyClicks(dialog.passphrase_edit, "wrong-passphrase")
    qtbot.mouseClick(dialog.finalize_button, Qt.MouseButton.LeftButton)
    assert "گذرواژه درست نیست" in dialog.error_label.text()
    assert not confirm_shown() and not message_boxes_open()
    assert inspections.get(context.db, draft)["status"] == "draft"
    assert context.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0

    retype(qtbot, dialog.passphrase_edit, PASSPHRASE)
    assert dialog.error_label.text() == ""  # typing again clears the refusal
    dialog.grab().save(str(ARTIFACTS / "finalize-dialog.png"))
    with qtbot.waitSignal(dialog.finalized, timeout=60_000) as blocker:
        qtbot.mouseClick(dialog.finalize_button, Qt.MouseButton.LeftButton)
        click_confirm_yes(qtbot)
    result = blocker.args[0]
    assert isinstance(result, finalize.FinalizeResult)

    row = inspections.get(context.db, draft)
    assert row["status"] == "finalized" and row["canonical_sha256"] == result.canonical_sha256
    signatures = {s["role"]: s for s in contents.signatures_of(context.db, draft)}
    assert signatures["representative"]["signer_name"] == "زهرا محمدی"
    assert signatures["inspector"]["png"].startswith(b"\x89PNG")
    pdf = tmp_path / "signed.pdf"
    pdf.write_bytes(finalize.signed_pdf(context.db, draft))
    assert "Signature is Valid" in pdfsig(pdf)
    assert verify_pdf(pdf.read_bytes()).ok
    render_last_page(pdf, "ui-finalized-last-page", resolution=90)

    # The verify dialog shows the same verdict.
    verify = VerifyDialog(context.db)
    qtbot.addWidget(verify)
    shown = verify.verify_file(pdf)
    assert shown is not None and shown.ok
    assert verify.fields["signer"].text() == "مریم احمدی"
    assert verify.fields["database"].text() == "با بازرسی ثبت‌شده می‌خواند"
    verify.show()
    verify.grab().save(str(ARTIFACTS / "verify-dialog.png"))


def test_problem_click_jumps_to_the_item(qtbot: Any, context: AppContext) -> None:
    from tests.core.helpers import new_draft

    inspection_id = new_draft(context)
    dialog = FinalizeDialog(context, DataEvents(), inspection_id)
    qtbot.addWidget(dialog)
    dialog.show()
    first_item = next(p for p in dialog.problems() if p.item_id)
    row = next(
        i for i in range(dialog.problems_list.count())
        if dialog.problems_list.item(i).text() == first_item.message
    )  # fmt: skip
    with qtbot.waitSignal(dialog.jump_to_item, timeout=2000) as blocker:
        dialog.problems_list.itemClicked.emit(dialog.problems_list.item(row))
    assert blocker.args == [first_item.item_id, 0]
    assert not dialog.isVisible()


def test_finalize_without_identity_asks_the_passphrase_twice_before_the_lock(
    qtbot: Any, context: AppContext, ready: str
) -> None:
    """No identity yet ("later" at first start): the identity form, with the new passphrase
    typed twice and checked before «finalize and lock?» is offered."""
    assert identities.active(context.db) is None
    dialog = FinalizeDialog(context, DataEvents(), ready)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.identity_form
    assert form.isVisible() and not dialog.passphrase_edit.isVisible()
    assert "دو بار" in dialog.identity_label.text()

    def refused(fragment: str) -> None:
        qtbot.mouseClick(dialog.finalize_button, Qt.MouseButton.LeftButton)
        assert fragment in dialog.error_label.text()
        assert not confirm_shown() and not message_boxes_open()
        assert identities.active(context.db) is None
        assert inspections.get(context.db, ready)["status"] == "draft"

    refused("گذرواژهٔ تازه را بنویسید")
    qtbot.keyClicks(form.passphrase_edit, "nine-char")  # one short of the rule
    assert form.passphrase_problem.isVisible() and "کوتاه" in form.passphrase_problem.text()
    refused("کوتاه")
    qtbot.keyClicks(form.passphrase_edit, "s")
    assert form.passphrase_problem.property("verdict") == "good"
    refused("یک بار دیگر")
    qtbot.keyClicks(form.again_edit, "nine-charS")  # a typo in the second field
    assert "یکی نیستند" in form.again_problem.text()
    refused("یکی نیستند")
    retype(qtbot, form.again_edit, "nine-chars")
    assert form.again_problem.property("verdict") == "good" and form.problem() is None
    with qtbot.waitSignal(dialog.finalized, timeout=60_000):
        qtbot.mouseClick(dialog.finalize_button, Qt.MouseButton.LeftButton)
        click_confirm_yes(qtbot)
    stored = identities.active(context.db)
    assert stored is not None and stored.holder_name == "مریم احمدی"  # the profile's name
    identity_service.unlock_stored(stored, "nine-chars")
    assert inspections.get(context.db, ready)["status"] == "finalized"


def test_cancelled_lock_creates_no_identity(qtbot: Any, context: AppContext, ready: str) -> None:
    dialog = FinalizeDialog(context, DataEvents(), ready)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.identity_form.passphrase_edit, "ten-chars!")
    qtbot.keyClicks(dialog.identity_form.again_edit, "ten-chars!")
    qtbot.mouseClick(dialog.finalize_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(confirm_shown, timeout=5000)
    box = next(b for b in message_boxes_list() if b.objectName() == "confirmBox")
    no = box.findChild(QWidget, "confirmNo")
    assert no is not None
    qtbot.mouseClick(no, Qt.MouseButton.LeftButton)
    assert not confirm_shown()
    assert identities.active(context.db) is None
    assert inspections.get(context.db, ready)["status"] == "draft"
    cancel = dialog.findChild(QWidget, "cancelFinalize")
    assert cancel is not None
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_certificate_box_shows_and_exports(
    qtbot: Any, context: AppContext, identity: StoredIdentity, tmp_path: Path
) -> None:
    box = CertificateBox(context.db)
    qtbot.addWidget(box)
    box.show()
    assert box.labels["holder"].text().startswith("مریم احمدی")
    assert "خودامضا" in box.labels["issuer"].text()
    assert box.labels["fingerprint"].text().replace(":", "").lower() == identity.fingerprint_sha256
    target = tmp_path / "cert.pem"
    box.export_to(target)
    close_boxes()
    assert target.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    # A new identity from Settings: with no inspector profile it says so and makes nothing.
    qtbot.mouseClick(box.create_button, Qt.MouseButton.LeftButton)
    dialog = box.findChild(IdentityDialog, "identityDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.form.passphrase_edit, "long-enough-1")
    qtbot.keyClicks(dialog.form.again_edit, "long-enough-1")
    assert not dialog.ok_button.isEnabled() and "نام بازرس" in dialog.reason.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    # With a profile: the passphrase rule and its repetition are checked as typed, the
    # button disabled until both hold; cancelling stores nothing.
    settings.save_inspector_profile(context.db, InspectorProfile("مریم احمدی", "12345"))
    qtbot.mouseClick(box.create_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in box.findChildren(IdentityDialog) if d.isVisible())
    qtbot.keyClicks(dialog.form.passphrase_edit, "nine-char")  # the rule is 10 characters
    qtbot.keyClicks(dialog.form.again_edit, "nine-char")
    assert not dialog.ok_button.isEnabled() and dialog.form.passphrase_problem.isVisible()
    qtbot.keyClicks(dialog.form.passphrase_edit, "s")
    assert not dialog.ok_button.isEnabled()  # the two differ now
    assert dialog.form.again_problem.isVisible()
    qtbot.keyClicks(dialog.form.again_edit, "s")
    assert dialog.ok_button.isEnabled(), dialog.reason.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert identities.active(context.db) == identity
    box.grab().save(str(ARTIFACTS / "certificate-box.png"))


def test_representative_declines_in_the_dialog(qtbot: Any, context: AppContext, draft: str) -> None:
    dialog = FinalizeDialog(context, DataEvents(), draft)
    qtbot.addWidget(dialog)
    dialog.show()
    draw(dialog.inspector_box.pad, zigzag(40, 70))
    assert {p.code for p in dialog.problems()} == {"representative_signature"}
    qtbot.mouseClick(dialog.rep_box.decline_check, Qt.MouseButton.LeftButton)
    assert dialog.rep_box.reason_edit.isVisible() and not dialog.rep_box.pad.isEnabled()
    assert dialog.rep_box.value() is None  # declining needs a reason
    qtbot.keyClicks(dialog.rep_box.reason_edit, "refused")
    value = dialog.rep_box.value()
    assert value is not None and value.declined_reason == "refused" and value.png is None
    assert dialog.problems() == []
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = {s["role"]: s for s in contents.signatures_of(context.db, draft)}
    assert stored["representative"]["declined_reason"] == "refused"
    assert stored["inspector"]["png"]
    # Reopened, the dialog shows what was saved.
    again = FinalizeDialog(context, DataEvents(), draft)
    qtbot.addWidget(again)
    assert again.rep_box.decline_check.isChecked()
    assert not again.inspector_box.pad.is_empty()


def test_editor_action_finalizes_and_locks_the_editor(
    qtbot: Any, context: AppContext, draft: str, identity: StoredIdentity, data_dir: Path,
    tmp_path: Path,
) -> None:  # fmt: skip
    """In the real app window: the editor's «نهایی‌سازی و امضا» opens the dialog; after
    finalizing, the editor is read-only and offers the signed PDF and a correction."""
    from inspector_app.ui import background
    from inspector_app.ui.app import GuiApp
    from inspector_app.ui.finalize.editor_action import FinalizeActions
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.qt import QThreadPool

    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    app = GuiApp(qapp, data_dir)
    with qtbot.waitSignal(app.ready, timeout=30_000) as ready:
        assert app.start()
    window = ready.args[0]
    assert isinstance(window, MainWindow)
    try:
        window.open_inspection(draft)
        editor = window.editor
        assert editor is not None and not editor.read_only
        actions = editor.findChild(FinalizeActions, "finalizeActions")
        assert actions is not None and actions.finalize_button.isVisible()
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
        assert not actions.finalize_button.isVisible()
        assert actions.save_pdf_button.isVisible() and actions.correction_button.isVisible()
        close_boxes()
        out = tmp_path / "from-editor.pdf"
        actions.save_pdf_to(out)
        assert verify_pdf(out.read_bytes()).ok
        window.grab().save(str(ARTIFACTS / "editor-finalized.png"))
        # Settings shows the certificate and opens the verify dialog.
        window.show_page("settings")
        box = window.findChild(CertificateBox, "certificateBox")
        assert box is not None and box.isVisible()
        assert box.labels["fingerprint"].text().replace(":", "").lower() == (
            identity.fingerprint_sha256
        )
        verify = box.open_verify()
        # Signed by this laptop's own self-signed identity: said so, not called valid.
        shown = verify.verify_file(out)
        assert shown is not None and shown.verdict == "own"
        assert verify.verdict.text().startswith("امضا با شناسهٔ خود این رایانه")
        verify.close()
        window.grab().save(str(ARTIFACTS / "settings-certificate.png"))
    finally:
        close_boxes()
        qtbot.waitUntil(lambda: background.running_count() == 0, timeout=60_000)
        QThreadPool.globalInstance().waitForDone(60_000)
        window.close()
        app.shutdown()
        window.deleteLater()


def test_settings_makes_a_new_identity_only_once_the_passphrase_holds(
    qtbot: Any, context: AppContext, identity: StoredIdentity
) -> None:
    settings.save_inspector_profile(context.db, InspectorProfile("مریم احمدی", "12345"))
    box = CertificateBox(context.db)
    qtbot.addWidget(box)
    box.show()
    qtbot.mouseClick(box.create_button, Qt.MouseButton.LeftButton)
    dialog = box.findChild(IdentityDialog, "identityDialog")
    assert dialog is not None
    qtbot.keyClicks(dialog.form.passphrase_edit, "a-new-passphrase")
    qtbot.keyClicks(dialog.form.again_edit, "a-new-passphrase")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: identities.active(context.db) != identity, timeout=30_000)
    made = identities.active(context.db)
    assert made is not None
    assert box.labels["fingerprint"].text().replace(":", "").lower() == made.fingerprint_sha256
    identity_service.unlock_stored(made, "a-new-passphrase")  # the passphrase typed twice
