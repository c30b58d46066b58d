"""Every window and dialog on one laptop screen, run by tests/ui/test_screen_fit.py in a
process of its own whose offscreen screen has the size to check (BAZRES_SCREEN names it).

The user's path through the app: each page from the navigation, the inspection editor, the
report preview, the finalize dialog (scrolled to the passphrase), settings with its
certificate, verify, backup and restore dialogs, the sync page's warning, a long message; then
English chosen in settings, everything again, and a restart. Each window must lie inside the
screen's available area with its action buttons on screen; screenshots go to
artifacts/screens/<size>-<lang>/.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea

from inspector_app.services.demo import make_demo
from inspector_app.ui import messages, screen_fit
from inspector_app.ui.finalize.certificate_box import IdentityDialog
from inspector_app.ui.finalize.finalize_dialog import FinalizeDialog
from inspector_app.ui.finalize.verify_dialog import VerifyDialog
from inspector_app.ui.main_window import PREFERRED_SIZE, MainWindow
from inspector_app.ui.qt import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPoint,
    QPointF,
    QPushButton,
    QRect,
    QSortFilterProxyModel,
    Qt,
    QTableView,
    QTimer,
    QWidget,
)
from inspector_app.ui.table_models import STRETCH_MIN
from tests.helpers.gui import Gui
from tests.helpers.paths import ROOT
from tests.helpers.visit_plan import seed_plan
from tests.ui.test_screenshots import save

SCREEN = os.environ.get("BAZRES_SCREEN", "")
if not SCREEN:
    pytest.skip(
        "run by tests/ui/test_screen_fit.py on a configured screen", allow_module_level=True
    )

LARGE = SCREEN == "2560x1440"  # a desktop monitor: the window keeps its preferred size
small_screen = pytest.mark.skipif(LARGE, reason="for laptop screens")
# The offscreen platform's notes about itself when a popup or a file dialog opens.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing"
)
LONG_TEXT = (
    "پروندهٔ پشتیبان در پوشهٔ انتخاب‌شده نوشته نشد، چون دیسک پر است یا اجازهٔ نوشتن ندارید. " * 6
)
LONG_PATH = "/media/usb-drive/" + "بازرسی-دفاتر-خدمات-استان-بوشهر/" * 5 + "bazres-1404-05-12.db"


# --- checks ----------------------------------------------------------------------------
def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def scrolls_inside(widget: QWidget, window: QWidget) -> bool:
    """True when the widget sits in a scrolling area: it may be scrolled out of view."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def action_buttons(window: QWidget) -> list[QAbstractButton]:
    return [
        b
        for b in window.findChildren(QAbstractButton)
        if b.isVisibleTo(window) and b.window() is window and not scrolls_inside(b, window)
    ]


def assert_fits(window: QWidget, name: str, *, buttons: int = 1) -> None:
    """The window's frame inside the available area; its fixed buttons shown, on screen."""
    for _ in range(3):
        QApplication.processEvents()
    area = screen_fit.available_rect(window)
    frame = window.frameGeometry()
    assert window.isVisible(), f"{name} is not shown"
    assert area.contains(frame), f"{name}: frame {frame} outside the screen {area}"
    found = action_buttons(window)
    assert len(found) >= buttons, f"{name}: {len(found)} action buttons, {buttons} expected"
    inner = window.geometry()
    for button in found:
        rect = global_rect(button)
        label = f"{name}: button «{button.text() or button.objectName()}» at {rect}"
        assert button.isVisible(), f"{label} is hidden"
        assert area.contains(rect), f"{label} is off the screen {area}"
        assert inner.contains(rect), f"{label} is cut off by the window {inner}"


def assert_not_wider(window: MainWindow, name: str) -> None:
    """What the window shows fits its width: no sideways scrolling."""
    shown = window.stack.currentWidget()
    assert isinstance(shown, QAbstractScrollArea), name
    bar = shown.horizontalScrollBar()
    assert not bar.isVisible(), f"{name}: {bar.maximum()} px wider than the window"


def assert_headers_readable(window: MainWindow, name: str) -> None:
    """Every shown column of the page's tables is as wide as its title: a laptop screen once
    squeezed the office names into a column headed «ام دفت»."""
    page = window.stack.currentWidget()
    for view in page.findChildren(QTableView):
        if not view.isVisibleTo(window) or view.model() is None:
            continue
        header = view.horizontalHeader()
        metrics = header.fontMetrics()
        for column in range(header.count()):
            if header.isSectionHidden(column):
                continue
            title = str(view.model().headerData(column, Qt.Orientation.Horizontal) or "")
            needed = metrics.horizontalAdvance(title)
            width = header.sectionSize(column)
            assert width >= needed, f"{name}: column «{title}» is {width} px, its title {needed}"
        assert_cells_whole(view, name)


