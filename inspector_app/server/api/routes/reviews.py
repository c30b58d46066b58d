"""`GET /v1/reviews`: what the governorate's review decided about this laptop's inspections
(accepted, or returned with the supervisor's comment), read at each sync. A device learns of
the inspections its certified key signed only, as for `GET /v1/inspections/{id}`."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from inspector_app.server.api.deps import CurrentDevice, DatabaseDep
from inspector_app.server.api.models import AUTH_ERRORS
from inspector_app.server.console.review import returned_for_key

router = APIRouter(tags=["reviews"])


class Review(BaseModel):
    inspection_id: str
    state: str  # accepted | returned
    comment: str
    by: str
    at: str  # UTC ISO 8601


class Reviews(BaseModel):
    reviews: list[Review]


@router.get("/v1/reviews", response_model=Reviews, responses={**AUTH_ERRORS})
async def reviews(device: CurrentDevice, engine: DatabaseDep) -> Reviews:
    found = await run_in_threadpool(returned_for_key, engine, device.key_sha256)
    return Reviews(reviews=[Review(**r) for r in found])
