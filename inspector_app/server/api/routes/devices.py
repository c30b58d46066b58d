"""Enrolment (`POST /v1/enrol`: a one-time code and a CSR for the inspector's certificate and a
device token) and `GET /v1/device`."""

from __future__ import annotations

import logging

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from inspector_app.server import accounts, publish, revocation
from inspector_app.server.accounts import EnrolmentRefused
from inspector_app.server.api.deps import CurrentDevice, DatabaseDep, SettingsDep
from inspector_app.server.api.models import (
    AUTH_ERRORS,
    DeviceInfo,
    EnrolRequest,
    EnrolResponse,
    Problem,
)
from inspector_app.server.ca import authority

log = logging.getLogger("inspector_server")

router = APIRouter(tags=["devices"])


@router.post(
    "/v1/enrol",
    response_model=EnrolResponse,
    status_code=201,
    responses={
        400: {"model": Problem},
        403: {"model": Problem, "description": "code unknown, used or expired"},
        413: {"model": Problem},
        422: {"model": Problem},
    },
)
def enrol(
    body: EnrolRequest, engine: DatabaseDep, settings: SettingsDep
) -> EnrolResponse | JSONResponse:
    ca = authority(settings)
    try:
        device, token = accounts.enrol(
            engine, ca, body.code, body.csr_pem, body.device_name, body.previous_token
        )
    except EnrolmentRefused as exc:
        status = 422 if exc.about == "certificate" else 403
        return JSONResponse({"detail": str(exc)}, status_code=status)
    log.info("device %s enrolled for %s", device.id, device.inspector_name)
    return EnrolResponse(
        device_id=device.id,
        token=token,
        inspector_name=device.inspector_name,
        cert_fingerprint=device.cert_fingerprint,
        certificate_pem=device.cert_pem,
        ca_root_pem=ca.root_pem,
        crl_pem=revocation.current_crl(engine, ca)[0].decode("ascii"),
        update_key=publish.update_key_hex(settings),
    )


@router.get("/v1/device", response_model=DeviceInfo, responses=AUTH_ERRORS)
def device_info(device: CurrentDevice) -> DeviceInfo:
    return DeviceInfo(
        device_id=device.id,
        inspector_name=device.inspector_name,
        device_name=device.device_name,
        cert_fingerprint=device.cert_fingerprint,
        enrolled_at=device.enrolled_at,
    )
