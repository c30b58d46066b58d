"""The app's look: one style sheet, set once on the application before any window exists.

Widgets never call `setStyleSheet` themselves. A state (the current checklist item, the
saved mark, a verdict) is a dynamic property that the sheet selects on, and `set_state`
re-polishes only the widget whose property changed. Setting a style sheet on a widget makes
Qt re-polish all its children at once; done on focus-in of a combo box, while its
`showPopup()` was running, that replaced the style the popup was using and crashed the app.
"""

from __future__ import annotations

from typing import Any

from inspector_app import paths
from inspector_app.ui.qt import (
    QApplication,
    QByteArray,
    QColor,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
    QSvgRenderer,
    QWidget,
)

# Calm blue-grey surfaces; colour only for states (green yes/saved, red no/error, amber pending).
PRIMARY = "#1f5f8b"
PRIMARY_HOVER = "#28709f"
PRIMARY_PRESSED = "#184c70"
PRIMARY_TINT = "#e3edf6"
SURFACE = "#f3f5f8"
CARD = "#ffffff"
BORDER = "#d5dbe3"
BORDER_STRONG = "#b9c3cf"
TEXT = "#1f2933"
TEXT_MUTED = "#5f6b7a"
TEXT_DISABLED = "#9aa5b1"
GOOD = "#1b7f3b"
BAD = "#b3261e"
PENDING = "#8a6d00"
NEUTRAL = "#5f6368"

ICON_DIR = paths.resource("icons").as_posix()

STYLE_SHEET = f"""
QMainWindow, QDialog {{ background: {SURFACE}; color: {TEXT}; }}
QToolTip {{ background: {TEXT}; color: white; border: none; padding: 4px 6px; }}
QStatusBar {{ color: {TEXT_MUTED}; }}

QListWidget#navigation {{
    background: {CARD}; border: 1px solid {BORDER}; border-radius: 10px; padding: 6px;
    font-size: 11pt; outline: none;
}}
QListWidget#navigation::item {{
    padding: 6px 10px; margin: 2px 0; border-radius: 8px; color: {TEXT};
}}
QListWidget#navigation::item:hover {{ background: {PRIMARY_TINT}; }}
QListWidget#navigation::item:selected {{ background: {PRIMARY}; color: white; }}
QListWidget#sectionNav {{ border: 1px solid {BORDER}; border-radius: 6px; background: white; }}
QListWidget#sectionNav::item {{ padding: 4px 6px; }}
QListWidget#sectionNav::item:selected {{ background: {PRIMARY}; color: white; }}

QPushButton {{
    background: {CARD}; color: {TEXT}; border: 1px solid {BORDER_STRONG}; border-radius: 6px;
    padding: 5px 14px; min-height: 20px;
}}
QPushButton:hover {{ background: {PRIMARY_TINT}; border-color: {PRIMARY}; }}
QPushButton:pressed {{ background: #d3e2ef; }}
QPushButton:disabled {{ color: {TEXT_DISABLED}; background: #eef1f4; border-color: {BORDER}; }}
QPushButton:default {{ background: {PRIMARY}; color: white; border-color: {PRIMARY}; }}
QPushButton:default:hover {{ background: {PRIMARY_HOVER}; }}
QPushButton:default:pressed {{ background: {PRIMARY_PRESSED}; }}
QPushButton:default:disabled {{ background: #9bb4c8; color: #eef3f7; border-color: #9bb4c8; }}

QLineEdit, QPlainTextEdit {{
    background: {CARD}; border: 1px solid {BORDER_STRONG}; border-radius: 6px; padding: 4px 6px;
    selection-background-color: {PRIMARY}; selection-color: white;
}}
QLineEdit:focus, QPlainTextEdit:focus {{ border-color: {PRIMARY}; }}
QComboBox {{
    background: {CARD}; border: 1px solid {BORDER_STRONG}; border-radius: 6px;
    padding: 4px 8px; min-height: 20px;
}}
QComboBox:focus, QComboBox:on {{ border-color: {PRIMARY}; }}
QComboBox::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: 22px; border: none;
}}
QComboBox::down-arrow {{ image: url({ICON_DIR}/chevron-down.svg); width: 14px; height: 14px; }}
QComboBox:disabled {{ background: #eef1f4; color: {TEXT_DISABLED}; }}
QAbstractSpinBox {{
    background: {CARD}; border: 1px solid {BORDER_STRONG}; border-radius: 6px;
    padding: 4px 2px; min-height: 20px;
}}
QAbstractSpinBox:focus {{ border-color: {PRIMARY}; }}
QAbstractSpinBox:disabled {{ background: #eef1f4; color: {TEXT_DISABLED}; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
    subcontrol-origin: border; width: 20px; border: none; background: transparent;
}}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; }}
QAbstractSpinBox::up-arrow {{ image: url({ICON_DIR}/chevron-up.svg); width: 12px; height: 12px; }}
QAbstractSpinBox::down-arrow {{
    image: url({ICON_DIR}/chevron-down.svg); width: 12px; height: 12px;
}}
QDateEdit::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: 22px; border: none;
}}
QDateEdit::down-arrow {{ image: url({ICON_DIR}/chevron-down.svg); width: 14px; height: 14px; }}
QComboBox QAbstractItemView {{
    background: {CARD}; border: 1px solid {BORDER}; selection-background-color: {PRIMARY_TINT};
    selection-color: {TEXT}; outline: none;
}}
QLineEdit:disabled, QPlainTextEdit:disabled {{ background: #eef1f4; color: {TEXT_DISABLED}; }}

QGroupBox {{
    background: {CARD}; border: 1px solid {BORDER}; border-radius: 10px;
    margin-top: 16px; padding: 12px 10px 10px 10px;
}}
QGroupBox::title {{
    subcontrol-origin: margin; subcontrol-position: top left; padding: 0 8px;
    color: {PRIMARY_PRESSED}; font-weight: bold;
}}

QTableView {{
    background: {CARD}; border: 1px solid {BORDER}; border-radius: 8px;
    gridline-color: #e8ecf1; alternate-background-color: #f7f9fb;
    selection-background-color: {PRIMARY_TINT}; selection-color: {TEXT};
}}
QHeaderView::section {{
    background: #eef2f6; color: {TEXT}; border: none; border-bottom: 1px solid {BORDER};
    padding: 6px 8px; font-weight: bold;
}}
QProgressBar {{
    background: #e4e9ef; border: none; border-radius: 4px; text-align: center; color: {TEXT};
}}
QProgressBar[textVisible="false"] {{ min-height: 8px; max-height: 8px; }}
QProgressBar::chunk {{ background: {PRIMARY}; border-radius: 4px; }}
QScrollArea#dialogBody, QScrollArea#pageScroll {{ background: transparent; border: none; }}
QScrollArea#dialogBody > QWidget > QWidget, QScrollArea#pageScroll > QWidget > QWidget {{
    background: transparent;
}}

ItemWidget {{ background: white; border: 1px solid {BORDER}; border-radius: 6px; }}
ItemWidget[current="true"] {{ border: 2px solid {PRIMARY}; background: #f7fbff; }}
QCheckBox:focus {{ color: {PRIMARY}; }}
QLineEdit[invalid="true"] {{ border: 1px solid {BAD}; }}
QPushButton#clearAnswer {{
    border: none; background: transparent; color: {PRIMARY}; text-decoration: underline;
    padding: 2px 6px; min-height: 16px;
}}
QPushButton#clearAnswer:hover {{ color: {PRIMARY_HOVER}; background: {PRIMARY_TINT}; }}
QPushButton#clearAnswer:focus {{ border: 1px solid {PRIMARY}; }}
QFrame#followUp {{ background: #fdf4f3; border: 1px solid #efc7c3; border-radius: 6px; }}
QLabel#followUpTitle {{ color: {BAD}; font-weight: bold; }}
QLabel#followUpNotice {{ color: {PENDING}; }}
ItemWidget[changed="true"] {{ border-right: 4px solid {PENDING}; }}
QLabel#changedCount {{ color: {PENDING}; font-weight: bold; }}
QLabel#help, QLabel#shortcutHelp, QLabel#fieldHint {{ color: {TEXT_MUTED}; }}
QLabel#fieldError {{ color: {BAD}; }}
QLabel#overdueDeadline {{ color: {BAD}; font-weight: bold; }}
QFrame#previousFinding {{ background: #fffaf0; border: 1px solid #ead9b5; border-radius: 6px; }}
QLabel#gradeCapNote {{ color: {BAD}; }}
QLabel#insecureWarning {{ color: {BAD}; font-weight: bold; }}

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
QLabel#lockNotice {{
    background: #fff4ce; color: #5c4a00; padding: 8px; border-radius: 6px;
}}
QLabel[verdict="good"] {{ color: {GOOD}; }}
QLabel[verdict="bad"] {{ color: {BAD}; }}
QLabel#errorLabel {{ color: {BAD}; }}
"""

