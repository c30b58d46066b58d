"""The app's look: one style sheet, set once on the application before any window exists.

Widgets never call `setStyleSheet` themselves. A state (the current checklist item, the
saved mark, a verdict) is a dynamic property that the sheet selects on, and `set_state`
re-polishes only the widget whose property changed. Setting a style sheet on a widget makes
Qt re-polish all its children at once; done on focus-in of a combo box, while its
`showPopup()` was running, that replaced the style the popup was using and crashed the app.
"""

from __future__ import annotations

from typing import Any

from inspector_app.ui.qt import QApplication, QWidget

# Calm blue-grey surfaces; colour only for states (green yes/saved, red no/error, amber pending).
PRIMARY = "#1f5f8b"
SURFACE = "#f5f7fa"
BORDER = "#d5dbe3"
TEXT_MUTED = "#5f6b7a"
GOOD = "#1b7f3b"
BAD = "#b3261e"
PENDING = "#8a6d00"
NEUTRAL = "#5f6368"

STYLE_SHEET = f"""
QMainWindow, QDialog {{ background: {SURFACE}; }}
QListWidget#navigation {{
    background: #e8edf3; border: none; border-radius: 8px; padding: 4px; font-size: 11pt;
}}
QListWidget#navigation::item {{ padding: 6px 8px; border-radius: 6px; }}
QListWidget#navigation::item:selected {{ background: {PRIMARY}; color: white; }}
QListWidget#sectionNav {{ border: 1px solid {BORDER}; border-radius: 6px; background: white; }}
QListWidget#sectionNav::item {{ padding: 4px 6px; }}
QListWidget#sectionNav::item:selected {{ background: {PRIMARY}; color: white; }}

ItemWidget {{ background: white; border: 1px solid {BORDER}; border-radius: 6px; }}
ItemWidget[current="true"] {{ border: 2px solid {PRIMARY}; }}
QLabel#help, QLabel#shortcutHelp, QLabel#fieldHint {{ color: {TEXT_MUTED}; }}
QLabel#fieldError {{ color: {BAD}; }}
QLabel#gradeCapNote {{ color: {BAD}; }}

QPushButton[answer="true"] {{
    border: 1px solid {BORDER}; border-radius: 4px; background: white; padding: 2px 10px;
}}
QPushButton[answer="true"]:checked {{ background: #1565c0; color: white; font-weight: bold; }}
QPushButton#answer_yes:checked {{ background: {GOOD}; }}
QPushButton#answer_no:checked {{ background: {BAD}; }}
QPushButton#answer_na:checked {{ background: {NEUTRAL}; }}
QPushButton:focus {{ outline: none; border: 2px solid {PRIMARY}; }}

QLabel#savedIndicator {{ font-weight: bold; }}
QLabel#savedIndicator[state="saved"] {{ color: {GOOD}; }}
QLabel#savedIndicator[state="pending"] {{ color: {PENDING}; }}
QLabel#savedIndicator[state="error"] {{ color: {BAD}; }}
QLabel#readOnlyBanner {{ background: #fff4ce; padding: 6px; border-radius: 4px; }}
QLabel[verdict="good"] {{ color: {GOOD}; }}
QLabel[verdict="bad"] {{ color: {BAD}; }}
QLabel#errorLabel {{ color: {BAD}; }}
"""


def apply(app: QApplication) -> None:
    app.setStyleSheet(STYLE_SHEET)


def set_state(widget: QWidget, name: str, value: Any) -> None:
    """Set a dynamic property the style sheet selects on, and re-polish this widget only."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
