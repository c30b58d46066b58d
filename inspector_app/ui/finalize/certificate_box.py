"""Settings box for the signing certificate: holder, issuer, validity, fingerprint; export the
public certificate for the governorate; import a PKCS#12; make a self-signed one to try."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from inspector_app.errors import KnownError
from inspector_app.services import inspector
from inspector_app.services.signing import identity as identity_service
from inspector_app.ui import fmt, messages, screen_fit
from inspector_app.ui.background import run_in_background
from inspector_app.ui.finalize.verify_dialog import VerifyDialog
from inspector_app.ui.identity_form import IdentityForm
from inspector_app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
)


class IdentityDialog(QDialog):
    """A new signing identity from Settings: the shared identity form (passphrase twice,
    checked as typed); «ساخت» stays disabled until it holds, and the key is made off the GUI
    thread. Nothing is stored unless the identity was made."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, importing: bool) -> None:
        super().__init__(parent)
        self.setObjectName("identityDialog")
        self.setWindowTitle(
            self.tr("ورود گواهی استانداری") if importing else self.tr("گواهی خودامضای آزمایشی")
        )
        self._db = db
        self.profile = inspector.profile(db)
        self.form = IdentityForm(self)
        self.form.set_holder_name(self.profile.name)
        (self.form.import_choice if importing else self.form.create_choice).click()
        self.reason = QLabel()
        self.reason.setObjectName("identityDialogReason")
        self.reason.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(
            self.tr("ساخت کلید امضا"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("identityDialogOk")
        self.ok_button.clicked.connect(self._make)
        buttons.rejected.connect(self.reject)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.form)
        column.addWidget(self.reason)
        screen_fit.scrolling_body(self, body, buttons)
        screen_fit.fit_to_screen(self, self.sizeHint().expandedTo(QSize(520, 0)))
        self.task: object | None = None
        self.form.changed.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        problem = self.form.problem()
        self.ok_button.setEnabled(problem is None and self.task is None)
        self.reason.setText(problem or "")
        self.reason.setVisible(bool(problem))

    def _make(self) -> None:
        if not self.form.is_valid() or self.task is not None:
            return
        self.task = run_in_background(
            self,
            identity_service.make_identity,
            self.form.request(),
            self.profile.name,
            self.profile.personnel_no,
            on_success=self._made,
            on_failure=self._failed,
            label=self.tr("در حال ساخت کلید امضا…"),
        )
        self._refresh()

    def _made(self, new: identity_service.NewIdentity) -> None:
        self.task = None
        try:
            identity_service.store(self._db, new, source=self.form.request().source)
        except KnownError as exc:
            self.form.show_error(messages.error_text(exc))
            self._refresh()
            return
        self.form.clear_secrets()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self._refresh()
        if isinstance(error, KnownError):
            self.form.show_error(messages.error_text(error))
        else:
            messages.report_exception(self, error)


class CertificateBox(QGroupBox):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("گواهی امضای دیجیتال"))
        self.setObjectName("certificateBox")
        self._db = db
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, title in (
            ("holder", QT_TRANSLATE_NOOP("CertificateBox", "دارنده")),
            ("issuer", QT_TRANSLATE_NOOP("CertificateBox", "صادرکننده")),
            ("validity", QT_TRANSLATE_NOOP("CertificateBox", "اعتبار")),
            ("fingerprint", QT_TRANSLATE_NOOP("CertificateBox", "اثر انگشت SHA-256")),
        ):
            label = QLabel("—")
            label.setObjectName(f"cert_{key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key] = label
            form.addRow(self.tr(title), label)
        self.export_button = QPushButton(self.tr("ذخیرهٔ گواهی عمومی برای استانداری…"))
        self.export_button.setObjectName("exportCertificate")
        self.export_button.clicked.connect(self._export)
        self.import_button = QPushButton(
            self.tr("ورود گواهی استانداری ({format})…").format(format=fmt.ltr("PKCS#12"))
        )
        self.import_button.setObjectName("importPkcs12")
        self.import_button.clicked.connect(self._import)
        self.create_button = QPushButton(self.tr("ساخت گواهی خودامضای آزمایشی…"))
        self.create_button.setObjectName("createIdentity")
        self.create_button.clicked.connect(self._create)
        self.verify_button = QPushButton(self.tr("بررسی امضای یک گزارش PDF…"))
        self.verify_button.setObjectName("verifyPdf")
        self.verify_button.clicked.connect(self.open_verify)
        self.verify_dialog: VerifyDialog | None = None
        buttons = QHBoxLayout()
        for button in (self.export_button, self.import_button, self.create_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        verify_row = QHBoxLayout()
        verify_row.addWidget(self.verify_button)
        verify_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addLayout(verify_row)
        self.refresh()

    def open_verify(self) -> VerifyDialog:
        """The verify dialog (same verdict as `inspector-app verify`), compared with this
        data folder's database."""
        dialog = VerifyDialog(self._db, self)
        self.verify_dialog = dialog
        dialog.open()
        return dialog

    def refresh(self) -> None:
        stored = inspector.active_identity(self._db)
        self.export_button.setEnabled(stored is not None)
        if stored is None:
            for label in self.labels.values():
                label.setText("—")
            self.labels["holder"].setText(self.tr("هنوز گواهی ندارید"))
            return
        info = identity_service.certificate_info(stored.cert_pem)
        self.labels["holder"].setText(
            info.holder + (self.tr(" (نمایشی)") if stored.is_demo else "")
        )
        issuer = info.issuer + (self.tr(" — خودامضا") if info.self_signed else "")
        self.labels["issuer"].setText(issuer)
        validity = self.tr("از {start} تا {end}").format(
            start=fmt.digits(info.not_before_jalali), end=fmt.digits(info.not_after_jalali)
        )
        if info.expired():
            validity += self.tr(" — منقضی شده")
        self.labels["validity"].setText(validity)
        self.labels["fingerprint"].setText(info.fingerprint_grouped())

    def _export(self) -> None:
        stored = inspector.active_identity(self._db)
        if stored is None:
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("گواهی عمومی"), "inspector-certificate.pem", "PEM (*.pem *.crt)"
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, path: Path) -> None:
        stored = identity_service.active_identity(self._db)
        try:
            path.write_bytes(identity_service.public_certificate_pem(stored))
        except OSError as exc:
            messages.show_write_error(self, path, exc)
            return
        messages.show_info(self, self.tr("گواهی عمومی ذخیره شد."), str(path))

    def _import(self) -> None:
        self.open_identity_dialog(importing=True)

    def _create(self) -> None:
        self.open_identity_dialog(importing=False)

    def open_identity_dialog(self, *, importing: bool) -> IdentityDialog:
        dialog = IdentityDialog(self._db, self, importing=importing)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog
