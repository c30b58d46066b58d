"""The review of received inspections (server/console/review.py) and the indexes the console's
list needs, on `server.database.metadata`.

`review_events` keeps every step (who, when, which state, the comment) and is never changed;
`review_states` holds each reviewed inspection's current state, one row, so the list filters
and joins on it without reading the history. An inspection with no row is "received".
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table, Text

from inspector_app.server.database import inspections_t, metadata

review_events_t = Table(
    "review_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("inspection_id", String(64), ForeignKey("inspections.id"), nullable=False, index=True),
    Column("state", String(16), nullable=False),  # reviewed | accepted | returned
    Column("comment", Text, nullable=False, default=""),
    Column("by", Text, nullable=False),  # the console user's name
    Column("at", String(40), nullable=False),
)

review_states_t = Table(
    "review_states",
    metadata,
    Column("inspection_id", String(64), ForeignKey("inspections.id"), primary_key=True),
    Column("state", String(16), nullable=False),
    Column("comment", Text, nullable=False, default=""),
    Column("by", Text, nullable=False),
    Column("at", String(40), nullable=False),
    Index("review_states_state", "state"),
)

# The list's sort keys and filters on 200,000 inspections (server/console/inspections.py): each
# sort is an index walk with the id as tie-break, each equality filter an index lookup that
# also holds the time received, the default order: on SQLite a row is mostly its canonical
# JSON and received_at comes after it, so reading it from the row costs several pages.
_i = inspections_t.c
LIST_INDEXES = (
    Index("inspections_received", _i.received_at, _i.id),
    Index("inspections_visit_id", _i.visit_date, _i.id),
    Index("inspections_compliance", _i.compliance, _i.id),
    Index("inspections_office_received", _i.office_code, _i.received_at, _i.id),
    Index("inspections_inspector_received", _i.inspector_name, _i.received_at, _i.id),
    Index("inspections_grade_received", _i.grade, _i.received_at, _i.id),
    # county and type narrow the most; the date range is then walked inside them
    Index(
        "inspections_county_type_visit_received",
        _i.county,
        _i.office_type,
        _i.visit_date,
        _i.received_at,
        _i.id,
    ),
)
