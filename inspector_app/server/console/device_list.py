"""The enrolled devices as the console's devices page lists them: inspector, device, when
enrolled, when last seen, the certificate and whether it is revoked.

"Last seen" is derived, not recorded: the latest of the device's uploads (inspections
received) and of its audit-log anchor (sent at every sync), so a sync that uploads nothing
still counts. Authentication writes nothing, so reading the page costs no write per request.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, func, select

from inspector_app.domain.jalali import from_iso
from inspector_app.server.database import (
    audit_anchors_t,
    certificates_t,
    devices_t,
    inspections_t,
)


@dataclass(frozen=True)
class DeviceRow:
    id: str
    inspector_name: str
    device_name: str
    enrolled_at: str
    last_seen_at: str | None
    serial: str
    fingerprint: str
    revoked_at: str | None
    revocation_reason: str | None


def devices(engine: Engine) -> list[DeviceRow]:
    """Active devices first (newest enrolment first), then the revoked ones."""
    uploads = (
        select(inspections_t.c.device_id, func.max(inspections_t.c.received_at).label("at"))
        .where(inspections_t.c.device_id.is_not(None))
        .group_by(inspections_t.c.device_id)
        .subquery()
    )
    query = (
        select(
            devices_t.c.id,
            devices_t.c.inspector_name,
            devices_t.c.device_name,
            devices_t.c.enrolled_at,
            devices_t.c.cert_fingerprint,
            devices_t.c.revoked_at,
            uploads.c.at.label("uploaded_at"),
            audit_anchors_t.c.received_at.label("anchored_at"),
            certificates_t.c.serial,
            certificates_t.c.revocation_reason,
        )
        .outerjoin(uploads, uploads.c.device_id == devices_t.c.id)
        .outerjoin(audit_anchors_t, audit_anchors_t.c.device_id == devices_t.c.id)
        .outerjoin(certificates_t, certificates_t.c.fingerprint == devices_t.c.cert_fingerprint)
        .order_by(devices_t.c.revoked_at.is_not(None), devices_t.c.enrolled_at.desc())
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return [
        DeviceRow(
            r.id,
            r.inspector_name,
            r.device_name,
            r.enrolled_at,
            max((t for t in (r.uploaded_at, r.anchored_at) if t), key=from_iso, default=None),
            r.serial or "",
            r.cert_fingerprint,
            r.revoked_at,
            r.revocation_reason,
        )
        for r in rows
    ]
