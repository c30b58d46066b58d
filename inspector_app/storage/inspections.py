"""The inspections table: a draft's creation, its header, its form snapshot, its cached score,
listing and deleting drafts.

What an inspection holds is read in `contents` and changed in `drafts`; moving it on from draft
is `lifecycle`. Finalized rows are frozen by triggers (see migrations); `require_draft` only
turns that into a clear message before any work is done.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

from inspector_app.domain.forms import Form, parse_form, parse_form_json
from inspector_app.domain.jalali import utc_now_iso
from inspector_app.domain.scoring import ScoreResult, score
from inspector_app.errors import QT_TRANSLATE_NOOP, NotFound, RecordLocked
from inspector_app.storage import audit
from inspector_app.storage.db import writing
from inspector_app.storage.migrations import FAILED_ITEM_IDS_SQL

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


def _form_from_snapshot(snapshot: str) -> Form:
    return parse_form_json(snapshot).form


def form_of(db: Database, inspection_id: str) -> Form:
    return _form_from_snapshot(_form_document_text(db, inspection_id))


def _form_document_text(db: Database, inspection_id: str) -> str:
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


def draft_form(db: Database, inspection_id: str) -> Form:
    """`require_draft` and `form_of` in one read, for the changes made on every keystroke.

    The parsed form is kept by its snapshot's sha256 (a snapshot never changes, and its hash
    names its content): a save reads two short columns, not the snapshot's JSON."""
    row = db.execute(
        "SELECT i.status, i.form_sha256 FROM inspections i WHERE i.id = ?", [inspection_id]
    ).fetchone()
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "بازرسی با شناسهٔ {id} پیدا نشد"), id=inspection_id
        )
    if row[0] != "draft":
        raise RecordLocked(QT_TRANSLATE_NOOP("Errors", "این بازرسی نهایی شده و دیگر تغییر نمی‌کند."))
    sha256 = str(row[1])
    form = _forms_by_sha256.get(sha256)
    if form is None:
        form = _form_from_snapshot(_form_document_text(db, inspection_id))
        if len(_forms_by_sha256) >= 64:
            _forms_by_sha256.pop(next(iter(_forms_by_sha256)))
        _forms_by_sha256[sha256] = form
    return form


_forms_by_sha256: dict[str, Form] = {}


def require_draft(db: Database, inspection_id: str) -> None:
    """NotFound for an unknown id, RecordLocked once it is finalized."""
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
        # A new draft holds nothing yet: its score is that of an empty form.
        store_score(db, inspection_id, score(loaded.form, {}, {}, []))
        audit.append(
            db, "create", inspection_id, {"office": office["code"], "form": loaded.form.id}
        )
    return inspection_id


def update_header(db: Database, inspection_id: str, **fields: Any) -> None:
    unknown = set(fields) - set(HEADER_FIELDS)
    if unknown:
        raise ValueError(f"not header fields: {sorted(unknown)}")
    with writing(db):
        require_draft(db, inspection_id)
        db.table("inspections").update(inspection_id, {**fields, "updated_at": utc_now_iso()})
        audit.append(db, "header", inspection_id, {k: fields[k] for k in sorted(fields)})


def store_score(db: Database, inspection_id: str, result: ScoreResult) -> None:
    """Keep the figures the lists sort and filter by on the row, and the items answered «no»
    the overview counts (call inside the change, after it)."""
    failed_item_ids = FAILED_ITEM_IDS_SQL.format(id="?")
    db.execute(
        "UPDATE inspections SET score = ?, grade = ?, critical_failed = ?, satisfaction = ?, "
        f"required_open = ?, updated_at = ?, failed_item_ids = ({failed_item_ids}) WHERE id = ?",
        [
            result.compliance,
            result.grade,
            len(result.critical_failures),
            result.satisfaction,
            len(result.open_required),
            utc_now_iso(),
            inspection_id,
            inspection_id,
        ],
    )


def touch(db: Database, inspection_id: str) -> None:
    """Mark the row changed without touching its score (call inside the change)."""
    db.execute("UPDATE inspections SET updated_at = ? WHERE id = ?", [utc_now_iso(), inspection_id])


def get(db: Database, inspection_id: str) -> dict[str, Any]:
    row = _row(db, inspection_id)
    row["office"] = json.loads(row.pop("office_snapshot"))
    row["form"] = json.loads(_form_document_text(db, inspection_id))
    return row


def delete_draft(db: Database, inspection_id: str) -> None:
    with writing(db):
        require_draft(db, inspection_id)
        if db.execute("SELECT 1 FROM inspections WHERE replaces = ?", [inspection_id]).fetchone():
            raise RecordLocked(
                QT_TRANSLATE_NOOP("Errors", "بازرسی دیگری به این پیش‌نویس ارجاع می‌دهد")
            )
        db.execute("DELETE FROM inspections WHERE id = ?", [inspection_id])
        audit.append(db, "delete_draft", inspection_id, {})


_LISTED = (
    "id", "office_code", "status", "visit_date", "score", "grade", "critical_failed",
    "satisfaction", "required_open", "inspector_name", "form_id", "created_at", "updated_at",
    "finalized_at", "synced_at", "replaces",
)  # fmt: skip
_OFFICE_KEYS = ("office_name", "office_type", "county", "city")


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
    """Inspections newest first, with office name/type/county; dates are ISO visit dates.

    The offices (a registry of hundreds) are read once and joined here, not looked up row by
    row in SQL; a whole list is read in table order and sorted, a first page walks the date
    index and stops: each is the faster way for its size (50,000 rows: about half the time)."""
    where: list[str] = []
    params: list[Any] = []
    for clause, value in (
        ("i.status = ?", status),
        ("i.office_code IN (SELECT code FROM offices WHERE county = ?)", county),
        ("i.office_code IN (SELECT code FROM offices WHERE type = ?)", office_type),
        ("i.office_code = ?", office_code),
        ("i.visit_date >= ?", date_from),
        ("i.visit_date <= ?", date_to),
    ):
        if value:
            where.append(clause)
            params.append(value)
    offices = {
        code: rest
        for code, *rest in db.execute("SELECT code, name, type, county, city FROM offices")
    }
    by_date = "i.visit_date DESC" if limit else "+i.visit_date DESC"  # `+`: no index, sort
    sql = f"""
        SELECT {", ".join("i." + c for c in _LISTED)} FROM inspections i
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY {by_date}, i.created_at DESC
        {"LIMIT " + str(int(limit)) if limit else ""}
    """
    keys = (*_LISTED, *_OFFICE_KEYS)
    # The foreign key keeps every office an inspection names; the join dropped any other.
    return [
        dict(zip(keys, (*row, *office), strict=True))
        for row in db.execute(sql, params)
        if (office := offices.get(row[1])) is not None
    ]