CELL_PADDING = 6  # the item's margins either side of its text (Fusion: 3 px each)


def assert_cells_whole(view: QTableView, name: str) -> None:
    """The short cells of the rows on screen (a type, a status, a date, a score: every column
    but the stretched names) are shown whole, not cut to «Government counter o…»."""
    proxy = view.model()
    source = proxy.sourceModel() if isinstance(proxy, QSortFilterProxyModel) else proxy
    columns = getattr(source, "columns", None)
    if columns is None:
        return
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    cut = set()
    for position, column in enumerate(columns):
        if not column.width or header.isSectionHidden(position):
            continue  # a stretched column: long names scroll, the next check holds them
        width = header.sectionSize(position)
        for row in range(min(proxy.rowCount(), 40)):
            text = str(proxy.index(row, position).data() or "")
            needed = metrics.horizontalAdvance(text) + CELL_PADDING
            if width < needed:
                cut.add(f"«{text}» needs {needed} px, its column has {width}")
    assert not cut, f"{name}: " + "; ".join(sorted(cut))


def has_ink(widget: QWidget) -> bool:
    """Dark pixels (text) in the middle of the widget: its page is drawn, not blank."""
    image = widget.grab().toImage()
    w, h = image.width(), image.height()
    dark = sum(
        1
        for x in range(w // 8, w - w // 8, 6)
        for y in range(h // 8, h - h // 8, 6)
        if image.pixelColor(x, y).lightness() < 128
    )
    return dark > 20


def fits_and_shot(window: QWidget, folder: Path, name: str, *, buttons: int = 1) -> None:
    assert_fits(window, name, buttons=buttons)
    save(window, folder, name)


# --- acting as the user ----------------------------------------------------------------
def click(qtbot: Any, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_nav(qtbot: Any, nav: QListWidget, row: int) -> None:
    nav.scrollToItem(nav.item(row))  # as the user scrolls a long list to the row
    rect = nav.visualItemRect(nav.item(row))
    assert nav.viewport().rect().contains(rect.center()), f"row {row} not in view"
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def wheel_until_visible(qtbot: Any, scroll: QAbstractScrollArea, target: QWidget) -> None:
    """Scroll with the mouse wheel until `target` is wholly in view."""
    viewport = scroll.viewport()
    for _ in range(40):
        top_left = target.mapTo(viewport, QPoint(0, 0))
        if viewport.rect().contains(QRect(top_left, target.size())):
            return
        centre = QPointF(viewport.rect().center())
        event = QWheelEvent(
            centre,
            QPointF(viewport.mapToGlobal(centre)),
            QPoint(0, 0),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, event)
        qtbot.wait(10)
    raise AssertionError(f"{target.objectName()} cannot be scrolled into view")


def while_modal(
    kind: type[QWidget], act: Callable[[QWidget], None], failures: list[BaseException]
) -> None:
    """Run `act` on the modal `kind` that the next click opens with exec(), then close it."""
    tries = [0]

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, kind) and modal.isVisible():
            try:
                act(modal)
            except BaseException as exc:  # reported after exec() returns
                failures.append(exc)
            finally:
                if modal.isVisible() and isinstance(modal, QDialog):
                    modal.reject()
            return
        tries[0] += 1
        if tries[0] < 200:
            QTimer.singleShot(25, poll)
        else:
            failures.append(AssertionError(f"no {kind.__name__} opened"))

    QTimer.singleShot(0, poll)


def open_modal(
    qtbot: Any, button: QWidget, kind: type[QWidget], act: Callable[[QWidget], None]
) -> None:
    failures: list[BaseException] = []
    before = QApplication.activeModalWidget()  # a window-modal dialog the button is in
    while_modal(kind, act, failures)
    click(qtbot, button)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is before, timeout=10_000)
    if failures:
        raise failures[0]


def visible_box(name: str) -> QMessageBox:
    boxes = {
        w
        for top in QApplication.topLevelWidgets()
        for w in [top, *top.findChildren(QMessageBox)]
        if isinstance(w, QMessageBox) and w.isVisible() and w.objectName() == name
    }
    assert len(boxes) == 1, f"{len(boxes)} boxes named {name}"
    return boxes.pop()


def close_box(qtbot: Any, box: QMessageBox) -> None:
    button = box.defaultButton() or box.buttons()[0]
    click(qtbot, button)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)


