"""Slow work off the GUI thread: one helper, with progress, success and failure in one place.

    run_in_background(parent, import_photos, paths, on_success=show, label="...")

The callable runs in a QThreadPool worker and may take a `progress(done, total)` keyword.
Callbacks run on the GUI thread. A KnownError becomes one message box in the UI's language;
anything else is logged with its traceback and the user sees a calm message, never a traceback
dialog.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from typing import Any

from inspector_app.ui import messages
from inspector_app.ui.qt import (
    QCoreApplication,
    QObject,
    QProgressDialog,
    QRunnable,
    Qt,
    QThreadPool,
    QWidget,
    Signal,
    Slot,
    is_alive,
)

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class _Signals(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)


class _Relay(QObject):
    """Lives on the GUI thread: signals from the worker reach its slots queued, on this thread."""

    def __init__(
        self,
        on_progress: Callable[[int, int], None],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        super().__init__()
        self._on_progress = on_progress
        self._on_success = on_success
        self._on_failure = on_failure

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        self._on_progress(done, total)

    @Slot(object)
    def succeeded(self, result: Any) -> None:
        self._on_success(result)

    @Slot(object)
    def failed(self, error: Any) -> None:
        self._on_failure(error)


class Task(QRunnable):
    """One call of `fn` in the pool; its signals are delivered on the GUI thread."""

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Python side keeps it until the callbacks ran
        self.signals = _Signals()
        self._fn = fn
        self._args = args
        self.finished = False
        self.relay: _Relay | None = None

    def run(self) -> None:
        kwargs: dict[str, Any] = {}
        if _takes_progress(self._fn):
            kwargs["progress"] = self.signals.progress.emit
        try:
            result = self._fn(*self._args, **kwargs)
        except BaseException as exc:
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


def _takes_progress(fn: Callable[..., Any]) -> bool:
    try:
        return "progress" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


_running: set[Task] = set()


def running_count() -> int:
    return len(_running)


def run_in_background(
    parent: QWidget | None,
    fn: Callable[..., Any],
    *args: Any,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    label: str = "",
    progress_dialog: bool = True,
) -> Task:
    """Run `fn(*args)` off the GUI thread; see the module doc."""
    task = Task(fn, args)
    dialog: QProgressDialog | None = None

    def show_progress(done: int, total: int) -> None:
        if dialog is not None and is_alive(dialog):
            dialog.setMaximum(max(total, 0))
            dialog.setValue(done)

    if progress_dialog and label:
        dialog = QProgressDialog(label, "", 0, 0, parent)
        dialog.setObjectName("backgroundProgress")
        # Without a title of its own the window manager shows the program's name, in Latin.
        dialog.setWindowTitle(QCoreApplication.translate("Background", "لطفاً صبر کنید"))
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)  # quick work never flashes a dialog
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)

    def finish() -> None:
        task.finished = True
        _running.discard(task)
        if dialog is not None and is_alive(dialog):
            dialog.close()
            dialog.deleteLater()

    def succeeded(result: Any) -> None:
        finish()
        if on_success is not None:
            try:
                on_success(result)
            except BaseException as exc:
                messages.report_exception(parent, exc)

    def failed(error: BaseException) -> None:
        finish()
        if on_failure is not None:
            on_failure(error)
        else:
            messages.report_exception(parent, error)

    task.relay = _Relay(show_progress, succeeded, failed)
    task.signals.progress.connect(task.relay.progress)
    task.signals.succeeded.connect(task.relay.succeeded)
    task.signals.failed.connect(task.relay.failed)
    _running.add(task)
    QThreadPool.globalInstance().start(task)
    return task
