"""Server-side console sessions and their CSRF tokens.

The cookie holds a random session id (HttpOnly, SameSite=Strict, Secure over https); the
table holds only its sha256, with the user, the CSRF token of the session, when it began, was
last used and ends. A session ends at logout, after `IDLE` without a request, at `LIFETIME`
whatever happens, or when its user is disabled or given a new password. The login form,
before there is a session, gets its CSRF token from a cookie of its own (double submit).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import Engine, delete, select, update
from starlette.requests import cookie_parser

from inspector_app.domain.jalali import from_iso, to_iso, utc_now
from inspector_app.server.console.tables import console_sessions_t
from inspector_app.server.console.users import ConsoleUser, active_user

SESSION_COOKIE = "bazres_console"
LOGIN_CSRF_COOKIE = "bazres_login_csrf"
IDLE = dt.timedelta(minutes=30)
LIFETIME = dt.timedelta(hours=12)
# last_seen_at is written at most this often: a page with many requests costs one write.
_TOUCH_EVERY = dt.timedelta(seconds=60)


@dataclass(frozen=True)
class Session:
    user: ConsoleUser
    csrf_token: str


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def start(engine: Engine, user: ConsoleUser) -> str:
    """A new session for the user; the cookie value (shown to nobody else)."""
    session_id = new_token()
    now = utc_now()
    with engine.begin() as conn:
        conn.execute(
            console_sessions_t.insert().values(
                id_sha256=_hash(session_id),
                user_id=user.id,
                csrf_token=new_token(),
                created_at=to_iso(now),
                last_seen_at=to_iso(now),
                expires_at=to_iso(now + LIFETIME),
            )
        )
    return session_id


def lookup(engine: Engine, session_id: str) -> Session | None:
    """The live session of this cookie value, its use noted; an expired one is deleted."""
    if not session_id:
        return None
    key = _hash(session_id)
    now = utc_now()
    with engine.begin() as conn:
        row = conn.execute(
            select(console_sessions_t).where(console_sessions_t.c.id_sha256 == key)
        ).first()
        if row is None:
            return None
        last_seen = from_iso(row.last_seen_at)
        if now >= from_iso(row.expires_at) or now - last_seen >= IDLE:
            conn.execute(delete(console_sessions_t).where(console_sessions_t.c.id_sha256 == key))
            return None
        user = active_user(conn, row.user_id)
        if user is None:
            conn.execute(delete(console_sessions_t).where(console_sessions_t.c.id_sha256 == key))
            return None
        if now - last_seen >= _TOUCH_EVERY:
            conn.execute(
                update(console_sessions_t)
                .where(console_sessions_t.c.id_sha256 == key)
                .values(last_seen_at=to_iso(now))
            )
    return Session(user, row.csrf_token)


def cookie_signed_in(engine: Engine, cookie_header: str) -> bool:
    """Whether a request's Cookie header holds a live session (checked before its body is
    read, api/limits.py)."""
    return lookup(engine, cookie_parser(cookie_header).get(SESSION_COOKIE, "")) is not None


def end(engine: Engine, session_id: str) -> None:
    with engine.begin() as conn:
        conn.execute(
            delete(console_sessions_t).where(console_sessions_t.c.id_sha256 == _hash(session_id))
        )


def purge_expired(engine: Engine) -> int:
    """Delete sessions past their end (run at each login: the table stays small)."""
    now = utc_now()
    with engine.begin() as conn:
        result = conn.execute(
            delete(console_sessions_t).where(
                (console_sessions_t.c.expires_at <= to_iso(now))
                | (console_sessions_t.c.last_seen_at <= to_iso(now - IDLE))
            )
        )
    return int(result.rowcount)
