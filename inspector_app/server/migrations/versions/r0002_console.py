"""The governorate console: its users, sessions, failed logins and the server audit log
(server/console/tables.py), the review of received inspections (server/console/review_tables.py)
and the indexes its list of inspections sorts and filters on.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import Column, ForeignKey, Index, Integer, MetaData, String, Table, Text

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def tables() -> MetaData:
    """The console's tables as of this revision, frozen."""
    m = MetaData()
    Table(
        "console_users",
        m,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("username", String(64), nullable=False, unique=True),
        Column("display_name", Text, nullable=False),
        Column("role", String(16), nullable=False),
        Column("password_hash", Text, nullable=False),
        Column("created_at", String(40), nullable=False),
        Column("password_changed_at", String(40), nullable=False),
        Column("disabled_at", String(40)),
    )
    Table(
        "console_sessions",
        m,
        Column("id_sha256", String(64), primary_key=True),
        Column("user_id", Integer, nullable=False, index=True),
        Column("csrf_token", String(64), nullable=False),
        Column("created_at", String(40), nullable=False),
        Column("last_seen_at", String(40), nullable=False),
        Column("expires_at", String(40), nullable=False),
    )
    Table(
        "console_login_failures",
        m,
        Column("key", String(200), primary_key=True),
        Column("failures", Integer, nullable=False),
        Column("last_failed_at", String(40), nullable=False),
        Column("locked_until", String(40)),
    )
    Table(
        "server_audit_log",
        m,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("at", String(40), nullable=False),
        Column("actor", Text, nullable=False),
        Column("actor_kind", String(16), nullable=False),
        Column("action", String(64), nullable=False),
        Column("target", Text, nullable=False),
        Column("detail", Text, nullable=False),
        Index("server_audit_log_at", "at"),
    )
    # The foreign keys name inspections, which this MetaData only references.
    Table("inspections", m, Column("id", String(64), primary_key=True))
    Table(
        "review_events",
        m,
        Column(
            "inspection_id", String(64), ForeignKey("inspections.id"), nullable=False, index=True
        ),
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("state", String(16), nullable=False),
        Column("comment", Text, nullable=False),
        Column("by", Text, nullable=False),
        Column("at", String(40), nullable=False),
    )
    Table(
        "review_states",
        m,
        Column("inspection_id", String(64), ForeignKey("inspections.id"), primary_key=True),
        Column("state", String(16), nullable=False),
        Column("comment", Text, nullable=False),
        Column("by", Text, nullable=False),
        Column("at", String(40), nullable=False),
        Index("review_states_state", "state"),
    )
    return m


# (name, columns) on inspections, for the console's list over 200,000 rows.
INSPECTION_INDEXES = (
    ("inspections_received", ["received_at", "id"]),
    ("inspections_visit_id", ["visit_date", "id"]),
    ("inspections_compliance", ["compliance", "id"]),
    ("inspections_office", ["office_code", "id"]),
    ("inspections_inspector", ["inspector_name", "id"]),
    ("inspections_grade", ["grade"]),
    ("inspections_county_type_visit", ["county", "office_type", "visit_date"]),
)


def upgrade() -> None:
    m = tables()
    m.create_all(op.get_bind(), tables=[t for n, t in m.tables.items() if n != "inspections"])
    for name, columns in INSPECTION_INDEXES:
        op.create_index(name, "inspections", columns)
