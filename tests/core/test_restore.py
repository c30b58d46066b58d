"""Restoring a backup never loses signed work: what the backup lacks or holds as a draft is
listed and carried over (or the restore is refused and nothing changes); a backup holding
another version of a signed inspection never replaces it. Real databases, real signatures
(pyHanko), the real `inspector-app` commands, and the lifecycle's own sync step."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector_app.services import backup, correction, finalize
from inspector_app.services.context import AppContext, open_context
from inspector_app.services.restore_check import DIFFERS, DRAFT, MISSING, NOT_SYNCED
from inspector_app.services.signing import identity as identity_service
from inspector_app.services.sync import outbox, runner
from inspector_app.storage import (
    audit,
    contents,
    drafts,
    identities,
    inspections,
    lifecycle,
    offices,
)
from tests.helpers.cli import run_cli
from tests.helpers.restore import craft_edited_copy
from tests.helpers.server import SERVER_KEY_PASSPHRASE, ServerProcess
from tests.sync.factory import (
    PASSPHRASE,
    make_draft,
    make_finalized,
    make_laptop,
    quick_render,
    signature_png,
)


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[AppContext]:
    ctx = make_laptop(tmp_path / "laptop")
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    with pytest.MonkeyPatch.context() as patch:  # admin commands run in this process
        patch.setenv("BAZRES_SERVER_KEY_PASSPHRASE", SERVER_KEY_PASSPHRASE)
        process = ServerProcess(tmp_path_factory.mktemp("server") / "data")
        process.data_dir.mkdir()
        process.start()
        yield process
        process.stop()


def rows_of(db_file: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, to tell whether a refused restore changed anything."""
    with sqlite3.connect(db_file) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}")), key=repr) for t in tables}


def signed_state(ctx: AppContext, inspection_id: str) -> tuple[object, ...]:
    row = inspections.get(ctx.db, inspection_id)
    document = ctx.db.execute(
        "SELECT canonical_json, signed_pdf FROM inspection_documents WHERE inspection_id = ?",
        [inspection_id],
    ).fetchone()
    return row["status"], row["canonical_sha256"], row["finalized_at"], tuple(document)


def db_file(ctx: AppContext) -> Path:
    return ctx.data_dir / "bazres.db"


def audit_verify(ctx: AppContext) -> None:
    ran = run_cli("audit", "verify", "--json", "--data-dir", str(ctx.data_dir))
    report = json.loads(ran.stdout)
    assert ran.returncode == 0 and report["ok"], report


def confirm_sync(ctx: AppContext, inspection_id: str) -> None:
    """What the runner does once the server confirmed the upload (the real lifecycle step)."""
    sha256 = inspections.get(ctx.db, inspection_id)["canonical_sha256"]
    lifecycle.mark_synced(
        ctx.db, inspection_id, server="https://gov", outcome="stored", sha256=sha256
    )


