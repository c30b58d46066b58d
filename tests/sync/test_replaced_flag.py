"""`inspections.replaced` (server/replaced.py): set for an inspection a correction of the same
key and office replaces, by the upgrade that added it for the rows already held, and kept as
rows come and go; a "correction" under another key or office never sets it."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import Engine, select, text

from inspector_app.server import replaced, schema
from inspector_app.server.database import database_url, inspections_t, make_engine

_INSERT = text(
    "INSERT INTO inspections (id, canonical_sha256, source, signer_fingerprint, "
    "signer_key_sha256, signer_issued, inspector_name, office_code, office_type, county, "
    "visit_date, form_id, form_version, critical_failures, replaces, pdf_sha256, "
    "canonical_json, received_at) VALUES (:id, :sha, 'sync', 'f', :key, FALSE, 'x', :office, "
    "'pishkhan', 'بوشهر', '2024-07-01', 'f', 1, 0, :replaces, :sha, '{}', "
    "'2024-07-02T00:00:00Z')"
)
# id, signing key, office, what it replaces
ROWS = [
    ("original", "k1", "A", None),
    ("own-correction", "k1", "A", "original"),
    ("victim", "k2", "B", None),
    ("other-key", "k9", "B", "victim"),
    ("other-office", "k2", "C", "victim"),
    ("unsigned", "", "D", None),
    ("unsigned-correction", "", "D", "unsigned"),
]


def _insert(engine: Engine, rows: list[tuple[str, str, str, str | None]]) -> None:
    with engine.begin() as conn:
        for iid, key, office, replaces in rows:
            conn.execute(
                _INSERT,
                {"id": iid, "sha": "0" * 64, "key": key, "office": office, "replaces": replaces},
            )


def _flagged(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(
            conn.execute(select(inspections_t.c.id).where(inspections_t.c.replaced)).scalars()
        )


def test_the_upgrade_flags_what_own_corrections_replace_and_ingest_keeps_it(
    fresh_db: str | None, tmp_path: Path
) -> None:
    engine = make_engine(database_url(tmp_path, fresh_db))
    try:
        with engine.begin() as conn:
            command.upgrade(schema._config(conn), "0004")
        _insert(engine, ROWS)
        schema.upgrade(engine)
        assert _flagged(engine) == {"original"}

        # A second own correction of the victim, then the forged ones go: still flagged once.
        _insert(engine, [("victim-fixed", "k2", "B", "victim")])
        with engine.begin() as conn:
            replaced.refresh(conn, ["victim-fixed", "victim"])
        assert _flagged(engine) == {"original", "victim"}

        # The correction given up (a conflict settled the other way): its original counts again.
        with engine.begin() as conn:
            conn.execute(inspections_t.delete().where(inspections_t.c.id == "own-correction"))
            replaced.refresh(conn, ["original", None, "no-such-id"])
        assert _flagged(engine) == {"victim"}
    finally:
        engine.dispose()
