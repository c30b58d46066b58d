"""The office registry as the desktop UI reads it: the offices and the counties they are in."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from inspector_app.storage import offices


def list_offices(db: Database) -> list[dict[str, Any]]:
    """Every office with its last inspection date and score."""
    return offices.list_offices(db)


def counties(db: Database) -> list[str]:
    return offices.counties(db)
