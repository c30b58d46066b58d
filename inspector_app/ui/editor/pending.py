"""Writes that wait for the user to pause typing, and are never lost.

Each pending write is keyed (a later edit of the same field replaces the earlier one) and runs
after a short pause, on focus-out, or when `flush()` is called (closing the editor or window).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable

from inspector_app.ui.qt import QObject, QTimer, Signal

log = logging.getLogger(__name__)

DELAY_MS = 600


class PendingWrites(QObject):
    state_changed = Signal(str)  # "pending", "saved" or "error"
    failed = Signal(object)  # the exception of a write that failed

    def __init__(self, delay_ms: int = DELAY_MS) -> None:
        super().__init__()
        self._pending: dict[Hashable, Callable[[], None]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)

    def schedule(self, key: Hashable, write: Callable[[], None]) -> None:
        self._pending.pop(key, None)  # keep the newest edit last in order
        self._pending[key] = write
        self._timer.start()
        self.state_changed.emit("pending")

    def cancel(self, key: Hashable) -> None:
        """Drop a pending write that a newer, immediate one replaces."""
        self._pending.pop(key, None)
        if not self._pending:
            self._timer.stop()

    def has_pending(self) -> bool:
        return bool(self._pending)

    def flush(self) -> bool:
        """Run every pending write now; True when all of them committed."""
        self._timer.stop()
        if not self._pending:
            return True
        ok = True
        while self._pending:
            key = next(iter(self._pending))
            write = self._pending.pop(key)
            try:
                write()
            except Exception as exc:
                ok = False
                self.failed.emit(exc)
        self.state_changed.emit("saved" if ok else "error")
        return ok
