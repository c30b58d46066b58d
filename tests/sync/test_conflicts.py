"""Conflicts a person resolves, against a real server process: a laptop and a copy of it
finalize one draft differently; the copy's version is refused (409) and recorded once, however
often it is sent or imported; `inspector-server conflicts list | show | extract | resolve`
settle it; the laptop's `sync` exits 1 while the conflict is open and 0 once it learns the
resolution from its next upload's reply."""

from __future__ import annotations

import json
import os
import random
import subprocess
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from inspector_app.domain.canonical import sha256_hex
from inspector_app.services import finalize
from inspector_app.services.context import AppContext, open_context
from inspector_app.services.signing import identity as identity_service
from inspector_app.services.sync import config, outbox, runner
from inspector_app.services.sync.bundles import inspection_bundle
from inspector_app.storage import inspections
from inspector_app.storage.db import backup_to, db_path
from inspector_app.storage.drafts import set_answer
from tests.helpers.cli import Ran, run_cli
from tests.helpers.server import SERVER, ServerProcess
from tests.sync.factory import PASSPHRASE, make_draft, make_laptop, quick_render


@dataclass
class Conflicting:
    """One draft finalized on laptop A (synced, held by the server) and, differently, on B,
    a copy of A's database (the same key), enrolled as a device of its own (each device's audit
    chain is anchored apart on the server): B's version conflicts."""

    a: AppContext
    b: AppContext
    inspection_id: str
    item_id: str  # the yes/no item answered «yes» on A and «no» on B
    item_text: str

    def hash_on(self, ctx: AppContext) -> str:
        return str(inspections.get(ctx.db, self.inspection_id)["canonical_sha256"])


@pytest.fixture
def conflicting(server: ServerProcess, tmp_path: Path):
    made: list[Conflicting] = []

    def make(seed: int) -> Conflicting:
        a = make_laptop(tmp_path / f"a{seed}")
        runner.enrol(a, server.url, server.enrol_code(), PASSPHRASE, allow_insecure_http=True)
        draft = make_draft(a, random.Random(seed), "PK-BSH-001", full=False)
        item = next(
            i for i in inspections.form_of(a.db, draft).checklist_items() if i.type == "yesno"
        )
        set_answer(a.db, draft, item.id, "yes")
        (tmp_path / f"b{seed}").mkdir()
        backup_to(a.db, tmp_path / f"b{seed}" / db_path(a.db).name)
        stored = identity_service.active_identity(a.db)
        finalize.finalize(a.db, draft, stored, PASSPHRASE, render=quick_render)
        assert runner.run_sync(a, pull_updates=False).sent == [draft]
        b = open_context(tmp_path / f"b{seed}")
        runner.enrol(b, server.url, server.enrol_code(), PASSPHRASE, allow_insecure_http=True)
        set_answer(b.db, draft, item.id, "no")
        finalize.finalize(b.db, draft, stored, PASSPHRASE, render=quick_render)
        made.append(Conflicting(a, b, draft, item.id, item.text))
        return made[-1]

    yield make
    for pair in made:
        pair.a.close()
        pair.b.close()


def admin(server: ServerProcess, *args: str, ok: bool | None = True) -> Ran:
    """`inspector-server conflicts ACTION ...` on the server's data (options after the action)."""
    return run_cli(*args[:2], *server.db_args(), *args[2:], program="inspector-server", ok=ok)


def conflicts_of(server: ServerProcess, inspection_id: str) -> list[dict[str, object]]:
    listed = json.loads(admin(server, "conflicts", "list", "--json").stdout)
    return [c for c in listed if c["inspection_id"] == inspection_id]


def province_inspections(server: ServerProcess) -> int:
    figures = json.loads(server.admin("summary", "--json"))
    return int(figures["overview"]["inspections"])


def laptop_sync(ctx: AppContext, *extra: str) -> Ran:
    return run_cli("sync", "--data-dir", str(ctx.data_dir), *extra)


