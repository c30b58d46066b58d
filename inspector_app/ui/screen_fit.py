"""Windows that fit the screen they open on, and dialogs whose buttons stay on screen.

Laptops here have 1280x720 to 1366x768 logical pixels (a 1920x1080 panel at 150 % is
1280x720 too). A window asks for its preferred size, gets at most the screen's available
area, and is moved back inside it when shown. A dialog's body goes in a scroll area above
its button row: the content scrolls, never the buttons.
"""

from __future__ import annotations

from inspector_app.ui.qt import (
    QApplication,
    QEvent,
    QFrame,
    QLayout,
    QObject,
    QRect,
    QScrollArea,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
)

# Title bar and borders of a window that has no frame yet (known only once it is shown).
FRAME_ALLOWANCE = QSize(16, 40)


def available_rect(widget: QWidget | None) -> QRect:
    """The available area (without task bars) of the screen `widget` is, or will be, on."""
    screen = widget.screen() if widget is not None else None
    return (screen or QApplication.primaryScreen()).availableGeometry()


def _frame_extra(window: QWidget) -> QSize:
    """How much larger the frame is than the window's own area."""
    if window.windowHandle() is not None and window.isVisible():
        frame, inner = window.frameGeometry(), window.geometry()
        return QSize(frame.width() - inner.width(), frame.height() - inner.height())
    return FRAME_ALLOWANCE


def fitted_size(window: QWidget, preferred: QSize) -> QSize:
    """`preferred`, made small enough that the window with its frame fits the screen."""
    area = available_rect(window)
    extra = _frame_extra(window)
    room = QSize(area.width() - extra.width(), area.height() - extra.height())
    return preferred.boundedTo(room).expandedTo(window.minimumSize())


def fit_to_screen(window: QWidget, preferred: QSize | None = None) -> None:
    """Size `window` to `preferred` (its size hint by default) within the screen, and keep it
    inside the screen's available area each time it is shown."""
    window.resize(fitted_size(window, preferred or window.sizeHint()))
    if window.findChild(_OnScreen, "", Qt.FindChildOption.FindDirectChildrenOnly) is None:
        window.installEventFilter(_OnScreen(window))


def keep_inside(window: QWidget) -> None:
    """Shrink and move a shown window until its frame is inside the available area."""
    if window.isMaximized() or window.isFullScreen():
        return
    area = available_rect(window)
    extra = _frame_extra(window)
    room = QSize(area.width() - extra.width(), area.height() - extra.height())
    if window.width() > room.width() or window.height() > room.height():
        window.resize(window.size().boundedTo(room))
    frame = window.frameGeometry()
    x = min(max(frame.left(), area.left()), area.left() + area.width() - frame.width())
    y = min(max(frame.top(), area.top()), area.top() + area.height() - frame.height())
    if (x, y) != (frame.left(), frame.top()):
        window.move(max(x, area.left()), max(y, area.top()))


class _OnScreen(QObject):
    """Puts its window back inside the screen when it is shown (after Qt placed it)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            keep_inside(watched)
        return False


def scrolling(content: QWidget, name: str = "pageScroll") -> QScrollArea:
    """`content` in a frameless scroll area: it fills the area, and scrolls when the area is
    smaller than it can shrink to (a short screen), instead of pushing the window off it."""
    scroll = QScrollArea()
    scroll.setObjectName(name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    return scroll


def scrolling_body(window: QWidget, body: QWidget, buttons: QWidget | QLayout) -> QScrollArea:
    """Lay `window` out as `body` in a scroll area above a fixed row of `buttons`."""
    scroll = scrolling(body, "dialogBody")
    outer = QVBoxLayout(window)
    outer.addWidget(scroll, 1)
    if isinstance(buttons, QLayout):
        outer.addLayout(buttons)
    else:
        outer.addWidget(buttons)
    return scroll
