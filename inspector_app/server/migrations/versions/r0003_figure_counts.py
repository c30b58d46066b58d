"""The province figures kept summed as inspections arrive (server/figure_counts.py): per visit
day and form version, and the «no» answers per month, form version and item; filled here
from the inspections and failed answers already held. Indexes on inspections: offices' last
visits and the offices inspected (server/figures.py), corrections by what they replace, and
the console list's filters with the time received (console/review_tables.py), in place of
revision 0002's.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, text

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def tables() -> MetaData:
    """The figure tables as of this revision, frozen."""
    m = MetaData()
    Table(
        "figure_days",
        m,
        Column("visit_date", String(10), primary_key=True),
        Column("county", Text, primary_key=True),
        Column("office_type", String(32), primary_key=True),
        Column("form_id", String(64), primary_key=True),
        Column("form_version", Integer, primary_key=True, autoincrement=False),
        Column("inspections", Integer, nullable=False),
        Column("scored", Integer, nullable=False),
        Column("score_sum", Float, nullable=False),
        Column("critical", Integer, nullable=False),
        Column("interviewed", Integer, nullable=False),
        Column("satisfaction_sum", Float, nullable=False),
    )
    Table(
        "figure_failed_months",
        m,
        Column("month", String(7), primary_key=True),
        Column("county", Text, primary_key=True),
        Column("office_type", String(32), primary_key=True),
        Column("form_id", String(64), primary_key=True),
        Column("form_version", Integer, primary_key=True, autoincrement=False),
        Column("item_id", String(64), primary_key=True),
        Column("failed", Integer, nullable=False),
        Column("item_text", Text, nullable=False),
    )
    return m


INSPECTION_INDEXES = (
    ("inspections_office_visit", ["office_code", "visit_date", "county", "office_type", "id"]),
    ("inspections_replaces", ["replaces", "signer_key_sha256", "office_code"]),
    # the console's list: each filter's index also holds the time received (its default order)
    ("inspections_office_received", ["office_code", "received_at", "id"]),
    ("inspections_inspector_received", ["inspector_name", "received_at", "id"]),
    ("inspections_grade_received", ["grade", "received_at", "id"]),
    (
        "inspections_county_type_visit_received",
        ["county", "office_type", "visit_date", "received_at", "id"],
    ),
)
# revision 0002's list indexes the ones above replace
DROPPED_INDEXES = (
    "inspections_office",
    "inspections_inspector",
    "inspections_grade",
    "inspections_county_type_visit",
)

_FILL_DAYS = """
INSERT INTO figure_days (visit_date, county, office_type, form_id, form_version, inspections,
                         scored, score_sum, critical, interviewed, satisfaction_sum)
SELECT visit_date, county, office_type, form_id, form_version, COUNT(*), COUNT(compliance),
       COALESCE(SUM(compliance), 0), SUM(CASE WHEN critical_failures > 0 THEN 1 ELSE 0 END),
       COUNT(satisfaction), COALESCE(SUM(satisfaction), 0)
FROM inspections GROUP BY visit_date, county, office_type, form_id, form_version
"""
_FILL_MONTHS = """
INSERT INTO figure_failed_months (month, county, office_type, form_id, form_version, item_id,
                                  failed, item_text)
SELECT SUBSTR(s.visit_date, 1, 7), s.county, s.office_type, s.form_id, s.form_version,
       a.item_id, COUNT(*), MIN(a.item_text)
FROM failed_answers a JOIN inspections s ON s.id = a.inspection_id
GROUP BY SUBSTR(s.visit_date, 1, 7), s.county, s.office_type, s.form_id, s.form_version,
         a.item_id
"""


def upgrade() -> None:
    bind = op.get_bind()
    tables().create_all(bind)
    for name, columns in INSPECTION_INDEXES:
        op.create_index(name, "inspections", columns)
    for name in DROPPED_INDEXES:
        op.drop_index(name, "inspections")
    bind.execute(text(_FILL_DAYS))
    bind.execute(text(_FILL_MONTHS))
