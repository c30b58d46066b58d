"""Inspections in SQLite: create, answer, photos, interviews, findings, listing.

Every write is one committed transaction that also refreshes the cached score and appends to
the audit log, so when a call returns the change is on disk. Finalized rows are frozen by
triggers (see migrations); the checks here only turn that into a clear message.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from inspector_app.domain.forms import Form, check_answer, parse_form
from inspector_app.domain.jalali import utc_now_iso
from inspector_app.domain.scoring import AnswerKey, ScoreResult, score
from inspector_app.errors import QT_TRANSLATE_NOOP, InvalidAnswer, NotFound, RecordLocked
from inspector_app.storage import audit
from inspector_app.storage.db import writing

HEADER_FIELDS = (
    "visit_date",
    "arrival_at",
    "departure_at",
    "inspector_name",
    "inspector_personnel_no",
    "rep_name",
    "rep_role",
    "elapsed_seconds",
    "replaces",
)


@lru_cache(maxsize=64)
def _form_from_snapshot(snapshot: str) -> Form:
    return parse_form(json.loads(snapshot)).form


def form_of(db: Database, inspection_id: str) -> Form:
    return _form_from_snapshot(form_document_text(db, inspection_id))


def form_document_text(db: Database, inspection_id: str) -> str:
    """The JSON of the form snapshot an inspection was filled against."""
    row = db.execute(
        "SELECT f.document FROM inspections i JOIN form_snapshots f ON f.sha256 = i.form_sha256 "
        "WHERE i.id = ?",
        [inspection_id],
    ).fetchone()
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "بازرسی با شناسهٔ {id} پیدا نشد"), id=inspection_id
        )
    return str(row[0])


def _row(db: Database, inspection_id: str, columns: str = "*") -> dict[str, Any]:
    rows = list(db.query(f"SELECT {columns} FROM inspections WHERE id = ?", [inspection_id]))
    if not rows:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "بازرسی با شناسهٔ {id} پیدا نشد"), id=inspection_id
        )
    return rows[0]


def _require_draft(db: Database, inspection_id: str) -> None:
    if _row(db, inspection_id, "status")["status"] != "draft":
        raise RecordLocked(QT_TRANSLATE_NOOP("Errors", "این بازرسی نهایی شده و دیگر تغییر نمی‌کند."))


def create(
    db: Database,
    *,
    office: Mapping[str, Any],
    form_document: Mapping[str, Any],
    visit_date: str,
    inspector_name: str = "",
    inspector_personnel_no: str = "",
    replaces: str | None = None,
    inspection_id: str | None = None,
) -> str:
    """A new draft for `office`, with the form snapshotted (content and sha256)."""
    loaded = parse_form(form_document)
    inspection_id = inspection_id or str(uuid.uuid4())
    now = utc_now_iso()
    office_snapshot = {k: office[k] for k in office if k not in ("last_visit", "last_score")}
    with writing(db):
        if replaces is not None:
            _row(db, replaces, "id")
        db.execute(
            "INSERT OR IGNORE INTO form_snapshots (sha256, form_id, version, document, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                loaded.sha256,
                loaded.form.id,
                loaded.form.version,
                json.dumps(loaded.document, ensure_ascii=False, sort_keys=True),
                now,
            ],
        )
        db.table("inspections").insert(
            {
                "id": inspection_id,
                "office_code": office["code"],
                "office_snapshot": json.dumps(office_snapshot, ensure_ascii=False, sort_keys=True),
                "form_id": loaded.form.id,
                "form_version": loaded.form.version,
                "form_sha256": loaded.sha256,
                "status": "draft",
                "replaces": replaces,
                "created_at": now,
                "updated_at": now,
                "visit_date": visit_date,
                "arrival_at": now,
                "inspector_name": inspector_name,
                "inspector_personnel_no": inspector_personnel_no,
            }
        )
        _refresh_score(db, inspection_id)
        audit.append(
            db, "create", inspection_id, {"office": office["code"], "form": loaded.form.id}
        )
    return inspection_id


def update_header(db: Database, inspection_id: str, **fields: Any) -> None:
    unknown = set(fields) - set(HEADER_FIELDS)
    if unknown:
        raise ValueError(f"not header fields: {sorted(unknown)}")
    with writing(db):
        _require_draft(db, inspection_id)
        db.table("inspections").update(inspection_id, {**fields, "updated_at": utc_now_iso()})
        audit.append(db, "header", inspection_id, {k: fields[k] for k in sorted(fields)})


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
        _require_draft(db, inspection_id)
        form = form_of(db, inspection_id)
        try:
            item = form.item(item_id)
        except KeyError:
            raise InvalidAnswer(
                QT_TRANSLATE_NOOP("Errors", "پرسش ناشناخته: {item}"), item=item_id
            ) from None
        _check_repeat(db, form, inspection_id, item_id, repeat_index)
        if item.type == "photo" and value is not None:
            raise InvalidAnswer(
                QT_TRANSLATE_NOOP("Errors", "برای پرسش عکس، عکس پیوست کنید"),
                where=QT_TRANSLATE_NOOP("Errors", "پرسش {item}"),
                item=item_id,
            )
        value = check_answer(item, value)
        key = [inspection_id, item_id, repeat_index]
        existing = db.execute(
            "SELECT note FROM answers WHERE inspection_id = ? AND item_id = ? AND repeat_index = ?",
            key,
        ).fetchone()
        stored_note = note if note is not None else (existing[0] if existing else "")
        db.execute(
            "INSERT INTO answers (inspection_id, item_id, repeat_index, value, note, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (inspection_id, item_id, repeat_index) "
            "DO UPDATE SET value = excluded.value, note = excluded.note, "
            "updated_at = excluded.updated_at",
            [*key, json.dumps(value, ensure_ascii=False), stored_note, utc_now_iso()],
        )
        result = _refresh_score(db, inspection_id, form)
        detail: dict[str, Any] = {"item": item_id, "repeat": repeat_index, "value": value}
        if note is not None:
            detail["note"] = note
        audit.append(db, "answer", inspection_id, detail)
    return result


def set_note(
    db: Database, inspection_id: str, item_id: str, note: str, repeat_index: int = 0
) -> None:
    """Store an item's note without touching its answer."""
    with writing(db):
        _require_draft(db, inspection_id)
        form = form_of(db, inspection_id)
        try:
            form.item(item_id)
        except KeyError:
            raise InvalidAnswer(
                QT_TRANSLATE_NOOP("Errors", "پرسش ناشناخته: {item}"), item=item_id
            ) from None
        _check_repeat(db, form, inspection_id, item_id, repeat_index)
        db.execute(
            "INSERT INTO answers (inspection_id, item_id, repeat_index, value, note, updated_at) "
            "VALUES (?, ?, ?, 'null', ?, ?) ON CONFLICT (inspection_id, item_id, repeat_index) "
            "DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at",
            [inspection_id, item_id, repeat_index, note, utc_now_iso()],
        )
        db.execute(
            "UPDATE inspections SET updated_at = ? WHERE id = ?", [utc_now_iso(), inspection_id]
        )
        audit.append(db, "note", inspection_id, {"item": item_id, "repeat": repeat_index})


