"""What is published now, read from the database: the office registry's document and the
form files (server/publish.py writes them). Kept apart from publishing so the visit plan,
which the updates bundle carries, can check its offices and forms against them."""

from __future__ import annotations

from typing import Any

import yaml
from sqlalchemy import Engine, select

from inspector_app.server.database import publications_t

REGISTRY = "registry"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def registry(engine: Engine) -> tuple[bytes, str] | None:
    """The registry document and its sha256, or None before one is published."""
    with engine.connect() as conn:
        row = conn.execute(
            select(publications_t.c.content, publications_t.c.sha256).where(
                publications_t.c.name == REGISTRY
            )
        ).first()
    return (bytes(row[0]), row[1]) if row else None


def forms(engine: Engine) -> dict[str, bytes]:
    """Each published form's file name and YAML bytes."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(publications_t.c.name, publications_t.c.content)
            .where(publications_t.c.kind == "form")
            .order_by(publications_t.c.name)
        ).all()
    return {row[0].removeprefix("form:"): bytes(row[1]) for row in rows}


def form_heads(engine: Engine) -> dict[str, dict[str, Any]]:
    """Each published form's id → its title and office types (a form that no longer reads
    is left out; publishing checked every one)."""
    found: dict[str, dict[str, Any]] = {}
    for content in forms(engine).values():
        try:
            document = yaml.load(content, Loader=_LOADER)  # a safe loader
        except yaml.YAMLError:
            continue
        if isinstance(document, dict) and isinstance(document.get("id"), str):
            types = document.get("office_types")
            found[document["id"]] = {
                "title": str(document.get("title") or ""),
                "office_types": [str(t) for t in types] if isinstance(types, list) else [],
            }
    return found
