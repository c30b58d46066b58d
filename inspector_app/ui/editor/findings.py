"""Findings: what is wrong, the corrective action and its Jalali deadline, prefilled.

A finding linked to an item is edited in two places, on this page and under the item (the
follow-up, followup.py); both show the same stored record with the same card.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from inspector_app.domain.jalali import tehran_today
from inspector_app.services.working_calendar import FINDING_DEADLINE_DAYS
from inspector_app.ui.editor.notes import LineEdit, NoteEdit, follow_content
from inspector_app.ui.editor.previous_findings import PreviousFindings
from inspector_app.ui.jalali_widgets import JalaliDateEdit
from inspector_app.ui.qt import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    Signal,
)


class FindingCard(QFrame):
    edited = Signal(object)  # the card
    left = Signal()
    remove_requested = Signal(object)

    def __init__(
        self,
        finding: dict[str, Any] | None = None,
        *,
        compact: bool = False,
        suggested: dt.date | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("findingCard")
        # The date offered until a deadline is set (EditingSession.suggested_deadline).
        self.suggested = suggested
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.finding_id: str | None = None
        self.item_id: str | None = None
        self.description = LineEdit()
        self.description.setObjectName("findingDescription")
        self.action = NoteEdit(self.tr("اقدام اصلاحی که دفتر باید انجام دهد"), collapsed=compact)
        self.action.setObjectName("correctiveAction")
        self.has_deadline = QCheckBox(self.tr("مهلت"))
        self.has_deadline.setObjectName("hasDeadline")
        self.deadline = JalaliDateEdit()
        self.deadline.setObjectName("deadline")
        self.remove_button = QPushButton(self.tr("حذف یافته"))
        self.remove_button.setObjectName("removeFinding")
        self.empty_error = QLabel(self.tr("شرح یافته خالی است؛ تا نوشته نشود ذخیره نمی‌شود."))
        self.empty_error.setObjectName("fieldError")
        self.empty_error.hide()
        self.set_finding(finding or {})
        form = QFormLayout(self)
        if compact:
            form.setContentsMargins(6, 4, 6, 4)
            form.setVerticalSpacing(4)
        form.addRow(self.tr("شرح یافته"), self.description)
        form.addRow(self.empty_error)
        form.addRow(self.tr("اقدام اصلاحی"), self.action)
        row = QHBoxLayout()
        row.addWidget(self.has_deadline)
        row.addWidget(self.deadline)
        row.addStretch(1)
        row.addWidget(self.remove_button)
        form.addRow(row)
        self.description.textChanged.connect(self._description_changed)
        self.action.textChanged.connect(lambda: self.edited.emit(self))
        self.deadline.dateChanged.connect(lambda _d: self.edited.emit(self))
        self.has_deadline.toggled.connect(self._deadline_toggled)
        self.description.focus_left.connect(self.left)
        self.action.focus_left.connect(self.left)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

    def set_finding(self, finding: dict[str, Any]) -> None:
        """Show a stored finding without emitting `edited`."""
        widgets = (self.description, self.action, self.has_deadline, self.deadline)
        for widget in widgets:
            widget.blockSignals(True)
        self.finding_id = finding.get("id")
        self.item_id = finding.get("item_id")
        if self.description.text() != (finding.get("description") or ""):
            self.description.setText(finding.get("description") or "")
            self.description.setCursorPosition(0)  # show the start of a long description
        self.action.set_text_quietly(finding.get("corrective_action") or "")
        self.has_deadline.setChecked(bool(finding.get("deadline")))
        if finding.get("deadline"):
            self.deadline.set_value(finding["deadline"])
        elif self.suggested is not None:
            self.deadline.set_value(self.suggested)
        else:
            self.deadline.set_value(tehran_today() + dt.timedelta(days=FINDING_DEADLINE_DAYS))
        self.deadline.setEnabled(self.has_deadline.isChecked() and self.has_deadline.isEnabled())
        for widget in widgets:
            widget.blockSignals(False)
        follow_content(self.description, self.description.text())
        self.empty_error.hide()

    def _description_changed(self, text: str) -> None:
        self.empty_error.setVisible(not text.strip())
        self.edited.emit(self)

    def _deadline_toggled(self, on: bool) -> None:
        self.deadline.setEnabled(on)
        self.edited.emit(self)

    def values(self) -> dict[str, Any]:
        return {
            "description": self.description.text().strip(),
            "corrective_action": self.action.toPlainText().strip(),
            "deadline": self.deadline.value().isoformat()
            if self.has_deadline.isChecked()
            else None,
            "item_id": self.item_id,
        }

    def set_read_only(self, read_only: bool) -> None:
        self.description.setReadOnly(read_only)
        self.action.setReadOnly(read_only)
        self.has_deadline.setEnabled(not read_only)
        self.deadline.setEnabled(not read_only and self.has_deadline.isChecked())
        self.remove_button.setVisible(not read_only)


class FindingsPanel(QWidget):
    add_requested = Signal()
    prefill_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("findingsPanel")
        self.cards: list[FindingCard] = []
        heading = QLabel(self.tr("یافته‌ها و اقدام‌های اصلاحی"))
        heading.setObjectName("sectionTitle")
        self.prefill_button = QPushButton(self.tr("افزودن از موارد ناقص"))
        self.prefill_button.setObjectName("prefillFindings")
        self.prefill_button.clicked.connect(self.prefill_requested)
        self.add_button = QPushButton(self.tr("افزودن یافته"))
        self.add_button.setObjectName("addFinding")
        self.add_button.clicked.connect(self.add_requested)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.prefill_button)
        top.addWidget(self.add_button)
        self._list = QVBoxLayout()
        self.previous = PreviousFindings()  # what an earlier visit left open, checked first
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.previous)
        column.addLayout(self._list)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    def add_card(self, card: FindingCard) -> None:
        self.cards.append(card)
        self._list.addWidget(card)

    def remove_card(self, card: FindingCard) -> None:
        if card in self.cards:
            self.cards.remove(card)
        self._list.removeWidget(card)
        card.deleteLater()

    def clear(self) -> None:
        for card in list(self.cards):
            self.remove_card(card)

    def set_read_only(self, read_only: bool) -> None:
        self.add_button.setVisible(not read_only)
        self.prefill_button.setVisible(not read_only)
        for card in self.cards:
            card.set_read_only(read_only)
