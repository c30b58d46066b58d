"""Plain-text fields that report leaving them, so a note is saved the moment focus moves on."""

from __future__ import annotations

from inspector_app.ui.qt import QFocusEvent, QLineEdit, QPlainTextEdit, QWidget, Signal


class NoteEdit(QPlainTextEdit):
    focus_left = Signal()

    def __init__(
        self, placeholder: str = "", lines: int = 2, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setFixedHeight(height)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()

    def set_text_quietly(self, text: str) -> None:
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)


class LineEdit(QLineEdit):
    focus_left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()