def child(window: QWidget, kind: type[QWidget], name: str) -> Any:
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


# --- the walk through the app ----------------------------------------------------------
def tour(qtbot: Any, window: MainWindow, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    assert window.isMaximized(), "a small screen starts the window maximized"
    keys = [spec.key for spec in window.specs]
    for row, key in enumerate(keys):
        click_nav(qtbot, window.nav, row)
        assert window.current_key() == key
        fits_and_shot(window, folder, f"page-{key}", buttons=0)
        assert_not_wider(window, f"page-{key}")
        assert_headers_readable(window, f"page-{key}")
    names = window.pages["offices"].table.columnWidth(0)
    assert names >= STRETCH_MIN, f"office names squeezed into {names} px"
    editor_and_dialogs(qtbot, window, folder)
    click_nav(qtbot, window.nav, keys.index("settings"))
    settings_dialogs(qtbot, window, folder)
    click_nav(qtbot, window.nav, keys.index("sync"))
    sync = window.pages["sync"]
    click(qtbot, child(sync, QPushButton, "enrolButton"))  # no server given: a warning
    box = visible_box("messageBox")
    fits_and_shot(box, folder, "message-sync-warning")
    close_box(qtbot, box)
    messages.show_warning(window, LONG_TEXT, LONG_PATH)
    box = visible_box("messageBox")
    fits_and_shot(box, folder, "message-long")
    close_box(qtbot, box)


def editor_and_dialogs(qtbot: Any, window: MainWindow, folder: Path) -> None:
    """Open an inspection from the list, preview its report, open the finalize dialog."""
    keys = [spec.key for spec in window.specs]
    click_nav(qtbot, window.nav, keys.index("inspections"))
    page: Any = window.pages["inspections"]
    view = page.table.view
    first = view.visualRect(view.model().index(0, 1)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=first)
    click(qtbot, page.delete_button)  # asks first; «انصراف» keeps the draft
    box = visible_box("confirmBox")
    fits_and_shot(box, folder, "message-confirm-delete", buttons=2)
    click(qtbot, child(box, QPushButton, "confirmNo"))
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)
    click(qtbot, page.open_button)
    editor = window.editor
    assert editor is not None
    fits_and_shot(window, folder, "editor", buttons=0)
    assert_not_wider(window, "editor")
    sections = editor.nav.count()
    for row, name in ((1, "editor-section-2"), (sections - 2, "editor-interviews"),
                      (sections - 1, "editor-findings")):  # fmt: skip
        click_nav(qtbot, editor.nav, row)
        assert editor.nav.currentRow() == row
        fits_and_shot(window, folder, name, buttons=0)
        assert_not_wider(window, name)

    click(qtbot, child(editor, QPushButton, "previewReport"))
    preview = child(editor, QDialog, "reportPreview")
    qtbot.waitUntil(lambda: preview.save_button.isEnabled(), timeout=30_000)
    # The view draws its pages in the background, a while after the document loads.
    qtbot.waitUntil(lambda: has_ink(preview.view), timeout=15_000)
    fits_and_shot(preview, folder, "dialog-report-preview", buttons=2)
    close = preview.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    click(qtbot, close)
    qtbot.waitUntil(lambda: not preview.isVisible(), timeout=5000)

    click(qtbot, child(editor, QPushButton, "openFinalize"))
    dialog = child(editor, FinalizeDialog, "finalizeDialog")
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    fits_and_shot(dialog, folder, "dialog-finalize", buttons=3)
    for name in ("finalizeButton", "saveSignatures", "cancelFinalize"):
        assert child(dialog, QPushButton, name) in action_buttons(dialog), name
    # The lowest field (the passphrase, or the new identity's second passphrase) is reached
    # with the wheel, clicked and typed into, with the buttons still on screen.
    body = dialog.body_scroll.widget()
    fields = [e for e in body.findChildren(QLineEdit) if e.isVisibleTo(dialog)]
    last = max(fields, key=lambda e: e.mapTo(body, QPoint(0, 0)).y())
    wheel_until_visible(qtbot, dialog.body_scroll, last)
    rect = global_rect(last)
    assert screen_fit.available_rect(dialog).contains(rect), f"{last.objectName()} at {rect}"
    click(qtbot, last)
    qtbot.keyClicks(last, "secret")
    assert last.text() == "secret"
    fits_and_shot(dialog, folder, "dialog-finalize-passphrase", buttons=3)
    click(qtbot, child(dialog, QPushButton, "cancelFinalize"))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


