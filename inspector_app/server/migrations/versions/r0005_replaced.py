"""`inspections.replaced`: whether a correction of the same key and office replaces the
inspection (server/replaced.py keeps it at ingest), with a partial index on the replaced ones,
so the province figures take them off without joining every correction at every read.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import Boolean, Column, false, text

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The rule of server/replaced.py, for the rows already held.
_FILL = """
UPDATE inspections SET replaced = TRUE WHERE id IN (
    SELECT r.replaces FROM inspections r JOIN inspections o ON o.id = r.replaces
    WHERE r.replaces IS NOT NULL AND r.signer_key_sha256 = o.signer_key_sha256
      AND r.signer_key_sha256 <> '' AND r.office_code = o.office_code)
"""


def upgrade() -> None:
    op.add_column(
        "inspections", Column("replaced", Boolean, nullable=False, server_default=false())
    )
    op.create_index(
        "inspections_replaced",
        "inspections",
        ["id"],
        sqlite_where=text("replaced"),
        postgresql_where=text("replaced"),
    )
    op.get_bind().execute(text(_FILL))
