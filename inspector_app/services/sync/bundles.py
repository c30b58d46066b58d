"""Bundles on the laptop: one inspection as it is uploaded, and many in one USB file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sqlite_utils import Database

from inspector_app.domain.bundle import (
    InspectionParts,
    build_inspection_bundle,
    build_inspections_bundle,
)
from inspector_app.domain.jalali import utc_now_iso
from inspector_app.errors import QT_TRANSLATE_NOOP, KnownError, NotFound
from inspector_app.storage import audit
from inspector_app.storage.db import writing


def inspection_parts(db: Database, inspection_id: str) -> InspectionParts:
    """The stored canonical JSON, signed PDF, photos and signature images of a finalized one."""
    row = db.execute(
        "SELECT d.canonical_json, d.canonical_sha256, d.signed_pdf, i.status "
        "FROM inspections i LEFT JOIN inspection_documents d ON d.inspection_id = i.id "
        "WHERE i.id = ?",
        [inspection_id],
    ).fetchone()
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "بازرسی با شناسهٔ {id} پیدا نشد"), id=inspection_id
        )
    if row[3] == "draft" or row[0] is None:
        raise KnownError(
            QT_TRANSLATE_NOOP("Errors", "بازرسی {id} هنوز نهایی نشده است و فرستادنی نیست."),
            id=inspection_id,
        )
    photos = {
        r[0]: bytes(r[1])
        for r in db.execute(
            "SELECT id, jpeg FROM photos WHERE inspection_id = ?", [inspection_id]
        ).fetchall()
    }
    signatures = {
        r[0]: bytes(r[1])
        for r in db.execute(
            "SELECT role, png FROM signatures WHERE inspection_id = ? AND png IS NOT NULL",
            [inspection_id],
        ).fetchall()
    }
    return InspectionParts(
        inspection_id=inspection_id,
        canonical_json=str(row[0]).encode("utf-8"),
        canonical_sha256=row[1],
        signed_pdf=bytes(row[2]),
        photos=photos,
        signatures=signatures,
    )


def inspection_bundle(db: Database, inspection_id: str) -> bytes:
    return build_inspection_bundle(inspection_parts(db, inspection_id))


def exportable_ids(db: Database) -> list[str]:
    """By default a USB export carries every finalized inspection not yet confirmed synced."""
    rows = db.execute(
        "SELECT id FROM inspections WHERE status = 'finalized' ORDER BY finalized_at, id"
    ).fetchall()
    return [r[0] for r in rows]


def export_usb(db: Database, target: Path, ids: list[str] | None = None) -> list[str]:
    """Write the chosen finalized inspections into one bundle file (atomically)."""
    chosen = ids if ids else exportable_ids(db)
    if not chosen:
        raise KnownError(QT_TRANSLATE_NOOP("Errors", "بازرسی نهایی‌شده‌ای برای بیرون‌بردن نیست."))
    items = {inspection_id: inspection_bundle(db, inspection_id) for inspection_id in chosen}
    data = build_inspections_bundle(items, {"created_at": utc_now_iso()})
    write_atomically(target, data)
    with writing(db):
        for inspection_id in chosen:
            audit.append(db, "export_usb", inspection_id, {"file": target.name})
    return chosen


def write_atomically(target: Path, data: bytes) -> None:
    """A temp file beside the target, fsynced, then renamed: never a half-written file."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise KnownError(f"پرونده نوشته نشد: {exc}", where=str(target)) from exc
