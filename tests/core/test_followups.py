"""Findings followed up: an office's open findings are carried into its next inspection, with
what that visit found of each; done and no-longer-applicable ones close, not-done and unchecked
ones carry on; the follow-ups are part of the signed document (old documents hash as before),
frozen with it, copied by a correction and by an export and import; one found done needs a
photo as evidence, kept with the inspection's photos."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector_app.domain.canonical import canonical_sha256
from inspector_app.domain.inspection_document import followup_of_photo, followup_photo_item
from inspector_app.domain.jalali import tehran_today
from inspector_app.errors import InvalidAnswer, NotFound, RecordLocked
from inspector_app.services import (
    correction,
    finalize,
    inspection_document,
    integrity,
    photos,
    registry,
    workflow,
)
from inspector_app.services.context import AppContext
from inspector_app.storage import contents, drafts, followups
from tests.helpers.cli import run_cli
from tests.sync.factory import finish_draft, make_laptop, small_jpeg


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[AppContext]:
    ctx = make_laptop(tmp_path / "laptop")
    yield ctx
    ctx.close()


def office_code(ctx: AppContext) -> str:
    return str(
        ctx.db.execute("SELECT code FROM offices WHERE type = 'pishkhan' LIMIT 1").fetchone()[0]
    )


def visit_with_findings(ctx: AppContext, code: str, *texts: str) -> tuple[str, list[str]]:
    iid = workflow.start_inspection(ctx, code)
    ids = [
        drafts.save_finding(
            ctx.db, iid, description=t, corrective_action="رفع شود", deadline="2026-12-20"
        )
        for t in texts
    ]
    return iid, ids


def test_open_findings_carry_over_and_close_when_done(laptop: AppContext) -> None:
    code = office_code(laptop)
    first, (sign, queue) = visit_with_findings(
        laptop, code, "تابلوی تعرفه نصب نشده", "نوبت‌دهی نامنظم"
    )
    # A draft's findings are not open yet: nothing is carried from it.
    assert followups.followups_of(laptop.db, workflow.start_inspection(laptop, code)) == []
    finish_draft(laptop, first)

    second = workflow.start_inspection(laptop, code)
    carried = followups.followups_of(laptop.db, second)
    assert [(f["finding_id"], f["outcome"]) for f in carried] == [(sign, None), (queue, None)]
    assert carried[0]["source_inspection_id"] == first
    assert (
        carried[0]["description"] == "تابلوی تعرفه نصب نشده"
        and carried[0]["deadline"] == "2026-12-20"
    )
    followups.set_outcome(laptop.db, second, sign, "done", "تابلو نصب شد")
    followups.set_outcome(laptop.db, second, queue, "not_done", "")
    new = drafts.save_finding(laptop.db, second, description="کارکنان کارت شناسایی نداشتند")
    finish_draft(laptop, second)
    document = inspection_document.build_document(laptop.db, second)
    assert [(f.finding_id, f.outcome, f.note) for f in document.followups] == [
        (sign, "done", "تابلو نصب شد"),
        (queue, "not_done", ""),
    ]

    # The office lists one action past its deadline: the one not done (due 2026-12-20).
    listed = json.loads(
        run_cli("offices", "list", "--json", "--data-dir", str(laptop.data_dir), ok=True).stdout
    )
    late = {r["code"]: r["overdue_actions"] for r in listed}
    assert late[code] == (1 if tehran_today().isoformat() > "2026-12-20" else 0)
    by_code = {r["code"]: r for r in registry.list_offices(laptop.db, today=dt.date(2027, 1, 1))}
    assert by_code[code]["overdue_actions"] == 1  # not done; the new one has no deadline

    third = workflow.start_inspection(laptop, code)
    # The one done closed; the one not done is still open, from its first visit; the new one.
    assert [
        (f["finding_id"], f["source_inspection_id"])
        for f in followups.followups_of(laptop.db, third)
    ] == [(queue, first), (new, second)]


def test_outcomes_are_checked_and_frozen_with_the_inspection(laptop: AppContext) -> None:
    code = office_code(laptop)
    first, [finding] = visit_with_findings(laptop, code, "پروانه در دید نیست")
    finish_draft(laptop, first)
    second = workflow.start_inspection(laptop, code)
    with pytest.raises(InvalidAnswer):
        followups.set_outcome(laptop.db, second, finding, "maybe", "")
    followups.set_outcome(laptop.db, second, finding, "not_applicable", "دفتر جابه‌جا شده")
    finish_draft(laptop, second)
    with pytest.raises(RecordLocked):
        followups.set_outcome(laptop.db, second, finding, "done", "")
    path = laptop.db_path
    with sqlite3.connect(path) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "UPDATE finding_followups SET outcome = 'done' WHERE inspection_id = ?", [second]
        )
    with sqlite3.connect(path) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute("DELETE FROM finding_followups WHERE inspection_id = ?", [second])
    assert integrity.full_check(laptop.db)[1] == []
    # Someone with sqlite3 and the file drops the guards and edits the outcome: detected.
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TRIGGER finding_followups_locked_update")
        conn.execute("DROP TRIGGER finding_followups_locked_move")
        conn.execute(
            "UPDATE finding_followups SET outcome = 'done' WHERE inspection_id = ?", [second]
        )
    found = {(p.inspection_id, p.kind) for p in integrity.full_check(laptop.db)[1]}
    assert (None, "missing_trigger") in found
    assert any(iid == second for iid, _ in found)


def test_a_document_without_follow_ups_hashes_as_before(laptop: AppContext) -> None:
    iid, _ = visit_with_findings(laptop, office_code(laptop), "یافته")
    plain = inspection_document.build_document(laptop.db, iid).to_dict()
    assert "followups" not in plain
    assert canonical_sha256(
        inspection_document.build_document(laptop.db, iid).to_dict()
    ) == canonical_sha256(plain)


def test_a_correction_and_an_import_keep_the_follow_ups(laptop: AppContext, tmp_path: Path) -> None:
    code = office_code(laptop)
    first, [finding] = visit_with_findings(laptop, code, "سامانهٔ نوبت‌دهی خاموش")
    finish_draft(laptop, first)
    second = workflow.start_inspection(laptop, code)
    followups.set_outcome(laptop.db, second, finding, "done", "روشن شد")
    finish_draft(laptop, second)
    fix = correction.start_correction(laptop, second)
    assert [(f["finding_id"], f["outcome"]) for f in followups.followups_of(laptop.db, fix)] == [
        (finding, "done")
    ]

    exported = inspection_document.export_document(laptop.db, second)
    other = make_laptop(tmp_path / "other")
    try:
        imported = inspection_document.import_document(other.db, json.loads(json.dumps(exported)))
        assert followups.followups_of(other.db, imported)[0]["note"] == "روشن شد"
        # The import rebuilt the document from its rows with the signed hash, follow-ups too.
    finally:
        other.close()


def test_done_needs_an_evidence_photo_which_travels_with_the_inspection(
    laptop: AppContext, tmp_path: Path
) -> None:
    code = office_code(laptop)
    first, [finding] = visit_with_findings(laptop, code, "صندلی انتظار کافی نیست")
    finish_draft(laptop, first)
    second = workflow.start_inspection(laptop, code)
    followups.set_outcome(laptop.db, second, finding, "done", "ده صندلی افزوده شد")
    assert [p.code for p in finalize.check_ready(laptop.db, second)].count("followup_evidence") == 1
    photo = photos.prepare_photo_bytes(small_jpeg(90), "chairs.jpg")
    # Evidence only for a finding this inspection follows up, not for one it does not.
    with pytest.raises(NotFound):
        drafts.add_photo(laptop.db, second, followup_photo_item("not-carried"), photo)
    with pytest.raises(InvalidAnswer):
        drafts.add_photo(laptop.db, second, "no-such-item", photo)
    photo_id = drafts.add_photo(laptop.db, second, followup_photo_item(finding), photo)
    assert "followup_evidence" not in [p.code for p in finalize.check_ready(laptop.db, second)]
    finish_draft(laptop, second)
    document = inspection_document.build_document(laptop.db, second)
    [evidence] = [p for p in document.photos if p.id == photo_id]
    assert followup_of_photo(evidence.item_id) == finding

    exported = inspection_document.export_document(laptop.db, second)
    other = make_laptop(tmp_path / "other")
    try:
        imported = inspection_document.import_document(other.db, json.loads(json.dumps(exported)))
        kept = [p["item_id"] for p in contents.photos_of(other.db, imported)]
        assert followup_photo_item(finding) in kept
    finally:
        other.close()
