"""Received inspections in the console: the list (filters, sorting, pages), one inspection
(its signed PDF, photos, the signature check, failed answers, findings) and its review.

Viewers read; supervisors review. Files are served from the file store by the names the
inspection's own rows give (no path from the request), PDFs inline so the browser shows them.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from inspector_app.domain import vocabulary
from inspector_app.domain.jalali import jalali_date
from inspector_app.server.console import inspections, review
from inspector_app.server.console.auth import CsrfChecked, Supervisor, Viewer
from inspector_app.server.console.deps import ConsoleDb, ConsoleFiles
from inspector_app.server.console.templating import render
from inspector_app.server.filestore import FileStore
from inspector_app.server.signature import examine

log = logging.getLogger("inspector_server")
router = APIRouter(include_in_schema=False)
ID_REGEX = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"  # an inspection's or photo's id, as the API's
InspectionId = Annotated[str, PathParam(pattern=ID_REGEX, max_length=64)]
PhotoId = Annotated[str, PathParam(pattern=ID_REGEX, max_length=64)]


def _query_string(q: inspections.ListQuery, **changes: Any) -> str:
    fields = {
        "county": q.county,
        "office_type": q.office_type,
        "office": q.office_code,
        "inspector": q.inspector,
        "from": jalali_date(q.date_from, persian=False) if q.date_from else "",
        "to": jalali_date(q.date_to, persian=False) if q.date_to else "",
        "grade": q.grade,
        "state": q.state,
        "sort": q.sort,
        "order": "desc" if q.descending else "asc",
        "page": str(q.page),
    }
    fields.update({k: str(v) for k, v in changes.items()})
    return urlencode({k: v for k, v in fields.items() if v})


def filter_context(q: inspections.ListQuery) -> dict[str, Any]:
    """What the filter form shows back (the list's and the exports' form)."""
    return {
        "q": q,
        "date_from": jalali_date(q.date_from) if q.date_from else "",
        "date_to": jalali_date(q.date_to) if q.date_to else "",
        "office_types": vocabulary.OFFICE_TYPES,
        "grades": vocabulary.GRADE_LABELS,
        "states": review.STATE_LABELS,
        "sorts": inspections.SORT_LABELS,
        "query_string": _query_string(q, page=""),
    }


@router.get("/console/inspections", response_class=HTMLResponse)
def list_page(request: Request, user: Viewer, engine: ConsoleDb) -> Response:
    q = inspections.parse(dict(request.query_params))
    page = inspections.list_page(engine, q)
    return render(
        request,
        "inspections.html",
        page=page,
        choices=inspections.choices(engine),
        type_labels=vocabulary.OFFICE_TYPES,
        link=lambda **changes: "?" + _query_string(page.query, **changes),
        can_export=user.has("supervisor"),
        **filter_context(page.query),
    )


def _signature(files: FileStore, detail: inspections.Detail) -> dict[str, Any]:
    """The signed PDF checked again as it is held now: signer, intact, and whether the
    certificate is the governorate's (as ingest found it)."""
    try:
        result = examine(files.get(detail.files["report.pdf"]))
    except (OSError, KeyError, ValueError) as exc:
        return {"readable": False, "problem": str(exc)}
    return {
        "readable": True,
        "signer": result.signer_name or "",
        "intact": bool(result.signed and result.intact and not result.modified_after_signing),
        "valid": bool(result.valid),
        "issued": bool(detail.row["signer_issued"]),
        "signing_time": result.signing_time_utc,
        "matches": result.embedded_sha256 in (None, detail.row["canonical_sha256"]),
        "fingerprint": result.fingerprint_sha256 or "",
        "problems": list(result.problems),
    }


