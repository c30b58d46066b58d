"""Moving finalized inspections, and the laptop's own rows (signing identities, enrolment
settings), from one database into another: a backup being restored.

A finalized row cannot be inserted as such (the migration 0004 triggers): like an import, the
inspection is written as a draft with its rows copied verbatim, then moved on in the order the
lifecycle does (document, outbox entry, finalized, synced), so every guard still holds and the
canonical hash the rows rebuild is the one that was signed. The audit log is history, not
state: when the target's chain is the start of the source's, the source's later entries are
copied as they are, so nothing recorded is cut and every recorded hash still chains.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from inspector_app.storage.migrations import INSPECTION_TABLES

# The rows of an inspection besides its document (written last, as finalize does), as they are.
_CHILDREN = tuple(t for t in INSPECTION_TABLES if t != "inspection_documents")
_LIFECYCLE = ("canonical_sha256", "finalized_at", "synced_at")


@dataclass(frozen=True)
class Held:
    """One inspection as a database holds it, for comparing two databases."""

    id: str
    status: str
    canonical_sha256: str | None
    updated_at: str
    office_name: str
    visit_date: str


def held(db: Database) -> dict[str, Held]:
    return {
        row[0]: Held(*row)
        for row in db.execute(
            "SELECT id, status, canonical_sha256, updated_at, "
            "coalesce(json_extract(office_snapshot, '$.name'), office_code), visit_date "
            "FROM inspections"
        )
    }


def draft_rows(db: Database, inspection_id: str) -> dict[str, set[tuple[Any, ...]]]:
    """What a draft holds that an edit changes: answers, photos, findings, signatures."""
    queries = {
        "answers": "SELECT item_id, repeat_index, value, note FROM answers",
        "photos": "SELECT id, caption FROM photos",
        "findings": "SELECT id, description, corrective_action, deadline, item_id FROM findings",
        "signatures": "SELECT role, signer_name, png, declined_reason FROM signatures",
    }
    return {
        table: {tuple(row) for row in db.execute(f"{sql} WHERE inspection_id = ?", [inspection_id])}
        for table, sql in queries.items()
    }


def _columns(db: Database, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]


def _rows(db: Database, table: str, where: str, params: list[Any]) -> list[dict[str, Any]]:
    return [dict(row) for row in db.query(f"SELECT * FROM {table} WHERE {where}", params)]


def _insert(db: Database, table: str, row: dict[str, Any]) -> None:
    columns = [c for c in _columns(db, table) if c in row]
    db.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [row[c] for c in columns],
    )


class CarryOverError(Exception):
    """The target holds something the inspection needs with other content."""


def _ensure_needed(source: Database, target: Database, row: dict[str, Any]) -> None:
    """The form snapshot and office the inspection needs, taken from `source` if missing."""
    iid = row["id"]
    [snapshot] = _rows(source, "form_snapshots", "sha256 = ?", [row["form_sha256"]])
    present = _rows(target, "form_snapshots", "sha256 = ?", [row["form_sha256"]])
    if not present:
        _insert(target, "form_snapshots", snapshot)
    elif present[0]["document"] != snapshot["document"]:
        raise CarryOverError(
            f"inspection {iid}: the backup has another form snapshot {row['form_sha256'][:12]}"
        )
    if not _rows(target, "offices", "code = ?", [row["office_code"]]):
        [office] = _rows(source, "offices", "code = ?", [row["office_code"]])
        _insert(target, "offices", office)


def copy_finalized(source: Database, target: Database, inspection_id: str) -> None:
    """Put `source`'s finalized (or synced) inspection into `target` with the same rows,
    document, signed PDF, outbox entry and status; a draft of it in `target` is replaced.
    Call inside a transaction on `target`."""
    [row] = _rows(source, "inspections", "id = ?", [inspection_id])
    [document] = _rows(source, "inspection_documents", "inspection_id = ?", [inspection_id])
    [queued] = _rows(source, "outbox", "inspection_id = ?", [inspection_id])
    target.execute("DELETE FROM inspections WHERE id = ? AND status = 'draft'", [inspection_id])
    _ensure_needed(source, target, row)
    _insert(target, "inspections", {**row, "status": "draft", **dict.fromkeys(_LIFECYCLE)})
    for table in _CHILDREN:
        for child in _rows(source, table, "inspection_id = ?", [inspection_id]):
            _insert(target, table, child)
    _insert(target, "inspection_documents", document)
    _insert(target, "outbox", {**queued, "state": "pending", "attempts": 0})
    target.execute(
        "UPDATE inspections SET canonical_sha256 = ?, finalized_at = ?, status = 'finalized' "
        "WHERE id = ?",
        [row["canonical_sha256"], row["finalized_at"], inspection_id],
    )
    if row["status"] == "synced":
        copy_synced(source, target, inspection_id)
    else:
        _copy_outbox_state(queued, target)


def copy_synced(source: Database, target: Database, inspection_id: str) -> None:
    """finalized → synced in `target`, as `source` confirmed it (same time, outbox closed),
    so it is not sent again. Call inside a transaction on `target`."""
    [row] = _rows(source, "inspections", "id = ?", [inspection_id])
    target.execute(
        "UPDATE inspections SET status = 'synced', synced_at = ? "
        "WHERE id = ? AND status = 'finalized'",
        [row["synced_at"], inspection_id],
    )
    [queued] = _rows(source, "outbox", "inspection_id = ?", [inspection_id])
    _copy_outbox_state(queued, target)


def _copy_outbox_state(queued: dict[str, Any], target: Database) -> None:
    target.execute(
        "UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, "
        "enqueued_at = ?, updated_at = ? WHERE inspection_id = ?",
        [
            queued["state"],
            queued["attempts"],
            queued["next_attempt_at"],
            queued["last_error"],
            queued["enqueued_at"],
            queued["updated_at"],
            queued["inspection_id"],
        ],
    )


def copy_identities(source: Database, target: Database, *, keep_active: bool) -> list[str]:
    """The signing identities (certificate and encrypted key) of `source` that `target` lacks,
    copied as they are; with `keep_active`, `source`'s active one stays the active one, else
    they come inactive. Returns their ids."""
    have = {row[0] for row in target.execute("SELECT id FROM identities")}
    missing = [
        row
        for row in _rows(source, "identities", "1 ORDER BY created_at", [])
        if row["id"] not in have
    ]
    for row in missing:
        if row["active"] and keep_active:
            target.execute("UPDATE identities SET active = 0 WHERE active = 1")
        _insert(target, "identities", {**row, "active": int(bool(row["active"]) and keep_active)})
    return [row["id"] for row in missing]


_PREFIXED = "substr(key, 1, ?) = ?"


def copy_settings(source: Database, target: Database, prefix: str) -> int:
    """Replace `target`'s settings whose key starts with `prefix` by `source`'s, when `source`
    has any. Returns how many were copied."""
    rows = _rows(source, "settings", _PREFIXED, [len(prefix), prefix])
    if rows:
        clear_settings(target, prefix)
        for row in rows:
            _insert(target, "settings", row)
    return len(rows)


def clear_settings(db: Database, prefix: str) -> None:
    db.execute(f"DELETE FROM settings WHERE {_PREFIXED}", [len(prefix), prefix])


def _head(db: Database) -> tuple[int, str] | None:
    row = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def continues(source: Database, target: Database) -> bool:
    """Whether `target`'s audit log is the start of `source`'s (its last entry is there, the
    same): then `source` only recorded more since (an older backup of the same laptop)."""
    head = _head(target)
    if head is None:
        return True
    found = source.execute("SELECT hash FROM audit_log WHERE seq = ?", [head[0]]).fetchone()
    return found is not None and found[0] == head[1]


def copy_later_entries(source: Database, target: Database) -> int:
    """Append `source`'s audit entries after `target`'s last one, as they are (same seq and
    hashes); only when `continues(source, target)`. Returns how many were copied."""
    head = _head(target)
    later = _rows(source, "audit_log", "seq > ? ORDER BY seq", [head[0] if head else 0])
    for entry in later:
        _insert(target, "audit_log", entry)
    return len(later)
