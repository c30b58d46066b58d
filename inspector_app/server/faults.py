"""Test-only fault injection: an ASGI middleware the app installs only when $BAZRES_SERVER_FAULTS
is set (never in production; a warning is logged when it is on). No handler knows of it.

Comma-separated settings, e.g. `fail_before=3,stall_before_commit=20,marker=/tmp/m`, counted
over uploads (`PUT /v1/inspections/...`):
- `fail_before=N`: every Nth upload answers 500 before anything is stored;
- `fail_after_commit=N`: every Nth upload answers 500 after it was committed;
- `stall_before_commit=S`: sleep S seconds between the file store and the database commit
  (hooked on the engine's commit event, for upload requests only), to be killed there;
- `stall_after_commit=S`: sleep S seconds after the commit, before the answer is sent;
- `marker=PATH`: a file touched when a stall begins, so a test knows when to strike.
"""

from __future__ import annotations

import contextvars
import json
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import anyio
from sqlalchemy import Engine, event
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Set while an upload request is handled; the thread that runs its ingest inherits it.
_in_upload: contextvars.ContextVar[bool] = contextvars.ContextVar("in_upload", default=False)
_COMMITTED = (200, 201, 409)  # stored, already there, conflict: the upload's work is done


class FaultInjection:
    def __init__(self, app: ASGIApp, settings: Mapping[str, str]) -> None:
        self.app = app
        self.settings = dict(settings)
        self._count = 0
        self._lock = threading.Lock()
        if self._seconds("stall_before_commit") > 0:
            event.listen(Engine, "commit", self._before_commit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not (
            scope["type"] == "http"
            and scope["method"] == "PUT"
            and scope["path"].startswith("/v1/inspections/")
        ):
            await self.app(scope, receive, send)
            return
        with self._lock:
            self._count += 1
            number = self._count
        if self._every("fail_before", number):
            await _fail(send, "injected failure before storing")
            return
        start: Message = {}

        async def send_after_faults(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)  # held back until the answer is decided
                return
            if not message.get("more_body") and start.get("status") in _COMMITTED:
                seconds = self._seconds("stall_after_commit")
                if seconds > 0:
                    self._touch_marker()
                    await anyio.sleep(seconds)
                if self._every("fail_after_commit", number):
                    await _fail(send, "injected failure after commit")
                    return
            if start:
                await send(dict(start))
                start.clear()
            await send(message)

        token = _in_upload.set(True)
        try:
            await self.app(scope, receive, send_after_faults)
        finally:
            _in_upload.reset(token)

    def _before_commit(self, _connection: Any) -> None:
        if _in_upload.get():
            self._touch_marker()
            time.sleep(self._seconds("stall_before_commit"))

    def _every(self, key: str, number: int) -> bool:
        every = int(self.settings.get(key, "0") or 0)
        return every > 0 and number % every == 0

    def _seconds(self, key: str) -> float:
        return float(self.settings.get(key, "0") or 0)

    def _touch_marker(self) -> None:
        marker = self.settings.get("marker")
        if marker:
            Path(marker).touch()


async def _fail(send: Send, detail: str) -> None:
    """A plain 500, as an unexpected server error would answer."""
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 500,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
