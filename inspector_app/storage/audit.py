"""The audit log: append-only, each entry chaining the hash of the one before it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

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


@dataclass(frozen=True)
class Head:
    """The log's last entry: its seq and hash (0 and GENESIS while the log is empty)."""

    seq: int
    hash: str

    def as_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash}


def head(db: Database) -> Head:
    row = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return Head(int(row[0]), str(row[1])) if row else Head(0, GENESIS)


@dataclass(frozen=True)
class Mismatch:
    """How the log fails an anchor held outside it (`seq`, the hash that entry had): `cut` the
    log now ends before it (at `last`), `rewritten` the entry has another hash, `gap` the log
    goes on past it without it."""

    kind: Literal["cut", "rewritten", "gap"]
    seq: int
    last: int


_CHUNK = 500  # seqs per query, well under SQLite's limit on parameters


def check_anchors(db: Database, anchors: list[Head]) -> dict[Head, Mismatch]:
    """Each anchor the log no longer holds, by what went wrong. Only the anchored entries are
    read (1,000 anchors: a few milliseconds); that the log runs unbroken between them is
    `verify_chain`'s walk."""
    wanted = sorted({a.seq for a in anchors if a.seq > 0})
    found: dict[int, str] = {}
    for at in range(0, len(wanted), _CHUNK):
        part = wanted[at : at + _CHUNK]
        found.update(
            db.execute(
                f"SELECT seq, hash FROM audit_log WHERE seq IN ({', '.join('?' * len(part))})",
                part,
            ).fetchall()
        )
    last = head(db).seq
    failed: dict[Head, Mismatch] = {}
    for anchor in anchors:
        digest = GENESIS if anchor.seq == 0 else found.get(anchor.seq)
        if digest is None:
            failed[anchor] = Mismatch("cut" if last < anchor.seq else "gap", anchor.seq, last)
        elif digest != anchor.hash:
            failed[anchor] = Mismatch("rewritten", anchor.seq, last)
    return failed


def entries(db: Database, inspection_id: str | None = None) -> list[dict[str, Any]]:
    where = "WHERE inspection_id = ?" if inspection_id else ""
    params = [inspection_id] if inspection_id else []
    return [dict(row) for row in db.query(f"SELECT * FROM audit_log {where} ORDER BY seq", params)]
