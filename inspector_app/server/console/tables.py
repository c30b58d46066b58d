"""The console's tables, on the server's one `metadata`: users, their sessions, failed-login
counters and the server audit log. Times are UTC ISO 8601 text, as in server/database.py."""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, String, Table, Text

from inspector_app.server.database import metadata

console_users_t = Table(
    "console_users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, unique=True),  # lower case
    Column("display_name", Text, nullable=False, default=""),
    Column("role", String(16), nullable=False),  # admin | supervisor | viewer
    Column("password_hash", Text, nullable=False),  # argon2id, PHC string
    Column("created_at", String(40), nullable=False),
    Column("password_changed_at", String(40), nullable=False),
    Column("disabled_at", String(40)),
)

# A session is known by the sha256 of its cookie value: a copy of the table opens no session.
console_sessions_t = Table(
    "console_sessions",
    metadata,
    Column("id_sha256", String(64), primary_key=True),
    Column("user_id", Integer, nullable=False, index=True),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("last_seen_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),  # absolute; idle time is on last_seen_at
)

# Failed logins per "user:<name>" and per "addr:<client address>", for throttling.
login_failures_t = Table(
    "console_login_failures",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_failed_at", String(40), nullable=False),
    Column("locked_until", String(40)),
)

# Append-only: who did what to what, from the console or the shell.
server_audit_t = Table(
    "server_audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("actor", Text, nullable=False),  # console username, or the OS user for the shell
    Column("actor_kind", String(16), nullable=False),  # console | shell | anonymous
    Column("action", String(64), nullable=False),
    Column("target", Text, nullable=False, default=""),
    Column("detail", Text, nullable=False, default="{}"),  # JSON object
    Index("server_audit_log_at", "at"),
)
