"""A correction («بازرسی اصلاحی»): a new draft that replaces a finalized inspection.

It starts as a copy of the inspection it replaces (header, answers and notes, interviews,
photos, findings; same form snapshot, so every answer still fits), made in one transaction.
The replaced inspection itself never changes. `changed_keys` tells the editor which items the
correction has changed since.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlite_utils import Database

from inspector_app.domain.scoring import AnswerKey
from inspector_app.errors import QT_TRANSLATE_NOOP, KnownError
from inspector_app.services.context import AppContext
from inspector_app.storage import audit, contents, corrections, inspections
from inspector_app.storage.db import writing

log = logging.getLogger(__name__)

# Header fields taken over from the replaced inspection (office and form come with create).
COPIED_HEADER = (
    "arrival_at",
    "departure_at",
    "elapsed_seconds",
    "rep_name",
    "rep_role",
)


def start_correction(context: AppContext, old_id: str) -> str:
    """The draft correcting `old_id`: a new copy of it, or the draft correction already begun."""
    db = context.db
    old = inspections.get(db, old_id)
    if old["status"] == "draft":
        raise KnownError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "پیش‌نویس را می‌توان مستقیم ویرایش کرد؛ اصلاحیه برای بازرسی نهایی‌شده است.",
            )
        )
    existing = corrections.latest_correction(db, old_id)
    if existing is not None:
        if existing["status"] == "draft":
            return str(existing["id"])
        raise KnownError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "این بازرسی پیش‌تر با بازرسی {id} اصلاح شده است؛ "
                "اصلاح دوباره را از همان بازرسی اصلاحی آغاز کنید.",
            ),
            id=existing["id"],
        )
    with writing(db):
        new_id = inspections.create(
            db,
            office=old["office"],
            form_document=old["form"],
            visit_date=old["visit_date"],
            inspector_name=old["inspector_name"],
            inspector_personnel_no=old["inspector_personnel_no"],
            replaces=old_id,
        )
        inspections.update_header(db, new_id, **{k: old[k] for k in COPIED_HEADER})
        counts = corrections.copy_contents(db, old_id, new_id)
        audit.append(db, "correction", new_id, {"replaces": old_id, **counts})
    log.info("correction %s of %s started as a copy (%s)", new_id, old_id, counts)
    return new_id


_EMPTY: tuple[Any, str, tuple[str, ...]] = (None, "", ())


def _items(db: Database, inspection_id: str) -> dict[AnswerKey, tuple[Any, str, tuple[str, ...]]]:
    """Per item: its answer, its note and the sha256 of its photos."""
    answers = contents.answers_of(db, inspection_id)
    notes = contents.notes_of(db, inspection_id)
    photos: dict[AnswerKey, list[str]] = {}
    for photo in contents.photos_of(db, inspection_id):
        photos.setdefault((photo["item_id"], photo["repeat_index"]), []).append(photo["sha256"])
    keys = set(answers) | set(notes) | set(photos)
    return {
        key: (answers.get(key), notes.get(key, ""), tuple(sorted(photos.get(key, []))))
        for key in keys
    }


def changed_keys(db: Database, inspection_id: str) -> set[AnswerKey]:
    """Items whose answer, note or photos differ from the inspection this one replaces
    (empty when it replaces none)."""
    old_id = corrections.replaced_id(db, inspection_id)
    if old_id is None:
        return set()
    new, old = _items(db, inspection_id), _items(db, old_id)
    return {key for key in set(new) | set(old) if new.get(key, _EMPTY) != old.get(key, _EMPTY)}
