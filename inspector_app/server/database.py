"""The server's tables (SQLAlchemy Core) and the engine: SQLite in the data folder or PostgreSQL.

Times are UTC ISO 8601 text, the same on both databases. `inspections` keeps the figures the
province summary needs (county, office type, month, score) as columns so they aggregate in SQL.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    false,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite

metadata = MetaData()

devices_t = Table(
    "devices",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("inspector_name", Text, nullable=False, default=""),
    Column("device_name", Text, nullable=False, default=""),
    Column("cert_pem", Text, nullable=False),
    Column("cert_fingerprint", String(64), nullable=False, index=True),
    Column("enrolled_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
)

enrol_codes_t = Table(
    "enrol_codes",
    metadata,
    Column("code_sha256", String(64), primary_key=True),
    Column("inspector_name", Text, nullable=False, default=""),
    Column("personnel_no", String(32), nullable=False, default=""),
    Column("created_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Column("used_at", String(40)),
    Column("device_id", String(64)),
)

# The inspectors' certificates the governorate CA issued; a revoked one is in the CRL.
certificates_t = Table(
    "certificates",
    metadata,
    Column("serial", String(40), primary_key=True),  # hex
    Column("device_id", String(64), ForeignKey("devices.id"), nullable=False, index=True),
    Column("holder_name", Text, nullable=False),
    Column("personnel_no", String(32), nullable=False, default=""),
    Column("fingerprint", String(64), nullable=False, unique=True),  # sha256 of the DER
    Column("key_sha256", String(64), nullable=False, index=True),  # of the public key
    Column("cert_pem", Text, nullable=False),
    Column("issued_at", String(40), nullable=False),
    Column("not_after", String(40), nullable=False),
    Column("revoked_at", String(40)),
    Column("revocation_reason", String(32)),
)

inspections_t = Table(
    "inspections",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("canonical_sha256", String(64), nullable=False),
    Column("source", String(16), nullable=False),  # sync | usb
    Column("device_id", String(64), ForeignKey("devices.id")),
    Column("signer_fingerprint", String(64), nullable=False),
    # The signer's public key, and whether the signing certificate is the governorate's (else
    # the laptop's own certificate for the key the governorate certified at enrolment).
    Column("signer_key_sha256", String(64), nullable=False, default=""),
    Column("signer_issued", Boolean, nullable=False, default=False),
    Column("inspector_name", Text, nullable=False, default=""),
    Column("office_code", String(64), nullable=False, default=""),
    Column("office_type", String(32), nullable=False, default=""),
    Column("county", Text, nullable=False, default=""),
    Column("visit_date", String(10), nullable=False, default=""),
    Column("form_id", String(64), nullable=False, default=""),
    Column("form_version", Integer, nullable=False, default=0),
    Column("compliance", Float),
    Column("grade", String(16)),
    Column("critical_failures", Integer, nullable=False, default=0),
    Column("satisfaction", Float),
    Column("replaces", String(64)),
    # A correction of the same key and office replaces this one (kept at ingest: replaced.py);
    # the province figures take such inspections off.
    Column("replaced", Boolean, nullable=False, default=False, server_default=false()),
    Column("pdf_sha256", String(64), nullable=False),
    Column("canonical_json", Text, nullable=False),
    Column("received_at", String(40), nullable=False),
    Index("inspections_visit", "visit_date"),
    Index("inspections_county_type", "county", "office_type"),
    # The province figures (server/figures.py): each office's last visit and the offices
    # inspected are walks of this index alone; corrections are found by what they replace.
    Index("inspections_office_visit", "office_code", "visit_date", "county", "office_type", "id"),
    Index("inspections_replaces", "replaces", "signer_key_sha256", "office_code"),
    Index(
        "inspections_replaced",
        "id",
        sqlite_where=text("replaced"),
        postgresql_where=text("replaced"),
    ),
)

inspection_files_t = Table(
    "inspection_files",
    metadata,
    Column("inspection_id", String(64), ForeignKey("inspections.id"), primary_key=True),
    Column("name", String(128), primary_key=True),  # canonical.json, report.pdf, photos/ID.jpg
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
)

conflicts_t = Table(
    "conflicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("inspection_id", String(64), nullable=False, index=True),
    Column("stored_sha256", String(64), nullable=False),
    Column("received_sha256", String(64), nullable=False),
    Column("bundle_sha256", String(64), nullable=False),  # the refused bundle, kept for a person
    Column("source", String(16), nullable=False),
    Column("device_id", String(64)),
    Column("received_at", String(40), nullable=False),
    Column("resolved_at", String(40)),
    # one row per refused version: the same file imported or uploaded again adds nothing
    Index("conflicts_version", "inspection_id", "received_sha256", unique=True),
)

# How a person settled a conflict (server/conflicts.py), one row per conflict: final.
# keep: stored | received | both; with both, the received version is held as
# `new_inspection_id`. `stored_files` (JSON name -> sha256) keeps where the stored version's
# files are when `received` replaced it.
conflict_resolutions_t = Table(
    "conflict_resolutions",
    metadata,
    Column("conflict_id", Integer, ForeignKey("conflicts.id"), primary_key=True),
    Column("keep", String(16), nullable=False),
    Column("new_inspection_id", String(64)),
    Column("stored_files", Text),
    Column("resolved_by", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("resolved_at", String(40), nullable=False),
)

# The yes/no checklist items an inspection answered «no», taken from its canonical JSON at
# ingest, so "items failed most often" across the province is one GROUP BY.
failed_answers_t = Table(
    "failed_answers",
    metadata,
    Column("inspection_id", String(64), ForeignKey("inspections.id"), primary_key=True),
    Column("item_id", String(64), primary_key=True),
    Column("item_text", Text, nullable=False, default=""),
)

# The province figures summed as inspections arrive (server/figure_counts.py, in ingest's
# transaction), so the summary reads a few thousand rows, not every inspection and answer:
# the six sums of an overview figure per visit day and form version, and the «no» answers per
# (Gregorian) month, form version and item. Every received inspection is in them; the few a
# correction replaces are taken off when the figures are read.
figure_days_t = Table(
    "figure_days",
    metadata,
    Column("visit_date", String(10), primary_key=True),
    Column("county", Text, primary_key=True),
    Column("office_type", String(32), primary_key=True),
    Column("form_id", String(64), primary_key=True),
    Column("form_version", Integer, primary_key=True, autoincrement=False),
    Column("inspections", Integer, nullable=False),
    Column("scored", Integer, nullable=False),
    Column("score_sum", Float, nullable=False),
    Column("critical", Integer, nullable=False),  # inspections with a failed critical item
    Column("interviewed", Integer, nullable=False),
    Column("satisfaction_sum", Float, nullable=False),
)

figure_failed_months_t = Table(
    "figure_failed_months",
    metadata,
    Column("month", String(7), primary_key=True),  # the Jalali month: 1403-01
    Column("county", Text, primary_key=True),
    Column("office_type", String(32), primary_key=True),
    Column("form_id", String(64), primary_key=True),
    Column("form_version", Integer, primary_key=True, autoincrement=False),
    Column("item_id", String(64), primary_key=True),
    Column("failed", Integer, nullable=False),
    Column("item_text", Text, nullable=False),
)

publications_t = Table(
    "publications",
    metadata,
    Column("name", String(128), primary_key=True),  # "registry" or "form:<file name>"
    Column("kind", String(16), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("updated_at", String(40), nullable=False),
)

# The head of each laptop's audit log (seq, entry hash) as its last sync sent it: it only
# moves forward along the same log, so a laptop whose log was cut short or rewritten is told.
audit_anchors_t = Table(
    "audit_anchors",
    metadata,
    Column("device_id", String(64), ForeignKey("devices.id"), primary_key=True),
    Column("seq", BigInteger, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("received_at", String(40), nullable=False),
)

# The visit plan (server/visits.py): an office the governorate assigns to an inspector, known
# by personnel number, with a due date (Gregorian ISO); closed by that inspector's inspection
# of the office at ingest (`closed_by` its id), or cancelled.
visit_assignments_t = Table(
    "visit_assignments",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("office_code", String(64), nullable=False),
    Column("personnel_no", String(32), nullable=False),
    Column("inspector_name", Text, nullable=False, default=""),
    Column("due_date", String(10), nullable=False),
    Column("form_id", String(64), nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    Column("assigned_at", String(40), nullable=False),
    Column("assigned_by", Text, nullable=False, default=""),
    Column("state", String(16), nullable=False),  # open | done | cancelled
    Column("closed_at", String(40)),
    Column("closed_by", String(64)),
    Index("visit_assignments_personnel_state", "personnel_no", "state"),
    Index("visit_assignments_office_state", "office_code", "state"),
)


SQLITE_FILE = "server.db"  # in the data folder, when no --db is given


def database_url(data_dir: Path, url: str | None) -> str:
    """`--db URL` as given (postgresql:// meaning psycopg 3), else SQLite in the data folder."""
    if not url:
        return f"sqlite:///{data_dir / SQLITE_FILE}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str) -> Engine:
    kwargs: dict[str, Any] = {}
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
    else:
        kwargs.update(pool_size=10, max_overflow=10, pool_pre_ping=True)
    engine = create_engine(url, **kwargs)
    if url.startswith("sqlite"):
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def insert_or(conn: Connection, table: Table) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that can say what a conflict on the key does (ON CONFLICT DO NOTHING / DO
    UPDATE): one statement where two servers racing a read-then-write would lose a change or
    hit the key twice. Both databases have it, each under its own dialect's class."""
    return dialect_insert(conn.dialect.name, table)


def dialect_insert(dialect: str, table: Table) -> postgresql.Insert | sqlite.Insert:
    """`insert_or` for a dialect named ahead of any connection, for statements built once."""
    return (postgresql if dialect == "postgresql" else sqlite).insert(table)


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")  # a confirmed upload survives power loss
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 30000")
    cursor.close()
