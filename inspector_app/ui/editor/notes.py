"""Plain-text fields that report leaving them, so a note is saved the moment focus moves on.

Both follow what is typed into them: Persian text runs right to left and sits on the right,
Latin text on the left, whatever the UI language (the first strong letter decides, as in
Unicode's rule for a paragraph). An empty field follows the UI.
"""

from __future__ import annotations

import unicodedata

from inspector_app.ui.qt import QFocusEvent, QLabel, QLineEdit, QPlainTextEdit, Qt, QWidget, Signal


def content_direction(text: str) -> Qt.LayoutDirection | None:
    """The direction of `text` by its first strong character; None if it has none."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
    return None


def follow_content(widget: QWidget, text: str) -> None:
    """Lay `widget` out in the direction of its text, or as its parent when it has none."""
    direction = content_direction(text)
    if direction is None:
        if widget.testAttribute(Qt.WidgetAttribute.WA_SetLayoutDirection):
            widget.unsetLayoutDirection()
    elif widget.layoutDirection() != direction or not widget.testAttribute(
        Qt.WidgetAttribute.WA_SetLayoutDirection
    ):
        widget.setLayoutDirection(direction)


def error_label() -> QLabel:
    """The message under a field whose input was refused (red by the theme), hidden until set."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


class NoteEdit(QPlainTextEdit):
    """A note or text answer; `collapsed` keeps it one line high until focused or filled."""

    focus_left = Signal()

    def __init__(
        self,
        placeholder: str = "",
        lines: int = 2,
        parent: QWidget | None = None,
        *,
        collapsed: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self._lines = lines
        self._collapsible = collapsed
        self.textChanged.connect(self._content_changed)
        self._fit()

    def _height(self, lines: int) -> int:
        return self.fontMetrics().lineSpacing() * lines + 14

    def is_expanded(self) -> bool:
        return not self._collapsible or self.hasFocus() or bool(self.toPlainText())

    def _fit(self) -> None:
        expanded = self.is_expanded()
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if expanded
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        height = self._height(self._lines if expanded else 1)
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def _content_changed(self) -> None:
        follow_content(self, self.toPlainText())
        self._fit()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._fit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._fit()
        self.focus_left.emit()

    def set_text_quietly(self, text: str) -> None:
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)
        self._content_changed()


class LineEdit(QLineEdit):
    focus_left = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.textChanged.connect(lambda value: follow_content(self, value))
        follow_content(self, text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()
