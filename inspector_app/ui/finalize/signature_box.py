"""One signer's box in the finalize dialog: name, pad, clear/undo/redo and, for the office
representative, "does not sign" with a reason that the report prints."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from inspector_app.ui.finalize.signature_pad import SignaturePad, Stroke
from inspector_app.ui.qt import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)


@dataclass(frozen=True)
class SignatureInput:
    role: str
    signer_name: str
    strokes: list[Stroke]
    png: bytes | None
    declined_reason: str | None


class SignatureBox(QGroupBox):
    changed = Signal()

    def __init__(
        self, role: str, title: str, *, may_decline: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent)
        self.role = role
        self.setObjectName(f"signatureBox_{role}")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName(f"signerName_{role}")
        self.name_edit.setPlaceholderText(self.tr("نام و نام خانوادگی"))
        self.pad = SignaturePad()
        self.pad.setObjectName(f"signaturePad_{role}")
        self.clear_button = QPushButton(self.tr("پاک کردن"))
        self.clear_button.setObjectName(f"clear_{role}")
        self.undo_button = QPushButton(self.tr("واگرد"))
        self.undo_button.setObjectName(f"undo_{role}")
        self.redo_button = QPushButton(self.tr("ازنو"))
        self.redo_button.setObjectName(f"redo_{role}")
        self.clear_button.clicked.connect(self.pad.clear)
        self.undo_button.clicked.connect(self.pad.undo)
        self.redo_button.clicked.connect(self.pad.redo)
        self.decline_check = QCheckBox(self.tr("امضا نمی‌کند"))
        self.decline_check.setObjectName(f"decline_{role}")
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName(f"declineReason_{role}")
        self.reason_edit.setPlaceholderText(self.tr("دلیل امضا نکردن (در گزارش چاپ می‌شود)"))
        self.decline_check.setVisible(may_decline)
        self.reason_edit.setVisible(False)

        buttons = QHBoxLayout()
        for button in (self.clear_button, self.undo_button, self.redo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.decline_check)
        layout = QVBoxLayout(self)
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel(self.tr("نام:")))
        name_row.addWidget(self.name_edit, 1)
        layout.addLayout(name_row)
        layout.addWidget(self.pad)
        layout.addLayout(buttons)
        layout.addWidget(self.reason_edit)

        self.name_edit.textChanged.connect(self.pad.set_signer_name)
        self.name_edit.textChanged.connect(lambda _text: self.changed.emit())
        self.pad.changed.connect(self._update_buttons)
        self.pad.changed.connect(self.changed.emit)
        self.decline_check.toggled.connect(self._declined_toggled)
        self.reason_edit.textChanged.connect(lambda _text: self.changed.emit())
        self._update_buttons()

    def _declined_toggled(self, declined: bool) -> None:
        self.reason_edit.setVisible(declined)
        self.pad.setEnabled(not declined)
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        enabled = not self.decline_check.isChecked()
        self.clear_button.setEnabled(enabled and not self.pad.is_empty())
        self.undo_button.setEnabled(enabled and self.pad.can_undo())
        self.redo_button.setEnabled(enabled and self.pad.can_redo())

    def load(self, stored: dict[str, Any] | None, default_name: str) -> None:
        """Show what is saved for this role (or an empty pad with the default name)."""
        self.name_edit.setText((stored or {}).get("signer_name") or default_name)
        if stored is None:
            return
        if stored.get("declined_reason"):
            self.decline_check.setChecked(True)
            self.reason_edit.setText(stored["declined_reason"])
        self.pad.set_strokes(json.loads(stored.get("strokes") or "[]"))

    def value(self) -> SignatureInput | None:
        """What to save, or None when the box holds nothing yet."""
        name = self.name_edit.text().strip()
        if self.decline_check.isChecked():
            reason = self.reason_edit.text().strip()
            if not reason:
                return None
            return SignatureInput(self.role, name, [], None, reason)
        if self.pad.is_empty():
            return None
        return SignatureInput(self.role, name, self.pad.strokes(), self.pad.to_png(), None)