def test_show_extract_resolve_and_the_laptop_learns(
    server: ServerProcess, conflicting, tmp_path: Path
) -> None:
    pair = conflicting(41)
    draft = pair.inspection_id
    first = laptop_sync(pair.b)
    assert first.returncode == 1, first
    assert f"conflict {draft}" in first.stdout and "governorate" in first.stdout
    assert "استانداری" in first.stdout
    status = laptop_sync(pair.b, "--status")
    assert f"{draft}\tconflict" in status.stdout and f"conflict {draft}" in status.stdout
    # Still open: the next run (nothing new to send) exits 1 too, and records no second row.
    assert laptop_sync(pair.b).returncode == 1
    [row] = conflicts_of(server, draft)
    assert row["stored_sha256"] == pair.hash_on(pair.a)
    assert row["received_sha256"] == pair.hash_on(pair.b)
    assert row["resolution"] is None and row["office_code"] == "PK-BSH-001"
    conflict_id = str(row["id"])

    # As an operator runs it: a process of its own, Persian in reading order, nothing reshaped.
    shown = subprocess.run(
        [SERVER, "conflicts", "show", conflict_id, *server.db_args()],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **server.env, "LC_ALL": "C", "PYTHONIOENCODING": ""},
    )
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    at = lines.index(f"  {pair.item_id}: {pair.item_text}")
    assert lines[at + 1].endswith("stored:   بله") and lines[at + 2].endswith("received: خیر")
    assert not any("\ufb50" <= ch <= "\ufeff" for ch in shown.stdout)  # no presentation forms
    assert "open" in lines[0] and draft in shown.stdout
    diff = json.loads(admin(server, "conflicts", "show", conflict_id, "--json").stdout)
    [answer] = [a for a in diff["difference"]["answers"] if a["item_id"] == pair.item_id]
    assert (answer["stored"], answer["received"]) == ("بله", "خیر")
    assert answer["item_text"] == pair.item_text

    out = tmp_path / "versions"
    admin(server, "conflicts", "extract", conflict_id, "--out", str(out))
    for label, ctx in (("stored", pair.a), ("received", pair.b)):
        assert sha256_hex((out / label / "canonical.json").read_bytes()) == pair.hash_on(ctx)
        assert (out / label / "report.pdf").read_bytes().startswith(b"%PDF")

    resolved = admin(
        server, "conflicts", "resolve", conflict_id, "--keep", "received",
        "--reason", "نسخهٔ دوم درست است", "--by", "کارشناس استان", "--json",
    )  # fmt: skip
    resolution = json.loads(resolved.stdout)["resolution"]
    assert resolution["keep"] == "received" and resolution["resolved_by"] == "کارشناس استان"
    assert resolution["reason"] == "نسخهٔ دوم درست است" and resolution["resolved_at"]
    again = admin(
        server, "conflicts", "resolve", conflict_id, "--keep", "stored", "--reason", "x", ok=False
    )
    assert "already resolved" in again.stderr and "Traceback" not in again.stderr
    assert json.loads(admin(server, "conflicts", "list", "--json").stdout)  # still listed
    held = {r["id"]: r["canonical_sha256"] for r in server.inspections()}
    assert held[draft] == pair.hash_on(pair.b)  # the received version is counted now
    # Both versions can still be read after the received one replaced the stored one.
    admin(server, "conflicts", "extract", conflict_id, "--out", str(tmp_path / "after"))
    stored_json = (tmp_path / "after" / "stored" / "canonical.json").read_bytes()
    assert sha256_hex(stored_json) == pair.hash_on(pair.a)

    done = laptop_sync(pair.b)
    assert done.returncode == 0, done
    assert [i.state for i in outbox.items(pair.b.db) if i.inspection_id == draft] == ["done"]
    assert "conflict" not in laptop_sync(pair.b, "--status").stdout


def test_keep_stored_or_both(server: ServerProcess, conflicting) -> None:
    for seed, keep in ((42, "stored"), (43, "both")):
        pair = conflicting(seed)
        draft = pair.inspection_id
        assert laptop_sync(pair.b).returncode == 1
        [row] = conflicts_of(server, draft)
        counted = province_inspections(server)
        admin(server, "conflicts", "resolve", str(row["id"]), "--keep", keep, "--reason", "r")
        # both: one more visit in the province figures; stored: nothing changes there
        assert province_inspections(server) == counted + (keep == "both")
        held = {r["id"]: r["canonical_sha256"] for r in server.inspections()}
        assert held[draft] == pair.hash_on(pair.a)
        separate = f"{draft}-c{row['id']}"
        if keep == "both":
            assert held[separate] == pair.hash_on(pair.b)
            [row] = conflicts_of(server, draft)
            assert row["resolution"]["new_inspection_id"] == separate  # type: ignore[index]
        else:
            assert separate not in held
        synced = laptop_sync(pair.b)
        assert synced.returncode == 0, synced.stdout
        assert inspections.get(pair.b.db, draft)["status"] == "synced"


def test_the_same_conflicting_file_twice_is_one_conflict(
    server: ServerProcess, conflicting, tmp_path: Path
) -> None:
    pair = conflicting(44)
    draft = pair.inspection_id
    usb = tmp_path / "usb.bazres"
    run_cli("bundle", "export", "--data-dir", str(pair.b.data_dir), "-o", str(usb), ok=True)
    for _ in range(2):
        imported = run_cli(
            "import", *server.db_args(), str(usb), "--json", program="inspector-server"
        )
        assert json.loads(imported.stdout) == [{"id": draft, "status": "conflict"}]
    bundle = inspection_bundle(pair.b.db, draft)
    token = str(config.load(pair.b.db).token)
    for _ in range(2):
        reply = httpx.put(
            f"{server.url}/v1/inspections/{draft}",
            content=bundle,
            headers={"Authorization": f"Bearer {token}"},
        )
        assert reply.status_code == 409 and reply.json()["status"] == "conflict"
    assert len(conflicts_of(server, draft)) == 1


def test_bad_input_is_told_plainly(server: ServerProcess) -> None:
    for args in (
        ("conflicts", "show", "999999"),
        ("conflicts", "extract", "999999", "--out", "/tmp/never-written"),
        ("conflicts", "resolve", "999999", "--keep", "stored", "--reason", "r"),
        ("conflicts", "resolve", "1", "--keep", "stored"),  # no --reason
        ("conflicts", "resolve", "1", "--keep", "mine", "--reason", "r"),
        ("conflicts", "resolve", "1", "--keep", "stored", "--reason", "  "),
        ("conflicts", "show", "one"),
    ):
        ran = admin(server, *args, ok=False)
        assert ran.returncode == 2, ran
        assert ran.stderr.strip() and "Traceback" not in ran.stderr, ran
    assert not Path("/tmp/never-written").exists()
