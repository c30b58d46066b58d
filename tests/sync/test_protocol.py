"""Enrol, upload, exactly-once, conflicts, registry/forms pull: laptop services against a real
server process, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import random
from pathlib import Path

import httpx
import pytest

from inspector_app import paths
from inspector_app.services import finalize
from inspector_app.services.context import AppContext
from inspector_app.services.signing import identity as identity_service
from inspector_app.services.sync import config, outbox, runner
from inspector_app.storage import audit, inspections, offices, settings
from inspector_app.storage.db import backup_to, db_path
from tests.helpers.cli import run_cli
from tests.helpers.server import LaptopTemplates, ServerProcess
from tests.sync.factory import PASSPHRASE, make_draft, make_laptop, quick_render

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def enrolled_laptop(templates: LaptopTemplates, tmp_path: Path):
    """A copy of a template laptop, enrolled. Each test of this module uses its own template
    (the module shares one server per backend)."""

    def make(server: ServerProcess, count: int, name: str) -> tuple[AppContext, list[str]]:
        ctx, ids = templates.clone(f"protocol-{name}", count, tmp_path / f"laptop-{name}")
        assert isinstance(ctx, AppContext)
        runner.enrol(ctx, server.url, server.enrol_code(), PASSPHRASE, allow_insecure_http=True)
        return ctx, ids

    return make


def test_enrol_sync_exactly_once_and_pull(server: ServerProcess, enrolled_laptop) -> None:
    server.admin(
        "publish",
        "--registry",
        str(REPO / "resources/data/offices_demo.json"),
        "--form",
        *[str(p) for p in sorted((REPO / "forms").glob("*.yaml"))],
    )
    ctx, ids = enrolled_laptop(server, 3, "main")
    token = config.load(ctx.db).token
    assert token and len(token) > 30
    # The token is stored hashed on the server: it appears nowhere in its database or logs.
    if server.db_url is None:
        assert token.encode() not in (server.data_dir / "server.db").read_bytes()
    assert token not in server.log()

    report = runner.run_sync(ctx)
    assert report.ok, report.as_dict()
    assert sorted(report.sent) == sorted(ids)
    held = {row["id"]: row["canonical_sha256"] for row in server.inspections()}
    assert set(ids) <= set(held)
    for inspection_id in ids:
        row = inspections.get(ctx.db, inspection_id)
        assert row["status"] == "synced" and row["synced_at"]
        assert held[inspection_id] == row["canonical_sha256"]
    assert {e["action"] for e in audit.entries(ctx.db, ids[0])} >= {"finalize", "sync"}
    assert outbox.counts(ctx.db) == {"done": 3}
    # Registry and forms came down; the forms sit in DATA_DIR/forms/.
    # (the server is shared: other tests may have published more forms)
    assert {"brokerage.yaml", "pishkhan.yaml", "police10.yaml"} <= set(
        report.updates["forms_written"]
    )
    assert (paths.downloaded_forms(ctx.data_dir) / "pishkhan.yaml").read_bytes() == (
        REPO / "forms/pishkhan.yaml"
    ).read_bytes()

    # Nothing new: the second run sends nothing and the ETags answer 304.
    again = runner.run_sync(ctx)
    assert again.ok and again.sent == [] and again.updates["forms_written"] == []
    etag = settings.get(ctx.db, config.ETAG_FORMS)
    reply = httpx.get(
        f"{server.url}/v1/forms",
        headers={"Authorization": f"Bearer {token}", "If-None-Match": etag or ""},
    )
    assert reply.status_code == 304

    # The same bundle sent again directly: 200 "already there", still one row.
    from inspector_app.services.sync.bundles import inspection_bundle

    reply = httpx.put(
        f"{server.url}/v1/inspections/{ids[0]}",
        content=inspection_bundle(ctx.db, ids[0]),
        headers={"Authorization": f"Bearer {token}"},
    )
    assert reply.status_code == 200 and reply.json()["status"] == "already_there"
    assert sorted(r["id"] for r in server.inspections() if r["id"] in ids) == sorted(ids)
    assert len(server.inspections()) == len({r["id"] for r in server.inspections()})


def test_registry_change_reaches_laptop(
    server: ServerProcess, tmp_path: Path, enrolled_laptop
) -> None:
    source = json.loads((REPO / "resources/data/offices_demo.json").read_text("utf-8"))
    source["offices"][0]["name"] = "دفتر پیشخوان تازه‌نام"
    source["offices"].append({**source["offices"][1], "code": "PK-NEW-999", "name": "دفتر نو"})
    registry = tmp_path / "registry.json"
    registry.write_text(json.dumps(source, ensure_ascii=False), "utf-8")
    server.admin("publish", "--registry", str(registry))
    ctx, _ = enrolled_laptop(server, 0, "empty")
    report = runner.run_sync(ctx)
    assert report.updates["registry_added"] == 1 and report.updates["registry_changed"] == 1
    new = offices.get(ctx.db, "PK-NEW-999")
    assert new is not None and new["name"] == "دفتر نو"


def test_conflict_is_flagged_never_overwritten(server: ServerProcess, tmp_path: Path) -> None:
    ctx_a = make_laptop(tmp_path / "a")
    runner.enrol(ctx_a, server.url, server.enrol_code(), PASSPHRASE, allow_insecure_http=True)
    draft = make_draft(ctx_a, random.Random(1), "PK-BSH-001", full=False)
    # A copy of the laptop holding the same draft (same id, same device) is finalized
    # differently: the server must refuse the second version and keep the first.
    (tmp_path / "b").mkdir()
    backup_to(ctx_a.db, tmp_path / "b" / db_path(ctx_a.db).name)
    stored = identity_service.active_identity(ctx_a.db)
    finalize.finalize(ctx_a.db, draft, stored, PASSPHRASE, render=quick_render)
    assert runner.run_sync(ctx_a, pull_updates=False).sent == [draft]

    from inspector_app.services.context import open_context

    ctx_b = open_context(tmp_path / "b")
    # The database copy holds no device token (it is kept outside the database): the same
    # device's copy gets the same token.
    config.save_token(ctx_b.db, str(config.load(ctx_a.db).token))
    inspections.update_header(ctx_b.db, draft, rep_name="نام دیگر")
    finalize.finalize(ctx_b.db, draft, stored, PASSPHRASE, render=quick_render)
    report = runner.run_sync(ctx_b, pull_updates=False)
    assert report.conflicts == [draft] and not report.ok
    item = next(i for i in outbox.items(ctx_b.db) if i.inspection_id == draft)
    assert item.state == "conflict" and item.last_error
    assert inspections.get(ctx_b.db, draft)["status"] == "finalized"  # never marked synced
    held = [r for r in server.inspections() if r["id"] == draft]
    assert [r["canonical_sha256"] for r in held] == [
        inspections.get(ctx_a.db, draft)["canonical_sha256"]
    ]
    listed = run_cli(
        "conflicts", "list", *server.db_args(), "--json", program="inspector-server", ok=True
    )
    conflicts = [c for c in json.loads(listed.stdout) if c["inspection_id"] == draft]
    assert len(conflicts) == 1 and conflicts[0]["inspection_id"] == draft
    assert conflicts[0]["received_sha256"] == inspections.get(ctx_b.db, draft)["canonical_sha256"]
    ctx_b.close()


def test_revoked_token_is_refused(server: ServerProcess, enrolled_laptop) -> None:
    ctx, ids = enrolled_laptop(server, 1, "revoked")
    device_id = settings.get(ctx.db, config.DEVICE_ID)
    assert device_id
    server.admin("revoke", device_id)
    report = runner.run_sync(ctx)
    assert report.error and "ثبت‌نام" in report.error
    assert inspections.get(ctx.db, ids[0])["status"] == "finalized"
    assert ids[0] not in {r["id"] for r in server.inspections()}


def test_enrol_code_is_single_use(server: ServerProcess, tmp_path: Path) -> None:
    code = server.enrol_code()
    ctx = make_laptop(tmp_path / "x")
    runner.enrol(ctx, server.url, code, PASSPHRASE, allow_insecure_http=True)
    other = make_laptop(tmp_path / "y")
    with pytest.raises(runner.SyncError, match="403"):
        runner.enrol(other, server.url, code, PASSPHRASE, allow_insecure_http=True)
