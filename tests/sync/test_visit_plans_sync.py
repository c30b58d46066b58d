"""Visit plans end to end, with a real server process and two enrolled laptops driven by their
commands: the governorate assigns offices (`inspector-server visits add`), each laptop's sync
brings its own inspector's assignments only, an inspection started from one and synced closes
it on the server, and the next sync shows it done; a USB updates bundle carries the plan too,
and a laptop keeps its own part of it.
"""

from __future__ import annotations

import json
from pathlib import Path

from inspector_app.services.context import open_context
from inspector_app.services.signing import identity as identity_service
from inspector_app.storage import offices
from tests.helpers.cli import run_cli
from tests.helpers.server import ServerProcess, make_server
from tests.sync.factory import finish_draft, make_laptop
from tests.sync.test_governorate_ca import code_for, enrol

ROOT = Path(__file__).resolve().parents[2]


def _visits(folder: Path) -> list[dict[str, object]]:
    listed = run_cli("visits", "list", "--data-dir", str(folder), "--json", ok=True)
    return list(json.loads(listed.stdout))


def _sync(folder: Path) -> dict[str, object]:
    done = run_cli("sync", "--data-dir", str(folder), "--json", ok=True)
    return dict(json.loads(done.stdout))


def _plan(server: ServerProcess, *args: str) -> str:
    """`inspector-server visits ...` on this server's data."""
    return run_cli("visits", *args, *server.db_args(), program="inspector-server", ok=True).stdout


def _server_visits(server: ServerProcess) -> list[dict[str, object]]:
    return list(json.loads(_plan(server, "list", "--json")))


def test_assignments_reach_their_inspector_only_and_close_on_sync(
    server_factory: list[ServerProcess], tmp_path: Path
) -> None:
    server = make_server(server_factory, tmp_path, None).start()
    server.admin("publish", "--registry", str(ROOT / "resources/data/offices_demo.json"))
    maryam, zahra = tmp_path / "maryam", tmp_path / "zahra"
    for folder in (maryam, zahra):
        make_laptop(folder).close()
    enrol(maryam, server, code_for(server, "مریم احمدی", "۷۰۰۱"))
    enrol(zahra, server, code_for(server, "زهرا کریمی", "7002"))

    ctx = open_context(maryam)
    codes = [o["code"] for o in offices.list_offices(ctx.db, office_type="pishkhan")[:3]]
    # The identity takes the number the certificate was issued with, not the laptop's own.
    assert identity_service.active_identity(ctx.db).personnel_no == "7001"
    ctx.close()
    _plan(server, "add", "--office", codes[0], "--personnel-no", "7001", "--due", "1499/01/15",
          "--note", "شکایت سه شهروند")  # fmt: skip
    _plan(server, "add", "--office", codes[1], "--personnel-no", "7002", "--due", "2099-03-01")

    told = run_cli("sync", "--data-dir", str(maryam), ok=True).stdout
    assert "visit plan: 1 assignments for this inspector" in told
    _sync(zahra)
    mine = _visits(maryam)
    assert [(v["office_code"], v["standing"], v["note"]) for v in mine] == [
        (codes[0], "open", "شکایت سه شهروند")
    ]
    assert [v["office_code"] for v in _visits(zahra)] == [codes[1]]

    started = run_cli("visits", "start", str(mine[0]["id"]), "--data-dir", str(maryam), ok=True)
    inspection_id = started.stdout.strip()
    ctx = open_context(maryam)
    finish_draft(ctx, inspection_id)
    ctx.close()
    assert _visits(maryam)[0]["standing"] == "done"  # here, before the server knows

    _sync(maryam)
    on_server = {v["office_code"]: v for v in _server_visits(server)}
    assert on_server[codes[0]]["state"] == "done"
    assert on_server[codes[0]]["closed_by"] == inspection_id
    assert on_server[codes[1]]["state"] == "open"  # another inspector's, untouched
    [kept] = _visits(maryam)
    assert (kept["standing"], kept["inspection_id"]) == ("done", inspection_id)

    # A USB updates bundle carries every open assignment; a laptop keeps its own.
    bundle = tmp_path / "updates.bundle"
    server.admin("updates-bundle", "-o", str(bundle))
    run_cli("bundle", "import", "--data-dir", str(zahra), str(bundle), ok=True)
    assert [v["office_code"] for v in _visits(zahra)] == [codes[1]]
    run_cli("bundle", "import", "--data-dir", str(maryam), str(bundle), ok=True)
    assert _visits(maryam) == []  # the open ones only: hers is done
