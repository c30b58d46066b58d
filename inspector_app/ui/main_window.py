"""The main window: assembles the pages, routes between them, remembers its geometry.

It holds no business logic: each page does its own work with the PageEnv it is given.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING

from inspector_app.ui import fmt, messages, screen_fit, theme
from inspector_app.ui.background import Changes, announce
from inspector_app.ui.env import AppControl, PageEnv
from inspector_app.ui.events import DataEvents
from inspector_app.ui.pages import PAGES, PageSpec
from inspector_app.ui.qt import (
    QApplication,
    QByteArray,
    QCloseEvent,
    QCoreApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QSettings,
    QSize,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from inspector_app.services.context import AppContext
    from inspector_app.ui.editor.editor import InspectionEditor

log = logging.getLogger(__name__)

PREFERRED_SIZE = QSize(1280, 800)
# Below this available height (logical pixels) the window starts maximized.
SMALL_SCREEN_HEIGHT = 900


class Pages:
    """The window's pages by key, each built on first use (startup builds only the first)."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._built: dict[str, QWidget] = {}

    def __getitem__(self, key: str) -> QWidget:
        if key not in self._built:
            self._built[key] = self._window._build_page(key)
        return self._built[key]

    def __contains__(self, key: object) -> bool:
        return any(spec.key == key for spec in self._window.specs)

    def built(self) -> Iterator[tuple[str, QWidget]]:
        return iter(list(self._built.items()))


