"""Console users: who they are, their role, and their password kept as an argon2id hash.

Usernames are compared in lower case. A disabled user keeps their row (the audit log names
them) but cannot sign in, and their sessions end. Checking a password for an unknown name
still costs one argon2 verification, so the time taken does not tell which names exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal, cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Connection, Engine, delete, select, update

from inspector_app.domain.jalali import utc_now_iso
from inspector_app.errors import KnownError
from inspector_app.server.console.tables import console_sessions_t, console_users_t

Role = Literal["admin", "supervisor", "viewer"]
ROLES: tuple[Role, ...] = ("admin", "supervisor", "viewer")
_RANK: dict[str, int] = {"viewer": 0, "supervisor": 1, "admin": 2}
ROLE_LABELS: dict[str, str] = {"admin": "مدیر", "supervisor": "سرپرست", "viewer": "بیننده"}

MIN_PASSWORD = 12
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
# argon2-cffi's defaults are argon2id (RFC 9106 low-memory profile: t=3, m=64 MiB, p=4).
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not a password of anyone")


@dataclass(frozen=True)
class ConsoleUser:
    id: int
    username: str
    display_name: str
    role: Role

    def has(self, role: Role) -> bool:
        """Whether this user's role is `role` or above it."""
        return _RANK[self.role] >= _RANK[role]

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]


@dataclass(frozen=True)
class UserRecord:
    """A user as `user list` shows them."""

    user: ConsoleUser
    created_at: str
    password_changed_at: str
    disabled_at: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.user.id,
            "username": self.user.username,
            "display_name": self.user.display_name,
            "role": self.user.role,
            "created_at": self.created_at,
            "password_changed_at": self.password_changed_at,
            "disabled_at": self.disabled_at,
        }


def normalize_username(username: str) -> str:
    return username.strip().lower()


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise KnownError(f"the password must be at least {MIN_PASSWORD} characters long")


def add_user(
    conn: Connection, username: str, role: str, password: str, display_name: str = ""
) -> ConsoleUser:
    name = normalize_username(username)
    if not _USERNAME.match(name):
        raise KnownError(
            "a username is 2 to 64 Latin letters, digits, dots, dashes or underscores, "
            f"beginning with a letter or digit: {username!r}"
        )
    if role not in ROLES:
        raise KnownError(f"the role must be one of {', '.join(ROLES)}: {role!r}")
    check_password(password)
    if conn.execute(select(console_users_t.c.id).where(console_users_t.c.username == name)).first():
        raise KnownError(f"a user named {name!r} exists already")
    now = utc_now_iso()
    inserted = conn.execute(
        console_users_t.insert().values(
            username=name,
            display_name=display_name.strip(),
            role=role,
            password_hash=_hasher.hash(password),
            created_at=now,
            password_changed_at=now,
        )
    ).inserted_primary_key
    assert inserted is not None
    return ConsoleUser(int(inserted[0]), name, display_name.strip(), cast(Role, role))


def _record(row: Any) -> UserRecord:
    user = ConsoleUser(row.id, row.username, row.display_name, cast(Role, row.role))
    return UserRecord(user, row.created_at, row.password_changed_at, row.disabled_at)


def find(conn: Connection, username: str) -> UserRecord:
    row = conn.execute(
        select(console_users_t).where(console_users_t.c.username == normalize_username(username))
    ).first()
    if row is None:
        raise KnownError(f"no console user named {normalize_username(username)!r}")
    return _record(row)


def list_users(conn: Connection) -> list[UserRecord]:
    rows = conn.execute(select(console_users_t).order_by(console_users_t.c.username)).all()
    return [_record(r) for r in rows]


def disable(conn: Connection, username: str) -> UserRecord:
    """Disable the user and end their sessions (a user disabled already stays so)."""
    found = find(conn, username)
    conn.execute(
        update(console_users_t)
        .where(console_users_t.c.id == found.user.id)
        .where(console_users_t.c.disabled_at.is_(None))
        .values(disabled_at=utc_now_iso())
    )
    end_sessions(conn, found.user.id)
    return find(conn, username)


def reset_password(conn: Connection, username: str, password: str) -> UserRecord:
    """A new password; every session of the user ends."""
    check_password(password)
    found = find(conn, username)
    conn.execute(
        update(console_users_t)
        .where(console_users_t.c.id == found.user.id)
        .values(password_hash=_hasher.hash(password), password_changed_at=utc_now_iso())
    )
    end_sessions(conn, found.user.id)
    return find(conn, username)


def end_sessions(conn: Connection, user_id: int) -> None:
    conn.execute(delete(console_sessions_t).where(console_sessions_t.c.user_id == user_id))


def verify_login(engine: Engine, username: str, password: str) -> ConsoleUser | None:
    """The active user with this name and password, or None (same work either way)."""
    with engine.connect() as conn:
        row = conn.execute(
            select(console_users_t).where(
                console_users_t.c.username == normalize_username(username)
            )
        ).first()
    stored = row.password_hash if row is not None else _DUMMY_HASH
    try:
        _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if row is None or row.disabled_at is not None:
        return None
    if _hasher.check_needs_rehash(stored):
        with engine.begin() as conn:
            conn.execute(
                update(console_users_t)
                .where(console_users_t.c.id == row.id)
                .values(password_hash=_hasher.hash(password))
            )
    return _record(row).user


def active_user(conn: Connection, user_id: int) -> ConsoleUser | None:
    row = conn.execute(
        select(console_users_t)
        .where(console_users_t.c.id == user_id)
        .where(console_users_t.c.disabled_at.is_(None))
    ).first()
    return _record(row).user if row is not None else None
