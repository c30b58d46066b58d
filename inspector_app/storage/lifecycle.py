"""An inspection's lifecycle: draft → finalized → synced, and its place in the outbox.

Each step is one transaction with its audit entry. Finalizing stores the canonical document and
the signed report, locks the row and queues it in the outbox; syncing marks it synced and its
outbox row done once the server has confirmed it. The triggers (see migrations) refuse any other
change of a finalized row, so this is the only code that moves an inspection on.
"""

from __future__ import annotations

from sqlite_utils import Database

from inspector_app.domain.canonical import sha256_hex
from inspector_app.domain.jalali import to_iso, utc_now
from inspector_app.errors import QT_TRANSLATE_NOOP, NotFound, RecordLocked
from inspector_app.storage import audit
from inspector_app.storage.db import writing
from inspector_app.storage.migrations import FAILED_ITEM_IDS_SQL


def finalize(
    db: Database,
    inspection_id: str,
    *,
    canonical_json: str,
    canonical_sha256: str,
    signed_pdf: bytes,
    signer_fingerprint: str,
    at: str,
    report_number: str | None = None,
) -> None:
    """draft → finalized: the document and signed report stored (with the report's number),
    the row locked, an outbox entry pending. Refuses an unknown id or one that is no longer a
    draft."""
    with writing(db):
        row = db.execute("SELECT status FROM inspections WHERE id = ?", [inspection_id]).fetchone()
        if row is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("Errors", "بازرسی با شناسهٔ {id} پیدا نشد"), id=inspection_id
            )
        if row[0] != "draft":
            raise RecordLocked(QT_TRANSLATE_NOOP("Errors", "این بازرسی پیش‌تر نهایی شده است."))
        db.table("inspection_documents").insert(
            {
                "inspection_id": inspection_id,
                "canonical_json": canonical_json,
                "canonical_sha256": canonical_sha256,
                "signed_pdf": signed_pdf,
                "created_at": at,
                "report_number": report_number,
            }
        )
        db.execute(
            "INSERT INTO outbox (inspection_id, state, attempts, enqueued_at, updated_at) "
            "VALUES (?, 'pending', 0, ?, ?)",
            [inspection_id, at, at],
        )
        # The failed items the overview counts are taken afresh from the rows the document
        # was built from, as they freeze.
        db.execute(
            "UPDATE inspections SET canonical_sha256 = ?, finalized_at = ?, status = 'finalized', "
            f"failed_item_ids = ({FAILED_ITEM_IDS_SQL.format(id='?')}) WHERE id = ?",
            [canonical_sha256, at, inspection_id, inspection_id],
        )
        audit.append(
            db,
            "finalize",
            inspection_id,
            {
                "sha256": canonical_sha256,
                "pdf_sha256": sha256_hex(signed_pdf),
                "signer": signer_fingerprint,
            },
        )


def queue_finalized(db: Database) -> int:
    """An outbox entry for each finalized inspection that has none (e.g. imported from an old
    version); returns how many were queued."""
    now = to_iso(utc_now())
    with writing(db):
        cursor = db.execute(
            "INSERT INTO outbox (inspection_id, state, attempts, enqueued_at, updated_at) "
            "SELECT i.id, 'pending', 0, ?, ? FROM inspections i "
            "WHERE i.status = 'finalized' "
            "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.inspection_id = i.id)",
            [now, now],
        )
    return int(cursor.rowcount or 0)


def mark_synced(
    db: Database, inspection_id: str, *, server: str, outcome: str, sha256: str
) -> None:
    """finalized → synced, after the server confirmed it: its outbox entry done, one audit
    entry. An inspection already synced stays as it is (its entry is done again)."""
    now = to_iso(utc_now())
    with writing(db):
        db.execute(
            "UPDATE inspections SET status = 'synced', synced_at = ? "
            "WHERE id = ? AND status = 'finalized'",
            [now, inspection_id],
        )
        db.execute(
            "UPDATE outbox SET state = 'done', last_error = NULL, next_attempt_at = NULL, "
            "updated_at = ? WHERE inspection_id = ?",
            [now, inspection_id],
        )
        audit.append(
            db, "sync", inspection_id, {"server": server, "result": outcome, "sha256": sha256}
        )
