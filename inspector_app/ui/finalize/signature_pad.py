"""A signature pad: draw with mouse, pen or finger; clear, undo, redo; a signature line with
the signer's name under it. The signature is kept as vector strokes (pad coordinates) and
exported as a transparent PNG of the strokes alone (no line, no name) for the report."""

from __future__ import annotations

from inspector_app.ui.qt import (
    QBuffer,
    QColor,
    QEvent,
    QFont,
    QImage,
    QIODevice,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPointF,
    QSize,
    QSizePolicy,
    Qt,
    QTabletEvent,
    QTouchEvent,
    QWidget,
    Signal,
)

Stroke = list[tuple[float, float]]

INK = QColor(20, 40, 110)
PAD_SIZE = QSize(420, 170)
PNG_SCALE = 2  # the PNG is drawn at twice the pad size so it prints sharply


class SignaturePad(QWidget):
    """Strokes are lists of (x, y) points in this widget's coordinates."""

    changed = Signal()

    def __init__(self, signer_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setMinimumSize(PAD_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("با ماوس، قلم یا انگشت امضا کنید"))
        self._signer_name = signer_name
        self._strokes: list[Stroke] = []
        self._current: Stroke | None = None
        self._undo: list[list[Stroke]] = []
        self._redo: list[list[Stroke]] = []
        self._read_only = False

    def sizeHint(self) -> QSize:
        return PAD_SIZE

    # -- state -----------------------------------------------------------------------------
    def strokes(self) -> list[Stroke]:
        return [list(s) for s in self._strokes]

    def set_strokes(self, strokes: list[Stroke]) -> None:
        """Show stored strokes (no undo history)."""
        self._strokes = [[(float(x), float(y)) for x, y in s] for s in strokes if s]
        self._undo.clear()
        self._redo.clear()
        self.update()
        self.changed.emit()

    def is_empty(self) -> bool:
        return not any(len(s) > 1 for s in self._strokes)

    def set_signer_name(self, name: str) -> None:
        self._signer_name = name
        self.update()

    def signer_name(self) -> str:
        return self._signer_name

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.setCursor(Qt.CursorShape.ArrowCursor if read_only else Qt.CursorShape.CrossCursor)

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def _remember(self) -> None:
        self._undo.append([list(s) for s in self._strokes])
        self._redo.clear()

    def clear(self) -> None:
        if not self._strokes:
            return
        self._remember()
        self._strokes = []
        self.update()
        self.changed.emit()

    def undo(self) -> None:
        if not self._undo:
            return
        self._redo.append(self._strokes)
        self._strokes = self._undo.pop()
        self.update()
        self.changed.emit()

    def redo(self) -> None:
        if not self._redo:
            return
        self._undo.append(self._strokes)
        self._strokes = self._redo.pop()
        self.update()
        self.changed.emit()

    # -- input -----------------------------------------------------------------------------
    def _begin(self, point: QPointF) -> None:
        if self._read_only:
            return
        self._remember()
        self._current = [(round(point.x(), 1), round(point.y(), 1))]
        self._strokes.append(self._current)
        self.update()

    def _extend(self, point: QPointF) -> None:
        if self._current is None:
            return
        xy = (round(point.x(), 1), round(point.y(), 1))
        if xy != self._current[-1]:
            self._current.append(xy)
            self.update()

    def _end(self) -> None:
        if self._current is None:
            return
        if len(self._current) == 1:  # a tap is a dot
            x, y = self._current[0]
            self._current.append((x + 0.5, y + 0.5))
        self._current = None
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end()
        event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end()
        event.accept()  # accepted: Qt does not synthesize mouse events from the pen as well

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            assert isinstance(event, QTouchEvent)
            points = event.points()
            if points:
                position = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self._begin(position)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(position)
                else:
                    self._end()
            event.accept()
            return True
        if kind == QEvent.Type.TouchCancel:
            self._end()
            return True
        return super().event(event)

    # -- drawing ---------------------------------------------------------------------------
    def _baseline(self) -> float:
        return self.height() - 38.0

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(255, 255, 255))
        painter.setPen(QPen(QColor(150, 160, 175), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        baseline = self._baseline()
        painter.setPen(QPen(QColor(120, 130, 150), 1.2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(24, baseline), QPointF(self.width() - 24, baseline))
        painter.setPen(QColor(70, 75, 90))
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0))
        painter.setFont(font)
        name_rect = self.rect().adjusted(8, int(baseline) + 4, -8, -4)
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                         self._signer_name or self.tr("نام امضاکننده"))  # fmt: skip
        self._draw_strokes(painter, 1.0)
        painter.end()

    def _draw_strokes(self, painter: QPainter, scale: float) -> None:
        pen = QPen(INK, 2.6 * scale, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)  # fmt: skip
        painter.setPen(pen)
        for stroke in self._strokes:
            if not stroke:
                continue
            path = QPainterPath(QPointF(stroke[0][0] * scale, stroke[0][1] * scale))
            for x, y in stroke[1:]:
                path.lineTo(QPointF(x * scale, y * scale))
            painter.drawPath(path)

    def to_image(self) -> QImage:
        """The strokes on a transparent image, cropped to the drawing's extent plus a margin."""
        width, height = max(self.width(), 1), max(self.height(), 1)
        image = QImage(width * PNG_SCALE, height * PNG_SCALE, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._draw_strokes(painter, float(PNG_SCALE))
        painter.end()
        points = [p for s in self._strokes for p in s]
        if not points:
            return image
        margin = 8
        left = max(int(min(x for x, _ in points)) - margin, 0) * PNG_SCALE
        top = max(int(min(y for _, y in points)) - margin, 0) * PNG_SCALE
        right = min(int(max(x for x, _ in points)) + margin, width) * PNG_SCALE
        bottom = min(int(max(y for _, y in points)) + margin, height) * PNG_SCALE
        return image.copy(left, top, max(right - left, 1), max(bottom - top, 1))

    def to_png(self) -> bytes:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.to_image().save(buffer, "PNG")  # type: ignore[call-overload]  # stubs lag PySide
        return bytes(buffer.data().data())
