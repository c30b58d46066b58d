"""The server database's migrations (server/schema.py, server/migrations/), on SQLite and
PostgreSQL: an empty database upgraded to the newest revision has exactly the tables the code
defines (Alembic's compare_metadata finds nothing); a database `metadata.create_all` made
before migrations, holding real uploads, is refused by `serve` and the admin commands until
`db upgrade` checks it, records the baseline, fills in the failed answers such a server lacked,
and goes on to the newest revision; a database behind, ahead or not matching the baseline is
refused with the command to run. There is no downgrade (the way back is a backup).
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import sqlite3
import subprocess
import threading
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, MetaData, inspect, text

import inspector_app.server
from inspector_app.server import schema
from inspector_app.server.database import database_url, make_engine, metadata
from tests.helpers.cli import Ran, run_cli
from tests.helpers.server import SERVER, LaptopTemplates, ServerProcess, make_server
from tests.sync.pg import PgCluster
from tests.sync.test_governorate_ca import code_for, enrol, laptop


def all_tables() -> MetaData:
    """`metadata` with every table the server's modules put on it (the console's included)."""
    prefix = inspector_app.server.__name__ + "."
    for module in pkgutil.walk_packages(inspector_app.server.__path__, prefix):
        if not module.name.startswith(prefix + "migrations"):  # Alembic's scripts run, not load
            importlib.import_module(module.name)
    return metadata


def baseline() -> MetaData:
    tables: MetaData = schema.scripts().get_revision(schema.BASELINE).module.tables()
    return tables


def engine_for(url: str | None, tmp_path: Path) -> Engine:
    return make_engine(database_url(tmp_path, url))


def differences(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn), all_tables()))


def admin(data_dir: Path, url: str | None, *args: str, ok: bool | None = None) -> Ran:
    db = ["--db", url] if url else []
    return run_cli(*args, "--data-dir", str(data_dir), *db, program="inspector-server", ok=ok)


def test_an_empty_database_upgraded_is_the_code_schema(
    fresh_db: str | None, tmp_path: Path
) -> None:
    engine = engine_for(fresh_db, tmp_path)
    try:
        assert schema.status(engine).current is None
        assert schema.upgrade(engine) == (None, schema.status(engine).head)
        assert differences(engine) == []
        assert schema.status(engine).up_to_date
        # Again: nothing to do, nothing changed.
        assert schema.upgrade(engine)[0] == schema.status(engine).head
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_two_servers_starting_on_one_empty_database_create_it_once(
    pg_cluster: PgCluster, tmp_path: Path
) -> None:
    url = database_url(tmp_path, pg_cluster.new_database())
    engines = [make_engine(url), make_engine(url)]
    failures: list[BaseException] = []

    def start(engine: Engine) -> None:
        try:
            schema.ensure_current(engine)
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=start, args=(e,)) for e in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert failures == []
    assert differences(engines[0]) == []
    for engine in engines:
        engine.dispose()


def make_legacy(db: Path) -> dict[str, list[tuple[str, str]]]:
    """Turn a server's SQLite database into what `create_all` made before migrations: the
    baseline's tables, columns and indexes only, no alembic_version, and (as on a server older than
    the failed-items figures) no failed answers. Returns the failed answers it held."""
    tables = baseline()
    keep_indexes = {i.name for t in tables.tables.values() for i in t.indexes}
    with closing(sqlite3.connect(db)) as conn, conn:
        held: dict[str, list[tuple[str, str]]] = {}
        for inspection_id, item_id, item_text in conn.execute(
            "SELECT inspection_id, item_id, item_text FROM failed_answers ORDER BY 1, 2"
        ):
            held.setdefault(inspection_id, []).append((item_id, item_text))
        conn.execute("PRAGMA foreign_keys = OFF")
        for kind, name, table in conn.execute(
            "SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index') "
            "AND name NOT LIKE 'sqlite_%'"
        ).fetchall():
            if kind == "table" and name not in tables.tables:
                conn.execute(f'DROP TABLE "{name}"')
            elif kind == "index" and table in tables.tables and name not in keep_indexes:
                conn.execute(f'DROP INDEX "{name}"')
        for name, table in tables.tables.items():  # columns later revisions added
            for _cid, column, *_rest in conn.execute(f'PRAGMA table_info("{name}")').fetchall():
                if column not in table.c:
                    conn.execute(f'ALTER TABLE "{name}" DROP COLUMN "{column}"')
        conn.execute("DELETE FROM failed_answers")
    return held


def test_a_database_made_before_migrations_is_checked_stamped_and_upgraded(
    server_factory: list[ServerProcess], templates: LaptopTemplates, tmp_path: Path
) -> None:
    server = make_server(server_factory, tmp_path, None).start()
    folder = tmp_path / "laptop"
    sent = laptop(templates, "migrations", 3, folder)
    enrol(folder, server, code_for(server, "مریم احمدی"))
    run_cli("sync", "--data-dir", str(folder), ok=True)
    held = server.inspections()
    server.stop()
    failed = make_legacy(server.data_dir / "server.db")
    assert failed and set(failed) <= set(sent)  # the figures such a server lost

    # Neither the server nor an admin command runs on it; each names `db upgrade`.
    for args in (["inspections"], ["devices"], ["ca", "certificates"]):
        refused = admin(server.data_dir, None, *args, ok=False)
        assert "made by an earlier version" in refused.stderr
        assert "inspector-server db upgrade" in refused.stderr and "Traceback" not in refused.stderr
    served = subprocess.run(
        [SERVER, "serve", *server.db_args(), "--port", "1"], capture_output=True, text=True,
        timeout=120, env={**os.environ, "BAZRES_SERVER_KEY_PASSPHRASE": "x" * 12},
    )  # fmt: skip
    assert served.returncode == 1 and "inspector-server db upgrade" in served.stderr
    assert json.loads(admin(server.data_dir, None, "db", "current", "--json").stdout) == {
        "current": None, "head": schema.scripts().get_current_head(), "up_to_date": False,
    }  # fmt: skip

    done = admin(server.data_dir, None, "db", "upgrade", ok=True)
    assert "none (made before migrations)" in done.stdout
    engine = engine_for(None, server.data_dir)
    try:
        assert differences(engine) == []
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT inspection_id, item_id, item_text FROM failed_answers ORDER BY 1, 2")
            ).all()
    finally:
        engine.dispose()
    restored: dict[str, list[tuple[str, str]]] = {}
    for inspection_id, item_id, item_text in rows:
        restored.setdefault(inspection_id, []).append((item_id, item_text))
    assert restored == failed
    # The province figures are summed from what it holds, failed items included.
    overview = json.loads(admin(server.data_dir, None, "summary", "--json").stdout)["overview"]
    assert overview["inspections"] == len(held)
    assert overview["failed_items"] and all(
        0 < item["failed"] <= item["out_of"] for item in overview["failed_items"]
    )
    engine = engine_for(None, server.data_dir)
    try:
        with engine.connect() as conn:
            summed = conn.execute(
                text("SELECT (SELECT SUM(inspections) FROM figure_days), "
                     "(SELECT SUM(failed) FROM figure_failed_months)")
            ).one()  # fmt: skip
    finally:
        engine.dispose()
    assert tuple(summed) == (len(held), len(rows))
    assert admin(server.data_dir, None, "db", "current", ok=True).returncode == 0
    assert server.start().inspections() == held


def test_a_legacy_database_that_differs_from_the_baseline_is_left_as_it_is(
    fresh_db: str | None, tmp_path: Path
) -> None:
    engine = engine_for(fresh_db, tmp_path)
    try:
        baseline().create_all(engine)
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE inspections DROP COLUMN signer_issued"))
            conn.execute(text("DROP TABLE audit_anchors"))  # missing tables alone would be made
    finally:
        engine.dispose()
    refused = admin(tmp_path, fresh_db, "db", "upgrade", ok=False)
    assert "do not match the baseline" in refused.stderr
    assert "column inspections signer_issued missing" in refused.stderr
    assert "Nothing was changed" in refused.stderr
    engine = engine_for(fresh_db, tmp_path)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
    finally:
        engine.dispose()
    assert "alembic_version" not in tables and "audit_anchors" not in tables


def test_a_database_behind_or_ahead_is_refused(fresh_db: str | None, tmp_path: Path) -> None:
    engine = engine_for(fresh_db, tmp_path)
    head = schema.scripts().get_current_head()
    try:
        with engine.begin() as conn:
            config = schema._config(conn)
            command.upgrade(config, schema.BASELINE)
        if head != schema.BASELINE:
            refused = admin(tmp_path, fresh_db, "inspections", ok=False)
            assert f"at schema revision {schema.BASELINE}, this version needs {head}" in (
                refused.stderr
            )
            assert "inspector-server db upgrade" in refused.stderr
            admin(tmp_path, fresh_db, "db", "upgrade", ok=True)
            admin(tmp_path, fresh_db, "inspections", ok=True)
        # A newer version's revision: refused, and `db upgrade` does not touch it either.
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = 'f00d'"))
    finally:
        engine.dispose()
    for args in (["inspections"], ["db", "upgrade"], ["db", "current"]):
        refused = admin(tmp_path, fresh_db, *args, ok=False)
        assert "revision f00d, which this version of inspector-server does not know" in (
            refused.stderr
        ), args
    # No downgrade command: going back is restoring the backup taken before the upgrade.
    assert admin(tmp_path, fresh_db, "db", "downgrade", ok=False).returncode == 2
