"""Findings followed up: the open findings of an office carried into its next inspection, and
what the inspector found of each there (done, not done, no longer applicable).

A finding is open after an inspection when that inspection recorded it, or checked an earlier
one and did not find it done or no longer applicable. The open ones are those of the office's
latest finished inspection (a correction stands for the one it replaces). Each carried finding
is copied whole into the new inspection, so its document, report and hash stand alone.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from inspector_app.errors import QT_TRANSLATE_NOOP, InvalidAnswer, NotFound
from inspector_app.storage import audit, inspections
from inspector_app.storage.db import writing

OUTCOMES = ("done", "not_done", "not_applicable")
# Still open after a visit that found this (or did not say).
OPEN_OUTCOMES = (None, "not_done")

_COLUMNS = (
    "finding_id", "source_inspection_id", "source_visit_date", "description",
    "corrective_action", "deadline", "outcome", "note",
)  # fmt: skip


def last_finished(db: Database, office_code: str) -> dict[str, Any] | None:
    """The office's latest finalized or synced inspection that no finished correction
    replaces; None when it has none."""
    row = db.execute(
        """
        SELECT id, visit_date FROM inspections i
        WHERE office_code = ? AND status IN ('finalized', 'synced')
          AND NOT EXISTS (SELECT 1 FROM inspections c
                          WHERE c.replaces = i.id AND c.status IN ('finalized', 'synced'))
        ORDER BY visit_date DESC, finalized_at DESC, created_at DESC, rowid DESC LIMIT 1
        """,
        [office_code],
    ).fetchone()
    return {"id": row[0], "visit_date": row[1]} if row else None


def open_findings(db: Database, office_code: str) -> list[dict[str, Any]]:
    """The office's open findings, oldest first, each as a follow-up row without an outcome."""
    last = last_finished(db, office_code)
    if last is None:
        return []
    carried = [
        {**row, "outcome": None, "note": ""}
        for row in db.query(
            f"SELECT {', '.join(_COLUMNS)} FROM finding_followups "
            "WHERE inspection_id = ? AND (outcome IS NULL OR outcome = 'not_done') "
            "ORDER BY position",
            [last["id"]],
        )
    ]
    recorded = [
        {
            "finding_id": row["id"],
            "source_inspection_id": last["id"],
            "source_visit_date": last["visit_date"],
            "description": row["description"],
            "corrective_action": row["corrective_action"],
            "deadline": row["deadline"],
            "outcome": None,
            "note": "",
        }
        for row in db.query(
            "SELECT id, description, corrective_action, deadline FROM findings "
            "WHERE inspection_id = ? ORDER BY position, created_at",
            [last["id"]],
        )
    ]
    return carried + recorded


def overdue_by_office(db: Database, today: str) -> dict[str, int]:
    """Per office, its open findings whose deadline was before `today` (ISO date)."""
    rows = db.execute(
        """
        WITH latest AS (
            SELECT office_code, id FROM (
                SELECT office_code, id, row_number() OVER (
                    PARTITION BY office_code
                    ORDER BY visit_date DESC, finalized_at DESC, created_at DESC, rowid DESC
                ) AS n
                FROM inspections i
                WHERE status IN ('finalized', 'synced')
                  AND NOT EXISTS (SELECT 1 FROM inspections c WHERE c.replaces = i.id
                                  AND c.status IN ('finalized', 'synced'))
            ) WHERE n = 1
        )
        SELECT office_code,
               (SELECT count(*) FROM findings f
                WHERE f.inspection_id = latest.id AND f.deadline < :today)
             + (SELECT count(*) FROM finding_followups u
                WHERE u.inspection_id = latest.id AND u.deadline < :today
                  AND (u.outcome IS NULL OR u.outcome = 'not_done'))
        FROM latest
        """,
        {"today": today},
    )
    return {str(code): int(count) for code, count in rows if count}


def carry_into(db: Database, inspection_id: str, office_code: str) -> int:
    """Copy the office's open findings into the new draft `inspection_id`; how many."""
    rows = open_findings(db, office_code)
    with writing(db):
        inspections.require_draft(db, inspection_id)
        for position, row in enumerate(rows):
            db.table("finding_followups").insert(
                {**row, "inspection_id": inspection_id, "position": position}
            )
        if rows:
            audit.append(db, "followups", inspection_id, {"carried": len(rows)})
    return len(rows)


def copy_between(db: Database, source_id: str, target_id: str) -> int:
    """A correction's copy of the follow-ups of the inspection it replaces, outcomes too."""
    rows = list(db.query("SELECT * FROM finding_followups WHERE inspection_id = ?", [source_id]))
    for row in rows:
        db.table("finding_followups").insert({**row, "inspection_id": target_id})
    return len(rows)


def followups_of(db: Database, inspection_id: str) -> list[dict[str, Any]]:
    return list(
        db.query(
            f"SELECT {', '.join(_COLUMNS)} FROM finding_followups WHERE inspection_id = ? "
            "ORDER BY position",
            [inspection_id],
        )
    )


def carried(db: Database, inspection_id: str, finding_id: str) -> bool:
    """Whether `inspection_id` follows the finding `finding_id` up."""
    return (
        db.execute(
            "SELECT 1 FROM finding_followups WHERE inspection_id = ? AND finding_id = ?",
            [inspection_id, finding_id],
        ).fetchone()
        is not None
    )


def set_outcome(
    db: Database, inspection_id: str, finding_id: str, outcome: str | None, note: str
) -> None:
    """What this visit found of a carried finding (None: not checked yet)."""
    if outcome is not None and outcome not in OUTCOMES:
        raise InvalidAnswer(
            QT_TRANSLATE_NOOP("Errors", "نتیجهٔ پیگیری «{value}» شناخته نیست"), value=outcome
        )
    with writing(db):
        inspections.require_draft(db, inspection_id)
        changed = db.execute(
            "UPDATE finding_followups SET outcome = ?, note = ? "
            "WHERE inspection_id = ? AND finding_id = ?",
            [outcome, note, inspection_id, finding_id],
        ).rowcount
        if not changed:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "یافتهٔ {id} پیدا نشد"), id=finding_id)
        audit.append(db, "followup", inspection_id, {"finding": finding_id, "outcome": outcome})
