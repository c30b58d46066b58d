"""Whether the finalized inspections in a database are still what was signed.

The triggers refuse changes to a finalized inspection, but whoever holds the file can drop them
or edit it with another tool. These checks find what that left behind, naming each inspection:

- `quick_check` (every app start, no photo bytes read): the lock triggers are all there as the
  migrations made them; each finalized or synced row has its stored document, form snapshot,
  office and outbox entry; the stored hashes agree with each other, with the stored canonical
  JSON, with the row's header and with the audit log's finalize entries; each has its finalize
  (and, once synced, sync) entry in the log; and the log still holds, unchanged, every entry
  a signed document anchors (`audit_anchor`, the log's head when it was finalized), so the log
  cannot lose entries off its end or be rewritten with recomputed hashes up to the last
  finalize unseen.
- `full_check` (`inspector-app audit verify`): the above, and every finalized or synced
  inspection's canonical document rebuilt from its rows and hashed, its signed PDF checked
  (intact, nothing appended, carrying this inspection's id and hash), and the failed item ids
  its row keeps for the overview checked against its answers.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from inspector_app.domain.canonical import canonical_json, canonical_sha256, sha256_hex
from inspector_app.errors import QT_TRANSLATE_NOOP, KnownError, fill
from inspector_app.services import inspection_document
from inspector_app.storage import audit
from inspector_app.storage.migrations import FAILED_ITEM_IDS_SQL, migrations

# Header columns of `inspections` and where the canonical document keeps them.
_HEADER = {
    "id": ("id",),
    "replaces": ("replaces",),
    "form_id": ("form", "id"),
    "form_version": ("form", "version"),
    "form_sha256": ("form", "sha256"),
    "created_at": ("created_at",),
    "visit_date": ("visit_date",),
    "arrival_at": ("arrival_at",),
    "departure_at": ("departure_at",),
    "elapsed_seconds": ("elapsed_seconds",),
    "inspector_name": ("inspector", "name"),
    "inspector_personnel_no": ("inspector", "personnel_no"),
    "rep_name": ("representative", "name"),
    "rep_role": ("representative", "role"),
}


@dataclass(frozen=True)
class Problem:
    """One thing that does not hold; `inspection_id` is None for the database as a whole."""

    inspection_id: str | None
    kind: str  # a short code: missing_trigger, document_differs, pdf_hash, ...
    detail: str

    def __str__(self) -> str:
        where = f"inspection {self.inspection_id}" if self.inspection_id else "database"
        return f"{where}: {self.detail}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@lru_cache(maxsize=1)
def _expected_triggers() -> dict[str, str]:
    """The triggers of a freshly migrated database, by name, with their SQL."""
    fresh = Database(memory=True, execute_plugins=False)
    try:
        migrations.apply(fresh)
        return _triggers(fresh)
    finally:
        fresh.close()


def _triggers(db: Database) -> dict[str, str]:
    return {
        name: sql
        for name, sql in db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    }


def _check_triggers(db: Database) -> Iterator[Problem]:
    present = _triggers(db)
    for name, sql in sorted(_expected_triggers().items()):
        if name not in present:
            yield Problem(None, "missing_trigger", f"the guard trigger {name} is missing")
        elif present[name] != sql:
            yield Problem(None, "changed_trigger", f"the guard trigger {name} was changed")


def _at(document: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = document
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


_ROWS = """
SELECT i.*, d.inspection_id AS doc_id, d.canonical_json, d.canonical_sha256 AS doc_sha256,
       (SELECT count(*) FROM form_snapshots f WHERE f.sha256 = i.form_sha256) AS has_form,
       (SELECT count(*) FROM offices o WHERE o.code = i.office_code) AS has_office,
       (SELECT state FROM outbox q WHERE q.inspection_id = i.id) AS outbox_state
