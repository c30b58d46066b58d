"""The audit log: append-only, each entry chaining the hash of the one before it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from inspector_app.domain.canonical import canonical_sha256
from inspector_app.domain.jalali import utc_now_iso

GENESIS = "0" * 64


def _entry_hash(
    prev_hash: str, at: str, action: str, inspection_id: str | None, detail: str
) -> str:
    return canonical_sha256(
        {
            "prev": prev_hash,
            "at": at,
            "action": action,
            "inspection": inspection_id,
            "detail": detail,
        }
    )


def append(
    db: Database,
    action: str,
    inspection_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> str:
    """Append one entry; call inside the transaction of the change it records."""
    row = db.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    prev_hash = row[0] if row else GENESIS
    at = utc_now_iso()
    detail_text = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True)
    digest = _entry_hash(prev_hash, at, action, inspection_id, detail_text)
    db.execute(
        "INSERT INTO audit_log (at, action, inspection_id, detail, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [at, action, inspection_id, detail_text, prev_hash, digest],
    )
    return digest


@dataclass(frozen=True)
class ChainReport:
    entries: int
    broken_at: int | None  # seq of the first entry that does not chain
    reason: str | None

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_chain(db: Database) -> ChainReport:
    """Walk the log; the first entry whose hash or link does not hold breaks the chain."""
    prev_hash = GENESIS
    count = 0
    expected_seq = None
    for seq, at, action, inspection_id, detail, prev, digest in db.execute(
        "SELECT seq, at, action, inspection_id, detail, prev_hash, hash FROM audit_log ORDER BY seq"
    ):
        count += 1
        if expected_seq is not None and seq != expected_seq:
            return ChainReport(count, seq, f"entry {expected_seq} is missing")
        if prev != prev_hash:
            return ChainReport(count, seq, "does not link to the entry before it")
        if _entry_hash(prev, at, action, inspection_id, detail) != digest:
            return ChainReport(count, seq, "its content does not match its hash")
        prev_hash = digest
        expected_seq = seq + 1
    return ChainReport(count, None, None)


def entries(db: Database, inspection_id: str | None = None) -> list[dict[str, Any]]:
    where = "WHERE inspection_id = ?" if inspection_id else ""
    params = [inspection_id] if inspection_id else []
    return [dict(row) for row in db.query(f"SELECT * FROM audit_log {where} ORDER BY seq", params)]
