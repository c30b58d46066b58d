"""What an inspection holds, read: answers and notes, interviews, photos, findings, signatures,
and the score they add up to. The changes are in `drafts`."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from inspector_app.domain.forms import Form
from inspector_app.domain.scoring import AnswerKey, ScoreResult, score
from inspector_app.storage import inspections


@lru_cache(maxsize=4096)
def _scalar(text: str) -> Any:
    return json.loads(text)


def _decoded(text: str | None) -> Any:
    """A stored answer's value. Most are a few repeated scalars («"yes"», 4, null), decoded once
    and shared (immutable); a list or object is decoded fresh, for the caller may change it."""
    if text is None:
        return None
    return json.loads(text) if text[:1] in ("[", "{") else _scalar(text)


def answers_of(db: Database, inspection_id: str) -> dict[AnswerKey, Any]:
    return {
        (item_id, repeat): _decoded(value)
        for item_id, repeat, value in db.execute(
            "SELECT item_id, repeat_index, value FROM answers WHERE inspection_id = ?",
            [inspection_id],
        )
    }


def notes_of(db: Database, inspection_id: str) -> dict[AnswerKey, str]:
    return {
        (item_id, repeat): note
        for item_id, repeat, note in db.execute(
            "SELECT item_id, repeat_index, note FROM answers "
            "WHERE inspection_id = ? AND note <> ''",
            [inspection_id],
        )
    }


def interview_indices(db: Database, inspection_id: str) -> list[int]:
    return [
        r[0]
        for r in db.execute(
            "SELECT repeat_index FROM interviews WHERE inspection_id = ? ORDER BY repeat_index",
            [inspection_id],
        )
    ]


def photo_counts(db: Database, inspection_id: str) -> dict[AnswerKey, int]:
    return {
        (item_id, repeat): count
        for item_id, repeat, count in db.execute(
            "SELECT item_id, repeat_index, count(*) FROM photos WHERE inspection_id = ? "
            "GROUP BY item_id, repeat_index",
            [inspection_id],
        )
    }


def photos_of(db: Database, inspection_id: str, *, with_data: bool = False) -> list[dict[str, Any]]:
    columns = (
        "*"
        if with_data
        else (
            "id, inspection_id, item_id, repeat_index, sha256, original_name, width, height, "
            "thumbnail, caption, created_at, captured_at, latitude, longitude, marks"
        )
    )
    return list(
        db.query(
            f"SELECT {columns} FROM photos WHERE inspection_id = ? ORDER BY created_at, id",
            [inspection_id],
        )
    )


def photo_jpeg(db: Database, photo_id: str) -> bytes | None:
    """The JPEG of a photo as it travels (with its marks drawn), or None for no such photo."""
    row = db.execute("SELECT jpeg FROM photos WHERE id = ?", [photo_id]).fetchone()
    return bytes(row[0]) if row else None


def photo_marks(db: Database, photo_id: str) -> list[dict[str, Any]]:
    """The marks drawn on a photo so far (none for one as it was taken)."""
    row = db.execute("SELECT marks FROM photos WHERE id = ?", [photo_id]).fetchone()
    return list(json.loads(row[0])) if row and row[0] else []


def findings_of(db: Database, inspection_id: str) -> list[dict[str, Any]]:
    return list(
        db.query(
            "SELECT * FROM findings WHERE inspection_id = ? ORDER BY position, created_at",
            [inspection_id],
        )
    )


def signatures_of(db: Database, inspection_id: str) -> list[dict[str, Any]]:
    return list(
        db.query("SELECT * FROM signatures WHERE inspection_id = ? ORDER BY role", [inspection_id])
    )


def score_of(db: Database, inspection_id: str, form: Form | None = None) -> ScoreResult:
    form = form or inspections.form_of(db, inspection_id)
    return score(
        form,
        answers_of(db, inspection_id),
        photo_counts(db, inspection_id),
        interview_indices(db, inspection_id),
    )
