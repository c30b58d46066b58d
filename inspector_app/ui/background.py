"""Slow work off the GUI thread, and every write the UI makes, each through one helper.

    run_in_background(parent, import_photos, paths, on_success=show, label="...")
    run_write(parent, events, delete_draft, db, id, changes=Changes.INSPECTION, inspection_id=id)

`run_in_background`: the callable runs in a QThreadPool worker and may take a
`progress(done, total)` keyword. Callbacks run on the GUI thread. A KnownError becomes one
message box in the UI's language; anything else is logged with its traceback and the user sees
a calm message, never a traceback dialog.

`run_write`: a service call that changes data, run directly or (`label=`) in the background;
once it has committed, the matching DataEvents signals are emitted here (`announce`), so no
caller has to remember to tell the pages.
"""

from __future__ import annotations

import enum
import inspect
import logging
from collections.abc import Callable, Sequence
from typing import Any

from inspector_app.ui import messages
from inspector_app.ui.events import DataEvents
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


class Changes(enum.Flag):
    """What a write changed; each kind has its signal on DataEvents."""

    INSPECTION = enum.auto()
    OFFICES = enum.auto()
    SETTINGS = enum.auto()


ChangedIds = str | Sequence[str]


def announce(events: DataEvents, changes: Changes, inspection_ids: ChangedIds = "") -> None:
    """Tell every page what a committed write changed (the one place the signals are sent);
    `inspection_ids`: the inspection changed, or each of several."""
    if Changes.INSPECTION in changes:
        for inspection_id in (
            [inspection_ids] if isinstance(inspection_ids, str) else inspection_ids
        ):
            events.inspection_changed.emit(inspection_id)
    if Changes.OFFICES in changes:
        events.offices_changed.emit()
    if Changes.SETTINGS in changes:
        events.settings_changed.emit()


def run_write(
    parent: QWidget | None,
    events: DataEvents,
    op: Callable[..., Any],
    *args: Any,
    changes: Changes | Callable[[Any], Changes],
    inspection_id: ChangedIds | Callable[[Any], ChangedIds] = "",
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    background: bool = False,
    label: str = "",
) -> Task | None:
    """Run the write `op(*args)`: directly, or off the GUI thread (`background`; with a progress
    dialog when `label` is given). After it committed, announce `changes` for `inspection_id`
    (either may be read from the result by a callable), then call `on_success(result)`. A
    failure goes to `on_failure`, or becomes one message; nothing is announced then. Returns
    the background Task, if any."""

    def committed(result: Any) -> None:
        announce(
            events,
            changes(result) if callable(changes) else changes,
            inspection_id(result) if callable(inspection_id) else inspection_id,
        )
        if on_success is not None:
            on_success(result)

    if background or label:
        return run_in_background(
            parent,
            op,
            *args,
            on_success=committed,
            on_failure=on_failure,
            label=label,
            progress_dialog=bool(label),
        )
    try:
        result = op(*args)
    except Exception as exc:
        if on_failure is not None:
            on_failure(exc)
        else:
            messages.report_exception(parent, exc)
        return None
    committed(result)
    return None
