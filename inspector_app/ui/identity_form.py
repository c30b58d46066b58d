"""The signing identity chosen in one widget: a new key with a self-signed certificate, or the
governorate's PKCS#12 file; either way a new passphrase typed twice.

Every rule is checked as the inspector types, next to its field, so a mistake is seen before
anything irreversible: the key is encrypted under exactly what was typed, and a passphrase
forgotten or mistyped can never be recovered. Used by the first-run dialog and, when there is
no identity yet, by the finalize dialog.
"""

from __future__ import annotations

from pathlib import Path

from inspector_app.services.signing import identity as identity_service
from inspector_app.ui import fmt, theme
from inspector_app.ui.qt import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


def _note(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def _with_note(field: QWidget | QHBoxLayout, note: QLabel) -> QWidget:
    """A field with its message under it (the message is next to what it is about)."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    if isinstance(field, QHBoxLayout):
        layout.addLayout(field)
    else:
        layout.addWidget(field)
    layout.addWidget(note)
    return column


def _secret(name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


class IdentityForm(QWidget):
    """How the identity is made and under which passphrase; `request()` when `problem()` is
    None. `changed` is emitted on every edit (the dialog re-checks its buttons)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, allow_import: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("identityForm")
        self.holder_name: str | None = None  # checked as a certificate name when it is set

        self.create_choice = QPushButton(self.tr("ساخت گواهی تازه (خودامضا)"))
        self.create_choice.setObjectName("identityCreateChoice")
        self.import_choice = QPushButton(
            self.tr("ورود گواهی استانداری ({format})").format(format=fmt.ltr("PKCS#12"))
        )
        self.import_choice.setObjectName("identityImportChoice")
        self.choices = QButtonGroup(self)
        for button in (self.create_choice, self.import_choice):
            button.setCheckable(True)
            self.choices.addButton(button)
        self.create_choice.setChecked(True)
        self.choices.buttonClicked.connect(lambda _b: self._refresh())
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.create_choice)
        choice_row.addWidget(self.import_choice)
        choice_row.addStretch(1)
        self.import_choice.setVisible(allow_import)

        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("pkcs12Path")
        self.file_edit.setPlaceholderText(self.tr("پروندهٔ .p12 یا .pfx که استانداری داده است"))
        self.browse_button = QPushButton(self.tr("انتخاب پرونده…"))
        self.browse_button.setObjectName("pkcs12Browse")
        self.browse_button.clicked.connect(self._browse)
        self.file_problem = _note("pkcs12Problem")
        self.p12_password = _secret("pkcs12Password", self.tr("رمزی که همراه پرونده داده شده"))
        file_row = QHBoxLayout()
        file_row.setContentsMargins(0, 0, 0, 0)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        self.import_fields = QWidget()
        import_form = QFormLayout(self.import_fields)
        import_form.setContentsMargins(0, 0, 0, 0)
        import_form.addRow(self.tr("پروندهٔ PKCS#12"), _with_note(file_row, self.file_problem))
        import_form.addRow(self.tr("رمز پرونده"), self.p12_password)

        self.rule_label = QLabel(
            self.tr(
                "گذرواژهٔ تازهٔ کلید امضا دست‌کم {count} نویسه باشد؛ آن را دو بار بنویسید. "
                "هر بار امضا همین گذرواژه پرسیده می‌شود و اگر فراموش شود بازیابی نمی‌شود."
            ).format(count=fmt.plain_int(identity_service.MIN_PASSPHRASE))
        )
        self.rule_label.setObjectName("passphraseRule")
        self.rule_label.setWordWrap(True)
        self.passphrase_edit = _secret("newPassphrase", self.tr("گذرواژهٔ تازه"))
        self.passphrase_problem = _note("passphraseProblem")
        self.again_edit = _secret("newPassphraseAgain", self.tr("تکرار همان گذرواژه"))
        self.again_problem = _note("passphraseAgainProblem")
        self.holder_problem = _note("holderProblem")
        theme.set_state(self.holder_problem, "verdict", "bad")
        secrets = QFormLayout()
        secrets.setContentsMargins(0, 0, 0, 0)
        secrets.addRow(
            self.tr("گذرواژهٔ تازه"), _with_note(self.passphrase_edit, self.passphrase_problem)
        )
        secrets.addRow(self.tr("تکرار گذرواژه"), _with_note(self.again_edit, self.again_problem))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(choice_row)
        layout.addWidget(self.holder_problem)
        layout.addWidget(self.import_fields)
        layout.addWidget(self.rule_label)
        layout.addLayout(secrets)

        for edit in (self.file_edit, self.p12_password, self.passphrase_edit, self.again_edit):
            edit.textChanged.connect(lambda _t: self._refresh())
        self._refresh()

    # -- state -----------------------------------------------------------------------------
    @property
    def importing(self) -> bool:
        return self.import_choice.isChecked()

    def pkcs12_path(self) -> Path | None:
        text = self.file_edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_holder_name(self, name: str | None) -> None:
        self.holder_name = name
        self._refresh()

    def _file_problem(self) -> str | None:
        path = self.pkcs12_path()
        if path is None:
            return self.tr("پروندهٔ PKCS#12 را برگزینید.")
        if not path.is_file():
            return self.tr("این پرونده پیدا نشد.")
        return None

    def _holder_problem(self) -> str | None:
        name = self.holder_name
        if self.importing or name is None:
            return None
        if not name.strip():
            return self.tr("نام بازرس خالی است؛ آن را در تنظیمات وارد کنید.")
        if not identity_service.holder_name_ok(name.strip()):
            return self.tr(
                "نام بازرس («{name}») در گواهی به کار نمی‌رود: با حرف آغاز و پایان شود و "
                "حروف فارسی و لاتین را با هم نیامیزد. آن را در تنظیمات درست کنید."
            ).format(name=name)
        return None

    def _passphrase_problem(self) -> str | None:
        text = self.passphrase_edit.text()
        if not text:
            return self.tr("گذرواژهٔ تازه را بنویسید.")
        if not identity_service.passphrase_ok(text):
            return self.tr("گذرواژه کوتاه است: {count} نویسه از دست‌کم {minimum}.").format(
                count=fmt.plain_int(len(text)),
                minimum=fmt.plain_int(identity_service.MIN_PASSPHRASE),
            )
        return None

    def _again_problem(self) -> str | None:
        again = self.again_edit.text()
        if not again:
            return self.tr("گذرواژه را یک بار دیگر بنویسید.")
        if again != self.passphrase_edit.text():
            return self.tr("دو گذرواژه یکی نیستند.")
        return None

    def problem(self) -> str | None:
        """The first thing that keeps the identity from being made, in Persian; None if none."""
        checks = [self._holder_problem()]
        if self.importing:
            checks.append(self._file_problem())
            if not self.p12_password.text():
                checks.append(self.tr("رمز پروندهٔ PKCS#12 را بنویسید."))
        checks += [self._passphrase_problem(), self._again_problem()]
        return next((c for c in checks if c), None)

    def is_valid(self) -> bool:
        return self.problem() is None

    def request(self) -> identity_service.IdentityRequest:
        """What to make; only when `is_valid()`."""
        if self.importing:
            return identity_service.IdentityRequest(
                self.passphrase_edit.text(), self.pkcs12_path(), self.p12_password.text()
            )
        return identity_service.IdentityRequest(self.passphrase_edit.text())

    def show_error(self, message: str) -> None:
        """A refusal from making the identity (wrong PKCS#12 password, ...), shown in place."""
        target = self.file_problem if self.importing else self.passphrase_problem
        target.setText(message)
        theme.set_state(target, "verdict", "bad")
        target.setVisible(True)

    def clear_secrets(self) -> None:
        for edit in (self.p12_password, self.passphrase_edit, self.again_edit):
            edit.clear()

    # -- live checks -----------------------------------------------------------------------
    @staticmethod
    def _show(label: QLabel, text: str | None, verdict: str) -> None:
        label.setText(text or "")
        theme.set_state(label, "verdict", verdict)
        label.setVisible(bool(text))

    def _refresh(self) -> None:
        self.import_fields.setVisible(self.importing)
        holder = self._holder_problem()
        self._show(self.holder_problem, holder, "bad")
        # A field's message appears once something is typed in it; an empty field is
        # explained by problem(), next to the button it keeps disabled.
        if self.file_edit.text().strip():
            self._show(self.file_problem, self._file_problem(), "bad")
        else:
            self._show(self.file_problem, None, "")
        if self.passphrase_edit.text():
            short = self._passphrase_problem()
            ok_text = self.tr("طول گذرواژه کافی است.")
            self._show(self.passphrase_problem, short or ok_text, "bad" if short else "good")
        else:
            self._show(self.passphrase_problem, None, "")
        if self.again_edit.text():
            mismatch = self._again_problem()
            ok_text = self.tr("دو گذرواژه یکی‌اند.")
            self._show(self.again_problem, mismatch or ok_text, "bad" if mismatch else "good")
        else:
            self._show(self.again_problem, None, "")
        self.changed.emit()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("پروندهٔ PKCS#12"),
            str(self.pkcs12_path() or ""),
            self.tr("PKCS#12 (*.p12 *.pfx);;همهٔ پرونده‌ها (*)"),
        )
        if chosen:
            self.file_edit.setText(chosen)
            self.p12_password.setFocus(Qt.FocusReason.OtherFocusReason)