def test_restore_lists_then_carries_over_finalized_and_synced_work(
    laptop: AppContext, tmp_path: Path
) -> None:
    old = backup.back_up(laptop.db, tmp_path / "before.db")  # nothing finalized yet
    synced = make_finalized(laptop, 2, seed=11)
    assert sorted(outbox.to_send(laptop.db)) == sorted(synced)
    for iid in synced:
        confirm_sync(laptop, iid)
    [queued] = make_finalized(laptop, 1, seed=12)
    code = str(offices.list_offices(laptop.db, status="active")[3]["code"])
    draft = make_draft(laptop, random.Random(5), code, full=False)
    before = {iid: signed_state(laptop, iid) for iid in [*synced, queued]}
    laptop.close()
    data = ["--data-dir", str(laptop.data_dir)]
    unchanged = rows_of(tmp_path / "laptop" / "bazres.db")

    # Without a choice: the list, exit 1, nothing changed (no safety copy either).
    listed = run_cli("restore", str(old), *data, ok=False)
    for iid in [*synced, queued, draft]:
        assert iid in listed.stdout
    assert "--carry-over" in listed.stderr
    plan = json.loads(run_cli("restore", str(old), "--json", *data, ok=False).stdout)["plan"]
    assert {i["inspection_id"]: i["reason"] for i in plan["carry"]} == dict.fromkeys(
        [*synced, queued], MISSING
    )
    assert [(d["inspection_id"], d["missing"]) for d in plan["drafts"]] == [(draft, True)]
    assert rows_of(tmp_path / "laptop" / "bazres.db") == unchanged
    assert not list((tmp_path / "laptop").glob("*.before-restore-*"))

    run_cli("restore", str(old), "--carry-over", *data, ok=True)
    ctx = open_context(tmp_path / "laptop")
    try:
        assert {iid: signed_state(ctx, iid) for iid in before} == before
        assert inspections.list_inspections(ctx.db, status="draft") == []  # the draft was lost
        audit_verify(ctx)
        # The synced ones are not sent again, the queued one is sent once, with its hash.
        assert outbox.to_send(ctx.db, force=True) == [queued]
        confirm_sync(ctx, queued)
        assert outbox.to_send(ctx.db, force=True) == []
        assert inspections.get(ctx.db, queued)["canonical_sha256"] == before[queued][1]
        actions = [e["action"] for e in audit.entries(ctx.db, queued)]
        assert "finalize" in actions and "carry_over" in actions
        audit_verify(ctx)
    finally:
        ctx.close()
    kept = list((tmp_path / "laptop").glob("bazres.db.before-restore-*.bak"))
    assert len(kept) == 1 and rows_of(kept[0])["inspections"] == unchanged["inspections"]


def finalize_now(ctx: AppContext, inspection_id: str, now: dt.datetime | None = None) -> None:
    active = identity_service.active_identity(ctx.db)
    assert active is not None
    finalize.finalize(ctx.db, inspection_id, active, PASSPHRASE, render=quick_render, now=now)


def test_a_backup_holding_it_as_a_draft_is_listed_and_gets_the_signed_one(
    laptop: AppContext, tmp_path: Path
) -> None:
    code = str(offices.list_offices(laptop.db, status="active")[0]["code"])
    iid = make_draft(laptop, random.Random(21), code, full=False)
    copy = backup.back_up(laptop.db, tmp_path / "as-draft.db")
    finalize_now(laptop, iid)
    confirm_sync(laptop, iid)
    before = signed_state(laptop, iid)
    unchanged = rows_of(db_file(laptop))

    plan = backup.check_restore(laptop.db, copy)
    assert [(i.inspection_id, i.reason, i.status) for i in plan.carry] == [(iid, DRAFT, "synced")]
    assert plan.drafts == [] and not plan.refused
    with pytest.raises(backup.RestoreRefused):
        backup.restore(laptop.db, copy, tmp_path / "safety.bak", carry_over_work=False)
    assert not (tmp_path / "safety.bak").exists()
    assert rows_of(db_file(laptop)) == unchanged

    backup.restore(laptop.db, copy, tmp_path / "safety.bak", carry_over_work=True)
    assert signed_state(laptop, iid) == before
    assert laptop.db.execute("SELECT state FROM outbox").fetchall() == [("done",)]
    audit_verify(laptop)


def test_a_backup_only_missing_the_sync_gets_the_synced_state(
    laptop: AppContext, tmp_path: Path
) -> None:
    [iid] = make_finalized(laptop, 1, seed=22)
    copy = backup.back_up(laptop.db, tmp_path / "unsynced.db")
    confirm_sync(laptop, iid)
    before = signed_state(laptop, iid)
    plan = backup.check_restore(laptop.db, copy)
    assert [(i.inspection_id, i.reason) for i in plan.carry] == [(iid, NOT_SYNCED)]
    backup.restore(laptop.db, copy, tmp_path / "safety.bak", carry_over_work=True)
    assert signed_state(laptop, iid) == before  # synced: it is not sent again
    audit_verify(laptop)


