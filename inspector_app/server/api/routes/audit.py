"""`POST /v1/audit-anchor` (the head of this laptop's audit log, sent at each sync) and
`GET /v1/audit-anchor` (the last head held for this device).

A head only moves forward along the same log. Refused with 409, and logged: a seq lower than
the one held (the log was cut short), the same seq with another hash, or a higher seq whose
`previous` (the laptop's own entry at the seq held, as its log has it now) is not the entry
held (the log was rewritten). A device reads and sets only its own head.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Row, select, update

from inspector_app.domain.jalali import to_iso, utc_now
from inspector_app.server.api.deps import CurrentDevice, DatabaseDep
from inspector_app.server.api.models import AUTH_ERRORS, Problem
from inspector_app.server.database import audit_anchors_t, insert_or

log = logging.getLogger("inspector_server")

router = APIRouter(tags=["audit"])


class AuditHead(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    seq: int = Field(ge=0, le=2**53)  # JSON's safe integers
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")


class AnchorUpdate(AuditHead):
    """The laptop's head now, and its entry at the seq the server holds (None: it has none)."""

    previous: AuditHead | None = None


class HeldAnchor(AuditHead):
    received_at: str


class AnchorReply(BaseModel):
    anchor: HeldAnchor | None  # None until the device's first sync sends one


class AnchorRefusal(BaseModel):
    detail: str
    anchor: HeldAnchor


def _held(row: Row[Any, Any, Any] | None) -> HeldAnchor | None:
    if row is None:
        return None
    return HeldAnchor(seq=int(row.seq), hash=str(row.hash), received_at=str(row.received_at))


_COLUMNS = (audit_anchors_t.c.seq, audit_anchors_t.c.hash, audit_anchors_t.c.received_at)


@router.get("/v1/audit-anchor", response_model=AnchorReply, responses={**AUTH_ERRORS})
def get_anchor(device: CurrentDevice, engine: DatabaseDep) -> AnchorReply:
    with engine.connect() as conn:
        row = conn.execute(
            select(*_COLUMNS).where(audit_anchors_t.c.device_id == device.id)
        ).first()
    return AnchorReply(anchor=_held(row))


def _refusal(body: AnchorUpdate, held: HeldAnchor) -> str | None:
    """Why `body` cannot follow `held` (None: it can)."""
    if body.seq < held.seq:
        return f"the log ends at entry {body.seq}, before entry {held.seq} held: it was cut"
    if body.seq == held.seq:
        return None if body.hash == held.hash else f"entry {held.seq} has another hash: rewritten"
    if body.previous is None or body.previous.seq != held.seq:
        return f"the log no longer has entry {held.seq} held: it was cut or rewritten"
    if body.previous.hash != held.hash:
        return f"entry {held.seq} has another hash than the one held: the log was rewritten"
    return None


@router.post(
    "/v1/audit-anchor",
    response_model=AnchorReply,
    responses={
        409: {"model": AnchorRefusal, "description": "the log was cut or rewritten"},
        422: {"model": Problem},
        **AUTH_ERRORS,
    },
)
def set_anchor(
    body: AnchorUpdate, device: CurrentDevice, engine: DatabaseDep
) -> AnchorReply | JSONResponse:
    now = to_iso(utc_now())
    where = audit_anchors_t.c.device_id == device.id
    with engine.begin() as conn:
        # The first head is stored in one statement (two syncs of one laptop at once cannot
        # both insert it); a head already held is read locked, then judged.
        first = insert_or(conn, audit_anchors_t).values(
            device_id=device.id, seq=body.seq, hash=body.hash, received_at=now
        )
        made = conn.execute(
            first.on_conflict_do_nothing(index_elements=["device_id"]).returning(
                audit_anchors_t.c.seq
            )
        ).first()
        held = None
        if made is None:
            held = _held(conn.execute(select(*_COLUMNS).where(where).with_for_update()).one())
        if held is not None:
            reason = _refusal(body, held)
            if reason is not None:
                log.warning(
                    "audit anchor of device %s refused: %s (sent %d %s, held %d %s)",
                    device.id, reason, body.seq, body.hash, held.seq, held.hash,
                )  # fmt: skip
                refusal = AnchorRefusal(detail=reason, anchor=held)
                return JSONResponse(refusal.model_dump(), status_code=409)
            if body.seq == held.seq:
                return AnchorReply(anchor=held)
            conn.execute(
                update(audit_anchors_t)
                .where(where)
                .values(seq=body.seq, hash=body.hash, received_at=now)
            )
    log.info("audit anchor of device %s: entry %d", device.id, body.seq)
    return AnchorReply(anchor=HeldAnchor(seq=body.seq, hash=body.hash, received_at=now))
