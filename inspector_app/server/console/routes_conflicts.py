"""Conflicts in the console (supervisors): the open ones, the two versions side by side
(server/conflict_diff.py) and their resolution through server/conflicts.py, the same code
`inspector-server conflicts resolve` runs, recorded in the server's audit log."""

from __future__ import annotations

import logging
from typing import Annotated, cast

from fastapi import APIRouter, Form, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from inspector_app.server import conflicts
from inspector_app.server.console.audit_log import record
from inspector_app.server.console.auth import CsrfChecked, Supervisor
from inspector_app.server.console.deps import ConsoleDb, ConsoleFiles
from inspector_app.server.console.templating import render
from inspector_app.server.console.users import ConsoleUser
from inspector_app.server.filestore import FileStore

log = logging.getLogger("inspector_server")
router = APIRouter(include_in_schema=False)
ConflictId = Annotated[int, PathParam(ge=1, le=2**62)]

KEEP_LABELS = {
    "stored": "نگه‌داشتن نسخهٔ موجود روی سرور",
    "received": "جایگزینی با نسخهٔ دریافتی",
    "both": "نگه‌داشتن هر دو، جداگانه",
}
FIELD_LABELS = {
    "office.code": "کد دفتر",
    "office.name": "نام دفتر",
    "form": "فرم",
    "replaces": "اصلاحِ",
    "created_at": "زمان ساخت",
    "visit_date": "تاریخ بازدید",
    "arrival_at": "ورود",
    "departure_at": "خروج",
    "elapsed_seconds": "مدت (ثانیه)",
    "inspector.name": "بازرس",
    "inspector.personnel_no": "شمارهٔ پرسنلی",
    "representative.name": "نمایندهٔ دفتر",
    "representative.role": "سمت نماینده",
    "interviews": "مصاحبه‌ها",
    "compliance": "امتیاز",
    "grade": "رتبه",
    "critical_failures": "موارد حیاتی ناموفق",
    "satisfaction": "رضایت",
    "yes/no/na": "بله/خیر/نامربوط",
}


@router.get("/console/conflicts", response_class=HTMLResponse)
async def conflicts_page(request: Request, _user: Supervisor, engine: ConsoleDb) -> Response:
    listed = await run_in_threadpool(conflicts.list_conflicts, engine)
    return render(
        request,
        "conflicts.html",
        open=[c for c in listed if c.resolution is None],
        resolved=[c for c in listed if c.resolution is not None][-20:],
        keep_labels=KEEP_LABELS,
    )


def _show(
    request: Request,
    engine: Engine,
    files: FileStore,
    conflict_id: int,
    *,
    error: str = "",
    status_code: int = 200,
) -> Response:
    try:
        conflict = conflicts.get(engine, conflict_id)
    except conflicts.BadConflictInput:
        return render(request, "forbidden.html", status_code=404, message="این تعارض نیست.")
    diff, problem = None, ""
    try:
        diff = conflicts.difference(engine, files, conflict)
    except conflicts.ResolveRefused as exc:
        problem = exc.message
    return render(
        request,
        "conflict.html",
        status_code=status_code,
        c=conflict,
        diff=diff,
        problem=problem,
        error=error,
        keep_labels=KEEP_LABELS,
        field_labels=FIELD_LABELS,
    )


@router.get("/console/conflicts/{conflict_id}", response_class=HTMLResponse)
async def one(
    request: Request,
    _user: Supervisor,
    engine: ConsoleDb,
    files: ConsoleFiles,
    conflict_id: ConflictId,
) -> Response:
    return await run_in_threadpool(_show, request, engine, files, conflict_id)


def _resolve(
    engine: Engine, files: FileStore, conflict_id: int, keep: str, reason: str, user: ConsoleUser
) -> None:
    if keep not in conflicts.KEEPS:
        raise conflicts.BadConflictInput("یکی از سه راه را برگزینید")
    if not reason.strip():
        raise conflicts.BadConflictInput("دلیل را بنویسید: در سابقهٔ تعارض می‌ماند")
    done = conflicts.resolve(
        engine,
        files,
        conflict_id,
        cast(conflicts.Keep, keep),
        reason=reason,
        by=user.username,
    )
    record(
        engine,
        user,
        "conflict_resolved",
        done.inspection_id,
        {"conflict": conflict_id, "keep": keep, "reason": reason.strip()},
    )


@router.post("/console/conflicts/{conflict_id}/resolve", response_class=HTMLResponse)
async def resolve(
    request: Request,
    user: Supervisor,
    _csrf: CsrfChecked,
    engine: ConsoleDb,
    files: ConsoleFiles,
    conflict_id: ConflictId,
    keep: Annotated[str, Form(max_length=16)] = "",
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    try:
        await run_in_threadpool(_resolve, engine, files, conflict_id, keep, reason, user)
    except (conflicts.BadConflictInput, conflicts.ResolveRefused) as exc:
        status = 422 if isinstance(exc, conflicts.BadConflictInput) else 409
        return await run_in_threadpool(
            _show, request, engine, files, conflict_id, error=exc.message, status_code=status
        )
    log.info("conflict %s resolved (%s) by console user %s", conflict_id, keep, user.username)
    return RedirectResponse(f"/console/conflicts/{conflict_id}", status_code=303)