class MainWindow(QMainWindow):
    """Shown at once; `attach(context)` fills it when the database is open."""

    def __init__(
        self,
        context: AppContext | None,
        events: DataEvents,
        settings: QSettings,
        app: AppControl,
        pages: list[PageSpec] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        # Qt appends " — " and the application display name, «بازرس» (ui/app.py).
        self.setWindowTitle(self.tr("بازرسی دفاتر خدمات استان بوشهر"))
        self._settings = settings
        self._events = events
        self._app = app
        self._env: PageEnv | None = None
        self.specs = list(PAGES if pages is None else pages)
        self.pages = Pages(self)
        self.editor: InspectionEditor | None = None
        self._slots: dict[str, QWidget] = {}

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(188)
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self.loading = self._loading_panel()
        self.stack.addWidget(self.loading)
        for spec in self.specs:
            slot = QWidget()  # stands in until the page is first shown
            self._slots[spec.key] = slot
            self.stack.addWidget(slot)
            item = QListWidgetItem(
                theme.nav_icon(spec.key), QCoreApplication.translate("Pages", spec.title)
            )
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(0, 44))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._nav_changed)
        # While the editor is open the list keeps its row (an empty list would pick row 0
        # itself on focus); a click on that same row must still leave the editor.
        self.nav.itemClicked.connect(self._nav_clicked)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(10, 10, 10, 4)
        layout.setSpacing(12)
        layout.addWidget(self.nav)  # first in a right-to-left layout: on the right
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._restore_geometry()
        if context is not None:
            self.attach(context)

    def _loading_panel(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("loading")
        label = QLabel(self.tr("در حال باز کردن پایگاه داده…"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A determinate bar, not a busy animation: the animation's repaints go through Python
        # and would slow the opening thread (GIL) that they are waiting for.
        bar = QProgressBar()
        bar.setRange(0, 2)
        bar.setValue(1)
        bar.setTextVisible(False)
        bar.setMaximumWidth(320)
        column = QVBoxLayout(panel)
        column.addStretch(1)
        column.addWidget(label)
        column.addWidget(bar, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)
        return panel

    @property
    def env(self) -> PageEnv:
        if self._env is None:
            raise RuntimeError("the database is not open yet")
        return self._env

    @property
    def attached(self) -> bool:
        return self._env is not None

    def attach(self, context: AppContext) -> None:
        """The database is open: build the first page and let the user in."""
        self._env = PageEnv(
            context=context,
            events=self._events,
            settings=self._settings,
            router=self,
            app=self._app,
        )
        # Isolated left-to-right: a path in a right-to-left line would otherwise be reordered.
        self.statusBar().showMessage(fmt.ltr(str(context.data_dir)))
        if self.nav.currentRow() == 0:
            self._nav_changed(0)
        else:
            self.nav.setCurrentRow(0)
        self.stack.removeWidget(self.loading)
        self.loading.deleteLater()

    # --- routing -------------------------------------------------------------------------
    def show_page(self, key: str) -> None:
        keys = [spec.key for spec in self.specs]
        if key not in keys:
            raise KeyError(key)
        if self.nav.currentRow() == keys.index(key):
            self._nav_changed(keys.index(key))
        else:
            self.nav.setCurrentRow(keys.index(key))

    def current_key(self) -> str | None:
        shown = self.stack.currentWidget()
        return next((k for k, page in self.pages.built() if self._holder(page) is shown), None)

    def _holder(self, widget: QWidget) -> QWidget:
        """The stack's child that holds `widget` (the scroll area it is shown in)."""
        holder = widget
        parent = holder.parentWidget()
        while parent is not None and parent is not self.stack:
            holder, parent = parent, parent.parentWidget()
        return holder

    def _build_page(self, key: str) -> QWidget:
        spec = next(s for s in self.specs if s.key == key)
        page = spec.factory(self.env)
        slot = self._slots.pop(key)
        index = self.stack.indexOf(slot)
        self.stack.insertWidget(index, screen_fit.scrolling(page))
        self.stack.removeWidget(slot)
        slot.deleteLater()
        log.info("page %s built", key)
        return page

    def _nav_changed(self, row: int) -> None:
        if row < 0 or self._env is None:
            return
        if self.editor is not None and not self.close_editor():
            return
        page = self.pages[self.specs[row].key]
        self.stack.setCurrentWidget(self._holder(page))
        on_shown = getattr(page, "on_shown", None)
        if callable(on_shown):
            on_shown()

    def _nav_clicked(self, item: QListWidgetItem) -> None:
        if self.editor is not None:
            self._nav_changed(self.nav.row(item))

    def open_inspection(self, inspection_id: str) -> None:
        """Show the editor for an inspection (read-only when it is finalized)."""
        if self.editor is not None and not self.close_editor():
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from inspector_app.ui.editor.editor import InspectionEditor  # loaded on first use
            from inspector_app.ui.editor_actions import EDITOR_ACTIONS

            editor = InspectionEditor(self.env, inspection_id, EDITOR_ACTIONS)
        except Exception as exc:
            messages.report_exception(self, exc)
            return
        finally:
            QApplication.restoreOverrideCursor()
        editor.close_requested.connect(self._editor_done)
        self.editor = editor
        holder = screen_fit.scrolling(editor)
        self.stack.addWidget(holder)
        self.stack.setCurrentWidget(holder)
        keys = [spec.key for spec in self.specs]
        if "inspections" in keys:  # the editor belongs under "inspections" in the list
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(keys.index("inspections"))
            self.nav.blockSignals(False)
        editor.focus_first_item()

    def close_editor(self) -> bool:
        """Save what the editor holds and remove it; False if it could not save."""
        editor = self.editor
        if editor is None:
            return True
        if not editor.flush():
            return False
        self.editor = None
        holder = self._holder(editor)
        self.stack.removeWidget(holder)
        holder.deleteLater()  # and the editor in it
        # What the editor flushed on closing is committed: the lists show it.
        announce(self.env.events, Changes.INSPECTION, editor.inspection_id)
        return True

    def _editor_done(self) -> None:
        if self.close_editor():
            self.show_page("inspections")

    # --- lifecycle -----------------------------------------------------------------------
    def flush(self) -> bool:
        """Save everything pending (notes being typed) in the editor and the pages, and the
        window's place: a language change or a restore builds the next window from it."""
        if self.isVisible():
            self._save_geometry()
        if self._env is None:
            return True
        ok = True
        if self.editor is not None:
            ok = self.editor.flush()
        for _key, page in self.pages.built():
            flush = getattr(page, "flush", None)
            if callable(flush):
                ok = bool(flush()) and ok
        return ok

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        self._save_geometry()
        super().closeEvent(event)

    def _restore_geometry(self) -> None:
        """Where the user left it (maximized or not, clamped to this screen); on a first start
        maximized on a small screen, else the preferred size."""
        screen_fit.fit_to_screen(self, PREFERRED_SIZE)
        geometry = self._settings.value("window/geometry")
        state = self._settings.value("window/state")
        restored = isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)
        if not restored and screen_fit.available_rect(self).height() < SMALL_SCREEN_HEIGHT:
            self.setWindowState(Qt.WindowState.WindowMaximized)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def _save_geometry(self) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        self._settings.sync()

    def retire(self) -> None:
        """Replaced by a new window (language change, restore): save, then go quietly."""
        self.flush()
        self._save_geometry()
        self.hide()
        self.deleteLater()
