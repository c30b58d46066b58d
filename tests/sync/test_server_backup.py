"""`inspector-server backup` and `restore` with a real server process (SQLite and PostgreSQL):
a server that received inspections from an enrolled laptop is backed up while it runs,
restored into a new data folder (and database), and served from there at the same address:
the same inspections, files and CA, and the laptop enrolled before the backup still syncs.

A backup with a changed file, a data folder that holds something, and a PostgreSQL server
without pg_dump are refused, changing nothing.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from inspector_app.server import schema
from tests.helpers.cli import Ran, run_cli
from tests.helpers.server import LaptopTemplates, ServerProcess, make_server
from tests.sync.pg import PgCluster
from tests.sync.test_governorate_ca import code_for, enrol, finalize_one, laptop


def server_cli(server: ServerProcess, *args: str, ok: bool | None = True) -> Ran:
    return run_cli(*args, *server.db_args(), program="inspector-server", ok=ok)


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def signer_issued(server: ServerProcess) -> dict[str, bool]:
    rows = json.loads(server.admin("inspections", "--json"))
    if server.db_url is None:
        with sqlite3.connect(server.data_dir / "server.db") as conn:
            return {
                i: bool(v) for i, v in conn.execute("SELECT id, signer_issued FROM inspections")
            }
    import psycopg

    with psycopg.connect(server.db_url) as conn:
        found = conn.execute("SELECT id, signer_issued FROM inspections").fetchall()
    assert {r["id"] for r in rows} == {i for i, _ in found}
    return {i: bool(v) for i, v in found}


def test_backup_restore_serve(
    request: pytest.FixtureRequest,
    server_factory: list[ServerProcess],
    templates: LaptopTemplates,
    fresh_db: str | None,
    tmp_path: Path,
) -> None:
    server = make_server(server_factory, tmp_path, fresh_db).start()
    folder = tmp_path / "laptop"
    sent_before = laptop(templates, "backup", 2, folder)
    enrol(folder, server, code_for(server, "مریم احمدی"))
    synced = json.loads(run_cli("sync", "--data-dir", str(folder), "--json", ok=True).stdout)
    assert sorted(synced["sent"]) == sorted(sent_before)

    # Taken while the server runs.
    backup = tmp_path / "backup"
    done = server_cli(server, "backup", "--output", str(backup))
    assert "backup of the" in done.stdout
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["database"]["kind"] == ("sqlite" if fresh_db is None else "postgresql")
    assert manifest["database"]["revision"] == schema.scripts().get_current_head()
    assert any(path.startswith("keys/") for path in manifest["entries"])
    held = server.inspections()
    root_pem = server_cli(server, "ca", "root").stdout
    files_before = tree(server.data_dir / "files")
    keys_before = tree(server.data_dir / "keys")
    server.stop()

    target_db = None
    if fresh_db is not None:
        cluster: PgCluster = request.getfixturevalue("pg_cluster")
        target_db = cluster.new_database()
    restored = make_server(server_factory, tmp_path, target_db)
    restored.port = server.port  # the address the laptop enrolled with
    done = server_cli(restored, "restore", str(backup))
    assert "checked against the manifest" in done.stdout, done
    assert tree(restored.data_dir / "files") == files_before
    assert tree(restored.data_dir / "keys") == keys_before  # still encrypted, as they were
    restored.start()

    assert restored.inspections() == held
    assert server_cli(restored, "ca", "root").stdout == root_pem
    # The laptop enrolled before the backup signs with the governorate's certificate and its
    # token still works: its next report is taken as governorate-issued.
    after = finalize_one(folder, seed=77)
    synced = json.loads(run_cli("sync", "--data-dir", str(folder), "--json", ok=True).stdout)
    assert synced["sent"] == [after]
    assert signer_issued(restored)[after] is True


def test_restore_refuses_a_changed_backup_and_a_full_folder(
    server_factory: list[ServerProcess], templates: LaptopTemplates, tmp_path: Path
) -> None:
    server = make_server(server_factory, tmp_path, None).start()
    folder = tmp_path / "laptop"
    laptop(templates, "backup-refused", 1, folder)
    enrol(folder, server, code_for(server, "علی رضایی"))
    run_cli("sync", "--data-dir", str(folder), ok=True)
    backup = tmp_path / "backup"
    server_cli(server, "backup", "--output", str(backup))
    # A second backup into the same folder would mix two: refused.
    again = server_cli(server, "backup", "--output", str(backup), ok=False)
    assert "not empty" in again.stderr
    server.stop()

    # One stored file changed by a byte (a PDF, a photo): nothing is restored.
    stored = sorted(p for p in (backup / "files").rglob("*") if p.is_file())[0]
    original = stored.read_bytes()
    stored.write_bytes(bytes([original[0] ^ 1]) + original[1:])
    target = make_server(server_factory, tmp_path, None)
    target.data_dir.rmdir()
    refused = server_cli(target, "restore", str(backup), ok=False)
    assert "damaged" in refused.stderr and stored.name in refused.stderr
    assert not target.data_dir.exists()
    stored.write_bytes(original)

    # A file added to the backup that the manifest does not list: refused too.
    extra = backup / "keys" / "extra.p12"
    extra.write_bytes(b"not from the server")
    refused = server_cli(target, "restore", str(backup), ok=False)
    assert "keys/extra.p12 is not in the manifest" in refused.stderr
    extra.unlink()

    # A data folder that holds something is not overwritten without --force.
    target.data_dir.mkdir()
    (target.data_dir / "notes.txt").write_text("kept")
    refused = server_cli(target, "restore", str(backup), ok=False)
    assert "not empty" in refused.stderr and "--force" in refused.stderr
    assert tree(target.data_dir) == {"notes.txt": b"kept"}
    done = server_cli(target, "restore", str(backup), "--force")
    aside = Path(done.stdout.split("moved to ", 1)[1].splitlines()[0])
    assert tree(aside) == {"notes.txt": b"kept"}
    assert (target.data_dir / "server.db").stat().st_mode & 0o077 == 0
    assert target.start().inspections() == server.inspections()


@pytest.mark.postgres
def test_postgres_backup_without_pg_dump_is_refused(
    pg_cluster: PgCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = pg_cluster.new_database()
    data = tmp_path / "data"
    args = ["--data-dir", str(data), "--db", url]
    run_cli("inspections", *args, program="inspector-server", ok=True)  # creates the schema
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    refused = run_cli(
        "backup", "--output", str(tmp_path / "b"), *args, program="inspector-server", ok=False
    )
    assert "pg_dump is not on PATH" in refused.stderr and "nothing was changed" in refused.stderr
    assert not (tmp_path / "b").exists()
