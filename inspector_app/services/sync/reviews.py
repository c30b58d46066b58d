"""What the governorate's review decided about this laptop's inspections, as the last sync
read it (GET /v1/reviews): accepted, or returned with the supervisor's comment.

Kept in the settings table as one JSON document (inspection id → state, comment, by, at): it
is the server's latest word, replaced whole at each sync, and only for inspections this laptop
holds. A reply that is not the expected shape changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from inspector_app.storage import settings

KEY = "sync.reviews"
STATES = ("accepted", "returned")
COMMENT_MAX = 2000


@dataclass(frozen=True)
class Review:
    state: str  # accepted | returned
    comment: str
    by: str
    at: str  # UTC ISO 8601, when the supervisor decided


def _valid(entry: Any) -> Review | None:
    if not isinstance(entry, dict) or entry.get("state") not in STATES:
        return None
    comment, by, at = (entry.get(name) for name in ("comment", "by", "at"))
    if not (isinstance(comment, str) and isinstance(by, str) and isinstance(at, str)):
        return None
    return Review(entry["state"], comment[:COMMENT_MAX], by[:200], at[:40])


def take(db: Database, body: dict[str, Any]) -> int:
    """Keep the reviews of the server's reply (`{"reviews": [...]}`) for the inspections held
    here; returns how many differ from the ones kept before."""
    entries = body.get("reviews")
    if not isinstance(entries, list):
        return 0
    held = {row[0] for row in db.execute("SELECT id FROM inspections").fetchall()}
    found: dict[str, Review] = {}
    for entry in entries:
        review = _valid(entry)
        inspection_id = entry.get("inspection_id") if isinstance(entry, dict) else None
        if review is not None and inspection_id in held:
            found[str(inspection_id)] = review
    before = kept(db)
    if found != before:
        settings.put(
            db,
            KEY,
            json.dumps({k: v.__dict__ for k, v in sorted(found.items())}, ensure_ascii=False),
        )
    return sum(1 for k, v in found.items() if before.get(k) != v)


def kept(db: Database) -> dict[str, Review]:
    try:
        document = json.loads(settings.get(db, KEY) or "{}")
    except ValueError:
        return {}
    if not isinstance(document, dict):
        return {}
    return {k: r for k, v in document.items() if (r := _valid(v)) is not None}


def queue_rows(db: Database, items: list[Any]) -> list[dict[str, Any]]:
    """The sync queue's rows (outbox items) with each one's review, if it has one."""
    reviews = kept(db)
    return [{**item.__dict__, "review": reviews.get(item.inspection_id)} for item in items]