def _show(
    request: Request,
    engine: Engine,
    files: FileStore,
    detail: inspections.Detail,
    *,
    error: str = "",
    status_code: int = 200,
) -> Response:
    inspection_id = detail.row["id"]
    current = review.current(engine, inspection_id)
    document = detail.document
    photos = [p for p in document.get("photos", []) if f"photos/{p.get('id')}.jpg" in detail.files]
    return render(
        request,
        "inspection.html",
        status_code=status_code,
        d=detail,
        doc=document,
        score=document.get("score", {}),
        findings=document.get("findings", []),
        photos=photos,
        signature=_signature(files, detail),
        current=current,
        history=review.history(engine, inspection_id),
        next_states=review.NEXT.get(current.state, ()),
        state_labels=review.STATE_LABELS,
        type_labels=vocabulary.OFFICE_TYPES,
        grade_labels=vocabulary.GRADE_LABELS,
        can_review=request.state.console_user.has("supervisor"),
        done=request.query_params.get("done", ""),
        error=error,
    )


def _not_found(request: Request) -> Response:
    return render(request, "forbidden.html", status_code=404, message="این بازرسی روی سرور نیست.")


@router.get("/console/inspections/{inspection_id}", response_class=HTMLResponse)
async def one(
    request: Request,
    _user: Viewer,
    engine: ConsoleDb,
    files: ConsoleFiles,
    inspection_id: InspectionId,
) -> Response:
    detail = await run_in_threadpool(inspections.detail, engine, inspection_id)
    if detail is None:
        return _not_found(request)
    return await run_in_threadpool(_show, request, engine, files, detail)


def _file(
    engine: Engine, files: FileStore, inspection_id: str, name: str, media_type: str
) -> Response:
    detail = inspections.detail(engine, inspection_id)
    if detail is None or name not in detail.files:
        return Response("not found", status_code=404, media_type="text/plain")
    try:
        data = files.get(detail.files[name])
    except OSError:
        log.error("file %s of %s is missing from the file store", name, inspection_id)
        return Response("missing from the file store", status_code=500, media_type="text/plain")
    filename = name.rsplit("/", 1)[-1]
    return Response(
        data,
        media_type=media_type,
        headers={
            "Content-Disposition": f'inline; filename="{inspection_id}-{filename}"',
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
            "Content-Security-Policy": "frame-ancestors 'self'",
        },
    )


@router.get("/console/inspections/{inspection_id}/report.pdf")
async def report_pdf(
    _user: Viewer, engine: ConsoleDb, files: ConsoleFiles, inspection_id: InspectionId
) -> Response:
    return await run_in_threadpool(
        _file, engine, files, inspection_id, "report.pdf", "application/pdf"
    )


@router.get("/console/inspections/{inspection_id}/photos/{photo_id}.jpg")
async def photo(
    _user: Viewer,
    engine: ConsoleDb,
    files: ConsoleFiles,
    inspection_id: InspectionId,
    photo_id: PhotoId,
) -> Response:
    return await run_in_threadpool(
        _file, engine, files, inspection_id, f"photos/{photo_id}.jpg", "image/jpeg"
    )


@router.post("/console/inspections/{inspection_id}/review", response_class=HTMLResponse)
async def take_step(
    request: Request,
    user: Supervisor,
    _csrf: CsrfChecked,
    engine: ConsoleDb,
    files: ConsoleFiles,
    inspection_id: InspectionId,
    seen: Annotated[str, Form(max_length=16)],
    to: Annotated[str, Form(max_length=16)],
    comment: Annotated[str, Form(max_length=4000)] = "",
) -> Response:
    detail = await run_in_threadpool(inspections.detail, engine, inspection_id)
    if detail is None:
        return _not_found(request)
    try:
        await run_in_threadpool(
            review.move, engine, inspection_id, seen=seen, to=to, comment=comment, by=user
        )
    except review.ReviewRefused as exc:
        return await run_in_threadpool(
            _show, request, engine, files, detail, error=exc.message, status_code=409
        )
    log.info("inspection %s: %s by console user %s", inspection_id, to, user.username)
    return RedirectResponse(f"/console/inspections/{inspection_id}?done={to}", status_code=303)
