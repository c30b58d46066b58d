"""The findings an earlier visit left open, on the findings page: each with its corrective
action and deadline (red once passed), and what this visit found — done, not done, or no
longer applicable — with a note and photos as evidence (one is needed for «انجام شد»).
Stored as they are chosen (storage/followups.py); the photos go through the editor."""

from __future__ import annotations

import datetime as dt
from typing import Any

from inspector_app.domain.inspection_document import followup_photo_item
from inspector_app.ui import fmt
from inspector_app.ui.editor.notes import LineEdit
from inspector_app.ui.editor.photos import PhotoStrip
from inspector_app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QButtonGroup,
    QCoreApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    Signal,
)

OUTCOME_TEXTS = {
    "done": QT_TRANSLATE_NOOP("PreviousFindings", "انجام شد"),
    "not_done": QT_TRANSLATE_NOOP("PreviousFindings", "انجام نشد"),
    "not_applicable": QT_TRANSLATE_NOOP("PreviousFindings", "دیگر موضوعیت ندارد"),
}


def _tr(text: str) -> str:
    """A text of OUTCOME_TEXTS in the UI's language."""
    return QCoreApplication.translate("PreviousFindings", text)


def overdue(row: dict[str, Any], visit_date: dt.date) -> bool:
    """Whether the finding's deadline had passed by this visit."""
    deadline = row.get("deadline")
    return bool(deadline) and dt.date.fromisoformat(str(deadline)[:10]) < visit_date


class PreviousFindingCard(QFrame):
    edited = Signal(object)  # the card
    # The evidence strip's requests, forwarded as an item's are (the editor stores photos).
    photos_add_requested = Signal()
    photo_files_chosen = Signal(list)
    photo_remove_requested = Signal(str)
    photo_mark_requested = Signal(str)

    def __init__(self, row: dict[str, Any], visit_date: dt.date) -> None:
        super().__init__()
        self.setObjectName("previousFinding")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.finding_id = str(row["finding_id"])
        description = QLabel(fmt.digits(row["description"]))
        description.setObjectName("previousDescription")
        description.setWordWrap(True)
        action = QLabel(
            self.tr("اقدام اصلاحی: {action}").format(
                action=fmt.digits(row["corrective_action"] or "—")
            )
        )
        action.setWordWrap(True)
        when = self.tr("یافتهٔ بازدید {date}").format(date=fmt.jalali(row["source_visit_date"]))
        if row.get("deadline"):
            when += " — " + self.tr("مهلت {date}").format(date=fmt.jalali(row["deadline"]))
        self.deadline_label = QLabel(when)
        self.deadline_label.setObjectName("previousDeadline")
        self.overdue = overdue(row, visit_date)
        if self.overdue:
            self.deadline_label.setObjectName("overdueDeadline")
            self.deadline_label.setText(when + " — " + self.tr("مهلت گذشته است"))
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # a second click on the chosen outcome clears it
        self.buttons: dict[str, QPushButton] = {}
        buttons = QHBoxLayout()
        for outcome, text in OUTCOME_TEXTS.items():
            button = QPushButton(_tr(text))
            button.setObjectName(f"followup_{outcome}")
            button.setCheckable(True)
            button.setProperty("answer", True)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda checked, o=outcome: self._chosen(o, checked))
            self.group.addButton(button)
            self.buttons[outcome] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.note = LineEdit()
        self.note.setObjectName("followupNote")
        self.note.setPlaceholderText(self.tr("آنچه در این بازدید دیده شد (اختیاری)"))
        self.note.setText(row.get("note") or "")
        self.note.textEdited.connect(lambda _t: self.edited.emit(self))
        self.evidence_label = QLabel(self.tr("عکس شاهد (برای «انجام شد» لازم است)"))
        self.evidence_label.setObjectName("evidenceLabel")
        self.photos = PhotoStrip()
        self.photos.setObjectName("evidencePhotos")
        self.photos.set_markable(True)
        self.photos.add_requested.connect(self.photos_add_requested)
        self.photos.files_chosen.connect(self.photo_files_chosen)
        self.photos.remove_requested.connect(self.photo_remove_requested)
        self.photos.mark_requested.connect(self.photo_mark_requested)
        self._set_outcome(row.get("outcome"))
        layout = QVBoxLayout(self)
        for widget in (description, action, self.deadline_label):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addWidget(self.evidence_label)
        layout.addWidget(self.photos)

    @property
    def photo_key(self) -> tuple[str, int]:
        return followup_photo_item(self.finding_id), 0

    def outcome(self) -> str | None:
        return next((o for o, b in self.buttons.items() if b.isChecked()), None)

    def _set_outcome(self, outcome: str | None) -> None:
        for key, button in self.buttons.items():
            button.setChecked(key == outcome)

    def _chosen(self, outcome: str, checked: bool) -> None:
        self._set_outcome(outcome if checked else None)
        self.edited.emit(self)

    def set_read_only(self, read_only: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(not read_only)
        self.note.setReadOnly(read_only)
        self.photos.set_read_only(read_only)


class PreviousFindings(QWidget):
    """The cards, under their heading; hidden when the office had nothing open."""

    edited = Signal(object)  # a card

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("previousFindings")
        self.cards: list[PreviousFindingCard] = []
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self._list = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self.heading)
        layout.addLayout(self._list)
        self.hide()

    def show_rows(self, rows: list[dict[str, Any]], visit_date: dt.date, read_only: bool) -> None:
        for card in self.cards:
            self._list.removeWidget(card)
            card.deleteLater()
        self.cards = []
        for row in rows:
            card = PreviousFindingCard(row, visit_date)
            card.set_read_only(read_only)
            card.edited.connect(self.edited)
            self.cards.append(card)
            self._list.addWidget(card)
        late = sum(1 for card in self.cards if card.overdue)
        heading = self.tr("پیگیری یافته‌های بازدید پیشین ({n})").format(n=fmt.number(len(rows)))
        if late:
            heading += " — " + self.tr("{n} مهلت گذشته").format(n=fmt.number(late))
        self.heading.setText(heading)
        self.setVisible(bool(rows))
