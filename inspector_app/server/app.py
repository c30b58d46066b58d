"""The HTTP API (FastAPI) as one app built from the settings. The OpenAPI description is served
at /openapi.json only when the settings ask for it (`serve --api-docs`); /docs and /redoc never
(Swagger UI and ReDoc load their scripts from a CDN).

Every endpoint but /health needs `Authorization: Bearer <device token>`, except enrolment,
which needs a one-time code instead. The token is checked and the body received, size- and
time-limited, before any handler runs (api/limits.py); an upload is handled only once it has
been received completely, so a broken-off upload leaves nothing behind. Logs name devices and
inspections, never tokens or codes. The database and file store are opened when the app starts
and closed when it stops.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from anyio import CapacityLimiter
from fastapi import FastAPI

from inspector_app.server.api.errors import install_error_handlers
from inspector_app.server.api.limits import BodyLimit
from inspector_app.server.api.main import api_router
from inspector_app.server.api.routes.health import API_VERSION
from inspector_app.server.config import Settings
from inspector_app.server.console import sessions
from inspector_app.server.console.mount import install_console
from inspector_app.server.signature import load_verifier
from inspector_app.server.state import open_state

log = logging.getLogger("inspector_server")
# Uploads taken in at once by one server process; the others wait their turn in order. An
# ingest is mostly Python (one at a time under the GIL) and partly fsync: two keep the
# process busy, while forty (the thread pool's size) only share the GIL and the database's
# write lock unfairly, so some uploads waited seconds while others passed.
INGESTS_AT_ONCE = 2


def create_app(settings: Settings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.server = open_state(settings)
        app.state.ingests = CapacityLimiter(INGESTS_AT_ONCE)
        # Not awaited: the server answers meanwhile; an upload that comes first waits for the
        # import to finish (Python's import lock), not for it to start over.
        threading.Thread(target=load_verifier, name="load-verifier").start()
        try:
            yield
        finally:
            app.state.server.close()

    app = FastAPI(
        title="Bazres governorate server",
        version=API_VERSION,
        description="Receives finalized inspections exactly once; publishes registry and forms.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json" if settings.api_docs else None,
    )
    install_error_handlers(app)
    app.include_router(api_router)
    install_console(app)
    if settings.faults:
        from inspector_app.server.faults import FaultInjection

        log.warning("TEST FAULT INJECTION IS ON: %s", dict(settings.faults))
        app.add_middleware(FaultInjection, settings=settings.faults)
    # Added last, so it runs first: faults see only bodies received whole.
    app.add_middleware(
        BodyLimit,
        max_upload=settings.max_upload,
        read_timeout=settings.read_timeout,
        console_signed_in=sessions.cookie_signed_in,
    )
    return app
