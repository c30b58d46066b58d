"""The visit plan page «برنامهٔ بازدید»: every user sees the assignments (office, inspector,
due date, state, the inspection that closed one); supervisors and admins add one, upload a
plan file (CSV) or cancel an open one, through server/visits.py, the code `inspector-server
visits` runs, and each change goes into the audit log. A refused plan file names its line and
nothing of it is added."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import Engine
from starlette.datastructures import UploadFile

from inspector_app.domain.jalali import tehran_today
from inspector_app.domain.persian import to_persian_digits
from inspector_app.domain.working_days import CALENDAR_DAYS
from inspector_app.errors import KnownError
from inspector_app.figures.overview import DEFAULT_OVERDUE_DAYS
from inspector_app.server import published, visits
from inspector_app.server.console.audit_log import record
from inspector_app.server.console.auth import CsrfChecked, Supervisor, Viewer, csrf_checked
from inspector_app.server.console.deps import ConsoleDb, console_settings
from inspector_app.server.console.publishing import upload_name
from inspector_app.server.console.templating import render
from inspector_app.server.console.users import ConsoleUser
from inspector_app.server.visit_csv import PlanRefused, due_date
from inspector_app.server.visit_suggestions import due_offices

router = APIRouter(include_in_schema=False)

PREFIX = "/console/visits"
SUGGESTED = 15  # offices suggested on the page, the longest waiting
NOTICES = {
    "added": "بازدید به برنامه افزوده شد؛ لپ‌تاپ بازرس در همگام‌سازی بعدی آن را می‌گیرد.",
    "cancelled": "بازدید از برنامه لغو شد.",
}


def _by(user: ConsoleUser) -> str:
    return user.display_name or user.username


def _refusal(exc: KnownError, file: str = "") -> dict[str, Any]:
    """A refusal as the page shows it: the message, and the file and line it names."""
    where, line = exc.where or "", None
    head, _, tail = where.rpartition(":")
    if head and tail.isdigit():
        where, line = head, int(tail)
    return {"message": exc.message, "file": file or where, "line": line}


def _page(
    request: Request,
    engine: Engine,
    user: ConsoleUser,
    *,
    status_code: int = 200,
    state: str = "",
    county: str = "",
    **context: Any,
) -> Response:
    offices = visits.office_registry(engine)
    can_edit = user.has("supervisor")
    values = {"error": None, "notice": "", "entry": {}, **context}
    today = tehran_today()
    calendar = console_settings(request).calendar(today)
    suggested = due_offices(engine, offices.values(), as_of=today, calendar=calendar)
    return render(
        request,
        "visits.html",
        status_code=status_code,
        rows=visits.listing(engine, state=state or None, county=county or None),
        states=visits.STATE_LABELS,
        state=state,
        county=county,
        counties=sorted({str(o.get("county", "")) for o in offices.values()} - {""}),
        offices=sorted(offices.values(), key=lambda o: str(o["code"])) if can_edit else [],
        inspectors=visits.inspectors(engine) if can_edit else [],
        forms=published.form_heads(engine) if can_edit else {},
        can_edit=can_edit,
        suggested=suggested[:SUGGESTED],
        suggested_total=len(suggested),
        suggested_days=DEFAULT_OVERDUE_DAYS,
        day_unit="روز کاری" if calendar != CALENDAR_DAYS else "روز",
        **values,
    )


@router.get(PREFIX)
def visits_page(
    request: Request,
    engine: ConsoleDb,
    user: Viewer,
    state: Annotated[str, Query(max_length=16)] = "",
    county: Annotated[str, Query(max_length=100)] = "",
    done: Annotated[str, Query(max_length=16)] = "",
    imported: Annotated[int | None, Query(ge=0, le=1_000_000)] = None,
    office: Annotated[str, Query(max_length=64)] = "",
) -> Response:
    notice = NOTICES.get(done, "")
    if imported is not None:
        notice = (
            f"{to_persian_digits(imported)} بازدید از پرونده به برنامه افزوده شد "
            "(آن‌هایی که همان بازرس برای همان دفتر باز داشت، کنار گذاشته شد)."
        )
    state = state if state in visits.STATE_LABELS else ""
    entry = {"office_code": office} if office else {}  # «افزودن به برنامه» of a suggestion
    return _page(request, engine, user, state=state, county=county, notice=notice, entry=entry)


@router.post(f"{PREFIX}/add")
def add(
    request: Request,
    engine: ConsoleDb,
    user: Supervisor,
    _csrf: CsrfChecked,
    office_code: Annotated[str, Form(max_length=64)] = "",
    personnel_no: Annotated[str, Form(max_length=32)] = "",
    due: Annotated[str, Form(max_length=20)] = "",
    form_id: Annotated[str, Form(max_length=64)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    entry = {"office_code": office_code, "personnel_no": personnel_no, "due": due,
             "form_id": form_id, "note": note}  # fmt: skip
    try:
        if not office_code.strip() or not personnel_no.strip() or not due.strip():
            raise PlanRefused("کد دفتر، بازرس و مهلت را بدهید.")
        made = visits.add(
            engine,
            office_code,
            personnel_no,
            due_date(due),
            form_id=form_id,
            note=note,
            by=_by(user),
        )
    except KnownError as exc:
        return _page(request, engine, user, status_code=422, error=_refusal(exc), entry=entry)
    detail = {"office": made.office_code, "personnel_no": made.personnel_no, "due": made.due_date}
    record(engine, user, "visit_added", made.id, detail)
    return RedirectResponse(f"{PREFIX}?done=added", status_code=303)


@router.post(f"{PREFIX}/import")
async def import_plan(request: Request, engine: ConsoleDb, user: Supervisor) -> Response:
    form = await request.form(max_files=1, max_fields=2)
    await csrf_checked(request)  # before the file is read
    file = form.get("file")
    if not isinstance(file, UploadFile) or not file.filename:
        refused = {"message": "پرونده‌ای انتخاب نشده است.", "file": "", "line": None}
        return _page(request, engine, user, status_code=422, error=refused)
    name = upload_name(file.filename)
    data = await file.read()
    try:
        added = visits.import_upload(engine, data, name, _by(user))
    except KnownError as exc:
        return _page(request, engine, user, status_code=422, error=_refusal(exc, name))
    record(engine, user, "visits_imported", name, {"added": added})
    return RedirectResponse(f"{PREFIX}?imported={added}", status_code=303)


@router.post(PREFIX + "/{ident}/cancel")
def cancel(
    request: Request,
    engine: ConsoleDb,
    user: Supervisor,
    _csrf: CsrfChecked,
    ident: str,
) -> Response:
    try:
        cancelled = visits.cancel(engine, ident, _by(user))
    except KnownError as exc:
        return _page(request, engine, user, status_code=404, error=_refusal(exc))
    detail = {"office": cancelled.office_code, "personnel_no": cancelled.personnel_no}
    record(engine, user, "visit_cancelled", cancelled.id, detail)
    return RedirectResponse(f"{PREFIX}?done=cancelled", status_code=303)
