"""Changing what a draft holds: answers and notes, interviews, photos, findings, signatures.

Every change is one committed transaction that also refreshes the cached score (when the score
can change) and appends to the audit log, so when a call returns the change is on disk.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from inspector_app.domain.canonical import sha256_hex
from inspector_app.domain.forms import Form, Item, check_answer
from inspector_app.domain.inspection_document import followup_of_photo
from inspector_app.domain.jalali import utc_now_iso
from inspector_app.domain.scoring import ScoreResult
from inspector_app.errors import QT_TRANSLATE_NOOP, InvalidAnswer, NotFound
from inspector_app.storage import audit, contents, followups, inspections
from inspector_app.storage.db import writing


def _refresh_score(db: Database, inspection_id: str, form: Form | None = None) -> ScoreResult:
    result = contents.score_of(db, inspection_id, form)
    inspections.store_score(db, inspection_id, result)
    return result


def _known_item(form: Form, item_id: str) -> Item:
    try:
        return form.item(item_id)
    except KeyError:
        raise InvalidAnswer(
            QT_TRANSLATE_NOOP("Errors", "پرسش ناشناخته: {item}"), item=item_id
        ) from None


def _check_repeat(db: Database, form: Form, inspection_id: str, item_id: str, repeat: int) -> None:
    if form.is_interview_item(item_id):
        exists = db.execute(
            "SELECT 1 FROM interviews WHERE inspection_id = ? AND repeat_index = ?",
            [inspection_id, repeat],
        ).fetchone()
        if not exists:
            raise InvalidAnswer(
                QT_TRANSLATE_NOOP("Errors", "مصاحبهٔ شمارهٔ {repeat} وجود ندارد"),
                where=QT_TRANSLATE_NOOP("Errors", "پرسش {item}"),
                repeat=repeat,
                item=item_id,
            )
    elif repeat != 0:
        raise InvalidAnswer(
            QT_TRANSLATE_NOOP("Errors", "این پرسش تکرارشونده نیست"),
            where=QT_TRANSLATE_NOOP("Errors", "پرسش {item}"),
            item=item_id,
        )


def _checked(
    db: Database, form: Form, inspection_id: str, item_id: str, value: Any, repeat_index: int
) -> Any:
    """The value to store, or InvalidAnswer: the item exists, the repeat is real, it fits."""
    item = _known_item(form, item_id)
    _check_repeat(db, form, inspection_id, item_id, repeat_index)
    if item.kind.answered_by_photos and value is not None:
        raise InvalidAnswer(
            QT_TRANSLATE_NOOP("Errors", "برای پرسش عکس، عکس پیوست کنید"),
            where=QT_TRANSLATE_NOOP("Errors", "پرسش {item}"),
            item=item_id,
        )
    return check_answer(item, value)


_UPSERT_ANSWER = (
    "INSERT INTO answers (inspection_id, item_id, repeat_index, value, note, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (inspection_id, item_id, repeat_index) "
    "DO UPDATE SET value = excluded.value, note = excluded.note, "
    "updated_at = excluded.updated_at"
)


def set_answer(
    db: Database,
    inspection_id: str,
    item_id: str,
    value: Any,
    *,
    note: str | None = None,
    repeat_index: int = 0,
) -> ScoreResult:
    """Store one answer (and optionally its note); committed when this returns."""
    with writing(db):
        form = inspections.draft_form(db, inspection_id)
        value = _checked(db, form, inspection_id, item_id, value, repeat_index)
        # Without a note given, a new answer has none and a stored one keeps its own.
        db.execute(
            "INSERT INTO answers (inspection_id, item_id, repeat_index, value, note, updated_at) "
            "VALUES (?, ?, ?, ?, coalesce(?, ''), ?) "
            "ON CONFLICT (inspection_id, item_id, repeat_index) "
            "DO UPDATE SET value = excluded.value, note = coalesce(?, answers.note), "
            "updated_at = excluded.updated_at",
            [
                inspection_id,
                item_id,
                repeat_index,
                json.dumps(value, ensure_ascii=False),
                note,
                utc_now_iso(),
                note,
            ],
        )
        result = _refresh_score(db, inspection_id, form)
        detail: dict[str, Any] = {"item": item_id, "repeat": repeat_index, "value": value}
        if note is not None:
            detail["note"] = note
        audit.append(db, "answer", inspection_id, detail)
    return result


@dataclass(frozen=True)
class AnswerRow:
    item_id: str
    value: Any
    note: str = ""
    repeat_index: int = 0


def set_answers_of_import(
    db: Database, inspection_id: str, answers: Iterable[AnswerRow]
) -> ScoreResult:
    """Store every answer of an imported inspection at once: each checked as `set_answer`
    checks it, one score refresh at the end (a refresh per answer made an import of n answers
    cost n²). No audit entry per answer: the caller's «import» entry names the sha256 of the
    whole document they came from."""
    with writing(db):
        inspections.require_draft(db, inspection_id)
        form = inspections.form_of(db, inspection_id)
        now = utc_now_iso()
        rows = [
            [
                inspection_id,
                a.item_id,
                a.repeat_index,
                json.dumps(
                    _checked(db, form, inspection_id, a.item_id, a.value, a.repeat_index),
                    ensure_ascii=False,
                ),
                a.note,
                now,
            ]
            for a in answers
        ]
        db.conn.executemany(_UPSERT_ANSWER, rows)
        return _refresh_score(db, inspection_id, form)


def set_note(
    db: Database, inspection_id: str, item_id: str, note: str, repeat_index: int = 0
) -> None:
    """Store an item's note without touching its answer."""
    with writing(db):
        inspections.require_draft(db, inspection_id)
        form = inspections.form_of(db, inspection_id)
        _known_item(form, item_id)
        _check_repeat(db, form, inspection_id, item_id, repeat_index)
        db.execute(
            "INSERT INTO answers (inspection_id, item_id, repeat_index, value, note, updated_at) "
            "VALUES (?, ?, ?, 'null', ?, ?) ON CONFLICT (inspection_id, item_id, repeat_index) "
            "DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at",
            [inspection_id, item_id, repeat_index, note, utc_now_iso()],
        )
        inspections.touch(db, inspection_id)
        audit.append(db, "note", inspection_id, {"item": item_id, "repeat": repeat_index})


