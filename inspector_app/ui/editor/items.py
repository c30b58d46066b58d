"""One widget per checklist item: the question, an answer control fitting its type, a note.

The widget only shows and reports: it emits `answer_chosen(value)` and `note_edited(text)`;
the editor stores them and calls `set_value` back if the store refused the value. Laid out
compactly (several questions fit a 720-pixel screen): small answer buttons, the note one line
high until it is focused or holds text, the follow-up of a «خیر» (followup.py) below.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from inspector_app.domain.forms import Item
from inspector_app.ui import fmt, theme
from inspector_app.ui.editor.notes import NoteEdit
from inspector_app.ui.editor.number_field import NumberField
from inspector_app.ui.editor.photos import PhotoStrip
from inspector_app.ui.editor.typed_field import TypedField
from inspector_app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
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
    number_typed = Signal(object)  # a number or code being typed: saved after a pause or on close
    # Photo strips of the item (its photo answer, or the follow-up's photos), forwarded.
    photos_add_requested = Signal()
    photo_files_chosen = Signal(list)
    photo_remove_requested = Signal(str)
    photo_mark_requested = Signal(str)

    def __init__(self, item: Item, repeat: int = 0, number: str = "") -> None:
        super().__init__()
        self.item = item
        self.repeat = repeat
        self.setObjectName(f"item_{item.id}_{repeat}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setProperty("current", False)
        self._buttons: dict[Any, QAbstractButton] = {}
        self._value: Any = None
        self._read_only = False
        self.clear_button: QPushButton | None = None
        self._combo: QComboBox | None = None
        self._checks: dict[str, QCheckBox] = {}
        self._number: NumberField | None = None
        self._typed: TypedField | None = None
        self._text: NoteEdit | None = None
        self.photos: PhotoStrip | None = None
        self.follow_up: QWidget | None = None

        marks = ""
        if item.critical:
            marks += " ⚠"
        if item.required and not item.kind.answered_by_photos:
            marks += " *"
        self.question = QLabel(f"{number} {item.text}{marks}".strip())
        self.question.setObjectName("question")
        self.question.setWordWrap(True)
        font = self.question.font()
        font.setBold(True)
        self.question.setFont(font)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 5, 8, 5)
        self._layout.setSpacing(3)
        self._layout.addWidget(self.question)
        if item.help:
            help_label = QLabel(item.help)
            help_label.setWordWrap(True)
            help_label.setObjectName("help")
            small = help_label.font()
            small.setPointSizeF(max(small.pointSizeF() * 0.88, 7.0))
            help_label.setFont(small)
            self._layout.addWidget(help_label)
        self._layout.addWidget(CONTROLS[item.type](self))
        self.note = NoteEdit(self.tr("یادداشت این مورد (اختیاری)"), lines=3, collapsed=True)
        self.note.setObjectName("note")
        self.note.textChanged.connect(lambda: self.note_edited.emit(self.note.toPlainText()))
        self.note.focus_left.connect(self.note_left)
        self._layout.addWidget(self.note)

    # --- controls by type (CONTROLS, below) ----------------------------------------------
    def _yesno_control(self) -> QWidget:
        values: list[Any] = ["yes", "no", "na"] if self.item.allow_na else ["yes", "no"]
        texts: dict[Any, str] = {v: self.tr(YESNO_LABELS[str(v)]) for v in values}
        return self._toggle_row(values, texts, big=True)

    def _scale_control(self) -> QWidget:
        item = self.item
        assert item.min is not None and item.max is not None
        values: list[Any] = list(range(int(item.min), int(item.max) + 1))
        texts: dict[Any, str] = {}
        for v in values:
            caption = (item.labels or {}).get(v)
            texts[v] = f"{fmt.plain_int(v)} — {caption}" if caption else fmt.plain_int(v)
        return self._toggle_row(values, texts, big=False)

    def _number_control(self) -> QWidget:
        self._number = NumberField(self.item)
        self._number.finished.connect(self.answer_chosen)
        self._number.typed.connect(self.number_typed)
        return self._number

    def _typed_control(self) -> QWidget:
        self._typed = TypedField(self.item)
        self._typed.finished.connect(self.answer_chosen)
        self._typed.typed.connect(self.number_typed)
        return self._typed

    def _text_control(self) -> QWidget:
        self._text = NoteEdit(self.tr("پاسخ"), lines=3, collapsed=True)
        self._text.setObjectName("textAnswer")
        self._text.textChanged.connect(lambda: self.text_edited.emit(self._text_value()))
        self._text.focus_left.connect(self.note_left)
        return self._text

    def _choice_control(self) -> QWidget:
        self._combo = QComboBox()
        self._combo.setObjectName("choiceAnswer")
        self._combo.addItem(self.tr("— انتخاب کنید —"), None)
        for option in self.item.options or []:
            self._combo.addItem(option.label, option.id)
        self._combo.activated.connect(
            lambda _i: self.answer_chosen.emit(self._combo.currentData() if self._combo else None)
        )
        return self._combo

    def _multichoice_control(self) -> QWidget:
        holder = QWidget()
        grid = QGridLayout(holder)  # options side by side: a long list stays short
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        options = self.item.options or []
        columns = 2 if len(options) > 3 else 1
        for position, option in enumerate(options):
            check = QCheckBox(option.label)
            check.setObjectName(f"option_{option.id}")
            check.clicked.connect(lambda _c: self.answer_chosen.emit(self._multi_value()))
            self._checks[option.id] = check
            grid.addWidget(check, position // columns, position % columns)
        return holder

    def _photo_control(self) -> QWidget:
        strip = PhotoStrip()
        self._attach_photos(strip)
        return strip

    def _toggle_row(self, values: list[Any], texts: dict[Any, str], big: bool) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for value in values:
            button = QPushButton(texts[value])
            button.setObjectName(f"answer_{value}")
            button.setCheckable(True)
            button.setProperty("answer", True)  # coloured by the theme when chosen
            button.setMinimumHeight(30)
            button.setMinimumWidth(80 if big else 36)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _checked, v=value: self._clicked(v))
            self._buttons[value] = button
            row.addWidget(button)
        # Clearing is its own action: a click on the chosen answer keeps it.
        self.clear_button = QPushButton(self.tr("پاک کردن پاسخ"))
        self.clear_button.setObjectName("clearAnswer")
        self.clear_button.setToolTip(self.tr("پاسخ این مورد برداشته شود (بی‌پاسخ)"))
        self.clear_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clear_button.clicked.connect(self._clear)
        self.clear_button.hide()
        row.addWidget(self.clear_button)
        row.addStretch(1)
        return holder

    def _clicked(self, value: Any) -> None:
        if value == self._value:
            self._show_choice(value)  # the click unchecked it: the answer stays
            return
        self._choose(value)

    def _choose(self, value: Any) -> None:
        self._show_choice(value)
        self.answer_chosen.emit(value)

    def _clear(self) -> None:
        if self._value is None:
            return
        first = next(iter(self._buttons.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)  # the clear button is going away
        self._choose(None)

    def _show_choice(self, value: Any) -> None:
        self._value = value
        for key, button in self._buttons.items():
            button.setChecked(key == value)
        if self.clear_button is not None:
            self.clear_button.setVisible(value is not None and not self._read_only)

    def _multi_value(self) -> list[str] | None:
        chosen = [option_id for option_id, check in self._checks.items() if check.isChecked()]
        return chosen or None

    def _text_value(self) -> str:
        assert self._text is not None
        return self._text.toPlainText()

    # --- photos and the follow-up --------------------------------------------------------
    @property
    def photo_key(self) -> tuple[str, int]:
        return self.item.id, self.repeat

    def _attach_photos(self, strip: PhotoStrip) -> None:
        self.photos = strip
        strip.add_requested.connect(self.photos_add_requested)
        strip.files_chosen.connect(self.photo_files_chosen)
        strip.remove_requested.connect(self.photo_remove_requested)
        strip.mark_requested.connect(self.photo_mark_requested)

    def attach_follow_up(self, panel: QWidget) -> None:
        """Show `panel` (a FollowUpPanel, with its photo strip) under this item."""
        self.follow_up = panel
        self._layout.addWidget(panel)
        strip = getattr(panel, "photos", None)
        if isinstance(strip, PhotoStrip) and self.photos is None:
            self._attach_photos(strip)

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
            self._number.set_value(value)
        elif self._typed is not None:
            self._typed.set_value(value)
        elif self._text is not None:
            self._text.set_text_quietly(value or "")

    def value(self) -> Any:
        """The answer shown by a toggle row (yes/no, scale); None when unanswered."""
        return self._value

    def set_note(self, text: str) -> None:
        self.note.set_text_quietly(text)

    def answer_key(self, key: str) -> bool:
        """Answer from a keyboard shortcut (yes/no/na); False if this item has no such answer."""
        button = self._buttons.get(key)
        if button is None or not button.isEnabled():
            return False
        if key != self._value:
            self._choose(key)
        return True

    def first_input(self) -> QWidget:
        for widget in (
            *self._buttons.values(),
            self._combo,
            *self._checks.values(),
            self._number.edit if self._number else None,
            self._typed.edit if self._typed else None,
            self._text,
            self.photos.add_button if self.photos else None,
        ):
            if widget is not None:
                return widget
        return self.note

    def set_current(self, current: bool) -> None:
        theme.set_state(self, "current", current)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for widget in (*self._buttons.values(), self._combo, *self._checks.values()):
            if widget is not None:
                widget.setEnabled(not read_only)
        for field in (self._number, self._typed):
            if field is not None:
                field.set_read_only(read_only)
        for text in (self._text, self.note):
            if text is not None:
                text.setReadOnly(read_only)
        if self.photos is not None and self.item.kind.answered_by_photos:
            self.photos.set_read_only(read_only)
        if self.clear_button is not None:
            self.clear_button.setVisible(self._value is not None and not read_only)


# The answer control of each item type (domain/item_types.py); a new type adds its row here.
CONTROLS: dict[str, Callable[[ItemWidget], QWidget]] = {
    "yesno": ItemWidget._yesno_control,
    "scale": ItemWidget._scale_control,
    "number": ItemWidget._number_control,
    "text": ItemWidget._text_control,
    "choice": ItemWidget._choice_control,
    "multichoice": ItemWidget._multichoice_control,
    "photo": ItemWidget._photo_control,
    "national_code": ItemWidget._typed_control,
    "mobile": ItemWidget._typed_control,
    "landline": ItemWidget._typed_control,
    "postal_code": ItemWidget._typed_control,
    "jalali_date": ItemWidget._typed_control,
    "gps_point": ItemWidget._typed_control,
}
