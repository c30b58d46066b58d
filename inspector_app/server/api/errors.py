"""How refusals that no handler returns itself are answered: a bad token (401), a device token
where a console user is needed (403) and a body that does not match the schema (400 malformed
JSON, 422 wrong shape), each as a `Problem`."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from inspector_app.server.api.deps import NotForDevices, Unauthorized


async def _unauthorized(_request: Request, _exc: Exception) -> JSONResponse:
    return JSONResponse(
        {"detail": "missing, unknown or revoked device token"},
        status_code=401,
        headers={"WWW-Authenticate": "Bearer"},
    )


async def _not_for_devices(_request: Request, _exc: Exception) -> JSONResponse:
    return JSONResponse(
        {"detail": "a device token cannot read province-wide data (inspector-server summary)"},
        status_code=403,
    )


async def _invalid(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    malformed = any(e.get("type") == "json_invalid" for e in errors)
    detail = "malformed JSON" if malformed else "request does not match the schema"
    problems = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in errors]
    return JSONResponse(
        {"detail": detail, "problems": problems[:20]}, status_code=400 if malformed else 422
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(Unauthorized, _unauthorized)
    app.add_exception_handler(NotForDevices, _not_for_devices)
    app.add_exception_handler(RequestValidationError, _invalid)
