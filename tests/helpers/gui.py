"""The desktop app in a test: the real app started on a data folder, offscreen; typing with
real key events, message boxes, photos, the editor on a new draft."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import Image

from inspector_app.ui import background
from inspector_app.ui.app import GuiApp
from inspector_app.ui.editor.editor import InspectionEditor
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.qt import (
    QApplication,
    QComboBox,
    QEvent,
    QKeyEvent,
    QListWidget,
    QMessageBox,
    Qt,
    QThreadPool,
    QTimer,
    QWidget,
)
from tests.helpers.profile import seed_profile


class Gui:
    """One running app on a data folder, as a user would have it."""

    def __init__(self, qtbot: Any, data_dir: Path) -> None:
        self.qtbot = qtbot
        self.data_dir = data_dir
        self.app: GuiApp | None = None
        self.window: MainWindow | None = None

    def start(self, *, first_run: bool = False) -> MainWindow:
        """Start the app; unless `first_run`, an inspector profile is stored first (through
        the storage API) so that the first-run setup does not stand in front of the window."""
        if not first_run:
            seed_profile(self.data_dir)
        qapp = QApplication.instance()
        assert isinstance(qapp, QApplication)
        self.app = GuiApp(qapp, self.data_dir)
        with self.qtbot.waitSignal(self.app.ready, timeout=30_000) as blocker:
            assert self.app.start()
        window = blocker.args[0]
        assert isinstance(window, MainWindow)
        self.window = window
        return window

    def stop(self) -> None:
        """Close the window as the user does, then shut down like `run_gui` after exec()."""
        if self.app is None:
            return
        window = self.app.window
        if window is not None and window.isVisible():
            window.close()
        wait_for_background(self.qtbot)
        self.app.shutdown()
        if window is not None:
            window.deleteLater()
        self.app = None
        self.window = None


def wait_for_background(qtbot: Any, timeout: int = 60_000) -> None:
    qtbot.waitUntil(lambda: background.running_count() == 0, timeout=timeout)
    QThreadPool.globalInstance().waitForDone(timeout)


def message_boxes(name: str | None = None) -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets() + _children_boxes()
        if isinstance(w, QMessageBox) and w.isVisible() and (name is None or w.objectName() == name)
    ]


def _children_boxes() -> list[QWidget]:
    found: list[QWidget] = []
    for top in QApplication.topLevelWidgets():
        found.extend(top.findChildren(QMessageBox))
    return found


def close_message_boxes() -> None:
    for box in message_boxes():
        box.close()


def make_jpeg(path: Path, size: tuple[int, int] = (1600, 1200), color: str = "teal") -> Path:
    image = Image.new("RGB", size, color)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())
    return path


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` into `widget` with real key events, one character at a time.

    QTest's keyClicks only knows ASCII; a Persian keyboard sends key events whose text is the
    Persian letter, which is what this does.
    """
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
    QApplication.processEvents()


def open_editor(qtbot: Any, gui: Gui) -> InspectionEditor:
    """A new draft of the first pishkhan office, open in the editor of the active window."""
    from inspector_app.services import workflow
    from inspector_app.storage import offices

    window = gui.window
    assert window is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    code = offices.list_offices(window.env.context.db, office_type="pishkhan")[0]["code"]
    window.open_inspection(workflow.start_inspection(window.env.context, code))
    assert window.editor is not None
    return window.editor


def choose_in_combo(qtbot: Any, combo: QComboBox, row: int) -> None:
    """Open the combo's list with a click and pick `row` with the arrow keys and Return."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    popup = combo.view()
    qtbot.waitUntil(popup.isVisible, timeout=5_000)
    step = Qt.Key.Key_Down if row > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(row - combo.currentIndex())):
        qtbot.keyClick(popup, step)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=5_000)
    assert combo.currentIndex() == row


def go_to_page(qtbot: Any, gui: Gui, key: str) -> Any:
    """Click the page's entry in the window's side list; the page."""
    window = gui.window
    assert window is not None
    nav = window.findChild(QListWidget)
    assert nav is not None
    row = [spec.key for spec in window.specs].index(key)
    qtbot.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(nav.item(row)).center()
    )
    page = window.pages[key]
    qtbot.waitUntil(page.isVisible, timeout=10_000)
    return page


def accept_box_when_shown(name: str) -> list[str]:
    """Accept the message box `name` as soon as it shows (a modal one blocks the caller);
    the texts it showed gather in the list returned."""
    seen: list[str] = []

    def answer() -> None:
        boxes = message_boxes(name)
        if not boxes:
            QTimer.singleShot(50, answer)
            return
        seen.append(boxes[0].text())
        boxes[0].accept()

    QTimer.singleShot(50, answer)
    return seen
