"""Findings are written as findings: each item's `finding:` text (checked when a form loads),
a fallback that turns a question into a statement, and follow-ups that keep what was typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app import paths
from inspector_app.domain.forms import load_form, question_as_statement
from inspector_app.errors import FormError
from inspector_app.services import workflow
from inspector_app.services.context import AppContext
from inspector_app.storage import contents, drafts

from .helpers import new_draft

SHIPPED = sorted(paths.BUNDLED_FORMS.glob("*.yaml"))

FORM = """\
id: test-form
version: 1
title: فرم آزمایشی
office_types: [pishkhan]
sections:
  - id: s1
    title: بخش یک
    items:
      - id: a
        type: yesno
        text: آیا رسید رسمی داده می‌شود؟
{finding}
      - id: b
        type: photo
        text: عکس رسید
        required: false
"""


def write_form(tmp_path: Path, finding_line: str) -> Path:
    path = tmp_path / "form.yaml"
    path.write_text(FORM.format(finding=finding_line), encoding="utf-8")
    return path


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_yes_no_item_of_a_shipped_form_has_a_finding_statement(path: Path) -> None:
    form = load_form(path).form
    yes_no = [i for i in form.checklist_items() if i.type == "yesno"]
    assert len(yes_no) >= 30
    for item in yes_no:
        assert item.finding, item.id
        assert item.finding_text() == item.finding
        assert not item.finding.endswith("؟") and not item.finding.startswith("آیا")
        assert item.finding != question_as_statement(item.text)  # reworded, not copied
        assert "ي" not in item.finding and "ك" not in item.finding


def test_the_fallback_turns_the_question_into_a_statement(tmp_path: Path) -> None:
    item = load_form(write_form(tmp_path, "")).form.item("a")
    assert item.finding is None
    assert item.finding_text() == "مورد ناموفق: رسید رسمی داده می‌شود"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('        finding: "آیا رسید داده نشد؟"', "نه پرسش"),
        ('        finding: "رسید داده نشد؟"', "نه پرسش"),
        ('        finding: "   "', "خالی"),
    ],
)
def test_a_finding_that_is_a_question_or_empty_is_refused(
    tmp_path: Path, line: str, reason: str
) -> None:
    with pytest.raises(FormError) as caught:
        load_form(write_form(tmp_path, line))
    message = str(caught.value)
    assert reason in message and "[پرسش a]" in message
    assert "form.yaml:" in message


def test_a_finding_on_a_photo_item_is_refused(tmp_path: Path) -> None:
    text = FORM.format(finding="").replace(
        "        required: false", '        required: false\n        finding: "عکسی نبود."'
    )
    path = tmp_path / "photo.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormError, match=r"\[پرسش b\].*finding"):
        load_form(path)


def test_prefill_writes_the_finding_text_and_the_note(context: AppContext) -> None:
    inspection_id = new_draft(context, "pishkhan")
    db = context.db
    drafts.set_answer(db, inspection_id, "licence_holder_present", "no")
    drafts.set_note(db, inspection_id, "licence_holder_present", "در مرخصی بود")
    workflow.prefill_findings(db, inspection_id)
    (finding,) = contents.findings_of(db, inspection_id)
    assert finding["description"] == (
        "دارندهٔ پروانه یا مدیر مسئول معرفی‌شده در زمان بازرسی در دفتر حضور نداشت — در مرخصی بود"
    )


def test_a_follow_up_is_dropped_only_when_nothing_was_added(context: AppContext) -> None:
    inspection_id = new_draft(context, "pishkhan")
    db = context.db
    untouched = workflow.open_follow_up(db, inspection_id, "queue_system")
    assert untouched["description"] == "سیستم نوبت‌دهی (دستگاه یا سامانهٔ نوبت) در دفتر وجود نداشت."
    assert workflow.open_follow_up(db, inspection_id, "queue_system")["id"] == untouched["id"]
    assert workflow.close_follow_up(db, inspection_id, "queue_system") is False
    assert workflow.follow_up_of(db, inspection_id, "queue_system") is None

    typed = workflow.open_follow_up(db, inspection_id, "ramp")
    drafts.save_finding(
        db,
        inspection_id,
        finding_id=typed["id"],
        item_id="ramp",
        description=typed["description"],
        corrective_action="نصب رمپ تا پایان ماه",
    )
    assert workflow.close_follow_up(db, inspection_id, "ramp") is True
    kept = workflow.follow_up_of(db, inspection_id, "ramp")
    assert kept is not None and kept["corrective_action"] == "نصب رمپ تا پایان ماه"

    reworded = workflow.open_follow_up(db, inspection_id, "drinking_water")
    drafts.save_finding(
        db,
        inspection_id,
        finding_id=reworded["id"],
        item_id="drinking_water",
        description="آب‌سردکن خراب بود.",
    )
    assert workflow.close_follow_up(db, inspection_id, "drinking_water") is True
