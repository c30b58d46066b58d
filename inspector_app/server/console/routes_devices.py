"""The devices page (admin): enrolled devices, an enrolment code for a named inspector (shown
once, in the answer to the form, never in a URL), and revoking a device with a reason. Both
go through the functions `inspector-server enrol-code` and `revoke` use, and into the audit
log with the change."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from inspector_app.errors import KnownError
from inspector_app.server import accounts
from inspector_app.server.ca import authority
from inspector_app.server.console.audit_log import record
from inspector_app.server.console.auth import Admin, CsrfChecked
from inspector_app.server.console.deps import ConsoleDb, ConsoleSettings
from inspector_app.server.console.device_list import devices
from inspector_app.server.console.templating import render
from inspector_app.server.revocation import REASONS, SUPERSEDED, revoke_device

router = APIRouter(include_in_schema=False)

# The reasons a person gives (superseded is the server's own, at re-enrolment).
REASON_LABELS: dict[str, str] = {
    "key_compromise": "کلید یا رایانه از دست رفته یا در خطر است",
    "cessation_of_operation": "دستگاه دیگر به کار نمی‌رود",
    "affiliation_changed": "بازرس دیگر در این سمت نیست",
}
assert set(REASON_LABELS) == set(REASONS) - {SUPERSEDED}
ALL_REASON_LABELS = {**REASON_LABELS, SUPERSEDED: "جایگزین با ثبت دوباره"}

NAME_REFUSED = (
    "نام بازرس یا شمارهٔ پرسنلی پذیرفته نشد: نام در گواهی می‌آید و باید با حرف آغاز و تمام "
    "شود و حروف فارسی و لاتین را در هم نیامیزد؛ شمارهٔ پرسنلی فقط حرف و رقم است."
)


def _page(
    request: Request, engine: ConsoleDb, *, status_code: int = 200, **context: object
) -> Response:
    values = {"code": None, "code_for": "", "error": "", "notice": "", "inspector": "",
              "personnel_no": "", **context}  # fmt: skip
    return render(
        request,
        "devices.html",
        status_code=status_code,
        devices=devices(engine),
        reasons=REASON_LABELS,
        reason_labels=ALL_REASON_LABELS,
        **values,
    )


@router.get("/console/devices")
def devices_page(request: Request, engine: ConsoleDb, _user: Admin, revoked: str = "") -> Response:
    notice = "دستگاه باطل شد؛ گواهی آن در فهرست ابطال است." if revoked else ""
    return _page(request, engine, notice=notice)


@router.post("/console/devices/enrol-code")
def issue_code(
    request: Request,
    engine: ConsoleDb,
    user: Admin,
    _csrf: CsrfChecked,
    inspector: Annotated[str, Form(max_length=200)] = "",
    personnel_no: Annotated[str, Form(max_length=32)] = "",
) -> Response:
    try:
        code = accounts.new_enrol_code(engine, inspector, personnel_no)
    except KnownError:
        return _page(
            request,
            engine,
            status_code=422,
            error=NAME_REFUSED,
            inspector=inspector,
            personnel_no=personnel_no,
        )
    record(engine, user, "enrol_code", inspector.strip(), {"personnel_no": personnel_no.strip()})
    return _page(request, engine, code=code, code_for=inspector.strip())


@router.post("/console/devices/{device_id}/revoke")
def revoke(
    request: Request,
    engine: ConsoleDb,
    settings: ConsoleSettings,
    user: Admin,
    _csrf: CsrfChecked,
    device_id: str,
    reason: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    if reason not in REASON_LABELS:
        return _page(request, engine, status_code=422, error="دلیل ابطال را انتخاب کنید.")
    if not revoke_device(engine, authority(settings), device_id, reason):
        return _page(request, engine, status_code=404, error="دستگاه فعالی با این شناسه نیست.")
    record(engine, user, "device_revoked", device_id, {"reason": reason})
    return RedirectResponse(f"/console/devices?revoked={device_id}", status_code=303)
