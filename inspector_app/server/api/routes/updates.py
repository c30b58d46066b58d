"""What laptops pull: `GET /v1/registry` and `GET /v1/forms`, each with its sha256 as ETag
(`If-None-Match` with the same tag: 304) and the body signed with the update key with the time
of the answer (headers `X-Bazres-Update-Signature`, `X-Bazres-Update-As-Of`, see
domain/signed_updates.py); and `GET /v1/crl`, the CA's
revocation list, which the CA's own signature protects."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Response
from fastapi.responses import JSONResponse

from inspector_app.domain import signed_updates
from inspector_app.domain.canonical import canonical_json
from inspector_app.domain.jalali import utc_now
from inspector_app.server import publish, revocation
from inspector_app.server.api.deps import CurrentDevice, DatabaseDep, SettingsDep
from inspector_app.server.api.models import AUTH_ERRORS, FormsDocument, Problem
from inspector_app.server.ca import authority
from inspector_app.server.config import Settings

router = APIRouter(tags=["updates"])


@router.get(
    "/v1/registry",
    responses={
        200: {"content": {"application/json": {"schema": {"type": "object"}}}},
        304: {"description": "not modified (If-None-Match)"},
        404: {"model": Problem, "description": "no registry published yet"},
        **AUTH_ERRORS,
    },
)
def get_registry(
    device: CurrentDevice,
    engine: DatabaseDep,
    settings: SettingsDep,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    current = publish.registry(engine)
    if current is None:
        return JSONResponse({"detail": "no registry published yet"}, status_code=404)
    content, digest = current
    return _tagged(content, digest, signed_headers(settings, "registry", content), if_none_match)


@router.get(
    "/v1/forms",
    responses={
        200: {"model": FormsDocument},
        304: {"description": "not modified (If-None-Match)"},
        **AUTH_ERRORS,
    },
)
def get_forms(
    device: CurrentDevice,
    engine: DatabaseDep,
    settings: SettingsDep,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    document, digest = publish.forms_document(engine)
    content = canonical_json(document)
    return _tagged(content, digest, signed_headers(settings, "forms", content), if_none_match)


@router.get(
    "/v1/crl",
    responses={
        200: {"content": {"application/pkix-crl": {}}},
        304: {"description": "not modified (If-None-Match)"},
        **AUTH_ERRORS,
    },
)
def get_crl(
    device: CurrentDevice,
    engine: DatabaseDep,
    settings: SettingsDep,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    content, digest = revocation.current_crl(engine, authority(settings))
    return _tagged(content, digest, {}, if_none_match, "application/pkix-crl")


def signed_headers(
    settings: Settings, resource: signed_updates.Resource, content: bytes, as_of: str | None = None
) -> dict[str, str]:
    """The update key's signature headers of an answer given now, or at `as_of` when the body
    names its own time (the visit plan)."""
    as_of = as_of or answer_time()
    return {
        signed_updates.SIGNATURE_HEADER: publish.sign_answer(settings, resource, content, as_of),
        signed_updates.AS_OF_HEADER: as_of,
    }


def answer_time() -> str:
    return utc_now().isoformat()  # microseconds: two answers in one second stay ordered


def _tagged(
    content: bytes,
    digest: str,
    signature: dict[str, str],
    if_none_match: str | None,
    media_type: str = "application/json",
) -> Response:
    etag = f'"{digest}"'
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if if_none_match and etag in [t.strip() for t in if_none_match.split(",")]:
        return Response(status_code=304, headers=headers)
    return Response(content, media_type=media_type, headers={**headers, **signature})
