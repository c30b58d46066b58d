"""Baseline: the server's tables as `metadata.create_all` made them before migrations existed.

A database made that way (tables, no alembic_version) is checked against `tables()` and
stamped at this revision by `inspector-server db upgrade` (server/schema.py).

Revision ID: 0001
Revises: -
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def tables() -> MetaData:
    """The baseline schema, frozen (server/database.py as of this revision)."""
    m = MetaData()
    Table(
        "devices",
        m,
        Column("id", String(64), primary_key=True),
        Column("token_sha256", String(64), nullable=False, unique=True),
        Column("inspector_name", Text, nullable=False),
        Column("device_name", Text, nullable=False),
        Column("cert_pem", Text, nullable=False),
        Column("cert_fingerprint", String(64), nullable=False, index=True),
        Column("enrolled_at", String(40), nullable=False),
        Column("revoked_at", String(40)),
    )
    Table(
        "enrol_codes",
        m,
        Column("code_sha256", String(64), primary_key=True),
        Column("inspector_name", Text, nullable=False),
        Column("personnel_no", String(32), nullable=False),
        Column("created_at", String(40), nullable=False),
        Column("expires_at", String(40), nullable=False),
        Column("used_at", String(40)),
        Column("device_id", String(64)),
    )
    Table(
        "certificates",
        m,
        Column("serial", String(40), primary_key=True),
        Column("device_id", String(64), ForeignKey("devices.id"), nullable=False, index=True),
        Column("holder_name", Text, nullable=False),
        Column("personnel_no", String(32), nullable=False),
        Column("fingerprint", String(64), nullable=False, unique=True),
        Column("key_sha256", String(64), nullable=False, index=True),
        Column("cert_pem", Text, nullable=False),
        Column("issued_at", String(40), nullable=False),
        Column("not_after", String(40), nullable=False),
        Column("revoked_at", String(40)),
        Column("revocation_reason", String(32)),
    )
    Table(
        "inspections",
        m,
        Column("id", String(64), primary_key=True),
        Column("canonical_sha256", String(64), nullable=False),
        Column("source", String(16), nullable=False),
        Column("device_id", String(64), ForeignKey("devices.id")),
        Column("signer_fingerprint", String(64), nullable=False),
        Column("signer_key_sha256", String(64), nullable=False),
        Column("signer_issued", Boolean, nullable=False),
        Column("inspector_name", Text, nullable=False),
        Column("office_code", String(64), nullable=False),
        Column("office_type", String(32), nullable=False),
        Column("county", Text, nullable=False),
        Column("visit_date", String(10), nullable=False),
        Column("form_id", String(64), nullable=False),
        Column("form_version", Integer, nullable=False),
        Column("compliance", Float),
        Column("grade", String(16)),
        Column("critical_failures", Integer, nullable=False),
        Column("satisfaction", Float),
        Column("replaces", String(64)),
        Column("pdf_sha256", String(64), nullable=False),
        Column("canonical_json", Text, nullable=False),
        Column("received_at", String(40), nullable=False),
        Index("inspections_visit", "visit_date"),
        Index("inspections_county_type", "county", "office_type"),
    )
    Table(
        "inspection_files",
        m,
        Column("inspection_id", String(64), ForeignKey("inspections.id"), primary_key=True),
        Column("name", String(128), primary_key=True),
        Column("sha256", String(64), nullable=False),
        Column("size", Integer, nullable=False),
    )
    Table(
        "conflicts",
        m,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("inspection_id", String(64), nullable=False, index=True),
        Column("stored_sha256", String(64), nullable=False),
        Column("received_sha256", String(64), nullable=False),
        Column("bundle_sha256", String(64), nullable=False),
        Column("source", String(16), nullable=False),
        Column("device_id", String(64)),
        Column("received_at", String(40), nullable=False),
        Column("resolved_at", String(40)),
        Index("conflicts_version", "inspection_id", "received_sha256", unique=True),
    )
    Table(
        "conflict_resolutions",
        m,
        Column("conflict_id", Integer, ForeignKey("conflicts.id"), primary_key=True),
        Column("keep", String(16), nullable=False),
        Column("new_inspection_id", String(64)),
        Column("stored_files", Text),
        Column("resolved_by", Text, nullable=False),
        Column("reason", Text, nullable=False),
        Column("resolved_at", String(40), nullable=False),
    )
    Table(
        "failed_answers",
        m,
        Column("inspection_id", String(64), ForeignKey("inspections.id"), primary_key=True),
        Column("item_id", String(64), primary_key=True),
        Column("item_text", Text, nullable=False),
    )
    Table(
        "publications",
        m,
        Column("name", String(128), primary_key=True),
        Column("kind", String(16), nullable=False),
        Column("content", LargeBinary, nullable=False),
        Column("sha256", String(64), nullable=False),
        Column("updated_at", String(40), nullable=False),
    )
    Table(
        "audit_anchors",
        m,
        Column("device_id", String(64), ForeignKey("devices.id"), primary_key=True),
        Column("seq", BigInteger, nullable=False),
        Column("hash", String(64), nullable=False),
        Column("received_at", String(40), nullable=False),
    )
    return m


def upgrade() -> None:
    tables().create_all(op.get_bind())
