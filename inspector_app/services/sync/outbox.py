"""The laptop's outbox: which finalized inspections still have to reach the server.

States: pending → sending → done | failed (retried after `next_attempt_at`) | conflict (for a
person at the governorate; asked again like a failure, until the server says it is settled).
`sending` only exists while a sync run holds the sync lock, so any `sending` row found
when a run starts was left by a crash and goes back to pending. The entry is made, and marked
done, by the inspection's own steps in `storage.lifecycle` (finalized, then synced).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from inspector_app.domain.jalali import to_iso, utc_now
from inspector_app.storage import audit
from inspector_app.storage.db import writing

BACKOFF_BASE = dt.timedelta(seconds=30)
BACKOFF_CAP = dt.timedelta(hours=6)


def backoff(attempts: int, rng: random.Random | None = None) -> dt.timedelta:
    """30 s, 1 min, 2 min, ... up to 6 h, with ±10 % jitter so laptops do not retry in step."""
    step = BACKOFF_BASE * (2 ** max(0, attempts - 1))
    jitter = 1 + ((rng or random).random() - 0.5) / 5
    return min(step, BACKOFF_CAP) * jitter


@dataclass(frozen=True)
class OutboxItem:
    inspection_id: str
    state: str
    attempts: int
    next_attempt_at: str | None
    last_error: str | None
    enqueued_at: str
    updated_at: str
    office_name: str
    visit_date: str
    canonical_sha256: str | None


def recover(db: Database) -> int:
    """`sending` rows left by a crashed run go back to pending (call with the sync lock held)."""
    with writing(db):
        cursor = db.execute(
            "UPDATE outbox SET state = 'pending', updated_at = ? WHERE state = 'sending'",
            [to_iso(utc_now())],
        )
    return int(cursor.rowcount or 0)


def items(db: Database) -> list[OutboxItem]:
    rows = db.execute(
        """
        SELECT o.inspection_id, o.state, o.attempts, o.next_attempt_at, o.last_error,
               o.enqueued_at, o.updated_at, i.office_snapshot, i.visit_date, i.canonical_sha256
        FROM outbox o JOIN inspections i ON i.id = o.inspection_id
        ORDER BY CASE o.state WHEN 'done' THEN 1 ELSE 0 END, o.enqueued_at, o.inspection_id
        """
    ).fetchall()
    return [
        OutboxItem(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _office_name(r[7]), r[8], r[9])
        for r in rows
    ]


def _office_name(snapshot: str) -> str:
    try:
        office: Any = json.loads(snapshot)
    except (TypeError, ValueError):
        return ""
    return str(office.get("name", "")) if isinstance(office, dict) else ""


def to_send(db: Database, *, now: dt.datetime | None = None, force: bool = False) -> list[str]:
    """Ids to send now: pending ones, and failed ones whose wait is over (all if `force`).
    A conflict is sent again the same way: that is how the laptop learns a person at the
    governorate resolved it (the server then answers "already there"; until then 409)."""
    moment = to_iso(now or utc_now())
    rows = db.execute(
        "SELECT inspection_id FROM outbox WHERE state = 'pending' OR "
        "(state IN ('failed', 'conflict') AND "
        "(? OR (next_attempt_at IS NOT NULL AND next_attempt_at <= ?))) "
        "ORDER BY enqueued_at, inspection_id",
        [int(force), moment],
    ).fetchall()
    return [r[0] for r in rows]


def counts(db: Database) -> dict[str, int]:
    rows = db.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall()
    return {state: n for state, n in rows}


def mark_sending(db: Database, inspection_id: str) -> None:
    with writing(db):
        db.execute(
            "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? "
            "WHERE inspection_id = ?",
            [to_iso(utc_now()), inspection_id],
        )


def mark_failed(db: Database, inspection_id: str, error: str, *, retry: bool = True) -> str | None:
    """Record a failure; with `retry`, the next automatic attempt waits an exponential backoff.
    Without it (the server refused the content), only a person's "sync now" tries again."""
    now = utc_now()
    row = db.execute(
        "SELECT attempts FROM outbox WHERE inspection_id = ?", [inspection_id]
    ).fetchone()
    attempts = int(row[0]) if row else 1
    next_at = to_iso(now + backoff(attempts)) if retry else None
    with writing(db):
        db.execute(
            "UPDATE outbox SET state = 'failed', last_error = ?, next_attempt_at = ?, "
            "updated_at = ? WHERE inspection_id = ?",
            [error[:500], next_at, to_iso(now), inspection_id],
        )
    return next_at


def mark_conflict(db: Database, inspection_id: str, error: str) -> None:
    """The server holds this id with other content: open until a person there resolves it.
    Asked again on the next "sync now", or automatically after the backoff; logged once."""
    now = utc_now()
    row = db.execute(
        "SELECT attempts FROM outbox WHERE inspection_id = ?", [inspection_id]
    ).fetchone()
    last = db.execute(
        "SELECT action FROM audit_log WHERE inspection_id = ? AND action IN "
        "('sync', 'sync_conflict') ORDER BY seq DESC LIMIT 1",
        [inspection_id],
    ).fetchone()
    attempts = int(row[0]) if row else 1
    with writing(db):
        db.execute(
            "UPDATE outbox SET state = 'conflict', last_error = ?, next_attempt_at = ?, "
            "updated_at = ? WHERE inspection_id = ?",
            [error[:500], to_iso(now + backoff(attempts)), to_iso(now), inspection_id],
        )
        if last is None or last[0] != "sync_conflict":  # once per conflict, not per re-ask
            audit.append(db, "sync_conflict", inspection_id, {"error": error[:200]})


def open_conflicts(db: Database) -> list[OutboxItem]:
    """Inspections the server holds with other content, not yet resolved there."""
    return [item for item in items(db) if item.state == "conflict"]
