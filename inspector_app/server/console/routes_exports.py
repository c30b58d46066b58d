"""Exports (supervisors): the page with the list's filters and one link per table and format,
and the files themselves, each recorded in the server's audit log with its filters."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from inspector_app.domain.jalali import tehran_today
from inspector_app.figures import spreadsheets
from inspector_app.server.console import exports, inspections
from inspector_app.server.console.audit_log import record
from inspector_app.server.console.auth import Supervisor
from inspector_app.server.console.deps import ConsoleDb, ConsoleSettings
from inspector_app.server.console.routes_inspections import filter_context
from inspector_app.server.console.templating import render

log = logging.getLogger("inspector_server")
router = APIRouter(include_in_schema=False)
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@router.get("/console/exports", response_class=HTMLResponse)
def exports_page(request: Request, _user: Supervisor, engine: ConsoleDb) -> Response:
    q = inspections.parse(dict(request.query_params))
    return render(
        request,
        "exports.html",
        kinds=spreadsheets.KINDS,
        formats=spreadsheets.FORMATS,
        choices=inspections.choices(engine),
        total=inspections.list_page(engine, q.with_page(1), names={}).total,
        **filter_context(q),
    )


@router.get("/console/exports/{kind}.{fmt}")
async def export_file(
    request: Request,
    user: Supervisor,
    engine: ConsoleDb,
    settings: ConsoleSettings,
    kind: Annotated[Literal["inspections", "answers", "findings", "overview"], PathParam()],
    fmt: Annotated[Literal["csv", "xlsx"], PathParam()],
) -> Response:
    q = inspections.parse(dict(request.query_params))
    if q.errors:
        return Response("؛ ".join(q.errors), status_code=422, media_type="text/plain")
    try:
        calendar = settings.calendar(tehran_today())
        out = await run_in_threadpool(exports.export, engine, kind, fmt, q, calendar)
    except spreadsheets.TooMany as exc:
        return Response(exc.message, status_code=422, media_type="text/plain; charset=utf-8")
    await run_in_threadpool(
        record, engine, user, "export", f"{kind}.{fmt}", dict(request.query_params)
    )
    log.info("export %s.%s by console user %s", kind, fmt, user.username)
    name = f"bazres-{kind}-{tehran_today():%Y%m%d}.{fmt}"

    def chunks() -> Iterator[bytes]:
        with out:
            while block := out.read(64 * 1024):
                yield block

    return StreamingResponse(
        chunks(),
        media_type=MEDIA[fmt],
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )
