"""`GET /health`: the one endpoint without a token (load balancers, the laptop's probe)."""

from __future__ import annotations

from fastapi import APIRouter

from inspector_app.server.api.models import Health

API_VERSION = "1"

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health() -> Health:
    return Health(status="ok", api=API_VERSION)
