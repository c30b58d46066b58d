"""The review of a received inspection: received → reviewed → accepted or returned.

Each step is one row in `review_events` (who, when, the comment) and moves the inspection's
current state in `review_states`, in one transaction and only from the state the reviewer saw:
two supervisors acting on the same inspection at once cannot both move it. A returned
inspection's comment reaches the laptop whose key signed it at its next sync (GET /v1/reviews).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from inspector_app.domain.jalali import utc_now_iso
from inspector_app.server.console.audit_log import record
from inspector_app.server.console.review_tables import review_events_t, review_states_t
from inspector_app.server.console.users import ConsoleUser
from inspector_app.server.database import inspections_t

State = Literal["received", "reviewed", "accepted", "returned"]
STATES: tuple[State, ...] = ("received", "reviewed", "accepted", "returned")
STATE_LABELS: dict[str, str] = {
    "received": "دریافت‌شده",
    "reviewed": "بررسی‌شده",
    "accepted": "پذیرفته",
    "returned": "بازگردانده",
}
# Where each state may go; accepted and returned are final (a correction the inspector sends
# is a new inspection, received afresh).
NEXT: dict[str, tuple[State, ...]] = {
    "received": ("reviewed",),
    "reviewed": ("accepted", "returned"),
    "accepted": (),
    "returned": (),
}
COMMENT_MAX = 2000


class ReviewRefused(Exception):
    """The step cannot be taken; `message` is Persian, for the page."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Step:
    state: str
    comment: str
    by: str
    at: str


def current(engine: Engine, inspection_id: str) -> Step:
    with engine.connect() as conn:
        row = conn.execute(
            select(
                review_states_t.c.state,
                review_states_t.c.comment,
                review_states_t.c.by,
                review_states_t.c.at,
            ).where(review_states_t.c.inspection_id == inspection_id)
        ).first()
    return Step(*row) if row else Step("received", "", "", "")


def history(engine: Engine, inspection_id: str) -> list[Step]:
    e = review_events_t.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(e.state, e.comment, e.by, e.at)
            .where(e.inspection_id == inspection_id)
            .order_by(e.id)
        ).all()
    return [Step(*row) for row in rows]


def move(
    engine: Engine, inspection_id: str, *, seen: str, to: str, comment: str, by: ConsoleUser
) -> Step:
    """Take one step from `seen` (the state the reviewer's page showed) to `to`, recorded in
    the server's audit log in the same transaction. A return needs a comment: it is what the
    inspector reads."""
    comment = comment.strip()
    if to not in NEXT.get(seen, ()):
        raise ReviewRefused(
            f"از وضعیت «{STATE_LABELS.get(seen, seen)}» نمی‌توان به «{STATE_LABELS.get(to, to)}» رفت"
        )
    if to == "returned" and not comment:
        raise ReviewRefused("برای بازگرداندن، توضیح بنویسید تا بازرس بداند چه باید اصلاح شود")
    if len(comment) > COMMENT_MAX:
        raise ReviewRefused(f"توضیح بلندتر از {COMMENT_MAX} نویسه است")
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in comment):
        raise ReviewRefused("توضیح نویسهٔ نامعتبر دارد")
    step = Step(to, comment, by.username, utc_now_iso())
    values = {"state": step.state, "comment": step.comment, "by": step.by, "at": step.at}
    try:
        with engine.begin() as conn:
            held = conn.execute(
                select(inspections_t.c.id).where(inspections_t.c.id == inspection_id)
            ).first()
            if held is None:
                raise ReviewRefused("این بازرسی روی سرور نیست")
            if seen == "received":
                conn.execute(insert(review_states_t).values(inspection_id=inspection_id, **values))
            else:
                done = conn.execute(
                    update(review_states_t)
                    .where(
                        review_states_t.c.inspection_id == inspection_id,
                        review_states_t.c.state == seen,
                    )
                    .values(**values)
                )
                if done.rowcount != 1:
                    raise _moved_meanwhile()
            conn.execute(insert(review_events_t).values(inspection_id=inspection_id, **values))
            record(conn, by, "review", inspection_id, {"from": seen, "to": to, "comment": comment})
    except IntegrityError as exc:  # another reviewer took the first step a moment ago
        raise _moved_meanwhile() from exc
    return step


def _moved_meanwhile() -> ReviewRefused:
    return ReviewRefused(
        "وضعیت این بازرسی همین حالا به دست کاربر دیگری تغییر کرد؛ صفحه را تازه کنید"
    )


def returned_for_key(engine: Engine, key_sha256: str) -> list[dict[str, str]]:
    """The reviews a laptop learns of: its own key's inspections that were returned or
    accepted, with the comment, who and when."""
    s, i = review_states_t.c, inspections_t.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(s.inspection_id, s.state, s.comment, s.by, s.at)
            .join(inspections_t, i.id == s.inspection_id)
            .where(
                i.signer_key_sha256 == key_sha256,
                i.signer_key_sha256 != "",
                s.state.in_(("accepted", "returned")),
            )
            .order_by(s.inspection_id)
        ).all()
    return [
        {"inspection_id": r[0], "state": r[1], "comment": r[2], "by": r[3], "at": r[4]}
        for r in rows
    ]