def settings_dialogs(qtbot: Any, window: MainWindow, folder: Path) -> None:
    page = window.pages["settings"]

    def secrets(modal: QWidget) -> None:
        fits_and_shot(modal, folder, "dialog-certificate-passphrase", buttons=2)

    open_modal(qtbot, child(page, QPushButton, "createIdentity"), IdentityDialog, secrets)

    click(qtbot, child(page, QPushButton, "verifyPdf"))
    verify = child(page, VerifyDialog, "verifyDialog")
    qtbot.waitUntil(verify.isVisible, timeout=5000)
    fits_and_shot(verify, folder, "dialog-verify", buttons=2)

    def file_dialog(name: str) -> Callable[[QWidget], None]:
        def check(modal: QWidget) -> None:
            fits_and_shot(modal, folder, name, buttons=2)

        return check

    open_modal(qtbot, child(verify, QPushButton, "openPdf"), QFileDialog, file_dialog(
        "dialog-verify-open"))  # fmt: skip
    click(qtbot, child(verify, QPushButton, "closeVerify"))
    qtbot.waitUntil(lambda: not verify.isVisible(), timeout=5000)
    for name in ("backupNow", "restoreBackup"):
        open_modal(qtbot, child(page, QPushButton, name), QFileDialog, file_dialog(
            f"dialog-{name}"))  # fmt: skip


def choose_english(qtbot: Any, gui: Gui) -> MainWindow:
    """Settings → language → English, with the mouse and keys; the window is rebuilt."""
    window = gui.window
    assert window is not None and gui.app is not None
    keys = [spec.key for spec in window.specs]
    click_nav(qtbot, window.nav, keys.index("settings"))
    combo = child(window.pages["settings"], QComboBox, "language")
    with qtbot.waitSignal(gui.app.ready, timeout=30_000) as blocker:
        click(qtbot, combo)
        popup = combo.view()
        qtbot.waitUntil(popup.isVisible, timeout=5000)
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    new = blocker.args[0]
    assert isinstance(new, MainWindow) and new is not window
    gui.window = new
    return new


@pytest.fixture
def shots() -> Iterator[Callable[[str], Path]]:
    yield lambda lang: ROOT / "artifacts" / "screens" / f"{SCREEN}-{lang}"


@small_screen
def test_every_window_fits_in_both_languages(
    qtbot: Any, gui_factory: Callable[[Path], Gui], data_dir: Path, shots: Callable[[str], Path]
) -> None:
    gui = gui_factory(data_dir)
    window = gui.start()
    make_demo(window.env.context, count=2)
    seed_plan(window.env.context.db)
    window.env.events.inspection_changed.emit("")
    tour(qtbot, window, shots("fa"))
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft

    english = choose_english(qtbot, gui)
    assert english.isMaximized(), "still maximized after the language change"
    assert english.layoutDirection() == Qt.LayoutDirection.LeftToRight
    tour(qtbot, english, shots("en"))

    gui.stop()  # closed as the user does; started again on the same folder
    again = gui_factory(data_dir).start()
    assert again.isMaximized(), "still maximized after a restart"
    assert again.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert_fits(again, "main window after restart", buttons=0)


@small_screen
def test_normal_geometry_is_remembered(
    qtbot: Any, gui_factory: Callable[[Path], Gui], data_dir: Path
) -> None:
    gui = gui_factory(data_dir)
    window = gui.start()
    assert window.isMaximized()
    window.showNormal()  # the window manager's «restore» button
    qtbot.waitUntil(lambda: not window.isMaximized(), timeout=5000)
    area = screen_fit.available_rect(window)
    window.setGeometry(area.x() + 40, area.y() + 50, 900, 560)
    qtbot.wait(20)
    placed = window.geometry()
    gui.stop()
    again = gui_factory(data_dir).start()
    assert not again.isMaximized(), "un-maximized by the user: stays so after a restart"
    assert again.geometry() == placed
    assert_fits(again, "restored main window", buttons=0)


@pytest.mark.skipif(not LARGE, reason="for a large screen")
def test_large_screen_keeps_the_preferred_size(
    qtbot: Any, gui_factory: Callable[[Path], Gui], data_dir: Path
) -> None:
    gui = gui_factory(data_dir)
    window = gui.start()
    assert not window.isMaximized()
    assert window.size() == PREFERRED_SIZE
    assert_fits(window, "main window on a large screen", buttons=0)
    window.showMaximized()  # the user maximizes it; a restart keeps that
    qtbot.waitUntil(window.isMaximized, timeout=5000)
    gui.stop()
    again = gui_factory(data_dir).start()
    assert again.isMaximized()
    assert_fits(again, "maximized again", buttons=0)
