"""Faults against a real server process: it is killed mid-upload or before it could answer,
connections are reset, it answers 500, the laptop is killed mid-sync. After recovery every
finalized inspection is on the server exactly once. (Two laptops syncing at once, as two
`inspector-app sync` processes: test_commands.test_two_laptops_one_server_by_commands.)"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from inspector_app.services.context import AppContext
from inspector_app.services.sync import outbox, runner
from inspector_app.storage import inspections
from tests.helpers.server import APP, LaptopTemplates, ServerProcess, make_server
from tests.sync.factory import PASSPHRASE
from tests.sync.netfaults import ResettingProxy

FAULTS = "BAZRES_SERVER_FAULTS"


@pytest.fixture
def laptop(templates: LaptopTemplates, tmp_path: Path):
    """A copy of a template laptop with `count` finalized inspections, enrolled with `server`."""

    def make(server: ServerProcess, count: int, name: str) -> tuple[AppContext, list[str]]:
        ctx, ids = templates.clone(f"fault-{name}-{count}", count, tmp_path / f"laptop-{name}")
        assert isinstance(ctx, AppContext)
        runner.enrol(ctx, server.url, server.enrol_code(), PASSPHRASE, allow_insecure_http=True)
        return ctx, ids

    return make


def assert_exactly_once(server: ServerProcess, laptops: list[tuple[AppContext, list[str]]]) -> None:
    held = Counter(str(r["id"]) for r in server.inspections())
    by_id = {str(r["id"]): r for r in server.inspections()}
    for ctx, ids in laptops:
        for inspection_id in ids:
            assert held[inspection_id] == 1, inspection_id
            row = inspections.get(ctx.db, inspection_id)
            assert row["status"] == "synced"
            assert by_id[inspection_id]["canonical_sha256"] == row["canonical_sha256"]
        assert outbox.counts(ctx.db) == {"done": len(ids)}
    assert sum(held.values()) == sum(len(ids) for _, ids in laptops)


def kill_while_stalled(server: ServerProcess, ctx: AppContext, marker: Path) -> None:
    """Sync in a thread; once the server holds an upload (marker), kill it (SIGKILL)."""
    marker.unlink(missing_ok=True)
    outcome: dict[str, runner.SyncReport] = {}
    worker = threading.Thread(target=lambda: outcome.setdefault("r", runner.run_sync(ctx)))
    worker.start()
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert time.monotonic() < deadline, server.log()
        time.sleep(0.05)
    server.kill()
    worker.join(60)
    assert outcome["r"].error and not outcome["r"].ok


def test_server_killed_mid_upload(
    server_factory: list[ServerProcess], tmp_path: Path, fresh_db: str | None, laptop
) -> None:
    """Killed while it holds an upload. Before its commit: nothing may be stored. After it: the
    laptop never got the answer, and must learn on its next sync that it is already there."""
    marker = tmp_path / "stalled"
    server = make_server(server_factory, tmp_path, fresh_db)
    server.start(**{FAULTS: f"stall_before_commit=60,marker={marker}"})
    ctx, ids = laptop(server, 4, "a")
    first = outbox.to_send(ctx.db)[0]  # the order the queue sends in
    kill_while_stalled(server, ctx, marker)
    assert not {str(r["id"]) for r in server.inspections()}
    assert not list((server.data_dir / "files").glob("*/.incoming-*"))
    assert all(inspections.get(ctx.db, i)["status"] == "finalized" for i in ids)

    server.start(**{FAULTS: f"stall_after_commit=60,marker={marker}"})
    kill_while_stalled(server, ctx, marker)
    assert {str(r["id"]) for r in server.inspections()} == {first}
    assert inspections.get(ctx.db, first)["status"] == "finalized"  # no answer, not synced

    server.start(**{FAULTS: ""})
    again = runner.run_sync(ctx)
    assert again.ok, again.as_dict()
    assert again.already_there == [first]
    assert sorted(again.sent) == sorted(set(ids) - {first})
    assert_exactly_once(server, [(ctx, ids)])


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # laptop-side behaviour
def test_connection_resets_and_500s(
    server_factory: list[ServerProcess], tmp_path: Path, fresh_db: str | None, laptop
) -> None:
    """Every 3rd upload answers 500 before storing and every 4th after committing; the first
    two connections through the proxy are reset mid-body."""
    server = make_server(server_factory, tmp_path, fresh_db)
    server.start(**{FAULTS: "fail_before=3,fail_after_commit=4"})
    proxy = ResettingProxy(server.port, reset_connections=2, reset_after=3000).start()
    try:
        ctx, ids = laptop(server, 4, "a")
        from inspector_app.services.sync import config
        from inspector_app.storage import settings

        settings.put(ctx.db, config.SERVER_URL, proxy.url)
        settings.put(ctx.db, runner.INSECURE_HTTP_SERVER, proxy.url)
        rounds = 0
        while True:
            rounds += 1
            report = runner.run_sync(ctx, pull_updates=False, sleep=lambda _s: None)
            if report.ok or rounds == 6:
                break
        assert report.ok, report.as_dict()
        assert proxy.resets == 2
        assert "500" in server.log()
        assert_exactly_once(server, [(ctx, ids)])
    finally:
        proxy.stop()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # laptop-side behaviour
def test_laptop_killed_mid_sync(
    server_factory: list[ServerProcess], tmp_path: Path, fresh_db: str | None, laptop
) -> None:
    """`inspector-app sync` is killed while an upload it sent is held by the server; the next
    sync finds the item left `sending`, sends it again, and it is stored once."""
    server = make_server(server_factory, tmp_path, fresh_db)
    marker = tmp_path / "stalled"
    server.start(**{FAULTS: f"stall_after_commit=2,marker={marker}"})
    ctx, ids = laptop(server, 4, "a")
    first = outbox.to_send(ctx.db)[0]
    ctx.close()
    folder = tmp_path / "laptop-a"
    proc = subprocess.Popen([APP, "sync", "--data-dir", str(folder)], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not marker.exists():  # the first upload is committed and held by the server
        assert time.monotonic() < deadline and proc.poll() is None, server.log()
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    from inspector_app.services.context import open_context

    ctx = open_context(folder)
    assert outbox.counts(ctx.db).get("sending") == 1
    assert all(inspections.get(ctx.db, i)["status"] == "finalized" for i in ids)
    server.restart(**{FAULTS: ""})
    report = runner.run_sync(ctx)
    assert report.ok and report.recovered == 1, report.as_dict()
    assert report.already_there == [first]
    assert_exactly_once(server, [(ctx, ids)])
