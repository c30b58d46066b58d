"""The inspection workflow above storage: start with the right form, findings for failed items.

A failed item's finding is its follow-up: created in the form's words when «خیر» is chosen,
edited under the item or on the findings page (one record), and dropped when the answer
changes only if the inspector added nothing to it.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from inspector_app.domain.forms import Item
from inspector_app.domain.jalali import to_tehran, utc_now
from inspector_app.domain.scoring import FAIL_BELOW, item_score
from inspector_app.errors import QT_TRANSLATE_NOOP, NotFound
from inspector_app.services.context import AppContext
from inspector_app.storage import contents, drafts, followups, inspections, offices, settings
from inspector_app.storage.db import writing


def start_inspection(
    context: AppContext, office_code: str, *, replaces: str | None = None, form_id: str = ""
) -> str:
    """A new draft for the office, with today's date and the newest form for its type (or the
    newest version of `form_id`, when this laptop has that form for the type)."""
    office = offices.get(context.db, office_code)
    if office is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "دفتری با کد {code} در فهرست نیست"), code=office_code
        )
    form = context.form_for(office["type"], form_id)
    profile = settings.inspector_profile(context.db)
    with writing(context.db):
        new_id = inspections.create(
            context.db,
            office=office,
            form_document=form.document,
            visit_date=to_tehran(utc_now()).date().isoformat(),
            inspector_name=profile.name,
            inspector_personnel_no=profile.personnel_no,
            replaces=replaces,
        )
        if replaces is None:  # a correction copies the follow-ups of the one it replaces
            followups.carry_into(context.db, new_id, office_code)
    return new_id


def prefill_findings(db: Database, inspection_id: str) -> list[str]:
    """A finding for each failed item that has none yet; returns the new finding ids."""
    form = inspections.form_of(db, inspection_id)
    answers = contents.answers_of(db, inspection_id)
    notes = contents.notes_of(db, inspection_id)
    have = {f["item_id"] for f in contents.findings_of(db, inspection_id)}
    created: list[str] = []
    for item in form.checklist_items():
        value = answers.get((item.id, 0))
        result = item_score(item, value)
        if result is None or result >= FAIL_BELOW or item.id in have:
            continue
        description = finding_description(item, notes.get((item.id, 0), ""))
        created.append(
            drafts.save_finding(db, inspection_id, description=description, item_id=item.id)
        )
    return created


def finding_description(item: Item, note: str = "") -> str:
    """The first wording of a failed item's finding: the form's statement, then the note."""
    text = item.finding_text()
    note = note.strip()
    return f"{text.rstrip('.')} — {note}" if note else text


def follow_up_of(db: Database, inspection_id: str, item_id: str) -> dict[str, Any] | None:
    """The finding linked to a checklist item, if it has one."""
    return next(
        (f for f in contents.findings_of(db, inspection_id) if f["item_id"] == item_id), None
    )


def open_follow_up(db: Database, inspection_id: str, item_id: str) -> dict[str, Any]:
    """The follow-up of an item answered «خیر»: the finding it has, or a new one."""
    found = follow_up_of(db, inspection_id, item_id)
    if found is not None:
        return found
    item = inspections.form_of(db, inspection_id).item(item_id)
    note = contents.notes_of(db, inspection_id).get((item_id, 0), "")
    drafts.save_finding(
        db, inspection_id, description=finding_description(item, note), item_id=item_id
    )
    found = follow_up_of(db, inspection_id, item_id)
    assert found is not None
    return found


def follow_up_has_content(db: Database, inspection_id: str, finding: dict[str, Any]) -> bool:
    """Whether the inspector added anything to a follow-up beyond its first wording."""
    if (finding.get("corrective_action") or "").strip() or finding.get("deadline"):
        return True
    item_id = finding["item_id"]
    if contents.photo_counts(db, inspection_id).get((item_id, 0), 0):
        return True
    item = inspections.form_of(db, inspection_id).item(item_id)
    note = contents.notes_of(db, inspection_id).get((item_id, 0), "")
    first_wordings = {
        item.finding_text(),
        finding_description(item, note),
        item.text,  # as findings were first worded before forms had finding texts
        f"{item.text} — {note}",
    }
    return finding["description"].strip() not in first_wordings


def close_follow_up(db: Database, inspection_id: str, item_id: str) -> bool:
    """The answer left «خیر»: drop an untouched follow-up; True when one is kept."""
    finding = follow_up_of(db, inspection_id, item_id)
    if finding is None:
        return False
    if follow_up_has_content(db, inspection_id, finding):
        return True
    drafts.remove_finding(db, finding["id"])
    return False
