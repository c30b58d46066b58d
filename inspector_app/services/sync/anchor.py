"""The audit log's head, anchored on the server: sent at the end of each sync, and checked
by `inspector-app audit verify` beyond the last finalize.

The server holds the head of each laptop's log as its last sync sent it (server/api/routes/
audit.py). Before sending the new head the laptop reads the one held and sends, with it, its
own entry at that seq: the server refuses (409) a head that does not continue the log it
held, and the laptop reports that as an integrity problem, not as a sync failure to retry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from inspector_app.errors import QT_TRANSLATE_NOOP, KnownError, fill
from inspector_app.services import integrity
from inspector_app.services.context import AppContext
from inspector_app.services.sync.client import SyncClient, SyncError
from inspector_app.storage import audit

ANCHOR_REFUSED = QT_TRANSLATE_NOOP(
    "Errors",
    "سرور سرِ دفتر رویدادهای این رایانه را نپذیرفت: {problem} ممکن است پروندهٔ داده‌ها "
    "دستکاری شده باشد؛ به پشتیبانی خبر دهید («inspector-app audit verify» جزئیات را نشان "
    "می‌دهد).",
)
ANCHOR_FAILED = QT_TRANSLATE_NOOP(
    "Errors", "سرِ دفتر رویدادها به سرور فرستاده نشد (پاسخ {status}): {detail}"
)
NOT_CHECKED = QT_TRANSLATE_NOOP("Errors", "سرِ دفتر رویدادها با سرور سنجیده نشد: {reason}")


class AnchorRefused(SyncError):
    """The server holds a head this log no longer continues: it was cut or rewritten."""


def _head(value: Any) -> audit.Head | None:
    if not isinstance(value, dict):
        return None
    seq, digest = value.get("seq"), value.get("hash")
    if not isinstance(seq, int) or not isinstance(digest, str):
        return None
    return audit.Head(seq, digest)


def held(client: SyncClient) -> audit.Head | None:
    """The head the server holds for this device (None before its first anchored sync)."""
    reply = client.audit_anchor()
    if reply.status != 200:
        raise SyncError(
            ANCHOR_FAILED, status=reply.status, detail=str(reply.body.get("detail") or "")
        )
    return _head(reply.body.get("anchor"))


def problems_against(db: Database, head: audit.Head) -> list[integrity.Problem]:
    """What this log fails of the server's head; a rewrite's start is bounded by the signed
    documents' anchors that still hold below it."""
    signed = integrity.signed_anchors(db)
    return integrity.anchor_problems(db, {head: None}, "server", also=list(signed))


def send_head(context: AppContext, client: SyncClient) -> audit.Head:
    """Send the log's head for the server to hold; AnchorRefused if it does not continue the
    head held (the Persian message says what was cut or rewritten, from which entry)."""
    db = context.db
    before = held(client)
    head = audit.head(db)
    previous = None
    if before is not None:
        own = db.execute("SELECT hash FROM audit_log WHERE seq = ?", [before.seq]).fetchone()
        if own is not None or before.seq == 0:
            previous = {"seq": before.seq, "hash": own[0] if own else audit.GENESIS}
    reply = client.audit_anchor({**head.as_dict(), "previous": previous})
    if reply.status == 409:
        found = problems_against(db, before) if before is not None else []
        problem = " ".join(p.detail for p in found) or str(reply.body.get("detail") or "")
        raise AnchorRefused(ANCHOR_REFUSED, problem=problem)
    if reply.status != 200:
        raise SyncError(
            ANCHOR_FAILED, status=reply.status, detail=str(reply.body.get("detail") or "")
        )
    return head


@dataclass
class ServerCheck:
    """`audit verify` against the server: `checked` False when it could not be asked (offline,
    not enrolled), with `reason`; never a problem in itself."""

    checked: bool
    held: audit.Head | None = None
    problems: list[integrity.Problem] = field(default_factory=list)
    reason: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "checked": self.checked,
            "held": self.held.as_dict() if self.held else None,
            "problems": [p.as_dict() for p in self.problems],
            "reason": self.reason,
        }


def check_server(db: Database, connect: Callable[[], SyncClient]) -> ServerCheck:
    """The log against the head the server holds, if the server can be asked (`connect`:
    the enrolled laptop's client, runner.client_for)."""
    try:
        with connect() as client:
            head = held(client)
    except KnownError as exc:  # not enrolled, unreachable, revoked, intercepted
        return ServerCheck(False, reason=fill(NOT_CHECKED, {"reason": exc.message}))
    if head is None:
        return ServerCheck(True)
    return ServerCheck(True, head, problems_against(db, head))
