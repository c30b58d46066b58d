"""`GET /v1/visits`: the visit plan of the device's inspector (server/visits.py), read at each
sync: their open assignments and those closed in the last 30 days, as the plan document
(domain/visit_plan.py) signed with the update key, its `as_of` the time in the signature's
header. The inspector is the personnel number in the device's unrevoked certificate; a device
whose certificate names none gets an empty plan, and no device learns another's."""

from __future__ import annotations

from fastapi import APIRouter, Response

from inspector_app.domain import visit_plan
from inspector_app.server import visits
from inspector_app.server.api.deps import CurrentDevice, DatabaseDep, SettingsDep
from inspector_app.server.api.models import AUTH_ERRORS
from inspector_app.server.api.routes.updates import answer_time, signed_headers

router = APIRouter(tags=["updates"])


@router.get(
    "/v1/visits",
    responses={
        200: {"content": {"application/json": {"schema": {"type": "object"}}}},
        **AUTH_ERRORS,
    },
)
def get_visits(device: CurrentDevice, engine: DatabaseDep, settings: SettingsDep) -> Response:
    number = visits.certified_number(engine, device.id)
    found = visits.for_personnel(engine, number) if number else []
    as_of = answer_time()
    content = visit_plan.document(found, as_of)
    headers = {"Cache-Control": "no-cache", **signed_headers(settings, "visits", content, as_of)}
    return Response(content, media_type="application/json", headers=headers)
