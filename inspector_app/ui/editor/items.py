"""One widget per checklist item: the question, an answer control fitting its type, a note.

The widget only shows and reports: it emits `answer_chosen(value)` and `note_edited(text)`;
the editor stores them and calls `set_value` back if the store refused the value.
"""

from __future__ import annotations

from typing import Any

from inspector_app.domain.forms import Item
from inspector_app.domain.persian import to_latin_digits
from inspector_app.ui import fmt, theme
from inspector_app.ui.editor.notes import LineEdit, NoteEdit
from inspector_app.ui.editor.photos import PhotoStrip
from inspector_app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

YESNO_LABELS = {
    "yes": QT_TRANSLATE_NOOP("ItemWidget", "بله"),
    "no": QT_TRANSLATE_NOOP("ItemWidget", "خیر"),
    "na": QT_TRANSLATE_NOOP("ItemWidget", "مورد ندارد"),
}


class ItemWidget(QFrame):
    answer_chosen = Signal(object)
    note_edited = Signal(str)
    note_left = Signal()
    text_edited = Signal(str)  # a text answer being typed (saved like a note)
    number_typed = Signal(object)  # a number being typed: saved after a pause or on close

    def __init__(self, item: Item, repeat: int = 0, number: str = "") -> None:
        super().__init__()
        self.item = item
        self.repeat = repeat
        self.setObjectName(f"item_{item.id}_{repeat}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setProperty("current", False)
        self._buttons: dict[Any, QAbstractButton] = {}
        self._group: QButtonGroup | None = None
        self._combo: QComboBox | None = None
        self._checks: dict[str, QCheckBox] = {}
        self._number: LineEdit | None = None
        self._text: NoteEdit | None = None
        self.photos: PhotoStrip | None = None

        marks = ""
        if item.critical:
            marks += " ⚠"
        if item.required and item.type != "photo":
            marks += " *"
        self.question = QLabel(f"{number} {item.text}{marks}".strip())
        self.question.setObjectName("question")
        self.question.setWordWrap(True)
        font = self.question.font()
        font.setBold(True)
        self.question.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        if item.help:
            help_label = QLabel(item.help)
            help_label.setWordWrap(True)
            help_label.setObjectName("help")
            layout.addWidget(help_label)
        control = self._build_control()
        if control is not None:
            layout.addWidget(control)
        self.note = NoteEdit(self.tr("یادداشت این مورد (اختیاری)"))
        self.note.setObjectName("note")
        self.note.textChanged.connect(lambda: self.note_edited.emit(self.note.toPlainText()))
        self.note.focus_left.connect(self.note_left)
        layout.addWidget(self.note)

    # --- controls by type ------------------------------------------------------------------
    def _build_control(self) -> QWidget | None:
        item = self.item
        if item.type == "yesno":
            values: list[Any] = ["yes", "no", "na"] if item.allow_na else ["yes", "no"]
            texts: dict[Any, str] = {v: self.tr(YESNO_LABELS[str(v)]) for v in values}
            return self._toggle_row(values, texts, big=True)
        if item.type == "scale":
            assert item.min is not None and item.max is not None
            values = list(range(int(item.min), int(item.max) + 1))
            texts = {}
            for v in values:
                caption = (item.labels or {}).get(v)
                texts[v] = f"{fmt.plain_int(v)}\n{caption}" if caption else fmt.plain_int(v)
            return self._toggle_row(values, texts, big=bool(item.labels))
        if item.type == "number":
            self._number = LineEdit()
            self._number.setObjectName("numberAnswer")
            self._number.setMaximumWidth(160)
            self._number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._number.editingFinished.connect(self._number_done)
            self._number.textEdited.connect(self._number_edited)
            row = QHBoxLayout()
            row.addWidget(self._number)
            if item.unit:
                row.addWidget(QLabel(item.unit))
            row.addStretch(1)
            holder = QWidget()
            holder.setLayout(row)
            return holder
        if item.type == "text":
            self._text = NoteEdit(self.tr("پاسخ"), lines=3)
            self._text.setObjectName("textAnswer")
            self._text.textChanged.connect(lambda: self.text_edited.emit(self._text_value()))
            self._text.focus_left.connect(self.note_left)
            return self._text
        if item.type == "choice":
            self._combo = QComboBox()
            self._combo.setObjectName("choiceAnswer")
            self._combo.addItem(self.tr("— انتخاب کنید —"), None)
            for option in item.options or []:
                self._combo.addItem(option.label, option.id)
            self._combo.activated.connect(
                lambda _i: self.answer_chosen.emit(
                    self._combo.currentData() if self._combo else None
                )
            )
            return self._combo
        if item.type == "multichoice":
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            for option in item.options or []:
                check = QCheckBox(option.label)
                check.setObjectName(f"option_{option.id}")
                check.clicked.connect(lambda _c: self.answer_chosen.emit(self._multi_value()))
                self._checks[option.id] = check
                column.addWidget(check)
            return holder
        if item.type == "photo":
            self.photos = PhotoStrip()
            return self.photos
        return None

    def _toggle_row(self, values: list[Any], texts: dict[Any, str], big: bool) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)  # exclusivity by hand: a click on the chosen one clears it
        for value in values:
            button = QPushButton(texts[value])
            button.setObjectName(f"answer_{value}")
            button.setCheckable(True)
            button.setProperty("answer", True)  # coloured by the theme when chosen
            button.setMinimumHeight(48 if big else 36)
            button.setMinimumWidth(96 if big else 44)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda checked, v=value: self._toggled(v, checked))
            self._group.addButton(button)
            self._buttons[value] = button
            row.addWidget(button)
        row.addStretch(1)
        return holder

    def _toggled(self, value: Any, checked: bool) -> None:
        chosen = value if checked else None
        self._show_choice(chosen)
        self.answer_chosen.emit(chosen)

    def _show_choice(self, value: Any) -> None:
        for key, button in self._buttons.items():
            button.setChecked(key == value)

    def _parsed_number(self) -> tuple[bool, Any]:
        """(True, value) for a number or an empty field, (False, text) for anything else."""
        assert self._number is not None
        text = to_latin_digits(self._number.text().strip()).replace("٫", ".").replace(",", "")
        if not text:
            return True, None
        try:
            value = float(text)
        except ValueError:
            return False, text
        return True, int(value) if value == int(value) else value

    def _number_done(self) -> None:
        # Not a number: still sent, so the store refuses it with a clear message.
        self.answer_chosen.emit(self._parsed_number()[1])

    def _number_edited(self, _text: str) -> None:
        ok, value = self._parsed_number()
        if ok:
            self.number_typed.emit(value)

    def _multi_value(self) -> list[str] | None:
        chosen = [option_id for option_id, check in self._checks.items() if check.isChecked()]
        return chosen or None

    def _text_value(self) -> str:
        assert self._text is not None
        return self._text.toPlainText()

    # --- shown state ---------------------------------------------------------------------
    def set_value(self, value: Any) -> None:
        """Show a stored value without emitting anything."""
        if self._buttons:
            self._show_choice(value)
        elif self._combo is not None:
            self._combo.setCurrentIndex(max(self._combo.findData(value), 0) if value else 0)
        elif self._checks:
            for option_id, check in self._checks.items():
                check.setChecked(bool(value) and option_id in value)
        elif self._number is not None:
            self._number.setText(
                ""
                if value is None
                else fmt.number(value, 0 if value == int(value) else 2).replace("٬", "")
            )
        elif self._text is not None:
            self._text.set_text_quietly(value or "")

    def set_note(self, text: str) -> None:
        self.note.set_text_quietly(text)

    def answer_key(self, key: str) -> bool:
        """Answer from a keyboard shortcut (yes/no/na); False if this item has no such answer."""
        button = self._buttons.get(key)
        if button is None or not button.isEnabled():
            return False
        self._show_choice(key)
        self.answer_chosen.emit(key)
        return True

    def first_input(self) -> QWidget:
        for widget in (
            *self._buttons.values(),
            self._combo,
            *self._checks.values(),
            self._number,
            self._text,
            self.photos.add_button if self.photos else None,
        ):
            if widget is not None:
                return widget
        return self.note

    def set_current(self, current: bool) -> None:
        theme.set_state(self, "current", current)

    def set_read_only(self, read_only: bool) -> None:
        for widget in (*self._buttons.values(), self._combo, *self._checks.values()):
            if widget is not None:
                widget.setEnabled(not read_only)
        for edit in (self._number,):
            if edit is not None:
                edit.setReadOnly(read_only)
        for text in (self._text, self.note):
            if text is not None:
                text.setReadOnly(read_only)
        if self.photos is not None:
            self.photos.set_read_only(read_only)
