"""The audit log's head held by the server: a real `inspector-server serve` process and real
enrolled laptops, driven by the commands.

Each sync sends the log's head; the server holds it per device and refuses (409, logged) a
head that does not continue it. So what the signed documents cannot see, a cut or rewrite
after the last finalize but before the last sync, `audit verify` finds against the server,
and the next sync reports it. A device reads and sets only its own head; offline, `audit
verify` says the server was not asked and does not fail for it.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from inspector_app import paths
from inspector_app.domain.canonical import canonical_sha256
from inspector_app.services.context import AppContext, open_context
from inspector_app.services.sync import config
from inspector_app.storage import audit, drafts, inspections
from tests.helpers.cli import run_cli
from tests.helpers.server import LaptopTemplates, ServerProcess, make_server
from tests.sync.factory import make_draft

cli = functools.partial(run_cli, ok=True)
sqlite_server = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


def enrolled_laptop(
    server: ServerProcess, templates: LaptopTemplates, folder: Path, name: str, count: int = 2
) -> list[str]:
    """A laptop with `count` finalized inspections, enrolled and synced once."""
    ctx, ids = templates.clone(name, count, folder)
    assert isinstance(ctx, AppContext)
    ctx.close()
    cli("enrol", "--data-dir", str(folder), "--server", server.url, "--code", server.enrol_code(),
        "--allow-insecure-http")  # fmt: skip
    report = json.loads(cli("sync", "--data-dir", str(folder), "--json").stdout)
    assert report["ok"] and sorted(report["sent"]) == sorted(ids), report
    return ids


def token_of(folder: Path) -> str:
    ctx = open_context(folder)
    try:
        token = config.load(ctx.db).token
    finally:
        ctx.close()
    assert token
    return token


def head_of(folder: Path) -> dict[str, object]:
    ctx = open_context(folder)
    try:
        return audit.head(ctx.db).as_dict()
    finally:
        ctx.close()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"} if token else {}


def held(server: ServerProcess, token: str) -> httpx.Response:
    return httpx.get(f"{server.url}/v1/audit-anchor", headers=bearer(token), timeout=10)


def send(server: ServerProcess, token: str, body: dict[str, object]) -> httpx.Response:
    return httpx.post(f"{server.url}/v1/audit-anchor", json=body, headers=bearer(token), timeout=10)


def edit_a_draft(folder: Path, times: int) -> None:
    """Work after the last finalize: a draft started and answered (entries that no signed
    document anchors)."""
    ctx = open_context(folder)
    try:
        import random

        code = str(ctx.db.execute("SELECT code FROM offices LIMIT 1").fetchone()[0])
        draft = make_draft(ctx, random.Random(5), code, False)
        item = next(
            i for i in inspections.form_of(ctx.db, draft).checklist_items() if i.type == "yesno"
        )
        for index in range(times):
            drafts.set_answer(ctx.db, draft, item.id, ("yes", "no")[index % 2])
    finally:
        ctx.close()


@contextmanager
def attacker(folder: Path) -> Iterator[sqlite3.Connection]:
    """Plain sqlite3 on the laptop's database, every trigger dropped and put back after."""
    conn = sqlite3.connect(paths.database_path(folder), isolation_level=None)
    saved = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _ in saved:
        conn.execute(f"DROP TRIGGER {name}")
    try:
        yield conn
    finally:
        for _, sql in saved:
            conn.execute(sql)
        conn.close()


def rewrite_from(conn: sqlite3.Connection, seq: int) -> None:
    """Entry `seq` given another detail, every hash from it on recomputed (INSERT OR REPLACE):
    the chain is consistent again to its end."""
    before = conn.execute("SELECT hash FROM audit_log WHERE seq = ?", [seq - 1]).fetchone()
    prev = str(before[0])
    rows = conn.execute(
        "SELECT seq, at, action, inspection_id, detail FROM audit_log WHERE seq >= ? ORDER BY seq",
        [seq],
    ).fetchall()
    for number, at, action, inspection_id, detail in rows:
        text = '{"forged": true}' if number == seq else detail
        digest = canonical_sha256(
            {"prev": prev, "at": at, "action": action, "inspection": inspection_id, "detail": text}
        )
        conn.execute(
            "INSERT OR REPLACE INTO audit_log (seq, at, action, inspection_id, detail, prev_hash, "
            "hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [number, at, action, inspection_id, text, prev, digest],
        )
        prev = digest


