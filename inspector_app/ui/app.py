"""Starting the desktop app: a short, linear, logged sequence.

1. QApplication and the log file   2. Vazirmatn fonts   3. language (translator, locale,
right-to-left)   4. single-instance lock on the data folder (a second launch on the same folder
brings the running window forward: single_instance.py)   5. the database and forms, opened off
the GUI thread with a progress dialog   6. the main window.
"""

from __future__ import annotations

import importlib
import logging
import logging.handlers
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from inspector_app import paths
from inspector_app.errors import KnownError
from inspector_app.ui import (
    automation,
    fmt,
    i18n,
    labels,
    messages,
    single_instance,
    theme,
    ui_settings,
    wheel_guard,
)
from inspector_app.ui.background import run_in_background
from inspector_app.ui.events import DataEvents
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.qt import (
    QApplication,
    QCoreApplication,
    QFont,
    QFontDatabase,
    QIcon,
    QLockFile,
    QMessageBox,
    QObject,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    is_alive,
)

if TYPE_CHECKING:
    from inspector_app.services.context import AppContext
    from inspector_app.services.integrity import Problem

log = logging.getLogger(__name__)

FONT_FAMILY = "Vazirmatn"
FONT_POINT_SIZE = 10
LOCK_FILENAME = "bazres.lock"
LOG_FILENAME = "bazres.log"
DESKTOP_FILE = "bazres"  # packaging/linux/bazres.desktop: the taskbar groups the windows by it
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)  # resources/icons/bazres-N.png


