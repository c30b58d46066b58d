"""Automation map: where the app's named widgets are on screen, for driving it with real X input.

Off unless the environment variable BAZRES_AUTOMATION_MAP=FILE is set. Then every 300 ms (or
every BAZRES_AUTOMATION_MAP_MS milliseconds, at least 50) the app replaces FILE (atomically:
a temporary file renamed over it) with one JSON object:

- `seq` (counts up with every write), `pid` (this process), `dpr` (device pixel ratio),
  `took_ms` (how long collecting it took);
- `screen`: the primary screen's rectangle;
- `active_window`, `modal`, `popup`, `focus`: the active top-level window, the active modal
  dialog, the open popup (a combo box's list, a menu) and the widget with keyboard focus,
  each as {class, name, title, path} or null; the popup also has its visible `rows`;
- `windows`: every visible top-level window, with `modal`, and for a QMessageBox its `icon`
  (Critical, Warning, Information, Question, NoIcon), `text` and `buttons` (text and rect);
- `widgets`: every visible widget with an objectName (Qt's own `qt_…` names left out):
  `name`, `path` (the objectNames of its named ancestors and itself, joined by "/"),
  `class`, `rect` (the whole widget), `shown` (the part not clipped by a scroll area or the
  window, null when none of it is), `enabled`, `focus`, and where they apply `checked`,
  `text`, `data` (a combo box's current item data), `props` (dynamic properties such as the
  theme's states), and for item views `count`, `current` and the visible `rows`.

Every rectangle is [x, y, width, height] in physical X screen pixels: Qt's device-independent
global coordinates multiplied by the device pixel ratio, so they hold with QT_SCALE_FACTOR.
The display tests (tests/display/) read this file to find targets and click them with xdotool.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import Any

from inspector_app.ui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QObject,
    QPlainTextEdit,
    QRect,
    Qt,
    QTimer,
    QWidget,
)

log = logging.getLogger(__name__)

ENV_VAR = "BAZRES_AUTOMATION_MAP"
INTERVAL_VAR = "BAZRES_AUTOMATION_MAP_MS"  # how often to write it; 300 ms unless set
INTERVAL_MS = 300
MAX_TEXT = 300
MAX_ROWS = 60
MAX_COLUMNS = 8

Rect = list[int]
_installed: list[AutomationMap] = []  # kept alive for the life of the process


def _text(value: str) -> str:
    return value if len(value) <= MAX_TEXT else value[:MAX_TEXT] + "…"


def _simple(value: Any) -> Any:
    """`value` if JSON can hold it as it is, else None."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return None


