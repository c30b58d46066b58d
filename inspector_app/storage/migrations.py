"""The database schema, as a sequence of migrations (sqlite-utils `Migrations`).

Never edit a released step: add a new one. `SCHEMA_VERSION` is the number of steps; it is also
written to `PRAGMA user_version` so a newer database is recognised before anything is touched.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("bazres")

# Tables whose rows belong to one inspection and freeze with it.
CHILD_TABLES = ("answers", "photos", "interviews", "findings", "signatures", "inspection_documents")

# Columns of `inspections` that may still change after finalizing: only the move to `synced`.
_SYNC_COLUMNS = ("status", "synced_at")


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    db.executescript(_INITIAL_SQL)
    _lock_finalized(db)


def _locked_update_sql(db: Database) -> str:
    """The trigger refusing any change to a finalized row but the move to synced: every column
    the table has now must stay as it is."""
    columns = [row[1] for row in db.execute("PRAGMA table_info(inspections)").fetchall()]
    unchanged = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in columns if c not in _SYNC_COLUMNS)
    return f"""
        CREATE TRIGGER inspections_locked_update BEFORE UPDATE ON inspections
        WHEN OLD.status <> 'draft'
          AND NOT (OLD.status = 'finalized' AND NEW.status = 'synced' AND {unchanged})
        BEGIN SELECT RAISE(ABORT, 'inspection is finalized and cannot change'); END;
        """


def _lock_finalized(db: Database) -> None:
    """Triggers that make a finalized inspection immutable, whatever path the SQL comes from."""
    db.executescript(
        f"""
        {_locked_update_sql(db)}
        CREATE TRIGGER inspections_locked_delete BEFORE DELETE ON inspections
        WHEN OLD.status <> 'draft'
        BEGIN SELECT RAISE(ABORT, 'inspection is finalized and cannot be deleted'); END;
        """
    )
    for table in CHILD_TABLES:
        for event, row in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
            db.execute(
                f"""
                CREATE TRIGGER {table}_locked_{event.lower()} BEFORE {event} ON {table}
                WHEN (SELECT status FROM inspections WHERE id = {row}.inspection_id) <> 'draft'
                BEGIN SELECT RAISE(ABORT, 'inspection is finalized and cannot change'); END
                """
            )
    # An update must not move a row into a finalized inspection either.
    for table in CHILD_TABLES:
        db.execute(
            f"""
            CREATE TRIGGER {table}_locked_move BEFORE UPDATE ON {table}
            WHEN (SELECT status FROM inspections WHERE id = NEW.inspection_id) <> 'draft'
            BEGIN SELECT RAISE(ABORT, 'inspection is finalized and cannot change'); END
            """
        )


_INITIAL_SQL = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE offices (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('pishkhan', 'police10', 'brokerage')),
    county TEXT NOT NULL,
    city TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    manager TEXT NOT NULL DEFAULT '',
    licence_no TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('active', 'pending', 'closed')),
    lat REAL,
    lon REAL,
    is_demo INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
CREATE INDEX offices_type_county ON offices (type, county);

-- Forms as snapshotted by inspections, stored once per content (sha256 of its canonical JSON).
CREATE TABLE form_snapshots (
    sha256 TEXT PRIMARY KEY,
    form_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    document TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TRIGGER form_snapshots_immutable BEFORE UPDATE ON form_snapshots
BEGIN SELECT RAISE(ABORT, 'a form snapshot never changes'); END;

CREATE TABLE inspections (
    id TEXT PRIMARY KEY,
    office_code TEXT NOT NULL REFERENCES offices (code),
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    form_sha256 TEXT NOT NULL REFERENCES form_snapshots (sha256),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'finalized', 'synced')),
    replaces TEXT REFERENCES inspections (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    visit_date TEXT NOT NULL,
    arrival_at TEXT,
    departure_at TEXT,
    elapsed_seconds REAL NOT NULL DEFAULT 0,
    inspector_name TEXT NOT NULL DEFAULT '',
    inspector_personnel_no TEXT NOT NULL DEFAULT '',
    rep_name TEXT NOT NULL DEFAULT '',
    rep_role TEXT NOT NULL DEFAULT '',
    score REAL,
    grade TEXT,
    critical_failed INTEGER NOT NULL DEFAULT 0,
    satisfaction REAL,
    required_open INTEGER NOT NULL DEFAULT 0,
    canonical_sha256 TEXT,
    finalized_at TEXT,
    synced_at TEXT,
    -- The office as it was at the visit; last, so listing never reads past the columns above.
    office_snapshot TEXT NOT NULL
);
CREATE INDEX inspections_office ON inspections (office_code, visit_date);
CREATE INDEX inspections_status ON inspections (status, visit_date);
CREATE INDEX inspections_visit ON inspections (visit_date, created_at);

CREATE TABLE answers (
    inspection_id TEXT NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    repeat_index INTEGER NOT NULL DEFAULT 0,
    value TEXT,
    note TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (inspection_id, item_id, repeat_index)
);

CREATE TABLE interviews (
    inspection_id TEXT NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    repeat_index INTEGER NOT NULL CHECK (repeat_index >= 1),
    created_at TEXT NOT NULL,
    PRIMARY KEY (inspection_id, repeat_index)
);

CREATE TABLE photos (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    repeat_index INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL,
    original_name TEXT NOT NULL DEFAULT '',
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    jpeg BLOB NOT NULL,
    thumbnail BLOB NOT NULL,
    caption TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX photos_inspection ON photos (inspection_id, item_id);

CREATE TABLE findings (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    item_id TEXT,
    description TEXT NOT NULL,
    corrective_action TEXT NOT NULL DEFAULT '',
    deadline TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX findings_inspection ON findings (inspection_id);

CREATE TABLE signatures (
    inspection_id TEXT NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('inspector', 'representative')),
    signer_name TEXT NOT NULL DEFAULT '',
    strokes TEXT NOT NULL DEFAULT '[]',
    png BLOB,
    declined_reason TEXT,
    signed_at TEXT NOT NULL,
    PRIMARY KEY (inspection_id, role)
);

CREATE TABLE inspection_documents (
    inspection_id TEXT PRIMARY KEY REFERENCES inspections (id) ON DELETE CASCADE,
    canonical_json TEXT NOT NULL,
    canonical_sha256 TEXT NOT NULL,
    signed_pdf BLOB NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE identities (
    id TEXT PRIMARY KEY,
    holder_name TEXT NOT NULL,
    personnel_no TEXT NOT NULL DEFAULT '',
    cert_pem TEXT NOT NULL,
    key_encrypted BLOB NOT NULL,
    fingerprint_sha256 TEXT NOT NULL,
    issuer TEXT NOT NULL DEFAULT '',
    not_before TEXT NOT NULL,
    not_after TEXT NOT NULL,
    is_demo INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

CREATE TABLE outbox (
    inspection_id TEXT PRIMARY KEY REFERENCES inspections (id),
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sending', 'done', 'failed', 'conflict')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT,
    enqueued_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    inspection_id TEXT,
    detail TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_inspection ON audit_log (inspection_id);
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""


@migrations(name="0002_overview_indexes")
def _overview_indexes(db: Database) -> None:
    # The overview reads only these columns: a covering index spares it the wide rows
    # (form and office snapshots); failed yes/no answers get a small partial index.
    db.execute(
        "CREATE INDEX inspections_overview ON inspections "
        "(status, visit_date, office_code, score, satisfaction, critical_failed, form_id, id)"
    )
    db.execute(
        "CREATE INDEX answers_failed ON answers (inspection_id, item_id) "
        "WHERE value = '\"no\"' AND repeat_index = 0"
    )


@migrations(name="0003_overview_by_office")
def _overview_by_office(db: Database) -> None:
    # Per-office figures in one ordered pass (no sort, no table reads), and an office's last
    # visit in a given status in one seek (overdue offices).
    db.execute(
        "CREATE INDEX inspections_office_status ON inspections "
        "(office_code, status, visit_date, score, satisfaction, critical_failed)"
    )
    # Corrections: the few inspections another one replaces are left out of the figures.
    db.execute(
        "CREATE INDEX inspections_replaces ON inspections (replaces) WHERE replaces IS NOT NULL"
    )


@migrations(name="0004_finalized_checked")
def _finalized_checked(db: Database) -> None:
    """Close what the first triggers left open: an INSERT OR REPLACE (or UPDATE OR REPLACE onto
    a locked key) deletes the old row without firing its delete trigger, so each such write is
    refused before it happens (audit entries too); and the rows a finalized inspection needs
    (its form snapshot, office and outbox entry) can no longer be deleted, replaced or
    re-pointed."""
    db.executescript(_GUARDS_SQL)
    # Children with an id of their own: a REPLACE from another inspection could take the row.
    for table in ("photos", "findings"):
        locked = (
            f"EXISTS (SELECT 1 FROM {table} t JOIN inspections i ON i.id = t.inspection_id "
            f"WHERE t.id = NEW.id AND i.status <> 'draft')"
        )
        db.executescript(
            f"""
            CREATE TRIGGER {table}_locked_replace BEFORE INSERT ON {table} WHEN {locked}
            BEGIN SELECT RAISE(ABORT, 'inspection is finalized and cannot change'); END;
            CREATE TRIGGER {table}_locked_rekey BEFORE UPDATE OF id ON {table}
            WHEN NEW.id IS NOT OLD.id AND {locked}
            BEGIN SELECT RAISE(ABORT, 'inspection is finalized and cannot change'); END;
            """
        )


_NEEDED = "SELECT 1 FROM inspections WHERE status <> 'draft' AND "

_GUARDS_SQL = f"""
CREATE TRIGGER inspections_locked_replace BEFORE INSERT ON inspections
WHEN EXISTS (SELECT 1 FROM inspections WHERE id = NEW.id AND status <> 'draft')
BEGIN SELECT RAISE(ABORT, 'inspection is finalized and cannot change'); END;

