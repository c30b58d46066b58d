"""The mouse wheel scrolls the page, never an answer the pointer happens to pass over.

While a checklist page scrolls under a still pointer, dropdowns, spin boxes and date or time
fields slide under it; Qt would give each the wheel (and focus) and change its value, which the
editor then saves. Installed once on the application: such a field takes the wheel only when
it already has the keyboard focus (clicked or tabbed into); otherwise the wheel goes on to the
scroll area behind it.
"""

from __future__ import annotations

from inspector_app.ui.qt import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QEvent,
    QObject,
    Qt,
    QWidget,
)

_GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, _GUARDED):
            return False
        if event.type() == QEvent.Type.Polish:
            # Not focused by the wheel itself (Qt's default for these is WheelFocus).
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif event.type() == QEvent.Type.Wheel and not watched.hasFocus():
            area = _scroll_area_of(watched)
            if area is not None:  # handed on explicitly: Qt propagates only some wheel events
                QApplication.sendEvent(area.verticalScrollBar(), event)
            return True
        return False


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


_guard: WheelGuard | None = None


def install(app: QApplication) -> None:
    global _guard
    if _guard is None:
        _guard = WheelGuard(app)
        app.installEventFilter(_guard)