def test_an_edited_draft_is_listed_with_what_is_lost(laptop: AppContext, tmp_path: Path) -> None:
    code = str(offices.list_offices(laptop.db, status="active")[0]["code"])
    iid = make_draft(laptop, random.Random(23), code, full=False)
    copy = backup.back_up(laptop.db, tmp_path / "draft.db")
    item = next(iter(contents.answers_of(laptop.db, iid)))
    drafts.set_answer(laptop.db, iid, item[0], None, repeat_index=item[1])
    drafts.save_finding(laptop.db, iid, description="یافتهٔ تازه")
    [loss] = backup.check_restore(laptop.db, copy).drafts
    assert (loss.inspection_id, loss.missing, loss.answers, loss.findings) == (iid, False, 1, 1)


def test_a_crafted_backup_never_replaces_the_signed_inspection(
    laptop: AppContext, tmp_path: Path
) -> None:
    [iid] = make_finalized(laptop, 1, seed=24)
    crafted = backup.back_up(laptop.db, tmp_path / "crafted.db")
    before = signed_state(laptop, iid)
    assert craft_edited_copy(laptop.db, iid, crafted) != before[1]
    unchanged = rows_of(db_file(laptop))

    plan = backup.check_restore(laptop.db, crafted)
    assert [(i.inspection_id, i.reason) for i in plan.conflicts] == [(iid, DIFFERS)]
    assert plan.refused
    for choice in (False, True):
        with pytest.raises(backup.RestoreRefused) as refused:
            backup.restore(laptop.db, crafted, tmp_path / "safety.bak", carry_over_work=choice)
        assert iid in str(refused.value)
    assert rows_of(db_file(laptop)) == unchanged and not (tmp_path / "safety.bak").exists()
    assert signed_state(laptop, iid) == before
    listed = run_cli("restore", str(crafted), "--carry-over", "--data-dir", str(laptop.data_dir))
    assert listed.returncode == 1 and iid in listed.stdout
    assert rows_of(db_file(laptop)) == unchanged


def test_a_backup_of_another_database_is_refused_while_finalized_work_would_move(
    laptop: AppContext, tmp_path: Path
) -> None:
    other = make_laptop(tmp_path / "other")
    foreign = backup.back_up(other.db, tmp_path / "other.db")
    other.close()
    # Nothing finalized here yet (a new laptop): the other laptop's backup is restored.
    assert backup.check_restore(laptop.db, foreign).refused is False
    [iid] = make_finalized(laptop, 1, seed=25)
    unchanged = rows_of(db_file(laptop))
    plan = backup.check_restore(laptop.db, foreign)
    assert [i.inspection_id for i in plan.carry] == [iid]
    assert plan.history_continues is False and plan.refused
    with pytest.raises(backup.RestoreRefused):
        backup.restore(laptop.db, foreign, tmp_path / "safety.bak", carry_over_work=True)
    assert rows_of(db_file(laptop)) == unchanged


def test_a_crash_in_the_middle_of_the_replace_leaves_the_old_or_the_new_database(
    laptop: AppContext, tmp_path: Path
) -> None:
    """`inspector-app restore` killed (SIGKILL, as a power cut) while it writes the database:
    SQLite's journal gives back the old database whole; run again, the new one."""
    [iid] = make_finalized(laptop, 1, seed=26)
    big = backup.back_up(laptop.db, tmp_path / "big.db")
    with sqlite3.connect(big) as conn:  # a backup large enough to be caught while copied
        conn.execute(
            "INSERT INTO settings VALUES ('test.padding', ?)", [os.urandom(24 << 20).hex()]
        )
    code = str(offices.list_offices(laptop.db, status="active")[1]["code"])
    draft = make_draft(laptop, random.Random(6), code, full=False)  # only the old state has it
    laptop.close()
    database, wal = db_file(laptop), laptop.data_dir / "bazres.db-wal"
    old = rows_of(database)
    command = [sys.executable, "-m", "inspector_app.cli.main", "restore", str(big)]
    command += ["--carry-over", "--data-dir", str(laptop.data_dir)]
    caught = []
    for threshold in (2 << 20, 8 << 20, 20 << 20):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while process.poll() is None and not (wal.exists() and wal.stat().st_size > threshold):
            time.sleep(0.002)
        process.send_signal(signal.SIGKILL)
        process.wait(30)
        with sqlite3.connect(database) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            ids = {r[0] for r in conn.execute("SELECT id FROM inspections")}
        if ids == {iid, draft}:
            assert rows_of(database) == old
            caught.append(threshold)
        else:
            assert ids == {iid}  # the restore had committed: the new database, whole
            break
    assert caught, "no kill landed while the database was being replaced"
    assert list(laptop.data_dir.glob(".restore-*"))  # the killed run's working copy
    run_cli("restore", str(big), "--carry-over", "--data-dir", str(laptop.data_dir), ok=True)
    ctx = open_context(laptop.data_dir)
    try:
        assert {r["id"] for r in inspections.list_inspections(ctx.db)} == {iid}
        audit_verify(ctx)
    finally:
        ctx.close()
    assert not list(laptop.data_dir.glob(".restore-*"))  # cleared by the next restore