# Navigation icons (Lucide, ISC licence: resources/icons/LICENSE), by page key.
NAV_ICONS = {
    "offices": "building-2",
    "visits": "calendar-check",
    "inspections": "clipboard-check",
    "sync": "refresh-cw",
    "settings": "settings",
    "overview": "chart-pie",
}
ICON_PIXELS = 40  # drawn at twice the 20 px they are shown at, sharp on 150-200 % screens


def icon(name: str, color: str = TEXT_MUTED, selected_color: str = "white") -> QIcon:
    """A bundled line icon in `color`, and in `selected_color` on a selected row."""
    path = paths.resource("icons", f"{name}.svg")
    result = QIcon()
    try:
        source = path.read_text(encoding="utf-8")
    except OSError:
        return result
    for mode, tint in ((QIcon.Mode.Normal, color), (QIcon.Mode.Selected, selected_color)):
        renderer = QSvgRenderer(QByteArray(source.replace("currentColor", tint).encode()))
        pixmap = QPixmap(ICON_PIXELS, ICON_PIXELS)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        pixmap.setDevicePixelRatio(2.0)
        result.addPixmap(pixmap, mode)
    return result


def nav_icon(page_key: str) -> QIcon:
    name = NAV_ICONS.get(page_key)
    return icon(name) if name else QIcon()


def apply(app: QApplication) -> None:
    if app.styleSheet() == STYLE_SHEET:  # setting it again re-polishes every widget
        return
    # The palette too: surfaces the sheet does not name (scroll areas, frames) match it.
    palette = app.palette()
    for role, colour in (
        (QPalette.ColorRole.Window, SURFACE),
        (QPalette.ColorRole.WindowText, TEXT),
        (QPalette.ColorRole.Text, TEXT),
        (QPalette.ColorRole.ButtonText, TEXT),
        (QPalette.ColorRole.Highlight, PRIMARY),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.Link, PRIMARY),
    ):
        palette.setColor(QPalette.ColorGroup.All, role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):  # fmt: skip
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(TEXT_DISABLED))
    app.setPalette(palette)
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
