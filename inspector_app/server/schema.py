"""The server database's schema revision: Alembic's scripts in server/migrations/, run here,
configured in code (an installed server needs no alembic.ini).

An empty database is created at the newest revision by whichever command opens it first. Any
other database must be at the revision this code was written for: one behind is upgraded only
by `inspector-server db upgrade` (after a backup; several servers and workers may share it),
one ahead (a newer version upgraded it) is refused. A database that `metadata.create_all` made
before migrations existed has the tables but no revision: `db upgrade` checks it matches the
baseline, records the baseline, fills in the failed answers it may lack, and goes on to the
newest revision; one that does not match is left as it is, with the differences named.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, MetaData, inspect, select, text

from inspector_app.domain.inspection_document import DocumentError, InspectionDocument
from inspector_app.errors import KnownError

MIGRATIONS = Path(__file__).parent / "migrations"
BASELINE = "0001"
_PG_LOCK = 0x62617A726573  # pg_advisory_lock key: one upgrade at a time per database
_UPGRADE = "inspector-server db upgrade"


@dataclass(frozen=True)
class SchemaStatus:
    current: str | None  # the revision recorded; None: none (empty, or made before migrations)
    head: str  # the revision this code needs
    has_tables: bool
    known: bool  # `current` is one of this code's revisions

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head

    def problem(self) -> str:
        """Why commands refuse this database, and what to run."""
        if self.current is None:
            return (
                "this database was made by an earlier version of inspector-server (no schema "
                f"revision recorded): back up (inspector-server backup), then run `{_UPGRADE}`"
            )
        if not self.known:
            return (
                f"the database is at schema revision {self.current}, which this version of "
                "inspector-server does not know (a newer version upgraded it): run that "
                "version, or restore the backup taken before the upgrade"
            )
        return (
            f"the database is at schema revision {self.current}, this version needs "
            f"{self.head}: back up (inspector-server backup), then run `{_UPGRADE}`"
        )


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def _status(conn: Connection, directory: ScriptDirectory) -> SchemaStatus:
    current = MigrationContext.configure(conn).get_current_revision()
    names = set(inspect(conn).get_table_names()) - {"alembic_version"}
    known = current is not None and current in {s.revision for s in directory.walk_revisions()}
    return SchemaStatus(current, str(directory.get_current_head()), bool(names), known)


def status(engine: Engine) -> SchemaStatus:
    with engine.connect() as conn:
        return _status(conn, scripts())


def ensure_current(engine: Engine) -> None:
    """Create an empty database at the newest revision; refuse one that is not at it."""
    found = status(engine)
    if found.current is None and not found.has_tables:
        upgrade(engine)
        found = status(engine)
    if not found.up_to_date:
        raise KnownError(found.problem())


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the database to the newest revision; (revision before, revision after)."""
    directory = scripts()
    with _locked(engine) as conn:
        found = _status(conn, directory)
        if found.current is not None and not found.known:
            raise KnownError(found.problem())
        if found.current is None and found.has_tables:
            _adopt(conn, directory)
        command.upgrade(_config(conn), "head")
        conn.commit()
        return found.current, _status(conn, directory).head


@contextmanager
def _locked(engine: Engine) -> Iterator[Connection]:
    """A connection that alone upgrades the database: two servers starting on one empty
    PostgreSQL database would otherwise both create the tables (SQLite: one writer anyway)."""
    with engine.connect() as conn:
        postgres = conn.dialect.name == "postgresql"
        if postgres:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _PG_LOCK})
            conn.commit()
        try:
            yield conn
        finally:
            if postgres:
                conn.rollback()
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _PG_LOCK})
                conn.commit()


def _adopt(conn: Connection, directory: ScriptDirectory) -> None:
    """Record the baseline on a database `create_all` made, if its tables are the baseline's."""
    baseline: MetaData = directory.get_revision(BASELINE).module.tables()
    differences = compare_metadata(MigrationContext.configure(conn), baseline)
    missing = [d for d in differences if isinstance(d, tuple) and d[0] == "add_table"]
    others = [d for d in differences if d not in missing]
    if others:
        listed = "; ".join(_describe(d) for d in others[:8])
        more = f" (and {len(others) - 8} more)" if len(others) > 8 else ""
        raise KnownError(
            "the database has tables but no schema revision, and they do not match the "
            f"baseline schema: {listed}{more}. Nothing was changed; restore a backup of this "
            "server, or report these differences to whoever supports your installation"
        )
    # Before migrations each start created the tables it lacked; do that once more.
    baseline.create_all(conn, tables=[d[1] for d in missing])
    command.stamp(_config(conn), BASELINE)
    _backfill_failed_answers(conn, baseline)


def _describe(difference: Any) -> str:
    """("add_column", None, "inspections", Column) as «column inspections signer_issued missing»."""
    if isinstance(difference, list):  # a column's modifications come as a list of tuples
        return ", ".join(_describe(d) for d in difference)
    verb, _, what = str(difference[0]).partition("_")
    names = (getattr(r, "name", None) or r for r in difference[1:4] if r is not None)
    named = " ".join(str(n) for n in names)
    state = {"add": "missing", "remove": "not expected"}.get(verb, "different")
    return f"{what} {named} {state}"


def _backfill_failed_answers(conn: Connection, baseline: MetaData) -> None:
    """Servers older than the failed-items figures hold inspections without their «no»
    answers: take them from each one's canonical JSON, as ingest does (baseline tables)."""
    inspections_t, failed_answers_t = (
        baseline.tables["inspections"],
        baseline.tables["failed_answers"],
    )
    have = select(failed_answers_t.c.inspection_id).distinct()
    rows = conn.execute(
        select(inspections_t.c.id, inspections_t.c.canonical_json).where(
            inspections_t.c.id.not_in(have)
        )
    )
    for inspection_id, canonical in rows.all():
        try:
            failed = InspectionDocument.parse(json.loads(canonical)).failed_checklist_items()
        except (DocumentError, ValueError):
            continue  # it was checked at ingest; a form this code cannot read keeps no figure
        if failed:
            conn.execute(
                failed_answers_t.insert(),
                [{"inspection_id": inspection_id, "item_id": i, "item_text": t} for i, t in failed],
            )
