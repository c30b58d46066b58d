"""Limits before work, as pure ASGI before routing: a request with a body is refused before a
byte of it is read unless it carries a valid device token (enrolment, which has a code
instead, is the one exception) or, under /console/, a live console session (checked by the
function app.py gives; the login form is the exception there); then the body is streamed to an
unlinked temp file in the data folder, refused with 413 once it passes the limit for its path
(`body_limit`: a device's upload, the configured limit; the console's publishing uploads, 5 MB;
any other body, 256 KB), whether it declared its length or comes chunked, and with 408 when it
stalls (`read_timeout`) or trickles in slower than `MIN_RATE`. Only a body received whole is
passed on. A console page asked for by a browser gets its 413 as a Persian page, anything
else as JSON."""

from __future__ import annotations

import asyncio
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from inspector_app.domain.persian import to_persian_digits
from inspector_app.server import accounts
from inspector_app.server.console.templating import render
from inspector_app.server.state import ServerState

SMALL_BODY = 256 * 1024
# The console's publishing page takes registry and form files (console/routes_publishing.py).
PUBLISHING = "/console/publishing"
PUBLISHING_BODY = 5 * 1024 * 1024
# Slower than this on average (after the first `read_timeout`) is a slow-loris, not a laptop
# on a poor line: 64 MB at this rate still gets over four hours.
MIN_RATE = 4096  # bytes per second
_CHUNK = 1024 * 1024
_NO_TOKEN_NEEDED = ("/v1/enrol", "/console/login")
CONSOLE = "/console/"


class BodyLimit:
    """Check the token, then receive the whole body to disk within the limits; handlers see a
    complete body or nothing (a client that disconnects half-way has its bytes dropped)."""

    def __init__(
        self,
        app: ASGIApp,
        max_upload: int,
        read_timeout: float,
        console_signed_in: Callable[[Engine, str], bool],
    ) -> None:
        self.app = app
        self.console_signed_in = console_signed_in
        self.max_upload = max_upload
        self.read_timeout = read_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        state: ServerState = scope["app"].state.server
        headers = dict(scope.get("headers") or [])
        if scope["path"].startswith(CONSOLE):
            if scope["path"] not in _NO_TOKEN_NEEDED and not await self._signed_in(state, headers):
                await _refuse(send, 401, "sign in to the console first")
                return
        elif scope["path"] not in _NO_TOKEN_NEEDED and not await _authenticated(state, headers):
            # Not a byte of the body is read: closing the connection drops it.
            await _refuse(
                send,
                401,
                "missing, unknown or revoked device token",
                [(b"www-authenticate", b"Bearer")],
            )
            return
        limit = body_limit(scope["method"], scope["path"], self.max_upload)
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _too_large(scope, receive, send, limit)
            return
        spool_dir = state.settings.data_dir / "incoming"
        with _spool(spool_dir) as spool:
            outcome = await self._receive_to(spool, receive, limit)
            if outcome == "disconnected":
                return  # half-received: discarded, nothing was handled
            if outcome == "too_large":
                await _too_large(scope, receive, send, limit)
                return
            if outcome == "too_slow":
                await _refuse(send, 408, "the request body arrived too slowly")
                return
            spool.seek(0)
            await self.app(scope, _replay(spool, receive), send)

    async def _signed_in(self, state: ServerState, headers: dict[bytes, bytes]) -> bool:
        """A live console session cookie (a device token is no session)."""
        cookie = headers.get(b"cookie", b"").decode("latin-1")
        return bool(await run_in_threadpool(self.console_signed_in, state.engine, cookie))

    async def _receive_to(self, spool: IO[bytes], receive: Receive, limit: int) -> str:
        started = time.monotonic()
        size = 0
        while True:
            allowed = started + self.read_timeout + size / MIN_RATE - time.monotonic()
            try:
                message = await asyncio.wait_for(
                    receive(), max(0.0, min(allowed, self.read_timeout))
                )
            except TimeoutError:
                return "too_slow"
            if message["type"] == "http.disconnect":
                return "disconnected"
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                return "too_large"
            spool.write(chunk)
            if not message.get("more_body", False):
                return "complete"


def body_limit(method: str, path: str, max_upload: int) -> int:
    """The largest body a request to `path` may have."""
    if method == "PUT" and path.startswith("/v1/inspections/"):
        return max_upload
    if path == PUBLISHING or path.startswith(PUBLISHING + "/"):
        return PUBLISHING_BODY
    return SMALL_BODY


def _spool(folder: Path) -> IO[bytes]:
    """An unlinked file (mode 0600) in the data folder: a body never sits whole in memory
    while it is being received, and nothing is left behind if the process dies."""
    folder.mkdir(mode=0o700, exist_ok=True)
    return tempfile.TemporaryFile(dir=folder)


def _replay(spool: IO[bytes], receive: Receive) -> Receive:
    done = False

    async def replay() -> Message:
        nonlocal done
        if done:
            return await receive()
        chunk = spool.read(_CHUNK)
        more = len(chunk) == _CHUNK
        done = not more
        return {"type": "http.request", "body": chunk, "more_body": more}

    return replay


async def _authenticated(state: ServerState, headers: dict[bytes, bytes]) -> bool:
    scheme, _, token = headers.get(b"authorization", b"").decode("latin-1").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return False
    device = await run_in_threadpool(accounts.authenticate, state.engine, token.strip())
    return device is not None


async def _too_large(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
    request = Request(scope, receive)
    if scope["path"].startswith(CONSOLE) and "text/html" in request.headers.get("accept", ""):
        page = render(request, "too_large.html", status_code=413, limit=_size_fa(limit))
        page.headers["connection"] = "close"  # the rest of the body is not read
        await page(scope, receive, send)
        return
    await _refuse(send, 413, f"request body is larger than {limit} bytes")


def _size_fa(size: int) -> str:
    """«۲۵۶ کیلوبایت», «۵ مگابایت»."""
    if size % (1024 * 1024) == 0:
        return f"{to_persian_digits(size // (1024 * 1024))} مگابایت"
    return f"{to_persian_digits(size // 1024)} کیلوبایت"


async def _refuse(
    send: Send, status: int, detail: str, extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *(extra or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
