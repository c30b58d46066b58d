"""Preview of an inspection's PDF report inside the app, and export to a file.

A finalized inspection shows its stored signed PDF; a draft is rendered now (off the GUI
thread) and marked as a draft. The data is gathered on the GUI thread, where the database
connection lives; only the slow rendering runs in the background.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from inspector_app.errors import KnownError
from inspector_app.services.editing import EditingSession
from inspector_app.services.report.render import render_report_with_log
from inspector_app.ui import messages, screen_fit
from inspector_app.ui.background import run_in_background
from inspector_app.ui.qt import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QIODevice,
    QLabel,
    QPdfDocument,
    QPdfView,
    QPushButton,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from inspector_app.ui.editor.actions import EditorHost


class ReportPreviewDialog(QDialog):
    """Shows the report; «ذخیرهٔ PDF» writes exactly the bytes shown."""

    def __init__(self, session: EditingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportPreview")
        self.setWindowTitle(self.tr("پیش‌نمایش گزارش"))
        self._session = session
        self._inspection_id = session.inspection_id
        self.pdf: bytes | None = None
        self.signed = False
        self._buffer: QBuffer | None = None

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel(self.tr("در حال ساختن گزارش…"), self)
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("ذخیرهٔ PDF…"), self)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_as)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        # The view scrolls the pages; the dialog itself is no taller than the screen.
        screen_fit.fit_to_screen(self, QSize(900, 1000))
        self._load()

    def _load(self) -> None:
        try:
            if self._session.record()["status"] != "draft":
                self._show(self._session.signed_pdf(), [], signed=True)
                return
            data = self._session.report_data()
        except KnownError as error:
            messages.show_known_error(self, error)
            return
        run_in_background(
            self,
            render_report_with_log,
            data,
            on_success=lambda result: self._show(result[0], result[1], signed=False),
            label=self.tr("در حال ساختن گزارش…"),
        )

    def _show(self, pdf: bytes, warnings: list[str], *, signed: bool) -> None:
        self.pdf = pdf
        self.signed = signed
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        state = (
            self.tr("گزارش امضاشده (نهایی)")
            if signed
            else self.tr("پیش‌نویس گزارش؛ پس از نهایی‌سازی امضا می‌شود")
        )
        if warnings:
            state += " — " + "؛ ".join(warnings)
        self.status.setText(state)
        self.save_button.setEnabled(True)

    def save_as(self, _checked: bool = False, target: Path | None = None) -> Path | None:
        """Write the shown PDF; `target` skips the file dialog (used by tests)."""
        if self.pdf is None:
            return None
        if target is None:
            name = f"bazres-{self._inspection_id.split('-')[0]}.pdf"
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("ذخیرهٔ گزارش"), str(Path.home() / name), "PDF (*.pdf)"
            )
            if not chosen:
                return None
            target = Path(chosen)
        try:
            target.write_bytes(self.pdf)
        except OSError as exc:
            messages.show_write_error(self, target, exc)
            return None
        self._session.record_export("pdf", signed=self.signed, path=target.name)
        self.status.setText(self.tr("ذخیره شد: ") + str(target))
        return target


def preview_action(editor: EditorHost) -> QWidget:
    """The editor's «پیش‌نمایش گزارش» button (drafts and finalized inspections alike)."""
    button = QPushButton(button_text())
    button.setObjectName("previewReport")

    def open_preview() -> None:
        editor.flush()  # what was just typed is in the report
        dialog = ReportPreviewDialog(editor.session, editor.as_widget())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    button.clicked.connect(open_preview)
    return button


def button_text() -> str:
    return QCoreApplication.translate("ReportPreviewDialog", "پیش‌نمایش و خروجی PDF")
