"""The finalize buttons in the inspection editor's top bar.

A draft gets «نهایی‌سازی و امضا» (opens the finalize dialog; a missing item jumps the editor to
it). A finalized inspection gets «ذخیرهٔ گزارش امضاشده» and «بازرسی اصلاحی».
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from inspector_app.errors import KnownError
from inspector_app.services import correction, finalize
from inspector_app.ui import messages
from inspector_app.ui.background import Changes, run_write
from inspector_app.ui.finalize.finalize_dialog import FinalizeDialog
from inspector_app.ui.qt import QFileDialog, QHBoxLayout, QPushButton, QWidget, is_alive

if TYPE_CHECKING:
    from inspector_app.ui.editor.actions import EditorHost


class FinalizeActions(QWidget):
    def __init__(self, editor: EditorHost) -> None:
        super().__init__()
        self.setObjectName("finalizeActions")
        self._editor = editor
        self.dialog: FinalizeDialog | None = None
        self.finalize_button = QPushButton(self.tr("نهایی‌سازی و امضا"))
        self.finalize_button.setObjectName("openFinalize")
        self.finalize_button.clicked.connect(self.open_dialog)
        self.save_pdf_button = QPushButton(self.tr("ذخیرهٔ گزارش امضاشده…"))
        self.save_pdf_button.setObjectName("saveSignedPdf")
        self.save_pdf_button.clicked.connect(self._save_pdf)
        self.correction_button = QPushButton(self.tr("بازرسی اصلاحی"))
        self.correction_button.setObjectName("startCorrection")
        self.correction_button.clicked.connect(self._start_correction)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.finalize_button, self.save_pdf_button, self.correction_button):
            layout.addWidget(button)
        self._update()

    def _update(self) -> None:
        draft = not self._editor.read_only
        self.finalize_button.setVisible(draft)
        self.save_pdf_button.setVisible(not draft)
        self.correction_button.setVisible(not draft)

    def open_dialog(self) -> FinalizeDialog:
        editor = self._editor
        editor.flush()  # typed answers reach the database before the checks read it
        dialog = FinalizeDialog(
            editor.env.context, editor.env.events, editor.inspection_id, editor.as_widget()
        )
        dialog.jump_to_item.connect(editor.jump_to)
        dialog.finalized.connect(self._finalized)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, _result: int) -> None:
        # The dialog may have set the departure ("now"): show it in the header.
        editor = self._editor
        if is_alive(editor) and not editor.read_only:
            editor.header.show_times(editor.session.record())

    def _finalized(self, result: finalize.FinalizeResult) -> None:
        editor = self._editor
        editor.reload()
        self._update()
        messages.show_info(
            self,
            self.tr("بازرسی نهایی و امضا شد و دیگر تغییر نمی‌کند."),
            f"sha256: {result.canonical_sha256}",
        )

    def _save_pdf(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("گزارش امضاشده"),
            f"bazres-{self._editor.inspection_id}.pdf",
            "PDF (*.pdf)",
        )
        if chosen:
            self.save_pdf_to(Path(chosen))

    def save_pdf_to(self, path: Path) -> None:
        session = self._editor.session
        try:
            path.write_bytes(session.signed_pdf())
            session.record_export("pdf", signed=True, path=path.name)
        except OSError as exc:
            messages.show_write_error(self, path, exc)
        except KnownError as exc:
            messages.show_known_error(self, exc)

    def _start_correction(self) -> None:
        editor = self._editor

        def start() -> None:
            run_write(
                self,
                editor.env.events,
                correction.start_correction,
                editor.env.context,
                editor.inspection_id,
                changes=Changes.INSPECTION,
                inspection_id=str,
                on_success=editor.env.router.open_inspection,
            )

        messages.confirm(
            self,
            self.tr(
                "یک بازرسی تازه (پیش‌نویس) برای همین دفتر ساخته می‌شود که جایگزین این بازرسی "
                "است؛ این بازرسی دست‌نخورده می‌ماند. ادامه می‌دهید؟"
            ),
            start,
        )


def finalize_action(editor: EditorHost) -> QWidget | None:
    return FinalizeActions(editor)