def test_an_audit_log_broken_here_is_not_copied_into_the_restored_database(
    laptop: AppContext, tmp_path: Path
) -> None:
    [iid] = make_finalized(laptop, 1, seed=27)
    good = backup.back_up(laptop.db, tmp_path / "good.db")
    code = str(offices.list_offices(laptop.db, status="active")[2]["code"])
    make_draft(laptop, random.Random(7), code, full=False)  # entries after the backup's
    laptop.db.execute("DROP TRIGGER audit_log_append_only_update")
    laptop.db.execute(
        "UPDATE audit_log SET detail = '{}' WHERE seq = (SELECT max(seq) FROM audit_log)"
    )
    assert not audit.verify_chain(laptop.db).ok
    plan = backup.check_restore(laptop.db, good)
    assert plan.history_continues is False and not plan.refused
    backup.restore(laptop.db, good, tmp_path / "safety.bak", carry_over_work=True)
    assert audit.verify_chain(laptop.db).ok
    assert inspections.get(laptop.db, iid)["status"] == "finalized"
    laptop.close()
    ctx = open_context(laptop.data_dir)  # the restored database has the guard dropped here
    try:
        audit_verify(ctx)
    finally:
        ctx.close()


def test_a_backup_with_a_broken_audit_log_is_refused(laptop: AppContext, tmp_path: Path) -> None:
    make_finalized(laptop, 1, seed=28)
    cut = backup.back_up(laptop.db, tmp_path / "cut.db")
    with sqlite3.connect(cut) as conn:  # an entry taken out of the middle of its log
        guard = "audit_log_append_only_delete"
        [sql] = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [guard]).fetchone()
        conn.execute(f"DROP TRIGGER {guard}")
        conn.execute("DELETE FROM audit_log WHERE seq = 2")
        conn.execute(sql)  # the guard put back as it was
    unchanged = rows_of(db_file(laptop))
    plan = backup.check_restore(laptop.db, cut)
    [problem] = plan.problems  # the log alone: every finalized record still holds
    assert problem.startswith("audit log broken at entry")
    with pytest.raises(backup.RestoreRefused):
        backup.restore(laptop.db, cut, tmp_path / "safety.bak", carry_over_work=True)
    assert rows_of(db_file(laptop)) == unchanged


def test_a_signing_identity_made_since_the_backup_is_kept(
    laptop: AppContext, tmp_path: Path
) -> None:
    first = identity_service.active_identity(laptop.db)
    old = backup.back_up(laptop.db, tmp_path / "old.db")
    renewed = identity_service.store(
        laptop.db, identity_service.create_self_signed("مریم احمدی", "12345", PASSPHRASE)
    )
    [iid] = make_finalized(laptop, 1, seed=29)  # signed with the renewed identity
    backup.restore(laptop.db, old, tmp_path / "safety.bak", carry_over_work=True)
    kept = {i.id: i.active for i in identities.every(laptop.db)}
    assert kept == {first.id: False, renewed.id: True}
    assert identity_service.active_identity(laptop.db).key_encrypted == renewed.key_encrypted
    assert inspections.get(laptop.db, iid)["status"] == "finalized"
    audit_verify(laptop)


