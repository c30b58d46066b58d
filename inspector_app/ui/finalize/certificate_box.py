"""Settings box for the signing certificate: holder, issuer, validity, fingerprint; export the
public certificate for the governorate; import a PKCS#12; make a self-signed one to try."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from inspector_app.errors import KnownError
from inspector_app.services.signing import identity as identity_service
from inspector_app.storage import identities, settings
from inspector_app.ui import fmt, messages, screen_fit
from inspector_app.ui.finalize.verify_dialog import VerifyDialog
from inspector_app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
)


class SecretsDialog(QDialog):
    """Asks for one or more passwords (PKCS#12 password, new passphrase and its repetition)."""

    def __init__(self, title: str, labels: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("secretsDialog")
        self.edits: list[QLineEdit] = []
        body = QWidget()
        form = QFormLayout(body)
        for index, label in enumerate(labels):
            edit = QLineEdit()
            edit.setObjectName(f"secret{index}")
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.edits.append(edit)
            form.addRow(label, edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        screen_fit.scrolling_body(self, body, buttons)
        screen_fit.fit_to_screen(self, self.sizeHint().expandedTo(QSize(420, 0)))

    def values(self) -> list[str]:
        return [e.text() for e in self.edits]


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
        self.import_button = QPushButton(self.tr("ورود گواهی استانداری (PKCS#12)…"))
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
        stored = identities.active(self._db)
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
        stored = identities.active(self._db)
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
            messages.show_known_error(
                self,
                KnownError(
                    QT_TRANSLATE_NOOP("Errors", "نوشتن ممکن نشد: {reason}"),
                    where=str(path),
                    reason=exc,
                ),
            )
            return
        messages.show_info(self, self.tr("گواهی عمومی ذخیره شد."), str(path))

    def _import(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("پروندهٔ PKCS#12"), "", "PKCS#12 (*.p12 *.pfx)"
        )
        if not chosen:
            return
        dialog = SecretsDialog(
            self.tr("ورود گواهی"),
            [self.tr("رمز پروندهٔ PKCS#12"), self.tr("گذرواژهٔ تازهٔ کلید"), self.tr("تکرار")],
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        password, passphrase, again = dialog.values()
        self.import_file(Path(chosen), password, passphrase, again)

    def import_file(self, path: Path, password: str, passphrase: str, again: str) -> bool:
        try:
            if passphrase != again:
                raise KnownError(
                    QT_TRANSLATE_NOOP("Errors", "دو گذرواژه یکی نیستند؛ چیزی تغییر نکرد.")
                )
            data = path.read_bytes()
            new = identity_service.import_pkcs12(data, password, passphrase)
            identity_service.store(self._db, new, source="pkcs12")
        except OSError as exc:
            messages.show_known_error(
                self,
                KnownError(
                    QT_TRANSLATE_NOOP("Errors", "پرونده خوانده نشد: {reason}"),
                    where=str(path),
                    reason=exc,
                ),
            )
            return False
        except KnownError as exc:
            messages.show_known_error(self, exc)
            return False
        self.refresh()
        return True

    def _create(self) -> None:
        dialog = SecretsDialog(
            self.tr("گواهی خودامضا"), [self.tr("گذرواژهٔ کلید"), self.tr("تکرار")], self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        passphrase, again = dialog.values()
        self.create_identity(passphrase, again)

    def create_identity(self, passphrase: str, again: str) -> bool:
        profile = settings.inspector_profile(self._db)
        try:
            if passphrase != again:
                raise KnownError(
                    QT_TRANSLATE_NOOP("Errors", "دو گذرواژه یکی نیستند؛ چیزی ساخته نشد.")
                )
            new = identity_service.create_self_signed(
                profile.name, profile.personnel_no, passphrase
            )
            identity_service.store(self._db, new)
        except KnownError as exc:
            messages.show_known_error(self, exc)
            return False
        self.refresh()
        return True
