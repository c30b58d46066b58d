"""Corrections in SQLite: fill a new draft with a copy of the inspection it replaces.

The copy is row for row (answers with their notes, interview numbers, photos, findings) so
the correction starts exactly where the replaced inspection ended; signatures are not copied,
since a correction is signed anew. Call inside the transaction that created the draft.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlite_utils import Database

from inspector_app.errors import QT_TRANSLATE_NOOP, RecordLocked
from inspector_app.storage import followups

# Cached figures copied as they are: same form snapshot and same rows give the same score.
_SCORE_COLUMNS = (
    "score", "grade", "critical_failed", "satisfaction", "required_open", "failed_item_ids"
)  # fmt: skip


def latest_correction(db: Database, inspection_id: str) -> dict[str, Any] | None:
    """The newest inspection that names `inspection_id` as the one it replaces, if any."""
    rows = list(
        db.query(
            "SELECT id, status FROM inspections WHERE replaces = ? "
            "ORDER BY created_at DESC, id DESC LIMIT 1",
            [inspection_id],
        )
    )
    return rows[0] if rows else None


def copy_contents(db: Database, source_id: str, target_id: str) -> dict[str, int]:
    """Copy what `source_id` holds into the empty draft `target_id`; returns counts per kind."""
    status = db.execute("SELECT status FROM inspections WHERE id = ?", [target_id]).fetchone()
    if status is None or status[0] != "draft":
        raise RecordLocked(QT_TRANSLATE_NOOP("Errors", "این بازرسی نهایی شده و دیگر تغییر نمی‌کند."))
    db.execute(
        "INSERT INTO interviews (inspection_id, repeat_index, created_at) "
        "SELECT ?, repeat_index, created_at FROM interviews WHERE inspection_id = ?",
        [target_id, source_id],
    )
    db.execute(
        "INSERT INTO answers (inspection_id, item_id, repeat_index, value, note, updated_at) "
        "SELECT ?, item_id, repeat_index, value, note, updated_at FROM answers "
        "WHERE inspection_id = ?",
        [target_id, source_id],
    )
    photos = list(
        db.query(
            "SELECT * FROM photos WHERE inspection_id = ? ORDER BY created_at, id", [source_id]
        )
    )
    # New ids, sorted, so photos taken in the same second keep their order (created_at, id).
    for photo, new_id in zip(photos, sorted(str(uuid.uuid4()) for _ in photos), strict=True):
        db.table("photos").insert({**photo, "id": new_id, "inspection_id": target_id})
    findings = list(
        db.query(
            "SELECT * FROM findings WHERE inspection_id = ? ORDER BY position, created_at",
            [source_id],
        )
    )
    for finding in findings:
        db.table("findings").insert(
            {**finding, "id": str(uuid.uuid4()), "inspection_id": target_id}
        )
    followups.copy_between(db, source_id, target_id)
    columns = ", ".join(f"{c} = (SELECT {c} FROM inspections WHERE id = ?)" for c in _SCORE_COLUMNS)
    db.execute(
        f"UPDATE inspections SET {columns} WHERE id = ?",
        [*([source_id] * len(_SCORE_COLUMNS)), target_id],
    )

    def count(table: str) -> int:
        row = db.execute(f"SELECT count(*) FROM {table} WHERE inspection_id = ?", [target_id])
        return int(row.fetchone()[0])

    return {
        "answers": count("answers"),
        "interviews": count("interviews"),
        "photos": len(photos),
        "findings": len(findings),
    }


def replaced_id(db: Database, inspection_id: str) -> str | None:
    """The inspection that `inspection_id` replaces (None when it is no correction)."""
    row = db.execute("SELECT replaces FROM inspections WHERE id = ?", [inspection_id]).fetchone()
    return None if row is None or row[0] is None else str(row[0])
