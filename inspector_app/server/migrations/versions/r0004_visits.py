"""The visit plan (server/visits.py): offices assigned to inspectors with a due date, closed
at ingest by the inspector's inspection of the office, or cancelled.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import Column, Index, MetaData, String, Table, Text

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def tables() -> MetaData:
    """The visit plan's table as of this revision, frozen."""
    m = MetaData()
    Table(
        "visit_assignments",
        m,
        Column("id", String(36), primary_key=True),
        Column("office_code", String(64), nullable=False),
        Column("personnel_no", String(32), nullable=False),
        Column("inspector_name", Text, nullable=False),
        Column("due_date", String(10), nullable=False),
        Column("form_id", String(64), nullable=False),
        Column("note", Text, nullable=False),
        Column("assigned_at", String(40), nullable=False),
        Column("assigned_by", Text, nullable=False),
        Column("state", String(16), nullable=False),
        Column("closed_at", String(40)),
        Column("closed_by", String(64)),
        Index("visit_assignments_personnel_state", "personnel_no", "state"),
        Index("visit_assignments_office_state", "office_code", "state"),
    )
    return m


def upgrade() -> None:
    tables().create_all(op.get_bind())
