"""Marking a photo with the mouse: drag to blur a region (faces, ID cards), to circle or to
point an arrow at something, or click to place a text. Each mark is drawn by the same
renderer that stores it (services/photo_marks.py), so what is shown is what is kept."""

from __future__ import annotations

from inspector_app.domain.inspection_document import PhotoMark
from inspector_app.services.photo_marks import preview
from inspector_app.ui import screen_fit
from inspector_app.ui.editor.notes import LineEdit
from inspector_app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QButtonGroup,
    QColor,
    QCoreApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPoint,
    QPushButton,
    QRect,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

TOOLS = {
    "blur": QT_TRANSLATE_NOOP("PhotoMarks", "محو کردن"),
    "circle": QT_TRANSLATE_NOOP("PhotoMarks", "دایره"),
    "arrow": QT_TRANSLATE_NOOP("PhotoMarks", "پیکان"),
    "text": QT_TRANSLATE_NOOP("PhotoMarks", "متن"),
}
MIN_DRAG = 4  # pixels: a shorter drag is a click


class MarkCanvas(QWidget):
    """The photo, scaled to fit; a drag (or a click, for text) gives a mark's corners as
    shares of the photo's width and height."""

    marked = Signal(float, float, float, float)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("markCanvas")
        self.setMinimumSize(320, 240)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.pixmap = QPixmap()
        self._start: QPoint | None = None
        self._end: QPoint | None = None

    def set_image(self, data: bytes) -> None:
        self.pixmap.loadFromData(data)
        self.update()

    def image_rect(self) -> QRect:
        """Where the photo is drawn: as large as fits, centred."""
        if self.pixmap.isNull():
            return QRect()
        size = self.pixmap.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        left = (self.width() - size.width()) // 2
        top = (self.height() - size.height()) // 2
        return QRect(left, top, size.width(), size.height())

    def _share(self, point: QPoint) -> tuple[float, float]:
        rect = self.image_rect()
        x = (point.x() - rect.left()) / max(rect.width(), 1)
        y = (point.y() - rect.top()) / max(rect.height(), 1)
        return min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._start = self._end = event.position().toPoint()
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._start is not None:
            self._end = event.position().toPoint()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._start is None or event.button() != Qt.MouseButton.LeftButton:
            return
        start, end = self._start, event.position().toPoint()
        self._start = self._end = None
        self.update()
        if (end - start).manhattanLength() < MIN_DRAG:
            end = start
        self.marked.emit(*self._share(start), *self._share(end))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#263238"))
        if not self.pixmap.isNull():
            painter.drawPixmap(self.image_rect(), self.pixmap)
        if self._start is not None and self._end is not None:
            # Only the drag's outline: the mark itself is drawn by the renderer on release.
            painter.setPen(QPen(QColor("#ffeb3b"), 2, Qt.PenStyle.DashLine))
            painter.drawRect(QRect(self._start, self._end).normalized())
        painter.end()


class PhotoMarksDialog(QDialog):
    """Marks on one photo; `marks` holds the new ones when accepted."""

    def __init__(self, jpeg: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoMarksDialog")
        self.setWindowTitle(self.tr("نشانه‌گذاری و محو کردن عکس"))
        self.base = jpeg
        self.marks: list[PhotoMark] = []
        self.canvas = MarkCanvas()
        self.canvas.marked.connect(self._add)
        self.tools = QButtonGroup(self)
        self.tool_buttons: dict[str, QPushButton] = {}
        tools = QHBoxLayout()
        for key, text in TOOLS.items():
            button = QPushButton(QCoreApplication.translate("PhotoMarks", text))
            button.setObjectName(f"tool_{key}")
            button.setCheckable(True)
            button.setProperty("answer", True)
            self.tools.addButton(button)
            self.tool_buttons[key] = button
            tools.addWidget(button)
        self.tool_buttons["blur"].setChecked(True)  # the privacy rule's tool comes first
        self.text = LineEdit()
        self.text.setObjectName("markText")
        self.text.setPlaceholderText(self.tr("متن نشانه، سپس روی عکس بزنید"))
        tools.addWidget(self.text, 1)
        hint = QLabel(
            self.tr(
                "برای محو کردن، دایره یا پیکان روی عکس بکشید؛ برای متن، جای آن را بزنید. "
                "چهره و مدارک مراجعان را پیش از ذخیره محو کنید."
            )
        )
        hint.setObjectName("fieldHint")
        hint.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("واگرد"))
        self.undo_button.setObjectName("undoMark")
        self.undo_button.clicked.connect(self._undo)
        self.save_button = QPushButton(self.tr("ذخیره"))
        self.save_button.setObjectName("saveMarks")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.accept)
        cancel = QPushButton(self.tr("انصراف"))
        cancel.setObjectName("cancelMarks")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(hint)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(buttons)
        self._show()
        screen_fit.fit_to_screen(self, QSize(960, 760))

    def tool(self) -> str:
        return next(k for k, b in self.tool_buttons.items() if b.isChecked())

    def _add(self, x0: float, y0: float, x1: float, y1: float) -> None:
        tool = self.tool()
        if tool == "text":
            if not self.text.text().strip():
                self.text.setFocus()
                return
            self.marks.append(
                PhotoMark(kind="text", x0=x0, y0=y0, x1=x0, y1=y0, text=self.text.text().strip())
            )
        elif (x0, y0) == (x1, y1):
            return  # a click draws no region
        else:
            self.marks.append(PhotoMark(kind=tool, x0=x0, y0=y0, x1=x1, y1=y1))  # type: ignore[arg-type]
        self._show()

    def _undo(self) -> None:
        if self.marks:
            self.marks.pop()
            self._show()

    def _show(self) -> None:
        self.canvas.set_image(preview(self.base, self.marks))
        self.undo_button.setEnabled(bool(self.marks))
        self.save_button.setEnabled(bool(self.marks))