def last_finalize(folder: Path) -> int:
    conn = sqlite3.connect(paths.database_path(folder))
    try:
        return int(conn.execute("SELECT max(seq) FROM audit_log WHERE action = 'finalize'")
                   .fetchone()[0])  # fmt: skip
    finally:
        conn.close()


def verify(folder: Path, *extra: str) -> dict[str, object]:
    ran = run_cli("audit", "verify", "--json", "--data-dir", str(folder), *extra)
    report = json.loads(ran.stdout)
    assert (ran.returncode == 0) is report["ok"], ran
    return dict(report)


def kinds(report: dict[str, object]) -> dict[str, dict[str, str]]:
    listed = report["problems"]
    assert isinstance(listed, list)
    return {p["kind"]: p for p in listed}


@sqlite_server
def test_each_sync_anchors_the_head_on_the_server(
    server: ServerProcess, templates: LaptopTemplates, tmp_path: Path
) -> None:
    folder = tmp_path / "laptop"
    enrolled_laptop(server, templates, folder, "anchor-a")
    token = token_of(folder)
    reply = held(server, token)
    assert reply.status_code == 200
    assert {k: reply.json()["anchor"][k] for k in ("seq", "hash")} == head_of(folder)
    edit_a_draft(folder, 3)
    report = json.loads(cli("sync", "--data-dir", str(folder), "--json").stdout)
    assert report["ok"], report
    assert {k: held(server, token).json()["anchor"][k] for k in ("seq", "hash")} == head_of(folder)
    checked = verify(folder)
    assert checked["ok"] and checked["server_anchor"]["checked"], checked  # type: ignore[index]
    ran = cli("audit", "verify", "--data-dir", str(folder))
    assert "با این دفتر می‌خواند" in ran.stdout


@sqlite_server
def test_rewrite_after_the_last_finalize_is_caught_by_the_server(
    server: ServerProcess, templates: LaptopTemplates, tmp_path: Path
) -> None:
    """Rewritten, hashes recomputed, from just after the last finalize to the end: the signed
    documents' anchors all still hold, so only the server can tell."""
    folder = tmp_path / "laptop"
    enrolled_laptop(server, templates, folder, "anchor-b")
    synced_head = head_of(folder)
    with attacker(folder) as conn:
        rewrite_from(conn, last_finalize(folder) + 1)
    assert head_of(folder)["seq"] == synced_head["seq"] != 0
    assert head_of(folder)["hash"] != synced_head["hash"]
    offline = verify(folder, "--offline")
    assert offline["ok"], offline  # what the documents alone see: nothing
    assert not offline["server_anchor"]["checked"]  # type: ignore[index]
    online = verify(folder)
    found = kinds(online)
    assert not online["ok"] and "audit_rewritten" in found, online
    start = last_finalize(folder)  # the last anchor that holds: the entry before it
    assert (
        f"میان رویداد {start} و رویداد {synced_head['seq']} " in found["audit_rewritten"]["detail"]
    )
    assert "سرور" in found["audit_rewritten"]["detail"]
    # The next sync: the server refuses the head (409, logged); the laptop says why.
    ran = run_cli("sync", "--data-dir", str(folder), "--json")
    report = json.loads(ran.stdout)
    assert ran.returncode != 0 and not report["ok"]
    assert "سرور سرِ دفتر رویدادهای این رایانه را نپذیرفت" in report["error"]
    assert found["audit_rewritten"]["detail"] in report["error"]
    assert "audit anchor of device" in server.log() and "refused" in server.log()
    # It still holds the head it had.
    reply = held(server, token_of(folder)).json()["anchor"]
    assert {k: reply[k] for k in ("seq", "hash")} == synced_head


