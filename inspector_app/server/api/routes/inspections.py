"""`PUT /v1/inspections/{id}` (upload a bundle, stored exactly once) and `GET` (is it held?
asked by the laptop whose key signed it; to any other device it is not there)."""

from __future__ import annotations

import logging
from functools import partial
from typing import Annotated

from anyio import to_thread
from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse
from sqlalchemy import select

from inspector_app.server.api.deps import CurrentDevice, DatabaseDep, FilesDep
from inspector_app.server.api.models import AUTH_ERRORS, InspectionStatus, Problem, UploadResult
from inspector_app.server.database import inspections_t
from inspector_app.server.ingest import Rejected, ingest

log = logging.getLogger("inspector_server")

ID_REGEX = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"
InspectionId = Annotated[str, PathParam(pattern=ID_REGEX, max_length=64)]
_STATUS = {"stored": 201, "already_there": 200, "conflict": 409}

router = APIRouter(tags=["inspections"])


@router.put(
    "/v1/inspections/{inspection_id}",
    response_model=UploadResult,
    responses={
        200: {"model": UploadResult, "description": "already there (same id, same hash)"},
        201: {"model": UploadResult, "description": "stored"},
        400: {"model": Problem, "description": "not a valid inspection bundle"},
        409: {"model": UploadResult, "description": "same id, different hash: a conflict"},
        422: {"model": Problem, "description": "the signed PDF does not check out"},
        **AUTH_ERRORS,
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
    device: CurrentDevice,
    engine: DatabaseDep,
    files: FilesDep,
    inspection_id: InspectionId,
) -> JSONResponse:
    body = await request.body()  # complete: api/limits.py received it before routing
    work = partial(
        ingest, engine, files, body, device=device, source="sync", expected_id=inspection_id
    )
    try:
        result = await to_thread.run_sync(work, limiter=request.app.state.ingests)
    except Rejected as exc:
        log.info("upload %s from device %s refused: %s", inspection_id, device.id, exc.reason)
        return JSONResponse(
            {"detail": exc.reason, "problems": exc.problems}, status_code=exc.status
        )
    log.info("upload %s from device %s: %s", inspection_id, device.id, result.outcome)
    payload = UploadResult(
        status=result.outcome,
        inspection_id=result.inspection_id,
        canonical_sha256=result.canonical_sha256,
        stored_sha256=result.stored_sha256,
    )
    return JSONResponse(payload.model_dump(), status_code=_STATUS[result.outcome])


@router.get(
    "/v1/inspections/{inspection_id}",
    response_model=InspectionStatus,
    responses={404: {"model": Problem}, **AUTH_ERRORS},
)
def inspection_status(
    device: CurrentDevice, engine: DatabaseDep, inspection_id: InspectionId
) -> InspectionStatus | JSONResponse:
    with engine.connect() as conn:
        row = conn.execute(
            select(inspections_t.c.canonical_sha256, inspections_t.c.received_at).where(
                inspections_t.c.id == inspection_id,
                # a laptop learns of its own key's inspections only, not of others'
                inspections_t.c.signer_key_sha256 == device.key_sha256,
            )
        ).first()
    if row is None:
        return JSONResponse({"detail": "no such inspection"}, status_code=404)
    return InspectionStatus(
        inspection_id=inspection_id, canonical_sha256=row[0], received_at=row[1]
    )