class AutomationMap(QObject):
    """Writes the map of `qapp`'s visible named widgets to `target` on a timer."""

    def __init__(self, qapp: QApplication, target: Path, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(qapp)
        self.setObjectName("automationMap")
        self.qapp = qapp
        self.target = target
        self.seq = 0
        self.dpr = 1.0
        self._failed = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.write)
        self.timer.start(interval_ms)

    # --- geometry ----------------------------------------------------------------------
    def _dpr(self) -> float:
        screen = self.qapp.primaryScreen()
        return float(screen.devicePixelRatio()) if screen is not None else 1.0

    def _physical(self, rect: QRect) -> Rect:
        d = self.dpr
        return [round(rect.x() * d), round(rect.y() * d), round(rect.width() * d),
                round(rect.height() * d)]  # fmt: skip

    def _global_rect(self, widget: QWidget, local: QRect | None = None) -> Rect:
        local = widget.rect() if local is None else local
        return self._physical(QRect(widget.mapToGlobal(local.topLeft()), local.size()))

    def _shown_rect(self, widget: QWidget) -> Rect | None:
        """The part of `widget` inside every one of its parents (a scroll area's viewport
        clips what is scrolled away) and its window. (QWidget.visibleRegion() would also
        take away what its own children cover, which empties it for a container.)"""
        shown = QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())
        parent = widget.parentWidget()
        while parent is not None and not shown.isEmpty():
            shown = shown.intersected(
                QRect(parent.mapToGlobal(parent.rect().topLeft()), parent.size())
            )
            if parent.isWindow():
                break
            parent = parent.parentWidget()
        return None if shown.isEmpty() else self._physical(shown)

    # --- description -------------------------------------------------------------------
    @staticmethod
    def _path(widget: QWidget) -> str:
        names: list[str] = []
        current: QWidget | None = widget
        while current is not None:
            name = current.objectName()
            if name and not name.startswith("qt_"):
                names.append(name)
            current = current.parentWidget()
        return "/".join(reversed(names))

    def _brief(self, widget: QWidget | None) -> dict[str, Any] | None:
        if widget is None:
            return None
        return {
            "class": type(widget).__name__,
            "name": widget.objectName(),
            "title": widget.windowTitle(),
            "path": self._path(widget),
            "rect": self._global_rect(widget),
        }

    def _rows(self, view: QAbstractItemView) -> list[dict[str, Any]]:
        model = view.model()
        if model is None:
            return []
        viewport = view.viewport()
        shown = viewport.rect()
        root = view.rootIndex()
        try:
            columns = min(model.columnCount(root), MAX_COLUMNS)
        except TypeError:  # a list model: columnCount() is not public there
            columns = 1
        rows: list[dict[str, Any]] = []
        for row in range(model.rowCount(root)):
            cells = [model.index(row, column, root) for column in range(columns)]
            rects = [view.visualRect(index) for index in cells]
            area = QRect()
            for rect in rects:
                if not rect.isEmpty():
                    area = area.united(rect)
            area = area.intersected(shown)
            if area.isEmpty():
                continue
            texts = [str(index.data(Qt.ItemDataRole.DisplayRole) or "") for index in cells]
            rows.append(
                {
                    "row": row,
                    "text": _text(" | ".join(t for t in texts if t)),
                    "rect": self._global_rect(viewport, area),
                }
            )
            if len(rows) >= MAX_ROWS:
                break
        return rows

    def _widget(self, widget: QWidget) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "name": widget.objectName(),
            "path": self._path(widget),
            "class": type(widget).__name__,
            "rect": self._global_rect(widget),
            "shown": self._shown_rect(widget),
            "enabled": widget.isEnabled(),
            "focus": widget.hasFocus(),
        }
        if isinstance(widget, QAbstractButton):
            entry["text"] = _text(widget.text())
            if widget.isCheckable():
                entry["checked"] = widget.isChecked()
        elif isinstance(widget, QLabel):
            entry["text"] = _text(widget.text())
        elif isinstance(widget, QLineEdit):
            if widget.echoMode() == QLineEdit.EchoMode.Normal:
                entry["text"] = _text(widget.text())
            else:
                entry["length"] = len(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            entry["text"] = _text(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            entry["text"] = _text(widget.currentText())
            entry["data"] = _simple(widget.currentData())
        elif isinstance(widget, QGroupBox):
            entry["text"] = _text(widget.title())
        if isinstance(widget, QAbstractItemView):
            model = widget.model()
            entry["count"] = model.rowCount(widget.rootIndex()) if model is not None else 0
            entry["current"] = widget.currentIndex().row()
            entry["rows"] = self._rows(widget)
        props = {}
        for raw in widget.dynamicPropertyNames():
            key = bytes(raw.data()).decode("utf-8", "replace")
            if key.startswith("_q_"):
                continue
            try:
                props[key] = _simple(widget.property(key))
            except RuntimeError:  # a C++ type PySide cannot convert (Qt's own widgets)
                continue
        if props:
            entry["props"] = props
        return entry

    def _window(self, window: QWidget) -> dict[str, Any]:
        entry = self._brief(window) or {}
        entry["rect"] = self._physical(window.frameGeometry())
        entry["modal"] = window.isModal()
        if isinstance(window, QMessageBox):
            entry["icon"] = window.icon().name
            entry["text"] = _text(window.text())
            entry["informative"] = _text(window.informativeText())
            entry["buttons"] = [
                {"text": b.text(), "rect": self._global_rect(b), "shown": self._shown_rect(b)}
                for b in window.buttons()
                if b.isVisible()
            ]
        elif isinstance(window, QDialog):
            entry["dialog"] = True
        return entry

    def _popup(self) -> dict[str, Any] | None:
        popup = self.qapp.activePopupWidget()
        entry = self._brief(popup)
        if popup is None or entry is None:
            return None
        views = popup.findChildren(QAbstractItemView)
        if isinstance(popup, QAbstractItemView):
            views.insert(0, popup)
        if views:
            entry["rows"] = self._rows(views[0])
        return entry

    def snapshot(self) -> dict[str, Any]:
        self.dpr = self._dpr()
        screen = self.qapp.primaryScreen()
        widgets = [
            self._widget(w)
            for w in self.qapp.allWidgets()
            if w.objectName() and not w.objectName().startswith("qt_") and w.isVisible()
        ]
        windows = [self._window(w) for w in self.qapp.topLevelWidgets() if w.isVisible()]
        return {
            "seq": self.seq,
            "pid": os.getpid(),
            "dpr": self.dpr,
            "screen": self._physical(screen.geometry()) if screen is not None else None,
            "active_window": self._brief(self.qapp.activeWindow()),
            "modal": self._brief(self.qapp.activeModalWidget()),
            "popup": self._popup(),
            "focus": self._brief(self.qapp.focusWidget()),
            "windows": windows,
            "widgets": widgets,
        }

    def write(self) -> None:
        self.seq += 1
        try:
            began = time.perf_counter()
            snapshot = self.snapshot()
            snapshot["took_ms"] = round((time.perf_counter() - began) * 1000, 1)
            data = json.dumps(snapshot, ensure_ascii=False)
            partial = self.target.with_name(self.target.name + ".part")
            partial.write_text(data, encoding="utf-8")
            os.replace(partial, self.target)
        except Exception:  # the map must never disturb the app it describes
            if not self._failed:
                log.warning("automation map not written to %s", self.target, exc_info=True)
            self._failed = True


def install(qapp: QApplication) -> AutomationMap | None:
    """Start writing the map when BAZRES_AUTOMATION_MAP names a file; else do nothing."""
    target = os.environ.get(ENV_VAR, "").strip()
    if not target:
        return None
    try:
        interval = max(50, int(os.environ.get(INTERVAL_VAR, INTERVAL_MS)))
    except ValueError:
        interval = INTERVAL_MS
    log.info("automation map: writing %s every %d ms", target, interval)
    automation_map = AutomationMap(qapp, Path(target), interval)
    _installed.append(automation_map)
    return automation_map
