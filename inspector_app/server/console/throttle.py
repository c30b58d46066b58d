"""Login throttling, per username and per client address.

Four failures within `FORGET` cost nothing; the fifth (`FREE`) and each one after it lock
that name or address for a window that doubles, 30 s, 1 min, 2 min, … up to 15 min. While locked, a
login is refused without looking at the password (so guessing gets nowhere), and the lock is
not lengthened by the refused tries. A success clears the name's counter (not the address's:
one good account must not wash an address's failures on others). Counters older than
`FORGET` start again from nothing.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, delete, select, update

from inspector_app.domain.jalali import from_iso, to_iso, utc_now
from inspector_app.server.console.tables import login_failures_t
from inspector_app.server.database import insert_or

FREE = 5
FIRST_LOCK = dt.timedelta(seconds=30)
LONGEST_LOCK = dt.timedelta(minutes=15)
FORGET = dt.timedelta(hours=1)


def keys(username: str, address: str) -> list[str]:
    return [f"user:{username.strip().lower()}"[:200], f"addr:{address}"[:200]]


def locked_for(engine: Engine, names: list[str]) -> dt.timedelta | None:
    """How long the longest lock on any of these keys still runs, or None."""
    now = utc_now()
    with engine.connect() as conn:
        rows = conn.execute(
            select(login_failures_t.c.locked_until).where(login_failures_t.c.key.in_(names))
        ).all()
    left = [from_iso(r.locked_until) - now for r in rows if r.locked_until]
    longest = max(left, default=dt.timedelta(0))
    return longest if longest > dt.timedelta(0) else None


def failed(engine: Engine, names: list[str]) -> None:
    """Count a failed login against each key. Guesses sent in parallel each count: the row is
    made first if missing, then read locked (PostgreSQL; on SQLite the insert already holds the
    database) and written back, so no failure is lost between another's read and write."""
    now = utc_now()
    with engine.begin() as conn:
        for key in names:
            fresh = {"failures": 0, "last_failed_at": to_iso(now), "locked_until": None}
            made = insert_or(conn, login_failures_t).values(key=key, **fresh)
            conn.execute(made.on_conflict_do_nothing(index_elements=["key"]))
            at_key = login_failures_t.c.key == key
            row = conn.execute(select(login_failures_t).where(at_key).with_for_update()).one()
            count = 1
            if now - from_iso(row.last_failed_at) < FORGET:
                count = row.failures + 1
            locked = None
            if count >= FREE:
                window = min(FIRST_LOCK * 2 ** min(count - FREE, 10), LONGEST_LOCK)
                locked = to_iso(now + window)
            conn.execute(
                update(login_failures_t)
                .where(at_key)
                .values(failures=count, last_failed_at=to_iso(now), locked_until=locked)
            )


def succeeded(engine: Engine, username_key: str) -> None:
    with engine.begin() as conn:
        conn.execute(delete(login_failures_t).where(login_failures_t.c.key == username_key))