def app_icon() -> QIcon:
    """The application's icon (packaging/make_icon.py draws the sizes from bazres.svg)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(paths.resource("icons", f"bazres-{size}.png")), QSize(size, size))
    return icon


def open_context(data_dir: Path) -> AppContext:
    """Import the data layer and open the database; runs in the worker, off the GUI thread.

    The import is here, not at the top, so its cost overlaps the GUI's own start. The check of
    the finalized inspections is left out: it runs in a worker once the window is usable
    (`GuiApp._check_integrity`), as its cost grows with the inspections held.
    """
    from inspector_app.services import context

    return context.open_context(data_dir, check=False)


def check_integrity(db_path: Path) -> list[Problem]:
    from inspector_app.services import context

    return context.check_integrity(db_path)


def _import_editor() -> object:
    importlib.import_module("inspector_app.ui.editor_actions")  # what the editor's bar shows
    return importlib.import_module("inspector_app.ui.editor.editor")


def register_fonts(app: QApplication) -> list[str]:
    """Register the bundled Vazirmatn files and make it the application font."""
    if FONT_FAMILY in QFontDatabase.families():  # already registered (a second window/app)
        app.setFont(QFont(FONT_FAMILY, FONT_POINT_SIZE))
        return [FONT_FAMILY]
    families: set[str] = set()
    for path in sorted(paths.resource("fonts").glob("Vazirmatn-*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("font not loaded: %s", path)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    if FONT_FAMILY in families:
        app.setFont(QFont(FONT_FAMILY, FONT_POINT_SIZE))
    else:
        log.warning("Vazirmatn not found in %s; using the system font", paths.resource("fonts"))
    return sorted(families)


def log_to_file(data_dir: Path) -> None:
    """Keep a log in the data folder: what support asks for when something went wrong."""
    root = logging.getLogger()
    if any(getattr(h, "_bazres", False) for h in root.handlers):
        return
    try:
        handler = logging.handlers.RotatingFileHandler(
            data_dir / LOG_FILENAME, maxBytes=1_000_000, backupCount=2, encoding="utf-8"
        )
    except OSError:
        return
    handler._bazres = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        for existing in root.handlers:  # the console keeps the level it was given
            if existing.level == logging.NOTSET:
                existing.setLevel(root.level or logging.WARNING)
        root.setLevel(logging.INFO)
    root.addHandler(handler)


class GuiApp(QObject):
    """Owns the lock, the open database and the main window for one data folder."""

    shown = Signal(object)  # the main window, on screen while the database opens
    ready = Signal(object)  # the main window, usable: database open, first page built
    failed = Signal(str)

    def __init__(self, qapp: QApplication, data_dir: Path) -> None:
        super().__init__()
        self.qapp = qapp
        self.data_dir = data_dir
        self.settings = ui_settings.open_settings(data_dir)
        self.events = DataEvents()
        self.context: AppContext | None = None
        self.window: MainWindow | None = None
        self.lock: QLockFile | None = None
        self.instance: single_instance.InstanceServer | None = None
        self.lock_error = QLockFile.LockError.NoError
        self.language = i18n.DEFAULT_LANGUAGE
        self.exit_code = 0

    # --- startup -------------------------------------------------------------------------
    def start(self) -> bool:
        """Run the startup sequence; False when the app must not go on (already running)."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("data folder unusable: %s", exc)  # the lock step tells the user
        log_to_file(self.data_dir)
        log.info("startup: data folder %s", self.data_dir)
        families = register_fonts(self.qapp)
        theme.apply(self.qapp)
        wheel_guard.install(self.qapp)
        log.info("startup: fonts %s", ", ".join(families) or "none")
        self.language = i18n.apply_language(self.qapp, ui_settings.language(self.settings))
        self.name_application()
        if not self.acquire_lock():
            self.exit_code = 1
            if self.lock_error != QLockFile.LockError.LockFailedError:
                self.refuse_unusable_folder()
            elif single_instance.hand_off(single_instance.server_name(self.data_dir)):
                log.info("startup: the running copy brings its window forward; exiting")
                self.exit_code = 0
            else:  # the lock's holder does not answer (hung, or still starting after 3 s)
                self.refuse_second_copy()
            return False
        log.info("startup: lock held")
        self.listen_for_later_launches()
        # The window first, so the user sees the app at once; the database opens meanwhile.
        self.window = MainWindow(None, self.events, self.settings, self)
        self.window.show()
        log.info("startup: main window shown, opening the database")
        self.shown.emit(self.window)
        self._open_context()
        return True

    def acquire_lock(self) -> bool:
        lock = QLockFile(str(self.data_dir / LOCK_FILENAME))
        lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        if not lock.tryLock(200):
            self.lock_error = lock.error()
            expected = self.lock_error == QLockFile.LockError.LockFailedError  # a running copy
            log.log(
                logging.INFO if expected else logging.WARNING,
                "startup: no lock on %s (%s)",
                self.data_dir,
                self.lock_error,
            )
            return False
        self.lock = lock
        return True

    def listen_for_later_launches(self) -> None:
        self.instance = single_instance.InstanceServer(
            single_instance.server_name(self.data_dir), self
        )
        self.instance.activation_requested.connect(self.bring_forward)
        self.instance.listen()  # failing only costs the hand-off: the lock still guards

    def bring_forward(self) -> None:
        """A later launch on this data folder: show the window (and a dialog open over it)."""
        window = self.window
        if window is None or not is_alive(window):
            return
        if window.isMinimized():
            window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not window:
            modal.raise_()
            modal.activateWindow()
        log.info("single instance: window brought forward")

    def name_application(self) -> None:
        """The name the taskbar, the window titles and the dock show, in the UI's language."""
        self.qapp.setApplicationDisplayName(QCoreApplication.translate("Startup", "بازرس"))

    def refuse_unusable_folder(self) -> None:
        """The lock file cannot be written: the folder is missing, read-only or not ours."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Startup", "پوشهٔ داده‌ها در دسترس نیست"),
            QCoreApplication.translate(
                "Startup",
                "برنامه نمی‌تواند در پوشهٔ داده‌ها بنویسد (پوشه نیست، فقط‌خواندنی است یا اجازهٔ "
                "نوشتن ندارید). پوشهٔ دیگری با --data-dir برگزینید یا دسترسی را درست کنید.",
            ),
            QMessageBox.StandardButton.Ok,
        )
        box.setObjectName("unusableFolderBox")
        box.setInformativeText(fmt.ltr(str(self.data_dir)))
        box.exec()

    def refuse_second_copy(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("Startup", "بازرس هم‌اکنون باز است"),
            QCoreApplication.translate(
                "Startup",
                "برنامهٔ بازرس با همین پوشهٔ داده در حال اجراست. لطفاً از همان پنجره استفاده "
                "کنید؛ دو نسخهٔ هم‌زمان روی یک پایگاه داده ممکن است کار یکدیگر را از بین ببرند.",
            ),
            QMessageBox.StandardButton.Ok,
        )
        box.setObjectName("secondCopyBox")
        box.setInformativeText(fmt.ltr(str(self.data_dir)))
        box.exec()

    def _open_context(self) -> None:
        run_in_background(
            None,
            open_context,
            self.data_dir,
            on_success=self._context_opened,
            on_failure=self._context_failed,
            progress_dialog=False,  # the window itself shows the progress
        )

    def _context_opened(self, context: AppContext) -> None:
        self.context = context
        log.info("startup: database open, %d forms", len(context.forms))
        for error in context.form_errors:
            log.warning("form skipped: %s", error)
        window = self.window
        if window is None or not is_alive(window):
            self._show_window(MainWindow(context, self.events, self.settings, self))
            self._offer_first_run(context)
            QTimer.singleShot(0, lambda: self._check_integrity(context))
            return
        window.attach(context)
        self._offer_first_run(context)
        log.info("startup: ready")
        QTimer.singleShot(0, lambda: self.ready.emit(window))
        QTimer.singleShot(0, lambda: self._check_integrity(context))
        QTimer.singleShot(0, self._warm_up)

    def _check_integrity(self, context: AppContext) -> None:
        """The start-up check of the finalized inspections, in a worker on a connection of its
        own; what it finds is told over the window as soon as it is known."""

        def checked(problems: list[Problem]) -> None:
            context.integrity_problems = problems
            self._warn_integrity(problems)

        run_in_background(
            None,
            check_integrity,
            context.db_path,
            on_success=checked,
            on_failure=self._integrity_unchecked,
            progress_dialog=False,
        )

    def _integrity_unchecked(self, error: BaseException) -> None:
        """The check could not read the file (damage deeper than opening it reached)."""
        messages.report_exception(self.window, error)

    def _warn_integrity(self, problems: list[Problem]) -> None:
        """The start-up check found finalized records that no longer match what was signed:
        say so at once (the details are for `audit verify` and support)."""
        if not problems or self.window is None or not is_alive(self.window):
            return
        log.info("startup: %d integrity problem(s)", len(problems))
        shown = [
            f"{p.inspection_id}: {labels.integrity_problem(p.kind)}"
            if p.inspection_id
            else labels.integrity_problem(p.kind)
            for p in problems[:8]
        ]
        if len(problems) > len(shown):
            shown.append("…")
        box = messages.show_warning(
            self.window,
            QCoreApplication.translate(
                "Startup",
                "{n} مورد از بازرسی‌های نهایی‌شده با آنچه امضا شده بود نمی‌خواند؛ ممکن است "
                "پروندهٔ داده‌ها دستکاری شده باشد. این بازرسی‌ها را تغییر ندهید و به پشتیبانی "
                "خبر دهید («inspector-app audit verify» جزئیات را نشان می‌دهد).",
            ).format(n=fmt.number(len(problems))),
            "\n".join(shown),
        )
        box.setObjectName("integrityWarning")

    def _offer_first_run(self, context: AppContext) -> None:
        """No inspector profile yet: the first-run setup, over the window. Declining it
        closes the app (the profile is required); the next start asks again."""
        from inspector_app.services import inspector

        window = self.window
        if window is None or inspector.has_profile(context.db):
            return
        from inspector_app.ui import first_run  # imported only on a first start

        dialog = first_run.offer(window, context.db, self.events)
        if dialog is not None:
            dialog.rejected.connect(window.close)

    def _warm_up(self) -> None:
        """Import the editor (and what its actions need) in a worker, so the first
        "Start inspection" does not wait for it. Only modules load there, no widgets."""

        def failed(error: BaseException) -> None:
            log.warning("warm-up import failed (the editor will report it): %s", error)

        run_in_background(
            None,
            _import_editor,
            on_success=lambda _m: None,
            on_failure=failed,
            progress_dialog=False,
        )

    def _context_failed(self, error: BaseException) -> None:
        message = error.message if isinstance(error, KnownError) else ""
        box = messages.report_exception(self.window, error)
        self.exit_code = 1
        self.failed.emit(message)
        box.finished.connect(lambda _r: self.qapp.exit(1))

    def _show_window(self, window: MainWindow, page: str | None = None) -> None:
        old = self.window
        self.window = window
        if page:
            window.show_page(page)
        window.show()
        if old is not None and old is not window and is_alive(old):
            old.retire()
        log.info("main window ready")
        QTimer.singleShot(0, lambda: self.ready.emit(window))

    # --- application-wide actions (AppControl) ---------------------------------------------
    def set_language(self, language: str) -> None:
        if language == self.language or self.context is None:
            return
        if self.window is not None and not self.window.flush():
            return
        ui_settings.set_language(self.settings, language)
        self.language = i18n.apply_language(self.qapp, language)
        self.name_application()
        self._show_window(
            MainWindow(self.context, self.events, self.settings, self), page="settings"
        )

    def reload_database(self) -> None:
        """Reopen the database (after a restore) and rebuild the window on it."""
        if self.window is not None:
            self.window.flush()
            self.window.setEnabled(False)
        if self.context is not None:
            self.context.close()
            self.context = None
        run_in_background(
            self.window,
            open_context,
            self.data_dir,
            on_success=self._reopened,
            on_failure=self._context_failed,
            label=QCoreApplication.translate("Startup", "در حال باز کردن پایگاه داده…"),
        )

    def _reopened(self, context: AppContext) -> None:
        self.context = context
        self._show_window(MainWindow(context, self.events, self.settings, self), page="offices")

    # --- shutdown ------------------------------------------------------------------------
    def shutdown(self) -> None:
        if self.window is not None:
            self.window.flush()
        QThreadPool.globalInstance().waitForDone(30_000)
        # Results of work that finished after the loop ended (a photo import) are queued
        # events: deliver them while the database is still open.
        QCoreApplication.processEvents()
        if self.context is not None:
            self.context.close()
            self.context = None
        if self.instance is not None:
            self.instance.close()
            self.instance = None
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None
        log.info("shutdown complete")


def run_gui(data_dir: str | None) -> int:
    """Start the desktop app on `data_dir` (or the default data folder); the exit code."""
    qapp = QApplication.instance()
    if not isinstance(qapp, QApplication):
        qapp = QApplication(sys.argv[:1])
    qapp.setApplicationName(paths.APP_NAME)
    qapp.setDesktopFileName(DESKTOP_FILE)
    qapp.setWindowIcon(app_icon())
    automation.install(qapp)  # only when BAZRES_AUTOMATION_MAP is set (the display tests)
    app = GuiApp(qapp, paths.data_dir(data_dir))
    if not app.start():
        return app.exit_code
    # Ctrl+C or a session ending (SIGTERM) closes the window as the user would: pending
    # notes are written first. The timer lets Python run signal handlers inside Qt's loop.
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda _n, _f: qapp.closeAllWindows())
    pulse = QTimer()
    pulse.timeout.connect(lambda: None)
    pulse.start(300)
    code = qapp.exec()
    app.shutdown()
    return code or app.exit_code