CREATE TRIGGER inspections_insert_draft BEFORE INSERT ON inspections
WHEN NEW.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'an inspection is finalized only by finalizing it'); END;

CREATE TRIGGER inspections_locked_rekey BEFORE UPDATE OF id ON inspections
WHEN NEW.id IS NOT OLD.id
  AND EXISTS (SELECT 1 FROM inspections WHERE id = NEW.id AND status <> 'draft')
BEGIN SELECT RAISE(ABORT, 'inspection is finalized and cannot change'); END;

CREATE TRIGGER form_snapshots_replace BEFORE INSERT ON form_snapshots
WHEN EXISTS (SELECT 1 FROM form_snapshots WHERE sha256 = NEW.sha256
             AND (form_id IS NOT NEW.form_id OR version IS NOT NEW.version
                  OR document IS NOT NEW.document))
BEGIN SELECT RAISE(ABORT, 'a form snapshot never changes'); END;

CREATE TRIGGER form_snapshots_needed BEFORE DELETE ON form_snapshots
WHEN EXISTS ({_NEEDED}form_sha256 = OLD.sha256)
BEGIN SELECT RAISE(ABORT, 'a finalized inspection needs this form snapshot'); END;

CREATE TRIGGER offices_needed_delete BEFORE DELETE ON offices
WHEN EXISTS ({_NEEDED}office_code = OLD.code)
BEGIN SELECT RAISE(ABORT, 'a finalized inspection needs this office'); END;