@sqlite_server
def test_cut_after_the_last_finalize_is_caught_by_the_server(
    server: ServerProcess, templates: LaptopTemplates, tmp_path: Path
) -> None:
    folder = tmp_path / "laptop"
    enrolled_laptop(server, templates, folder, "anchor-c")
    edit_a_draft(folder, 4)
    assert json.loads(cli("sync", "--data-dir", str(folder), "--json").stdout)["ok"]
    synced = int(str(head_of(folder)["seq"]))
    with attacker(folder) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq > ?", [synced - 3])
    assert verify(folder, "--offline")["ok"]
    found = kinds(verify(folder))
    assert "audit_cut" in found, found
    assert f"رویدادهای {synced - 2} به بعد" in found["audit_cut"]["detail"]
    ran = run_cli("sync", "--data-dir", str(folder), "--json")
    assert ran.returncode != 0 and "نپذیرفت" in json.loads(ran.stdout)["error"]


@sqlite_server
def test_server_refuses_a_head_that_does_not_continue_the_one_held(
    server: ServerProcess, templates: LaptopTemplates, tmp_path: Path
) -> None:
    folder = tmp_path / "laptop"
    enrolled_laptop(server, templates, folder, "anchor-d", count=1)
    token = token_of(folder)
    now = held(server, token).json()["anchor"]
    seq, digest = int(now["seq"]), str(now["hash"])
    other = "f" * 64
    same = {"seq": seq, "hash": digest}
    refused = {
        "lower seq (cut)": {"seq": seq - 1, "hash": digest},
        "same seq, other hash (rewrite)": {"seq": seq, "hash": other},
        "higher seq, no entry at the seq held": {"seq": seq + 5, "hash": other},
        "higher seq, another entry at the seq held": {
            "seq": seq + 5, "hash": other, "previous": {"seq": seq, "hash": other}},
        "higher seq, an entry before the one held": {
            "seq": seq + 5, "hash": other, "previous": {"seq": seq - 1, "hash": digest}},
    }  # fmt: skip
    for why, body in refused.items():
        reply = send(server, token, body)
        assert reply.status_code == 409, (why, reply.text)
        assert reply.json()["anchor"]["seq"] == seq, why
    assert send(server, token, same).status_code == 200
    assert send(server, token, {"seq": seq, "hash": "not hex"}).status_code == 422
    moved = send(server, token, {"seq": seq + 5, "hash": other, "previous": same})
    assert moved.status_code == 200 and moved.json()["anchor"]["seq"] == seq + 5
    assert held(server, token).json()["anchor"]["hash"] == other


@sqlite_server
def test_a_second_laptop_can_neither_read_nor_set_the_first_ones_head(
    server: ServerProcess, templates: LaptopTemplates, tmp_path: Path
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    enrolled_laptop(server, templates, first, "anchor-e", count=1)
    ctx, _ = templates.clone("anchor-f", 1, second)
    assert isinstance(ctx, AppContext)
    ctx.close()
    cli("enrol", "--data-dir", str(second), "--server", server.url, "--code", server.enrol_code(),
        "--allow-insecure-http")  # fmt: skip
    mine, theirs = token_of(first), token_of(second)
    before = held(server, mine).json()["anchor"]
    # The second laptop has not synced: it holds nothing, and sees nothing of the first.
    assert held(server, theirs).json() == {"anchor": None}
    # Whatever it sends is its own head: the first one's stays as it was.
    lower = {"seq": 1, "hash": "a" * 64}
    assert send(server, theirs, lower).status_code == 200
    assert held(server, mine).json()["anchor"] == before
    assert held(server, theirs).json()["anchor"]["seq"] == 1
    for token in ("", "not-a-token"):
        assert held(server, token).status_code == 401
        assert send(server, token, lower).status_code == 401
    assert held(server, mine).json()["anchor"] == before


def test_offline_the_server_head_is_reported_not_checked(
    server_factory: list[ServerProcess], templates: LaptopTemplates, tmp_path: Path
) -> None:
    own = make_server(server_factory, tmp_path, None).start()
    folder = tmp_path / "laptop"
    enrolled_laptop(own, templates, folder, "anchor-g", count=1)
    own.stop()
    report = verify(folder)
    assert report["ok"], report
    anchor = report["server_anchor"]
    assert isinstance(anchor, dict) and not anchor["checked"]
    assert "سنجیده نشد" in str(anchor["reason"]) and "در دسترس نیست" in str(anchor["reason"])
    ran = cli("audit", "verify", "--data-dir", str(folder))
    assert "با سرور سنجیده نشد" in ran.stdout
