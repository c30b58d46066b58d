"""One sync run per data folder at a time, across processes, on every platform.

filelock holds an OS lock on `sync.lock` in the data folder: flock on Linux and macOS, a lock
of the file's first byte on Windows (the same byte for every process, so a second run is
refused there too). The OS drops it when the process dies, so a crashed run blocks nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from inspector_app.errors import QT_TRANSLATE_NOOP, KnownError, StorageUnavailable

LOCK_FILENAME = "sync.lock"


class SyncBusy(KnownError):
    """Another sync of this data folder is running."""


@contextlib.contextmanager
def sync_lock(data_dir: Path) -> Iterator[None]:
    """Held for the whole run; refused at once (SyncBusy) while another run holds it."""
    # No soft fallback: a plain marker file would outlive a crashed run and block every sync.
    lock = FileLock(data_dir / LOCK_FILENAME, timeout=0, fallback_to_soft=False)
    try:
        lock.acquire()
    except Timeout as exc:
        raise SyncBusy(
            QT_TRANSLATE_NOOP("Errors", "همگام‌سازی دیگری هم‌اکنون در جریان است.")
        ) from exc
    except OSError as exc:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("Errors", "قفل همگام‌سازی گرفته نشد: {reason}"),
            where=str(data_dir / LOCK_FILENAME),
            reason=exc.strerror or exc,
        ) from exc
    try:
        yield
    finally:
        lock.release()