CREATE TRIGGER offices_needed_rekey BEFORE UPDATE OF code ON offices
WHEN NEW.code IS NOT OLD.code AND EXISTS ({_NEEDED}office_code = OLD.code)
BEGIN SELECT RAISE(ABORT, 'a finalized inspection needs this office'); END;

CREATE TRIGGER outbox_needed_delete BEFORE DELETE ON outbox
WHEN EXISTS ({_NEEDED}id = OLD.inspection_id)
BEGIN SELECT RAISE(ABORT, 'a finalized inspection needs its outbox entry'); END;

CREATE TRIGGER outbox_needed_replace BEFORE INSERT ON outbox
WHEN EXISTS (SELECT 1 FROM outbox WHERE inspection_id = NEW.inspection_id)
  AND EXISTS ({_NEEDED}id = NEW.inspection_id)
BEGIN SELECT RAISE(ABORT, 'a finalized inspection needs its outbox entry'); END;

CREATE TRIGGER outbox_needed_rekey BEFORE UPDATE OF inspection_id ON outbox
WHEN NEW.inspection_id IS NOT OLD.inspection_id
BEGIN SELECT RAISE(ABORT, 'a finalized inspection needs its outbox entry'); END;

-- INSERT OR REPLACE must not rewrite an entry in place (an append's NEW.seq is no entry's).
CREATE TRIGGER audit_log_append_only_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Only the server's confirmation (lifecycle.mark_synced, which marks the inspection synced
-- first) closes an entry: a finalized inspection is never hidden from sync.
CREATE TRIGGER outbox_done_when_synced BEFORE UPDATE OF state ON outbox
WHEN NEW.state = 'done' AND OLD.state IS NOT 'done'
  AND (SELECT status FROM inspections WHERE id = NEW.inspection_id) IS NOT 'synced'
