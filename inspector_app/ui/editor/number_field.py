"""A number answer that refuses letters as they are typed and explains its limits beside itself.

Digits may be Persian, Arabic-Indic or Latin; the decimal separator «٫», «.» or «/» (as in
«۲/۵»). The accepted range and unit of the form stand in a small hint; a value outside it is
told in red next to the field and not saved, with no message box.
"""

from __future__ import annotations

from typing import Any

from inspector_app.domain.forms import Item
from inspector_app.domain.persian import to_latin_digits
from inspector_app.ui import fmt, theme
from inspector_app.ui.editor.notes import LineEdit, error_label
from inspector_app.ui.qt import QHBoxLayout, QLabel, QObject, Qt, QValidator, QWidget, Signal

DIGITS = set("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩")
DECIMAL_POINTS = set(".٫/")
GROUP_SEPARATORS = set("٬,")


def parse_number(text: str) -> float | int | None:
    """The number in `text` (any digits, any decimal point); None when it holds none."""
    cleaned = "".join(c for c in text.strip() if c not in GROUP_SEPARATORS)
    cleaned = "".join("." if c in DECIMAL_POINTS else c for c in to_latin_digits(cleaned))
    if cleaned in ("", "-", ".", "-."):
        return None
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return int(value) if value == int(value) else value


class NumberValidator(QValidator):
    """Digits, one decimal point and (where the range allows it) a leading minus; no letters."""

    def __init__(self, allow_negative: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.allow_negative = allow_negative

    def validate(self, text: str, pos: int) -> Any:
        body = text.strip()
        if body.startswith("-") and self.allow_negative:
            body = body[1:]
        points = sum(1 for c in body if c in DECIMAL_POINTS)
        if points > 1 or any(
            c not in DIGITS and c not in DECIMAL_POINTS and c not in GROUP_SEPARATORS for c in body
        ):
            return QValidator.State.Invalid, text, pos
        if text.strip() and parse_number(text) is None:
            return QValidator.State.Intermediate, text, pos  # «-» or «.» alone: not yet
        return QValidator.State.Acceptable, text, pos


def _shown(value: float) -> str:
    return fmt.number(value, 0 if value == int(value) else 2)


class NumberField(QWidget):
    """`finished(value)` on Enter or leaving, `typed(value)` while typing; only values in range."""

    finished = Signal(object)
    typed = Signal(object)

    def __init__(self, item: Item) -> None:
        super().__init__()
        self.item = item
        self.edit = LineEdit()
        self.edit.setObjectName("numberAnswer")
        self.edit.setMaximumWidth(140)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.edit.setValidator(NumberValidator(item.min is None or item.min < 0, self.edit))
        self.unit = QLabel(item.unit or "")
        self.unit.setVisible(bool(item.unit))
        self.hint = QLabel(self._limits())
        self.hint.setObjectName("fieldHint")
        self.hint.setVisible(bool(self.hint.text()))
        self.error = error_label()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.unit)
        row.addWidget(self.hint)
        row.addWidget(self.error, 1)
        row.addStretch(0)
        self._last_text = ""
        self.edit.inputRejected.connect(self._rejected)
        self.edit.textEdited.connect(self._edited)
        self.edit.editingFinished.connect(self._finished)
        self.edit.focus_left.connect(self._left)

    def _limits(self) -> str:
        low, high, unit = self.item.min, self.item.max, self.item.unit or ""
        if low is not None and high is not None:
            text = self.tr("از {low} تا {high}").format(low=_shown(low), high=_shown(high))
        elif low is not None:
            text = self.tr("دست‌کم {low}").format(low=_shown(low))
        elif high is not None:
            text = self.tr("حداکثر {high}").format(high=_shown(high))
        else:
            return ""
        return f"({text} {unit})".replace(" )", ")")

    def out_of_range(self, value: float) -> str:
        """Why `value` is refused, in words; empty when it fits."""
        unit = f" {self.item.unit}" if self.item.unit else ""
        if self.item.min is not None and value < self.item.min:
            return self.tr("کمتر از {low}{unit} پذیرفته نیست؛ ذخیره نشد.").format(
                low=_shown(self.item.min), unit=unit
            )
        if self.item.max is not None and value > self.item.max:
            return self.tr("بیشتر از {high}{unit} پذیرفته نیست؛ ذخیره نشد.").format(
                high=_shown(self.item.max), unit=unit
            )
        return ""

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.hint.setVisible(not text and bool(self._limits()))
        theme.set_state(self.edit, "invalid", bool(text))

    def _rejected(self) -> None:
        self.show_error(self.tr("فقط رقم و ممیز نوشته می‌شود؛ حرف پذیرفته نیست."))

    def _checked(self, clear: bool = True) -> tuple[bool, Any]:
        """(True, value) for a number in range or an empty field; else (False, None).

        A problem is shown at once; `clear` also takes an earlier message away (on typing,
        not on Enter or leaving, so the note about a refused letter stays until the next key).
        """
        text = self.edit.text().strip()
        value = parse_number(text) if text else None
        if text and value is None:
            return False, None
        problem = self.out_of_range(value) if value is not None else ""
        if problem or clear:
            self.show_error(problem)
        return not problem, value

    def _edited(self, text: str) -> None:
        if text == self._last_text:
            return  # a refused key puts the text back and reports it as edited
        self._last_text = text
        ok, value = self._checked()
        if ok:
            self.typed.emit(value)

    def _finished(self) -> None:
        ok, value = self._checked(clear=False)
        if ok:
            self.finished.emit(value)

    def _left(self) -> None:
        if self.edit.text().strip() and parse_number(self.edit.text()) is None:
            self.show_error(self.tr("عدد کامل نیست؛ ذخیره نشد."))

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else _shown(value).replace("٬", ""))
        self._last_text = self.edit.text()
        self.show_error("")

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
