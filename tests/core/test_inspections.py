from __future__ import annotations

import io
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from inspector_app.errors import InvalidAnswer, InvalidImport, NotFound
from inspector_app.services import demo, inspection_document, photos
from inspector_app.services.context import AppContext, open_context
from inspector_app.services.workflow import prefill_findings, start_inspection
from inspector_app.storage import contents, drafts, inspections
from tests.helpers.cli import run_cli
from tests.helpers.paths import ROOT

from .helpers import first_office, new_draft


def test_start_snapshots_the_newest_form(context: AppContext) -> None:
    inspection_id = new_draft(context, "police10")
    row = inspections.get(context.db, inspection_id)
    assert row["status"] == "draft"
    assert row["form_id"] == context.form_for("police10").form.id
    assert row["form_sha256"] == context.form_for("police10").sha256
    assert row["form"] == context.form_for("police10").document
    assert row["office"]["code"] == row["office_code"]
    assert len(inspection_id) == 36  # a UUID made on the laptop


def test_unknown_office_is_a_clear_error(context: AppContext) -> None:
    with pytest.raises(NotFound):
        start_inspection(context, "NO-SUCH-CODE")


def test_answers_notes_and_score_are_stored(context: AppContext) -> None:
    inspection_id = new_draft(context)
    form = inspections.form_of(context.db, inspection_id)
    yesno = [i for i in form.checklist_items() if i.type == "yesno" and i.show_if is None]
    result = drafts.set_answer(context.db, inspection_id, yesno[0].id, "yes", note="خوب")
    assert result.compliance == 100.0
    result = drafts.set_answer(context.db, inspection_id, yesno[1].id, "no")
    assert result.compliance is not None and result.compliance < 100.0
    drafts.set_note(context.db, inspection_id, yesno[2].id, "بدون پاسخ، فقط یادداشت")
    answers = contents.answers_of(context.db, inspection_id)
    notes = contents.notes_of(context.db, inspection_id)
    assert answers[(yesno[0].id, 0)] == "yes"
    assert answers[(yesno[2].id, 0)] is None
    assert notes[(yesno[0].id, 0)] == "خوب"  # kept when the answer changes without a note
    row = inspections.get(context.db, inspection_id)
    assert row["score"] == result.compliance


@pytest.mark.parametrize(
    ("kind", "value"),
    [("yesno", "maybe"), ("scale", 99), ("number", -1e9), ("choice", "nope"), ("text", 12)],
)
def test_wrong_answers_are_refused_and_change_nothing(
    context: AppContext, kind: str, value: object
) -> None:
    inspection_id = new_draft(context)
    form = inspections.form_of(context.db, inspection_id)
    item = next(i for i in form.checklist_items() if i.type == kind)
    before = contents.answers_of(context.db, inspection_id)
    with pytest.raises(InvalidAnswer) as caught:
        drafts.set_answer(context.db, inspection_id, item.id, value)
    assert item.id in str(caught.value)
    assert contents.answers_of(context.db, inspection_id) == before
    with pytest.raises(InvalidAnswer):
        drafts.set_answer(context.db, inspection_id, "no_such_item", "yes")


def test_interviews_repeat_and_are_removed(context: AppContext) -> None:
    inspection_id = new_draft(context)
    form = inspections.form_of(context.db, inspection_id)
    assert form.interview is not None
    scale = next(i for i in form.interview.items if i.type == "scale" and i.satisfaction)
    with pytest.raises(InvalidAnswer):
        drafts.set_answer(context.db, inspection_id, scale.id, 5, repeat_index=1)
    first = drafts.add_interview(context.db, inspection_id)
    second = drafts.add_interview(context.db, inspection_id)
    assert (first, second) == (1, 2)
    assert scale.min is not None and scale.max is not None
    drafts.set_answer(context.db, inspection_id, scale.id, int(scale.max), repeat_index=1)
    result = drafts.set_answer(context.db, inspection_id, scale.id, int(scale.min), repeat_index=2)
    assert result.satisfaction == 50.0
    drafts.remove_interview(context.db, inspection_id, 2)
    assert contents.interview_indices(context.db, inspection_id) == [1]
    assert contents.score_of(context.db, inspection_id).satisfaction == 100.0
    assert drafts.add_interview(context.db, inspection_id) == 2


