"""A one-line answer read by a rule as it is typed: national code, phone numbers, postal code,
Jalali date, GPS point (domain/item_types.Typed, domain/iran_numbers.py).

Any digits may be typed; a value that can no longer become valid is told in red beside the
field at once, one still being typed only when the inspector leaves it or presses Enter. Only
a valid value (or an emptied field) is saved, in its stored form; the field then shows it
with the UI's digits. A value saved on the way to an invalid one is taken back.
"""

from __future__ import annotations

from typing import Any

from inspector_app.domain.forms import Item
from inspector_app.domain.iran_numbers import NotValid
from inspector_app.domain.item_types import Typed
from inspector_app.ui import fmt, messages, theme
from inspector_app.ui.editor.notes import LineEdit, error_label
from inspector_app.ui.qt import QT_TRANSLATE_NOOP, QHBoxLayout, Qt, QWidget, Signal

# What the empty field shows: the shape of the value, with an example.
EXAMPLES = {
    "national_code": QT_TRANSLATE_NOOP("TypedField", "ده رقم، مثلاً ۰۰۱۳۵۴۲۴۱۹"),
    "mobile": QT_TRANSLATE_NOOP("TypedField", "مثلاً ۰۹۱۷۱۲۳۴۵۶۷"),
    "landline": QT_TRANSLATE_NOOP("TypedField", "با پیش‌شماره، مثلاً ۰۷۷۳۳۴۴۱۱۲۲"),
    "postal_code": QT_TRANSLATE_NOOP("TypedField", "ده رقم، مثلاً ۷۵۱۴۷۶۳۴۸۷"),
    "jalali_date": QT_TRANSLATE_NOOP("TypedField", "مثلاً ۱۴۰۳/۰۱/۱۵"),
    "gps_point": QT_TRANSLATE_NOOP("TypedField", "عرض، طول؛ مثلاً ۲۸٫۹۲۳۴، ۵۰٫۸۲۰۳"),
}


class TypedField(QWidget):
    """`finished(value)` on Enter or leaving, `typed(value)` while typing; valid values only."""

    finished = Signal(object)
    typed = Signal(object)

    def __init__(self, item: Item) -> None:
        super().__init__()
        assert isinstance(item.kind, Typed)
        self.kind: Typed = item.kind
        self.edit = LineEdit()
        self.edit.setObjectName("typedAnswer")
        self.edit.setMinimumWidth(190)
        self.edit.setMaximumWidth(260)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.edit.setPlaceholderText(self.tr(EXAMPLES.get(item.type, "")))
        self.error = error_label()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.error, 10)  # a message takes the line's free width
        row.addStretch(1)  # and without one the field stays at the line's start
        self._last_text = ""
        self._stored: Any = None  # the value stored when typing began
        self._sent: Any = None  # the last value handed on while typing
        self.edit.textEdited.connect(self._edited)
        self.edit.editingFinished.connect(self._finished)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        theme.set_state(self.edit, "invalid", bool(text))

    def _read(self, *, finishing: bool) -> tuple[bool, Any]:
        """(True, stored value or None for an empty field) or (False, None), the reason shown:
        at once when the text cannot become valid, else only when `finishing`."""
        text = self.edit.text()
        if not text.strip():
            self.show_error("")
            return True, None
        try:
            value = self.kind.read(text)
        except NotValid as exc:
            shown = finishing or not exc.incomplete
            reason = messages.error_text(exc)
            self.show_error(self.tr("{reason}؛ ذخیره نشد.").format(reason=reason) if shown else "")
            return False, None
        self.show_error("")
        return True, value

    def _edited(self, text: str) -> None:
        if text == self._last_text:
            return
        self._last_text = text
        ok, value = self._read(finishing=False)
        if not ok:
            # «۱۴۰۴/۱۲/۳» was a date, «۱۴۰۴/۱۲/۳۰» is none: the stored value is kept, not
            # the one passed on the way.
            value = self._stored
        if value != self._sent:
            self._sent = value
            self.typed.emit(value)

    def _finished(self) -> None:
        ok, value = self._read(finishing=True)
        if ok:
            self.set_value(value)  # in one spelling, the UI's digits
            self.finished.emit(value)

    def set_value(self, value: Any) -> None:
        text = "" if value is None else self.kind.as_typed(str(value), persian=fmt.persian())
        self.edit.setText(text)
        self._last_text = text
        self._stored = self._sent = value
        self.show_error("")

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