def add_interview(db: Database, inspection_id: str) -> int:
    """A new, empty client interview; returns its repeat index (1, 2, ...)."""
    with writing(db):
        inspections.require_draft(db, inspection_id)
        if inspections.form_of(db, inspection_id).interview is None:
            raise InvalidAnswer(QT_TRANSLATE_NOOP("Errors", "این فرم گروه مصاحبه ندارد"))
        row = db.execute(
            "SELECT coalesce(max(repeat_index), 0) FROM interviews WHERE inspection_id = ?",
            [inspection_id],
        ).fetchone()
        index = int(row[0]) + 1
        db.table("interviews").insert(
            {"inspection_id": inspection_id, "repeat_index": index, "created_at": utc_now_iso()}
        )
        _refresh_score(db, inspection_id)
        audit.append(db, "interview_add", inspection_id, {"repeat": index})
    return index


def remove_interview(db: Database, inspection_id: str, repeat_index: int) -> None:
    """The interview with its answers and photos."""
    with writing(db):
        inspections.require_draft(db, inspection_id)
        for table in ("answers", "photos", "interviews"):
            db.execute(
                f"DELETE FROM {table} WHERE inspection_id = ? AND repeat_index = ?",
                [inspection_id, repeat_index],
            )
        _refresh_score(db, inspection_id)
        audit.append(db, "interview_remove", inspection_id, {"repeat": repeat_index})


@dataclass(frozen=True)
class NewPhoto:
    sha256: str  # of the original file
    jpeg: bytes  # downscaled copy kept for the report
    thumbnail: bytes
    width: int
    height: int
    original_name: str = ""
    # From the original's EXIF (the stored copies carry none): UTC time, decimal degrees.
    captured_at: str | None = None
    latitude: float | None = None
    longitude: float | None = None


def add_photo(
    db: Database,
    inspection_id: str,
    item_id: str,
    photo: NewPhoto,
    *,
    caption: str = "",
    repeat_index: int = 0,
) -> str:
    with writing(db):
        inspections.require_draft(db, inspection_id)
        form = inspections.form_of(db, inspection_id)
        finding_id = followup_of_photo(item_id)
        if finding_id is None:
            _known_item(form, item_id)
        elif not followups.carried(db, inspection_id, finding_id):
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "یافتهٔ {id} پیدا نشد"), id=finding_id)
        photo_id = str(uuid.uuid4())
        db.table("photos").insert(
            {
                "id": photo_id,
                "inspection_id": inspection_id,
                "item_id": item_id,
                "repeat_index": repeat_index,
                "sha256": photo.sha256,
                "original_name": photo.original_name,
                "width": photo.width,
                "height": photo.height,
                "jpeg": photo.jpeg,
                "thumbnail": photo.thumbnail,
                "caption": caption,
                "created_at": utc_now_iso(),
                "captured_at": photo.captured_at,
                "latitude": photo.latitude,
                "longitude": photo.longitude,
            }
        )
        _refresh_score(db, inspection_id, form)
        audit.append(db, "photo_add", inspection_id, {"item": item_id, "sha256": photo.sha256})
    return photo_id


