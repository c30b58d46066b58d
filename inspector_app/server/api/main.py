"""All routers in one: the API as app.py mounts it (the order is the one /openapi.json lists)."""

from __future__ import annotations

from fastapi import APIRouter

from inspector_app.server.api.routes import (
    audit,
    devices,
    health,
    inspections,
    reviews,
    summary,
    updates,
    visits,
)

api_router = APIRouter()
for module in (health, devices, inspections, updates, visits, summary, audit, reviews):
    api_router.include_router(module.router)
