"""Qt names the signature pad needs beyond inspector_app.ui.qt (painting and pointer input).

Kept in one small module so the pad's extra imports from the binding live in one place.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, QRectF
from PySide6.QtGui import (
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)

__all__ = [
    "QBuffer",
    "QIODevice",
    "QImage",
    "QMouseEvent",
    "QPaintEvent",
    "QPainter",
    "QPainterPath",
    "QPen",
    "QRectF",
    "QTabletEvent",
    "QTouchEvent",
]