def answers_of(db: Database, inspection_id: str) -> dict[AnswerKey, Any]:
    return {
        (item_id, repeat): json.loads(value) if value is not None else None
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


def photo_counts(db: Database, inspection_id: str) -> dict[AnswerKey, int]:
    return {
        (item_id, repeat): count
        for item_id, repeat, count in db.execute(
            "SELECT item_id, repeat_index, count(*) FROM photos WHERE inspection_id = ? "
            "GROUP BY item_id, repeat_index",
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


def score_of(db: Database, inspection_id: str, form: Form | None = None) -> ScoreResult:
    form = form or form_of(db, inspection_id)
    return score(
        form,
        answers_of(db, inspection_id),
        photo_counts(db, inspection_id),
        interview_indices(db, inspection_id),
    )


def _refresh_score(db: Database, inspection_id: str, form: Form | None = None) -> ScoreResult:
    result = score_of(db, inspection_id, form)
    db.execute(
        "UPDATE inspections SET score = ?, grade = ?, critical_failed = ?, satisfaction = ?, "
        "required_open = ?, updated_at = ? WHERE id = ?",
        [
            result.compliance,
            result.grade,
            len(result.critical_failures),
            result.satisfaction,
            len(result.open_required),
            utc_now_iso(),
            inspection_id,
        ],
    )
    return result


def add_interview(db: Database, inspection_id: str) -> int:
    """A new, empty client interview; returns its repeat index (1, 2, ...)."""
    with writing(db):
        _require_draft(db, inspection_id)
        if form_of(db, inspection_id).interview is None:
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
    with writing(db):
        _require_draft(db, inspection_id)
        db.execute(
            "DELETE FROM answers WHERE inspection_id = ? AND repeat_index = ?",
            [inspection_id, repeat_index],
        )
        db.execute(
            "DELETE FROM photos WHERE inspection_id = ? AND repeat_index = ?",
            [inspection_id, repeat_index],
        )
        db.execute(
            "DELETE FROM interviews WHERE inspection_id = ? AND repeat_index = ?",
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
        _require_draft(db, inspection_id)
        form = form_of(db, inspection_id)
        try:
            form.item(item_id)
        except KeyError:
            raise InvalidAnswer(
                QT_TRANSLATE_NOOP("Errors", "پرسش ناشناخته: {item}"), item=item_id
            ) from None
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
        _require_draft(db, inspection_id)
        db.execute("DELETE FROM photos WHERE id = ?", [photo_id])
        _refresh_score(db, inspection_id)
        audit.append(db, "photo_remove", inspection_id, {"photo": photo_id})


def photos_of(db: Database, inspection_id: str, *, with_data: bool = False) -> list[dict[str, Any]]:
    columns = (
        "*"
        if with_data
        else (
            "id, inspection_id, item_id, repeat_index, sha256, original_name, width, height, "
            "thumbnail, caption, created_at"
        )
    )
    return list(
        db.query(
            f"SELECT {columns} FROM photos WHERE inspection_id = ? ORDER BY created_at, id",
            [inspection_id],
        )
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
        _require_draft(db, inspection_id)
        existing = db.execute("SELECT position FROM findings WHERE id = ?", [finding_id]).fetchone()
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
        _require_draft(db, rows[0]["inspection_id"])
        db.execute("DELETE FROM findings WHERE id = ?", [finding_id])
        audit.append(db, "finding_remove", rows[0]["inspection_id"], {"finding": finding_id})


def findings_of(db: Database, inspection_id: str) -> list[dict[str, Any]]:
    return list(
        db.query(
            "SELECT * FROM findings WHERE inspection_id = ? ORDER BY position, created_at",
            [inspection_id],
        )
    )


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
        _require_draft(db, inspection_id)
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


def signatures_of(db: Database, inspection_id: str) -> list[dict[str, Any]]:
    return list(
        db.query("SELECT * FROM signatures WHERE inspection_id = ? ORDER BY role", [inspection_id])
    )


def get(db: Database, inspection_id: str) -> dict[str, Any]:
    row = _row(db, inspection_id)
    row["office"] = json.loads(row.pop("office_snapshot"))
    row["form"] = json.loads(form_document_text(db, inspection_id))
    return row


def delete_draft(db: Database, inspection_id: str) -> None:
    with writing(db):
        _require_draft(db, inspection_id)
        if db.execute("SELECT 1 FROM inspections WHERE replaces = ?", [inspection_id]).fetchone():
            raise RecordLocked(
                QT_TRANSLATE_NOOP("Errors", "بازرسی دیگری به این پیش‌نویس ارجاع می‌دهد")
            )
        db.execute("DELETE FROM inspections WHERE id = ?", [inspection_id])
        audit.append(db, "delete_draft", inspection_id, {})


LIST_COLUMNS = """
    i.id, i.office_code, i.status, i.visit_date, i.score, i.grade, i.critical_failed,
    i.satisfaction, i.required_open, i.inspector_name, i.form_id, i.created_at, i.updated_at,
    i.finalized_at, i.synced_at, i.replaces, o.name AS office_name, o.type AS office_type,
    o.county, o.city
"""


def list_inspections(
    db: Database,
    *,
    status: str | None = None,
    county: str | None = None,
    office_type: str | None = None,
    office_code: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Inspections newest first, with office name/type/county; dates are ISO visit dates."""
    where: list[str] = []
    params: list[Any] = []
    for clause, value in (
        ("i.status = ?", status),
        ("o.county = ?", county),
        ("o.type = ?", office_type),
        ("i.office_code = ?", office_code),
        ("i.visit_date >= ?", date_from),
        ("i.visit_date <= ?", date_to),
    ):
        if value:
            where.append(clause)
            params.append(value)
    sql = f"""
        SELECT {LIST_COLUMNS} FROM inspections i JOIN offices o ON o.code = i.office_code
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY i.visit_date DESC, i.created_at DESC
        {"LIMIT " + str(int(limit)) if limit else ""}
    """
    return list(db.query(sql, params))