BEGIN SELECT RAISE(ABORT, 'a finalized inspection stays in the outbox until it is synced'); END;
"""


@migrations(name="0005_report_numbers")
def _report_numbers(db: Database) -> None:
    # The report's letter number («شماره»), given at finalize in the locking transaction and
    # never reused; reports finalized before it keep the number they print (the id's start),
    # read in its place (storage/report_numbers.py).
    db.execute("ALTER TABLE inspection_documents ADD COLUMN report_number TEXT")
    db.execute(
        "CREATE UNIQUE INDEX inspection_documents_report_number "
        "ON inspection_documents (report_number) WHERE report_number IS NOT NULL"
    )


@migrations(name="0006_overview_form_version")
def _overview_form_version(db: Database) -> None:
    # The most-failed items are counted per form version: with the version in the covering
    # index, neither of their passes reads the wide inspection rows (100,000: 300 ms to 60).
    db.execute("DROP INDEX inspections_overview")
    db.execute(
        "CREATE INDEX inspections_overview ON inspections (status, visit_date, office_code, "
        "score, satisfaction, critical_failed, form_id, form_version, id)"
    )
    if db["sqlite_stat1"].exists():  # a database analyzed before keeps the planner informed
        db.execute("ANALYZE inspections_overview")


@migrations(name="0007_photo_evidence")
def _photo_evidence(db: Database) -> None:
    # When and where a photo was taken, from its EXIF (the stored JPEG keeps no EXIF); null
    # for photos without it and for those added before.
    db.execute("ALTER TABLE photos ADD COLUMN captured_at TEXT")
    db.execute("ALTER TABLE photos ADD COLUMN latitude REAL")
    db.execute("ALTER TABLE photos ADD COLUMN longitude REAL")


@migrations(name="0008_finding_followups")
def _finding_followups(db: Database) -> None:
    # The open findings of the office's last inspection, carried into the next one and checked
    # there: a copy of each (the document must stand alone) with the outcome found.
    db.executescript(
        """
        CREATE TABLE finding_followups (
            inspection_id TEXT NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
            finding_id TEXT NOT NULL,
            source_inspection_id TEXT NOT NULL,
            source_visit_date TEXT NOT NULL,
            description TEXT NOT NULL,
            corrective_action TEXT NOT NULL DEFAULT '',
            deadline TEXT,
            outcome TEXT CHECK (outcome IN ('done', 'not_done', 'not_applicable')),
            note TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (inspection_id, finding_id)
        );
        """
    )
    # Frozen with its inspection, as the tables of 0001 are (the key holds the inspection, so
    # a REPLACE cannot take another inspection's row).
    for name, event, row in (
        ("insert", "INSERT", "NEW"),
        ("update", "UPDATE", "OLD"),
        ("delete", "DELETE", "OLD"),
        ("move", "UPDATE", "NEW"),
    ):
        db.execute(
            f"""
            CREATE TRIGGER finding_followups_locked_{name} BEFORE {event} ON finding_followups
            WHEN (SELECT status FROM inspections WHERE id = {row}.inspection_id) <> 'draft'
            BEGIN SELECT RAISE(ABORT, 'inspection is finalized and cannot change'); END
            """
        )


@migrations(name="0009_photo_marks")
def _photo_marks(db: Database) -> None:
    # The marks drawn on a photo's JPEG (arrows, circles, text, blurred regions) as JSON; null
    # for a photo as it was taken. The JPEG holds them drawn; `sha256` stays the original's.
    db.execute("ALTER TABLE photos ADD COLUMN marks TEXT")


# The ids of an inspection's yes/no items answered «no» (repeat 0), space-separated: what the
# most-failed items count, kept on the row so the overview reads one narrow index instead of
# seeking every inspection's answers (100,000 inspections: 860 ms to under 300).
FAILED_ITEM_IDS_SQL = (
    "SELECT coalesce(group_concat(a.item_id, ' '), '') FROM answers a "
    "WHERE a.inspection_id = {id} AND a.value = '\"no\"' AND a.repeat_index = 0"
)


@migrations(name="0010_failed_item_ids")
def _failed_item_ids(db: Database) -> None:
    db.execute("ALTER TABLE inspections ADD COLUMN failed_item_ids TEXT NOT NULL DEFAULT ''")
    # Filled in for the finalized rows too: the lock is lifted for this one derived column,
    # inside the migration's transaction, and put back covering the new column as well.
    db.execute("DROP TRIGGER inspections_locked_update")
    db.execute(
        "UPDATE inspections SET failed_item_ids = ("
        + FAILED_ITEM_IDS_SQL.format(id="inspections.id")
        + ")"
    )
    db.execute(_locked_update_sql(db))  # one statement: executescript would commit first
    db.execute("DROP INDEX inspections_overview")
    db.execute(
        "CREATE INDEX inspections_overview ON inspections (status, visit_date, office_code, "
        "score, satisfaction, critical_failed, form_id, form_version, id, failed_item_ids)"
    )
    if db["sqlite_stat1"].exists():
        db.execute("ANALYZE inspections_overview")


# Every table whose rows belong to one inspection (CHILD_TABLES are those of 0001).
INSPECTION_TABLES = (*CHILD_TABLES, "finding_followups")

SCHEMA_VERSION = len(migrations._migrations)