FROM inspections i LEFT JOIN inspection_documents d ON d.inspection_id = i.id
WHERE i.status <> 'draft' ORDER BY i.id
"""


def _check_row(row: dict[str, Any], document: Any) -> Iterator[Problem]:
    """What one finalized or synced row says about itself (`document`: its stored canonical
    JSON, parsed), without reading its children."""
    iid = row["id"]
    if not row["has_form"]:
        yield Problem(iid, "form_snapshot_missing", "its form snapshot is missing")
    if not row["has_office"]:
        yield Problem(iid, "office_missing", f"its office {row['office_code']} is missing")
    if row["outbox_state"] is None:
        yield Problem(iid, "outbox_missing", "it has no outbox entry (it would never be sent)")
    elif row["status"] == "finalized" and row["outbox_state"] == "done":
        yield Problem(iid, "outbox_done", "its outbox entry is closed but it was never synced")
    if row["doc_id"] is None:
        yield Problem(iid, "document_missing", "its stored canonical document is missing")
        return
    stored = row["canonical_sha256"]
    if row["doc_sha256"] != stored:
        yield Problem(
            iid, "stored_hash_differs", "the hash on the inspection and on its document differ"
        )
    text = str(row["canonical_json"])
    if sha256_hex(text.encode("utf-8")) != row["doc_sha256"]:
        yield Problem(iid, "document_hash", "its stored canonical JSON does not hash to its hash")
    if not isinstance(document, dict):
        yield Problem(iid, "document_unreadable", "its stored canonical JSON is not a document")
        return
    changed = [c for c, path in _HEADER.items() if row[c] != _at(document, path)]
    if _json(str(row["office_snapshot"])) != document.get("office"):
        changed.append("office_snapshot")
    if changed:
        yield Problem(
            iid, "header_differs", f"its row differs from the signed document: {', '.join(changed)}"
        )


def _json(text: str) -> Any:
    """The parsed value, or None for text that is not JSON (someone else's edit)."""
    try:
        return json.loads(text)
    except ValueError:
        return None


def _check_form_snapshots(db: Database) -> Iterator[Problem]:
    for sha256, document, ids in db.execute(
        "SELECT f.sha256, f.document, group_concat(i.id) FROM form_snapshots f "
        "JOIN inspections i ON i.form_sha256 = f.sha256 WHERE i.status <> 'draft' "
        "GROUP BY f.sha256"
    ):
        if canonical_sha256(_json(str(document))) != sha256:
            for iid in sorted(ids.split(",")):
                yield Problem(iid, "form_snapshot_changed", "its form snapshot was changed")


FINALIZE_ENTRY_MISSING = QT_TRANSLATE_NOOP(
    "Errors", "رویداد نهایی‌سازی این بازرسی در دفتر رویدادها نیست (حذف یا بازنویسی شده است)."
)
SYNC_ENTRY_MISSING = QT_TRANSLATE_NOOP(
    "Errors",
    "این بازرسی همگام شده است، اما رویداد همگام‌سازی آن در دفتر رویدادها نیست (حذف یا "
    "بازنویسی شده است).",
)


def _check_log_entries(db: Database) -> Iterator[Problem]:
    """Each finalize in the audit log still stands as it was recorded; every finalized
    inspection has its finalize entry and every synced one its sync entry (one missing was cut
    off the log, or the log rewritten without it). One pass over the log."""
    rows = db.execute(
        "SELECT a.seq, a.action, a.inspection_id, a.detail, i.status, i.canonical_sha256, "
        "CASE WHEN a.action = 'finalize' THEN d.signed_pdf END "
        "FROM audit_log a LEFT JOIN inspections i ON i.id = a.inspection_id "
        "LEFT JOIN inspection_documents d ON d.inspection_id = a.inspection_id "
        "WHERE a.action IN ('finalize', 'sync') ORDER BY a.seq"
    )
    logged: set[tuple[str, str]] = set()
    for seq, action, iid, detail, status, stored, pdf in rows:
        logged.add((iid, action))
        if action != "finalize":
            continue
        if status is None:
            yield Problem(iid, "finalized_gone", f"finalized (audit entry {seq}) but not here")
            continue
        if status == "draft":
            yield Problem(iid, "back_to_draft", f"finalized (audit entry {seq}) but a draft now")
            continue
        recorded = _json(str(detail))
        if not isinstance(recorded, dict):
            recorded = {}
        if recorded.get("sha256") != stored:
            yield Problem(
                iid, "finalize_entry_hash", f"audit entry {seq} finalized it with another hash"
            )
        if pdf is not None and recorded.get("pdf_sha256") != sha256_hex(bytes(pdf)):
            yield Problem(
                iid, "finalize_entry_pdf", f"audit entry {seq} recorded another signed PDF"
            )
    for iid, status in db.execute(
        "SELECT id, status FROM inspections WHERE status <> 'draft' ORDER BY id"
    ):
        if (iid, "finalize") not in logged:
            yield Problem(iid, "finalize_entry_missing", fill(FINALIZE_ENTRY_MISSING, {}))
        if status == "synced" and (iid, "sync") not in logged:
            yield Problem(iid, "sync_entry_missing", fill(SYNC_ENTRY_MISSING, {}))


# How the log fails an anchor, by who holds it: the signed document of an inspection, or the
# server (the head sent at the last sync).
_ANCHOR_PROBLEMS = {
    ("document", "cut"): QT_TRANSLATE_NOOP(
        "Errors",
        "رویدادهای {start} به بعد از انتهای دفتر رویدادها بریده شده‌اند: گزارش امضاشدهٔ این "
        "بازرسی رویداد {seq} را در خود دارد، اما دفتر اکنون به رویداد {last} پایان می‌یابد.",
    ),
    ("document", "empty"): QT_TRANSLATE_NOOP(
        "Errors",
        "همهٔ رویدادهای دفتر رویدادها حذف شده‌اند: گزارش امضاشدهٔ این بازرسی رویداد {seq} را در "
        "خود دارد، اما دفتر خالی است.",
    ),
    ("document", "rewritten"): QT_TRANSLATE_NOOP(
        "Errors",
        "دفتر رویدادها از جایی میان رویداد {start} و رویداد {seq} به بعد بازنویسی شده است: "
        "چکیدهٔ رویداد {seq} دیگر آن نیست که در گزارش امضاشدهٔ این بازرسی آمده است.",
    ),
    ("document", "gap"): QT_TRANSLATE_NOOP(
        "Errors",
        "رویداد {seq}، که گزارش امضاشدهٔ این بازرسی آن را در خود دارد، از میان دفتر رویدادها "
        "حذف شده است.",
    ),
    ("server", "cut"): QT_TRANSLATE_NOOP(
        "Errors",
        "رویدادهای {start} به بعد از انتهای دفتر رویدادها بریده شده‌اند: سرور از همگام‌سازی "
        "پیشین رویداد {seq} را نگه داشته، اما دفتر اکنون به رویداد {last} پایان می‌یابد.",
    ),
    ("server", "empty"): QT_TRANSLATE_NOOP(
        "Errors",
        "همهٔ رویدادهای دفتر رویدادها حذف شده‌اند: سرور از همگام‌سازی پیشین رویداد {seq} را نگه "
        "داشته، اما دفتر خالی است.",
    ),
    ("server", "rewritten"): QT_TRANSLATE_NOOP(
        "Errors",
        "دفتر رویدادها از جایی میان رویداد {start} و رویداد {seq} به بعد بازنویسی شده است: "
        "چکیدهٔ رویداد {seq} با آنچه سرور از همگام‌سازی پیشین نگه داشته نمی‌خواند.",
    ),
    ("server", "gap"): QT_TRANSLATE_NOOP(
        "Errors",
        "رویداد {seq}، که سرور از همگام‌سازی پیشین نگه داشته، از میان دفتر رویدادها حذف شده است.",
    ),
}


def anchor_problems(
    db: Database,
    anchors: dict[audit.Head, str | None],
    holder: str,
    also: list[audit.Head] | None = None,
) -> list[Problem]:
    """What the log fails of `anchors` (each with the inspection whose signed document holds
    it, None for the server's), held by `holder` ("document" or "server"): at most one problem
    per kind, for the anchor that says most (the highest cut, the lowest rewrite). `also`:
    other anchors, that only bound where a rewrite starts."""
    failed = audit.check_anchors(db, list(anchors))
    if not failed:
        return []
    others = [a for a in also or [] if a not in anchors]
    others_failed = audit.check_anchors(db, others) if others else {}
    holding = [a.seq for a in anchors if a not in failed]
    holding += [a.seq for a in others if a not in others_failed]
    by_kind: dict[str, tuple[audit.Head, audit.Mismatch]] = {}
    for held, mismatch in sorted(failed.items(), key=lambda item: item[1].seq):
        kind = "empty" if mismatch.kind == "cut" and mismatch.last == 0 else str(mismatch.kind)
        if kind == "rewritten" and kind in by_kind:
            continue  # the lowest one says from where
        by_kind[kind] = (held, mismatch)
    problems = []
    for kind, (held, mismatch) in by_kind.items():
        below = [seq for seq in holding if seq < mismatch.seq]
        params = {
            "seq": mismatch.seq,
            "last": mismatch.last,
            "start": mismatch.last + 1 if mismatch.kind == "cut" else max(below, default=0) + 1,
        }
        template = _ANCHOR_PROBLEMS[(holder, kind)]
        problems.append(Problem(anchors[held], f"audit_{kind}", fill(template, params)))
    return problems


def signed_anchors(db: Database) -> dict[audit.Head, str]:
    """The anchor in each finalized or synced inspection's stored document, with the first
    inspection (by id) that holds it."""
    anchors: dict[audit.Head, str] = {}
    for iid, text in db.execute(
        "SELECT i.id, d.canonical_json FROM inspections i "
        "JOIN inspection_documents d ON d.inspection_id = i.id "
        "WHERE i.status <> 'draft' ORDER BY i.id"
    ):
        anchor = _anchor_in(_json(str(text)))
        if anchor is not None:
            anchors.setdefault(anchor, iid)
    return anchors


def _anchor_in(document: Any) -> audit.Head | None:
    anchor = document.get("audit_anchor") if isinstance(document, dict) else None
    if not isinstance(anchor, dict):
        return None
    seq, digest = anchor.get("seq"), anchor.get("hash")
    if not isinstance(seq, int) or not isinstance(digest, str):
        return None
    return audit.Head(seq, digest)


def quick_check(db: Database) -> list[Problem]:
    """The cheap checks (see the module text); an empty list when all holds."""
    problems = list(_check_triggers(db))
    anchors: dict[audit.Head, str | None] = {}
    for row in db.query(_ROWS):
        document = _json(str(row["canonical_json"])) if row["doc_id"] is not None else None
        problems.extend(_check_row(row, document))
        anchor = _anchor_in(document)
        if anchor is not None:
            anchors.setdefault(anchor, row["id"])
    problems.extend(_check_form_snapshots(db))
    problems.extend(_check_log_entries(db))
    problems.extend(anchor_problems(db, anchors, "document"))
    return problems


def _check_rebuilt(db: Database, iid: str, stored: str, text: str) -> Iterator[Problem]:
    try:
        rebuilt = inspection_document.canonical_document(db, iid)
    except (KnownError, ValueError) as exc:  # a missing or unparsable form snapshot
        yield Problem(iid, "document_unbuildable", f"its document cannot be rebuilt: {exc}")
        return
    if sha256_hex(canonical_json(rebuilt)) == stored:
        return
    signed = _json(text)
    if not isinstance(signed, dict):
        signed = {}
    parts = sorted(k for k in rebuilt.keys() | signed.keys() if rebuilt.get(k) != signed.get(k))
    yield Problem(
        iid,
        "document_differs",
        f"its rows no longer make the signed document; differs in: {', '.join(parts) or '?'}",
    )


def _check_pdf(iid: str, stored: str, pdf: bytes) -> Iterator[Problem]:
    # Imported here: pyHanko is heavy and only this full check needs it, not the app start.
    from inspector_app.pdf.verify import verify_pdf

    result = verify_pdf(pdf)
    if not result.intact or result.modified_after_signing:
        yield Problem(iid, "pdf_not_intact", "its signed PDF was changed after signing")
    if result.report_id != iid:
        yield Problem(iid, "pdf_id", f"its signed PDF is the report of {result.report_id}")
    if result.embedded_sha256 != stored:
        yield Problem(iid, "pdf_hash", "its signed PDF carries another document hash")


def _check_failed_item_ids(db: Database) -> Iterator[Problem]:
    """The failed item ids kept on each row for the overview are those its answers say."""
    rows = db.execute(
        "SELECT i.id, i.failed_item_ids, ("
        + FAILED_ITEM_IDS_SQL.format(id="i.id")
        + ") FROM inspections i WHERE i.status <> 'draft' ORDER BY i.id"
    )
    for iid, kept, answered in rows:
        if sorted(str(kept).split()) != sorted(str(answered).split()):
            yield Problem(
                iid, "failed_items_differ", "the failed items on its row differ from its answers"
            )


def full_check(db: Database) -> tuple[int, list[Problem]]:
    """Every check: (finalized and synced inspections checked, problems)."""
    problems = quick_check(db)
    problems.extend(_check_failed_item_ids(db))
    checked = 0
    for iid, stored, text, pdf in db.execute(
        "SELECT i.id, i.canonical_sha256, d.canonical_json, d.signed_pdf FROM inspections i "
        "LEFT JOIN inspection_documents d ON d.inspection_id = i.id "
        "WHERE i.status <> 'draft' ORDER BY i.id"
    ).fetchall():
        checked += 1
        problems.extend(_check_rebuilt(db, iid, stored, text or ""))
        if pdf is not None:
            problems.extend(_check_pdf(iid, stored, bytes(pdf)))
    return checked, problems