def test_another_laptops_backup_keeps_its_identity_in_use_and_this_one_too(
    laptop: AppContext, tmp_path: Path
) -> None:
    other = make_laptop(tmp_path / "other", holder="مریم احمدی")
    theirs = identity_service.active_identity(other.db)
    foreign = backup.back_up(other.db, tmp_path / "other.db")
    other.close()
    mine = identity_service.active_identity(laptop.db)
    backup.restore(laptop.db, foreign, tmp_path / "safety.bak", carry_over_work=True)
    kept = {i.id: i.active for i in identities.every(laptop.db)}
    assert kept == {theirs.id: True, mine.id: False}
    audit_verify(laptop)


def test_after_restoring_a_backup_from_before_enrolment_each_inspection_syncs_once(
    laptop: AppContext, tmp_path: Path, server: ServerProcess
) -> None:
    old = backup.back_up(laptop.db, tmp_path / "before-enrolment.db")
    runner.enrol(laptop, server.url, server.enrol_code(), PASSPHRASE, allow_insecure_http=True)
    synced = make_finalized(laptop, 2, seed=41)
    first = runner.run_sync(laptop)
    assert first.ok and sorted(first.sent) == sorted(synced), first.as_dict()
    [queued] = make_finalized(laptop, 1, seed=42)
    hashes = {i: inspections.get(laptop.db, i)["canonical_sha256"] for i in [*synced, queued]}
    laptop.close()

    run_cli("restore", str(old), "--carry-over", "--data-dir", str(laptop.data_dir), ok=True)
    ctx = open_context(laptop.data_dir)
    try:
        # Still enrolled as this device: only the queued one goes, once, with its hash.
        report = runner.run_sync(ctx)
        assert report.ok and report.sent == [queued], report.as_dict()
        assert runner.run_sync(ctx).sent == []
        held = [(r["id"], r["canonical_sha256"]) for r in server.inspections() if r["id"] in hashes]
        assert sorted(held) == sorted(hashes.items())
        assert {
            r["id"]: r["status"] for r in inspections.list_inspections(ctx.db)
        } == dict.fromkeys(hashes, "synced")
        audit_verify(ctx)
        # Their signed reports still verify as issued by the governorate (the pinned root kept).
        for inspection_id in hashes:
            pdf = tmp_path / f"{inspection_id}.pdf"
            pdf.write_bytes(
                ctx.db.execute(
                    "SELECT signed_pdf FROM inspection_documents WHERE inspection_id = ?",
                    [inspection_id],
                ).fetchone()[0]
            )
            run_cli("verify", str(pdf), "--data-dir", str(ctx.data_dir), ok=True)
    finally:
        ctx.close()


def test_a_correction_and_the_inspection_it_replaces_are_carried_together(
    laptop: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = backup.back_up(laptop.db, tmp_path / "old.db")
    code = str(offices.list_offices(laptop.db, status="active")[0]["code"])
    first = make_draft(laptop, random.Random(43), code, full=False)
    moment = dt.datetime.now(dt.UTC)
    finalize_now(laptop, first, moment)
    # The correction's id sorts before the original's and both are finalized in one second:
    # only the order «replaced first» lets its reference to the original be written.
    early = uuid.UUID("00000000-0000-4000-8000-000000000000")
    monkeypatch.setattr(uuid, "uuid4", lambda: early)
    fixed = correction.start_correction(laptop, first)
    monkeypatch.undo()
    assert fixed < first
    drafts.save_signature(
        laptop.db,
        fixed,
        "inspector",
        signer_name="مریم احمدی",
        png=signature_png(1),
        strokes=[[(0.0, 0.0), (1.0, 1.0)]],
    )
    drafts.save_signature(
        laptop.db, fixed, "representative", signer_name="علی رضایی", declined_reason="در محل نبود"
    )
    finalize_now(laptop, fixed, moment)
    states = {i: signed_state(laptop, i) for i in (first, fixed)}
    plan = backup.check_restore(laptop.db, old)
    assert {i.inspection_id for i in plan.carry} == {first, fixed}
    backup.restore(laptop.db, old, tmp_path / "safety.bak", carry_over_work=True)
    assert {i: signed_state(laptop, i) for i in states} == states
    assert inspections.get(laptop.db, fixed)["replaces"] == first
    audit_verify(laptop)
