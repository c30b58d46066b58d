"""The server's audit log: every admin or supervisor action, from the console or the shell,
appended as one row (who, what, on what, details). Nothing updates or deletes a row.

The actor is a console user, or the OS login name (a string) for `inspector-server` commands
run in a shell, or None for someone not signed in (a failed login).
"""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from inspector_app.domain.jalali import utc_now_iso
from inspector_app.server.console.tables import server_audit_t
from inspector_app.server.console.users import ConsoleUser

PAGE_SIZE = 50

# What each action is called on the audit page.
ACTION_LABELS: dict[str, str] = {
    "login": "ورود",
    "login_failed": "ورود ناموفق",
    "login_throttled": "ورود مسدود (تلاش زیاد)",
    "logout": "خروج",
    "denied": "کار غیرمجاز",
    "user_added": "افزودن کاربر",
    "user_disabled": "غیرفعال کردن کاربر",
    "user_reset": "گذرواژهٔ تازه",
    "enrol_code": "صدور کد ثبت دستگاه",
    "device_revoked": "ابطال دستگاه",
    "conflict_resolved": "حل تعارض",
    "publish": "انتشار",
    "visit_added": "افزودن به برنامهٔ بازدید",
    "visits_imported": "بارگذاری برنامهٔ بازدید",
    "visit_cancelled": "لغو بازدید از برنامه",
}


# What the details' keys are called on the audit page (a key not here is shown as it is).
DETAIL_LABELS: dict[str, str] = {
    "added": "افزوده",
    "address": "نشانی",
    "by": "به نام",
    "changes": "تغییرها",
    "due": "مهلت",
    "file": "پرونده",
    "keep": "نگه‌داشته",
    "method": "روش",
    "needs": "نقش لازم",
    "office": "دفتر",
    "offices": "دفترها",
    "personnel_no": "شمارهٔ پرسنلی",
    "reason": "دلیل",
    "role": "نقش",
    "sha256": "چکیدهٔ sha256",
    "version": "نسخه",
}


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    actor_kind: str
    action: str
    target: str
    detail: dict[str, Any]

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    def labelled_detail(self, values: dict[str, str]) -> list[tuple[str, str]]:
        """The details as (Persian key, value) pairs, values named by `values` when known."""
        return [
            (DETAIL_LABELS.get(key, key), values.get(str(value), str(value)))
            for key, value in self.detail.items()
        ]


def shell_user() -> str:
    """The OS login name of whoever runs an admin command (empty if there is none)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def record(
    db: Connection | Engine,
    user: ConsoleUser | str | None,
    action: str,
    target: str = "",
    detail: dict[str, Any] | None = None,
) -> None:
    """Append one entry; inside `db`'s transaction when it is a connection, so the entry and
    the change it tells of are kept together or not at all."""
    if isinstance(user, ConsoleUser):
        actor, kind = user.username, "console"
    elif isinstance(user, str):
        actor, kind = user, "shell"
    else:
        actor, kind = "", "anonymous"
    values = {
        "at": utc_now_iso(),
        "actor": actor,
        "actor_kind": kind,
        "action": action,
        "target": target,
        "detail": json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, default=str),
    }
    if isinstance(db, Connection):
        db.execute(server_audit_t.insert().values(**values))
    else:
        with db.begin() as conn:
            conn.execute(server_audit_t.insert().values(**values))


def page(engine: Engine, number: int, size: int = PAGE_SIZE) -> tuple[list[AuditEntry], int]:
    """Entries newest first, page `number` (from 1), and the count of all entries."""
    number = max(1, number)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(server_audit_t)).scalar_one()
        rows = conn.execute(
            select(server_audit_t)
            .order_by(server_audit_t.c.id.desc())
            .limit(size)
            .offset((number - 1) * size)
        ).all()
    entries = [
        AuditEntry(r.id, r.at, r.actor, r.actor_kind, r.action, r.target, json.loads(r.detail))
        for r in rows
    ]
    return entries, int(total)
