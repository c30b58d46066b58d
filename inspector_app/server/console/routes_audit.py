"""The server audit log page (admin): newest first, `audit_log.PAGE_SIZE` entries a page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from inspector_app.server.console import audit_log
from inspector_app.server.console.auth import Admin
from inspector_app.server.console.deps import ConsoleDb
from inspector_app.server.console.routes_devices import ALL_REASON_LABELS
from inspector_app.server.console.templating import render
from inspector_app.server.console.users import ROLE_LABELS

router = APIRouter(include_in_schema=False)

KIND_LABELS = {"console": "", "shell": "خط فرمان", "anonymous": "ناشناس"}
VALUE_LABELS = {**ROLE_LABELS, **ALL_REASON_LABELS}


@router.get("/console/audit")
def audit_page(
    request: Request,
    engine: ConsoleDb,
    _user: Admin,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> Response:
    entries, total = audit_log.page(engine, page)
    pages = max(1, -(-total // audit_log.PAGE_SIZE))
    return render(
        request,
        "audit.html",
        entries=entries,
        total=total,
        page=page,
        pages=pages,
        kinds=KIND_LABELS,
        values=VALUE_LABELS,
    )
