"""The HTTP API (FastAPI). OpenAPI is published at /openapi.json, docs at /docs.

Every endpoint but /health needs `Authorization: Bearer <device token>`, except enrolment,
which needs a one-time code instead. Bodies are size-limited before any handler sees them;
an upload is handled only once it has been received completely, so a broken-off upload
leaves nothing behind. Logs name devices and inspections, never tokens or codes.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from inspector_app.figures.filters import OverviewFilter
from inspector_app.server import accounts, publish
from inspector_app.server.accounts import Device, EnrolmentRefused
from inspector_app.server.database import inspections_t
from inspector_app.server.faults import InjectedFault
from inspector_app.server.ingest import Rejected, ingest
from inspector_app.server.state import ServerState
from inspector_app.server.summary import province_summary, summary_json

log = logging.getLogger("inspector_server")

API_VERSION = "1"
ID_REGEX = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"
SMALL_BODY = 256 * 1024


# --- request size limit (pure ASGI, before routing) ----------------------------------------------


class BodyLimit:
    """Receive the whole body first, refusing it with 413 once it passes the limit for its path.

    Handlers then see a complete body or nothing; a client that disconnects half-way has its
    bytes dropped here."""

    def __init__(self, app: ASGIApp, state: ServerState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        is_upload = scope["method"] == "PUT" and scope["path"].startswith("/v1/inspections/")
        limit = self.state.max_upload if is_upload else SMALL_BODY
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _too_large(send, limit)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # half-received: discarded, nothing was handled
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _too_large(send, limit)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(send: Send, limit: int) -> None:
    body = f'{{"detail":"request body is larger than {limit} bytes"}}'.encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


# --- models ------------------------------------------------------------------------------------


class Problem(BaseModel):
    detail: str
    problems: list[str] = Field(default_factory=list)


class Health(BaseModel):
    status: Literal["ok"]
    api: str


class EnrolRequest(BaseModel):
    code: str = Field(min_length=1, max_length=64)
    cert_pem: str = Field(min_length=1, max_length=20000)
    device_name: str = Field(default="", max_length=200)


class EnrolResponse(BaseModel):
    device_id: str
    token: str
    inspector_name: str
    cert_fingerprint: str
    update_key: str


class DeviceInfo(BaseModel):
    device_id: str
    inspector_name: str
    device_name: str
    cert_fingerprint: str
    enrolled_at: str


class UploadResult(BaseModel):
    status: Literal["stored", "already_there", "conflict"]
    inspection_id: str
    canonical_sha256: str
    stored_sha256: str


class InspectionStatus(BaseModel):
    inspection_id: str
    canonical_sha256: str
    received_at: str


class FormItem(BaseModel):
    name: str
    sha256: str
    content: str


class FormsDocument(BaseModel):
    format: str
    forms: list[FormItem]


class _Unauthorized(Exception):
    pass


_AUTH_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "missing, unknown or revoked token"},
    413: {"model": Problem, "description": "body too large"},
}

bearer = HTTPBearer(auto_error=False, description="the device token received at enrolment")


def current_device(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Device:
    state: ServerState = request.app.state.server
    device = accounts.authenticate(state.engine, credentials.credentials) if credentials else None
    if device is None:
        raise _Unauthorized()
    return device


DeviceDep = Annotated[Device, Depends(current_device)]


# A Jalali day as `1403-01-31`; whether it exists in the calendar is checked by the handler.
JALALI_DAY = r"^1[34][0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"


def create_app(state: ServerState) -> FastAPI:
    app = FastAPI(
        title="Bazres governorate server",
        version=API_VERSION,
        description="Receives finalized inspections exactly once; publishes registry and forms.",
    )
    app.state.server = state

    @app.exception_handler(_Unauthorized)
    async def _unauthorized(_request: Request, _exc: _Unauthorized) -> JSONResponse:
        return JSONResponse(
            {"detail": "missing, unknown or revoked device token"},
            status_code=401,
            headers={"WWW-Authenticate": "Bearer"},
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        malformed = any(e.get("type") == "json_invalid" for e in errors)
        detail = "malformed JSON" if malformed else "request does not match the schema"
        problems = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in errors]
        return JSONResponse(
            {"detail": detail, "problems": problems[:20]}, status_code=400 if malformed else 422
        )

    @app.exception_handler(InjectedFault)
    async def _fault(_request: Request, exc: InjectedFault) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=500)

    @app.get("/health", response_model=Health, tags=["health"])
    def health() -> Health:
        return Health(status="ok", api=API_VERSION)

    @app.post(
        "/v1/enrol",
        response_model=EnrolResponse,
        status_code=201,
        tags=["devices"],
        responses={
            400: {"model": Problem},
            403: {"model": Problem, "description": "code unknown, used or expired"},
            413: {"model": Problem},
            422: {"model": Problem},
        },
    )
    def enrol(body: EnrolRequest) -> EnrolResponse | JSONResponse:
        try:
            device, token = accounts.enrol(state.engine, body.code, body.cert_pem, body.device_name)
        except EnrolmentRefused as exc:
            status = 422 if exc.about == "certificate" else 403
            return JSONResponse({"detail": str(exc)}, status_code=status)
        log.info("device %s enrolled for %s", device.id, device.inspector_name)
        return EnrolResponse(
            device_id=device.id,
            token=token,
            inspector_name=device.inspector_name,
            cert_fingerprint=device.cert_fingerprint,
            update_key=publish.update_key_hex(state.data_dir),
        )

    @app.get("/v1/device", response_model=DeviceInfo, tags=["devices"], responses=_AUTH_ERRORS)
    def device_info(device: DeviceDep) -> DeviceInfo:
        return DeviceInfo(
            device_id=device.id,
            inspector_name=device.inspector_name,
            device_name=device.device_name,
            cert_fingerprint=device.cert_fingerprint,
            enrolled_at=device.enrolled_at,
        )

    @app.put(
        "/v1/inspections/{inspection_id}",
        response_model=UploadResult,
        tags=["inspections"],
        responses={
            200: {"model": UploadResult, "description": "already there (same id, same hash)"},
            201: {"model": UploadResult, "description": "stored"},
            400: {"model": Problem, "description": "not a valid inspection bundle"},
            409: {"model": UploadResult, "description": "same id, different hash: a conflict"},
            422: {"model": Problem, "description": "the signed PDF does not check out"},
            **_AUTH_ERRORS,
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
            }
        },
    )
    async def upload(
        request: Request,
        device: DeviceDep,
        inspection_id: Annotated[str, PathParam(pattern=ID_REGEX, max_length=64)],
    ) -> JSONResponse:
        body = await request.body()
        number = state.faults.next_upload()
        state.faults.before_store(number)
        try:
            result = await run_in_threadpool(
                ingest,
                state.engine,
                state.files,
                body,
                device=device,
                source="sync",
                expected_id=inspection_id,
                before_commit=state.faults.before_commit if state.faults.active else None,
            )
        except Rejected as exc:
            log.info("upload %s from device %s refused: %s", inspection_id, device.id, exc.reason)
            return JSONResponse(
                {"detail": exc.reason, "problems": exc.problems}, status_code=exc.status
            )
        state.faults.after_commit(number)
        log.info("upload %s from device %s: %s", inspection_id, device.id, result.outcome)
        status = {"stored": 201, "already_there": 200, "conflict": 409}[result.outcome]
        payload = UploadResult(
            status=result.outcome,
            inspection_id=result.inspection_id,
            canonical_sha256=result.canonical_sha256,
            stored_sha256=result.stored_sha256,
        )
        return JSONResponse(payload.model_dump(), status_code=status)

    @app.get(
        "/v1/inspections/{inspection_id}",
        response_model=InspectionStatus,
        tags=["inspections"],
        responses={404: {"model": Problem}, **_AUTH_ERRORS},
    )
    def inspection_status(
        device: DeviceDep,
        inspection_id: Annotated[str, PathParam(pattern=ID_REGEX, max_length=64)],
    ) -> InspectionStatus | JSONResponse:
        with state.engine.connect() as conn:
            row = conn.execute(
                select(inspections_t.c.canonical_sha256, inspections_t.c.received_at).where(
                    inspections_t.c.id == inspection_id
                )
            ).first()
        if row is None:
            return JSONResponse({"detail": "no such inspection"}, status_code=404)
        return InspectionStatus(
            inspection_id=inspection_id, canonical_sha256=row[0], received_at=row[1]
        )

    @app.get(
        "/v1/registry",
        tags=["updates"],
        responses={
            200: {"content": {"application/json": {"schema": {"type": "object"}}}},
            304: {"description": "not modified (If-None-Match)"},
            404: {"model": Problem, "description": "no registry published yet"},
            **_AUTH_ERRORS,
        },
    )
    def get_registry(
        device: DeviceDep, if_none_match: Annotated[str | None, Header()] = None
    ) -> Response:
        current = publish.registry(state.engine)
        if current is None:
            return JSONResponse({"detail": "no registry published yet"}, status_code=404)
        content, digest = current
        return _tagged(content, digest, if_none_match)

    @app.get(
        "/v1/forms",
        tags=["updates"],
        responses={
            200: {"model": FormsDocument},
            304: {"description": "not modified (If-None-Match)"},
            **_AUTH_ERRORS,
        },
    )
    def get_forms(
        device: DeviceDep, if_none_match: Annotated[str | None, Header()] = None
    ) -> Response:
        document, digest = publish.forms_document(state.engine)
        from inspector_app.domain.canonical import canonical_json

        return _tagged(canonical_json(document), digest, if_none_match)

    @app.get(
        "/v1/summary",
        tags=["overview"],
        responses={
            200: {"content": {"application/json": {"schema": {"type": "object"}}}},
            422: {"model": Problem, "description": "a bad Jalali date, range or office type"},
            **_AUTH_ERRORS,
        },
    )
    def get_summary(
        device: DeviceDep,
        date_from: Annotated[str | None, Query(alias="from", pattern=JALALI_DAY)] = None,
        date_to: Annotated[str | None, Query(alias="to", pattern=JALALI_DAY)] = None,
        county: Annotated[str | None, Query(max_length=60)] = None,
        office_type: Annotated[
            Literal["pishkhan", "police10", "brokerage"] | None, Query(alias="type")
        ] = None,
    ) -> JSONResponse:
        """The province overview of every inspector's data (Jalali `from`/`to`, inclusive)."""
        try:
            f = OverviewFilter.from_jalali(date_from, date_to, county, office_type)
        except ValueError as exc:
            return JSONResponse({"detail": str(exc)}, status_code=422)
        return JSONResponse(summary_json(province_summary(state, f), f))

    return app


def _tagged(content: bytes, digest: str, if_none_match: str | None) -> Response:
    etag = f'"{digest}"'
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if if_none_match and etag in [t.strip() for t in if_none_match.split(",")]:
        return Response(status_code=304, headers=headers)
    return Response(content, media_type="application/json", headers=headers)