def jpeg(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(out, "JPEG")
    return out.getvalue()


def test_photos_keep_sha256_of_original_and_small_copies(
    context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "tariff.jpg"
    path.write_bytes(jpeg(4000, 3000))
    photo = photos.prepare_photo(path)
    import hashlib

    assert photo.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert max(photo.width, photo.height) == photos.REPORT_EDGE
    inspection_id = new_draft(context)
    form = inspections.form_of(context.db, inspection_id)
    item = next(i for i in form.checklist_items() if i.type == "photo" and i.required)
    if item.show_if is not None:  # make it visible first
        drafts.set_answer(context.db, inspection_id, item.show_if.item, item.show_if.equals)
    before = contents.score_of(context.db, inspection_id).open_required
    drafts.add_photo(context.db, inspection_id, item.id, photo, caption="تابلو")
    after = contents.score_of(context.db, inspection_id).open_required
    assert (item.id, 0) in before and (item.id, 0) not in after


def test_bad_photos_are_refused_clearly(tmp_path: Path) -> None:
    text = tmp_path / "notes.jpg"
    text.write_text("not an image", encoding="utf-8")
    with pytest.raises(photos.InvalidPhoto, match="تصویر نیست"):
        photos.prepare_photo(text)
    with pytest.raises(photos.InvalidPhoto, match="پیدا نشد"):
        photos.prepare_photo(tmp_path / "gone" / "x.jpg")
    truncated = tmp_path / "cut.jpg"
    truncated.write_bytes(jpeg(800, 600)[:400])
    with pytest.raises(photos.InvalidPhoto):
        photos.prepare_photo(truncated)


def test_forty_megapixel_photo_is_downscaled(tmp_path: Path) -> None:
    big = tmp_path / "big.jpg"
    big.write_bytes(jpeg(7300, 5500))
    photo = photos.prepare_photo(big)
    assert max(photo.width, photo.height) == photos.REPORT_EDGE
    assert len(photo.jpeg) < 500_000


def test_findings_prefilled_from_failed_items(context: AppContext) -> None:
    inspection_id = new_draft(context)
    form = inspections.form_of(context.db, inspection_id)
    failed = [i for i in form.checklist_items() if i.type == "yesno" and i.show_if is None][:2]
    for item in failed:
        drafts.set_answer(context.db, inspection_id, item.id, "no", note="دیده نشد")
    created = prefill_findings(context.db, inspection_id)
    assert len(created) == 2
    findings = contents.findings_of(context.db, inspection_id)
    assert [f["item_id"] for f in findings] == [i.id for i in failed]
    assert "دیده نشد" in findings[0]["description"]
    assert prefill_findings(context.db, inspection_id) == []  # not twice


def filled(context: AppContext) -> str:
    inspection_id = new_draft(context, "brokerage")
    demo.fill_inspection(context, inspection_id, random.Random(5), interviews=2)
    return inspection_id


def test_export_import_round_trip_keeps_the_hash(context: AppContext, tmp_path: Path) -> None:
    inspection_id = filled(context)
    exported = inspection_document.export_document(context.db, inspection_id)
    answers = exported["inspection"]["answers"]
    assert answers and {"item_id", "value", "note"} <= set(answers[0])
    path = tmp_path / "export.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    other = open_context(tmp_path / "other")
    assert inspection_document.import_file(other.db, path) == inspection_id
    again = inspection_document.export_document(other.db, inspection_id)
    assert again["sha256"] == exported["sha256"]
    assert again["inspection"] == exported["inspection"]
    with pytest.raises(InvalidImport, match="از پیش"):
        inspection_document.import_file(other.db, path)
    other.close()


def tamper(exported: dict, how: str) -> str:  # type: ignore[type-arg]
    doc = exported["inspection"]
    if how == "not-json":
        return "{ this is not json"
    if how == "wrong-format":
        exported["format"] = "something/else"
    elif how == "bad-answer":
        doc["answers"][0]["value"] = {"nested": True}
    elif how == "unknown-item":
        doc["answers"][-1]["item_id"] = "no_such_item"
    elif how == "form-hash":
        doc["form"]["snapshot"]["title"] = "عوض شده"
    elif how == "photo-bytes":
        first = next(iter(exported["photo_data"]))
        exported["photo_data"][first] = exported["thumbnail_data"][first]
    elif how == "missing-key":
        del doc["visit_date"]
    return json.dumps(exported, ensure_ascii=False)


@pytest.mark.parametrize(
    "how",
    [
        "not-json",
        "wrong-format",
        "bad-answer",
        "unknown-item",
        "form-hash",
        "photo-bytes",
        "missing-key",
    ],
)
def test_bad_import_changes_nothing(context: AppContext, tmp_path: Path, how: str) -> None:
    exported = inspection_document.export_document(context.db, filled(context))
    path = tmp_path / "bad.json"
    path.write_text(tamper(exported, how), encoding="utf-8")
    other = open_context(tmp_path / "other")
    before = other.db.execute("SELECT count(*) FROM inspections").fetchone()[0]
    with pytest.raises(InvalidImport) as caught:
        inspection_document.import_file(other.db, path)
    assert str(path) in str(caught.value)
    for table in ("inspections", "answers", "photos", "findings", "interviews"):
        count = other.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        assert count == (before if table == "inspections" else 0)
    other.close()


def test_cli_inspections_round_trip(data_dir: Path, tmp_path: Path) -> None:
    run = run_cli
    assert run("demo", "--count", "3", "--data-dir", str(data_dir)).returncode == 0
    listed = json.loads(run("inspections", "list", "--json", "--data-dir", str(data_dir)).stdout)
    assert len(listed) >= 3 and {"id", "office_code", "status"} <= set(listed[0])
    target = tmp_path / "one.json"
    exported = run(
        "inspections", "export", listed[0]["id"], "-o", str(target), "--data-dir", str(data_dir)
    )
    assert exported.returncode == 0, exported.stderr
    imported = run("inspections", "import", str(target), "--data-dir", str(tmp_path / "b"))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip().splitlines()[-1] == listed[0]["id"]
    missing = run("inspections", "export", "nope", "--data-dir", str(data_dir))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    refused = run("inspections", "import", str(bad), "--data-dir", str(tmp_path / "b"))
    assert (
        refused.returncode == 1
        and f"{bad}:1" in refused.stderr
        and "Traceback" not in refused.stderr
    )


def test_newer_database_through_cli_is_one_clear_line(data_dir: Path) -> None:
    import sqlite3

    from inspector_app import paths

    open_context(data_dir).close()
    conn = sqlite3.connect(paths.database_path(data_dir))
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "offices", "list", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "جدیدتر" in result.stderr and "Traceback" not in result.stderr


def test_first_office_helper(context: AppContext) -> None:
    assert first_office(context, "brokerage").startswith("BR-")


def test_an_edited_finding_keeps_its_place(context: AppContext) -> None:
    inspection_id = new_draft(context)
    first = drafts.save_finding(context.db, inspection_id, description="یک")
    second = drafts.save_finding(context.db, inspection_id, description="دو")
    drafts.save_finding(context.db, inspection_id, description="یک، ویرایش‌شده", finding_id=first)
    found = contents.findings_of(context.db, inspection_id)
    assert [f["id"] for f in found] == [first, second]
    assert found[0]["description"] == "یک، ویرایش‌شده"


def test_a_finding_id_of_another_draft_is_refused_not_moved(context: AppContext) -> None:
    mine, theirs = new_draft(context), new_draft(context)
    their_finding = drafts.save_finding(context.db, theirs, description="یافتهٔ دیگری")
    with pytest.raises(NotFound):
        drafts.save_finding(context.db, mine, description="ربوده", finding_id=their_finding)
    assert [f["description"] for f in contents.findings_of(context.db, theirs)] == ["یافتهٔ دیگری"]
    assert contents.findings_of(context.db, mine) == []
