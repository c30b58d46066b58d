"""The inspection workflow above storage: start with the right form, prefill findings."""

from __future__ import annotations

from sqlite_utils import Database

from inspector_app.domain.jalali import to_tehran, utc_now
from inspector_app.domain.scoring import FAIL_BELOW, item_score
from inspector_app.errors import QT_TRANSLATE_NOOP, NotFound
from inspector_app.services.context import AppContext
from inspector_app.storage import inspections, offices, settings


def start_inspection(context: AppContext, office_code: str, *, replaces: str | None = None) -> str:
    """A new draft for the office, with the newest form for its type and today's date."""
    office = offices.get(context.db, office_code)
    if office is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "دفتری با کد {code} در فهرست نیست"), code=office_code
        )
    form = context.form_for(office["type"])
    profile = settings.inspector_profile(context.db)
    return inspections.create(
        context.db,
        office=office,
        form_document=form.document,
        visit_date=to_tehran(utc_now()).date().isoformat(),
        inspector_name=profile.name,
        inspector_personnel_no=profile.personnel_no,
        replaces=replaces,
    )


def prefill_findings(db: Database, inspection_id: str) -> list[str]:
    """A finding for each failed item that has none yet; returns the new finding ids."""
    form = inspections.form_of(db, inspection_id)
    answers = inspections.answers_of(db, inspection_id)
    notes = inspections.notes_of(db, inspection_id)
    have = {f["item_id"] for f in inspections.findings_of(db, inspection_id)}
    created: list[str] = []
    for item in form.checklist_items():
        value = answers.get((item.id, 0))
        result = item_score(item, value)
        if result is None or result >= FAIL_BELOW or item.id in have:
            continue
        note = notes.get((item.id, 0), "")
        description = item.text + (f" — {note}" if note else "")
        created.append(
            inspections.save_finding(db, inspection_id, description=description, item_id=item.id)
        )
    return created
