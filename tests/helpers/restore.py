"""The attacker's backup: a copy of the database whose finalized inspection was edited with
plain sqlite3 and every hash that would give it away recomputed."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from inspector_app.domain.canonical import canonical_json, canonical_sha256
from inspector_app.services import inspection_document
from inspector_app.storage import audit, contents


def _rechain(conn: sqlite3.Connection) -> None:
    """Every audit entry's link and hash recomputed, as the app computes them."""
    prev = audit.GENESIS
    rows = conn.execute(
        "SELECT seq, at, action, inspection_id, detail FROM audit_log ORDER BY seq"
    ).fetchall()
    for seq, at, action, inspection_id, detail in rows:
        digest = canonical_sha256(
            {
                "prev": prev,
                "at": at,
                "action": action,
                "inspection": inspection_id,
                "detail": detail,
            }
        )
        conn.execute(
            "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", [prev, digest, seq]
        )
        prev = digest


def craft_edited_copy(db: Database, inspection_id: str, copy: Path) -> str:
    """In the backup `copy` of `db`: the guards dropped, a «no» of the finalized inspection
    made «yes», its canonical document and hash recomputed, its finalize entry rewritten and
    the audit chain rehashed, the guards put back as they were. Returns the new hash."""
    failed = next(k for k, v in contents.answers_of(db, inspection_id).items() if v == "no")
    with sqlite3.connect(copy) as conn:
        triggers = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'"))
        for name in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute(
            "UPDATE answers SET value = '\"yes\"' WHERE inspection_id = ? AND item_id = ? "
            "AND repeat_index = ?",
            [inspection_id, *failed],
        )
    view = Database(str(copy))
    document = inspection_document.canonical_document(view, inspection_id)
    view.close()
    sha = canonical_sha256(document)
    with sqlite3.connect(copy) as conn:
        conn.execute(
            "UPDATE inspections SET canonical_sha256 = ? WHERE id = ?", [sha, inspection_id]
        )
        conn.execute(
            "UPDATE inspection_documents SET canonical_json = ?, canonical_sha256 = ? "
            "WHERE inspection_id = ?",
            [canonical_json(document).decode(), sha, inspection_id],
        )
        where = "WHERE action = 'finalize' AND inspection_id = ?"
        [detail] = conn.execute(f"SELECT detail FROM audit_log {where}", [inspection_id]).fetchone()
        edited = {**json.loads(detail), "sha256": sha}
        conn.execute(
            f"UPDATE audit_log SET detail = ? {where}",
            [json.dumps(edited, ensure_ascii=False, sort_keys=True), inspection_id],
        )
        _rechain(conn)
        for sql in triggers.values():
            conn.execute(sql)
    return sha