def remove_photo(db: Database, photo_id: str) -> None:
    rows = list(db.query("SELECT inspection_id FROM photos WHERE id = ?", [photo_id]))
    if not rows:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "عکس {id} پیدا نشد"), id=photo_id)
    inspection_id = rows[0]["inspection_id"]
    with writing(db):
        inspections.require_draft(db, inspection_id)
        db.execute("DELETE FROM photos WHERE id = ?", [photo_id])
        _refresh_score(db, inspection_id)
        audit.append(db, "photo_remove", inspection_id, {"photo": photo_id})


def mark_photo(
    db: Database, photo_id: str, *, jpeg: bytes, thumbnail: bytes, marks: list[dict[str, Any]]
) -> None:
    """Replace the photo's JPEG and thumbnail with copies carrying `marks` (all of them, the
    earlier ones too); the original's sha256, size and evidence stay as they were."""
    rows = list(db.query("SELECT inspection_id FROM photos WHERE id = ?", [photo_id]))
    if not rows:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "عکس {id} پیدا نشد"), id=photo_id)
    inspection_id = rows[0]["inspection_id"]
    with writing(db):
        inspections.require_draft(db, inspection_id)
        db.execute(
            "UPDATE photos SET jpeg = ?, thumbnail = ?, marks = ? WHERE id = ?",
            [jpeg, thumbnail, json.dumps(marks, ensure_ascii=False, sort_keys=True), photo_id],
        )
        audit.append(
            db,
            "photo_marks",
            inspection_id,
            {"photo": photo_id, "marks": len(marks), "jpeg_sha256": sha256_hex(jpeg)},
        )


def save_finding(
    db: Database,
    inspection_id: str,
    *,
    description: str,
    corrective_action: str = "",
    deadline: str | None = None,
    item_id: str | None = None,
    finding_id: str | None = None,
) -> str:
    """Add a finding, or replace the one named by `finding_id`."""
    if not description.strip():
        raise InvalidAnswer(QT_TRANSLATE_NOOP("Errors", "شرح یافته خالی است"))
    with writing(db):
        inspections.require_draft(db, inspection_id)
        existing = db.execute(
            "SELECT position, inspection_id FROM findings WHERE id = ?", [finding_id]
        ).fetchone()
        if existing and existing[1] != inspection_id:  # never move another inspection's finding
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "یافتهٔ {id} پیدا نشد"), id=finding_id)
        # An edited finding keeps its place; a new one goes last.
        position = (
            existing[0]
            if existing
            else db.execute(
                "SELECT coalesce(max(position) + 1, 0) FROM findings WHERE inspection_id = ?",
                [inspection_id],
            ).fetchone()[0]
        )
        finding_id = finding_id or str(uuid.uuid4())
        db.table("findings").upsert(
            {
                "id": finding_id,
                "inspection_id": inspection_id,
                "item_id": item_id,
                "description": description,
                "corrective_action": corrective_action,
                "deadline": deadline,
                "position": position,
                "created_at": utc_now_iso(),
            },
            pk="id",
        )
        audit.append(db, "finding", inspection_id, {"finding": finding_id, "item": item_id})
    return finding_id


def remove_finding(db: Database, finding_id: str) -> None:
    rows = list(db.query("SELECT inspection_id FROM findings WHERE id = ?", [finding_id]))
    if not rows:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "یافتهٔ {id} پیدا نشد"), id=finding_id)
    with writing(db):
        inspections.require_draft(db, rows[0]["inspection_id"])
        db.execute("DELETE FROM findings WHERE id = ?", [finding_id])
        audit.append(db, "finding_remove", rows[0]["inspection_id"], {"finding": finding_id})


def save_signature(
    db: Database,
    inspection_id: str,
    role: str,
    *,
    signer_name: str,
    strokes: list[list[tuple[float, float]]] | None = None,
    png: bytes | None = None,
    declined_reason: str | None = None,
) -> None:
    with writing(db):
        inspections.require_draft(db, inspection_id)
        db.table("signatures").upsert(
            {
                "inspection_id": inspection_id,
                "role": role,
                "signer_name": signer_name,
                "strokes": json.dumps(strokes or []),
                "png": png,
                "declined_reason": declined_reason,
                "signed_at": utc_now_iso(),
            },
            pk=("inspection_id", "role"),
        )
        audit.append(
            db, "signature", inspection_id, {"role": role, "declined": bool(declined_reason)}
        )
