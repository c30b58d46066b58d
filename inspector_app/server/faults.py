"""Test-only fault injection, switched on by $BAZRES_SERVER_FAULTS (never set in production).

Comma-separated settings, e.g. `fail_before=3,stall_before_commit=20,marker=/tmp/m`:
- `fail_before=N`: every Nth upload answers 500 before anything is stored;
- `fail_after_commit=N`: every Nth upload answers 500 after it was committed;
- `stall_before_commit=S` / `stall_after_commit=S`: sleep S seconds there (to be killed);
- `marker=PATH`: a file touched when a stall begins, so a test knows when to strike.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ENV = "BAZRES_SERVER_FAULTS"


class InjectedFault(Exception):
    """Turns into a plain 500, as an unexpected server error would."""


@dataclass
class Faults:
    settings: dict[str, str] = field(default_factory=dict)
    _count: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def from_env(cls) -> Faults:
        raw = os.environ.get(ENV, "")
        pairs = (item.split("=", 1) for item in raw.split(",") if "=" in item)
        return cls({k.strip(): v.strip() for k, v in pairs})

    @property
    def active(self) -> bool:
        return bool(self.settings)

    def next_upload(self) -> int:
        with self._lock:
            self._count += 1
            return self._count

    def _every(self, key: str, number: int) -> bool:
        every = int(self.settings.get(key, "0") or 0)
        return every > 0 and number % every == 0

    def before_store(self, number: int) -> None:
        if self._every("fail_before", number):
            raise InjectedFault("injected failure before storing")

    def before_commit(self) -> None:
        self._stall("stall_before_commit")

    def after_commit(self, number: int) -> None:
        self._stall("stall_after_commit")
        if self._every("fail_after_commit", number):
            raise InjectedFault("injected failure after commit")

    def _stall(self, key: str) -> None:
        seconds = float(self.settings.get(key, "0") or 0)
        if seconds <= 0:
            return
        marker = self.settings.get("marker")
        if marker:
            Path(marker).touch()
        time.sleep(seconds)
