"""What is published now: the office registry's document, the form files and the CRL, read
from the database, and the one way to store one. Kept apart from publishing (server/publish.py)
so the visit plan, which the updates bundle carries, can check its offices and forms against
them, and revocation can store its CRL."""

from __future__ import annotations

from typing import Any

import yaml
from sqlalchemy import Connection, Engine, select

from inspector_app.domain.canonical import sha256_hex
from inspector_app.domain.jalali import utc_now_iso
from inspector_app.server.database import insert_or, publications_t

REGISTRY = "registry"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def store(conn: Connection, name: str, kind: str, content: bytes, *, replace: bool = True) -> None:
    """Publish `content` under `name` in `conn`'s transaction, in one statement: two server
    processes publishing the same name at once cannot both insert it (a delete then an insert
    could, and PostgreSQL refused the second). Without `replace`, one already there stays."""
    values = {"kind": kind, "content": content, "sha256": sha256_hex(content)}
    stmt = insert_or(conn, publications_t).values(name=name, updated_at=utc_now_iso(), **values)
    if replace:
        changed = {c: stmt.excluded[c] for c in (*values, "updated_at")}
        stmt = stmt.on_conflict_do_update(index_elements=["name"], set_=changed)
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=["name"])
    conn.execute(stmt)


def read(engine: Engine, name: str) -> tuple[bytes, str] | None:
    """What is published under `name` and its sha256, or None before anything is."""
    with engine.connect() as conn:
        row = conn.execute(
            select(publications_t.c.content, publications_t.c.sha256).where(
                publications_t.c.name == name
            )
        ).first()
    return (bytes(row[0]), row[1]) if row else None


def registry(engine: Engine) -> tuple[bytes, str] | None:
    """The registry document and its sha256, or None before one is published."""
    return read(engine, REGISTRY)


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
