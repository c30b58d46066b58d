"""One inspection being edited: the desktop UI's only way to read and write an inspection.

The editor and its panels hold an `EditingSession` instead of the database. Each write is one
committed transaction in storage (answers are committed before the call returns); the session
adds nothing to that but the inspection id, so the rules stay in storage and the workflow.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from inspector_app.domain.forms import Form
from inspector_app.domain.inspection_document import PhotoMark
from inspector_app.domain.jalali import tehran_today
from inspector_app.domain.scoring import AnswerKey, ScoreResult
from inspector_app.services import finalize, photo_marks, workflow, working_calendar
from inspector_app.services.correction import changed_keys
from inspector_app.services.exports import record_export
from inspector_app.services.report.model import ReportData
from inspector_app.services.report.service import report_data
from inspector_app.storage import (
    contents,
    corrections,
    drafts,
    followups,
    inspections,
    report_numbers,
)
from inspector_app.storage.drafts import NewPhoto

__all__ = ["EditingSession", "NewPhoto"]


class EditingSession:
    def __init__(self, db: Database, inspection_id: str) -> None:
        self.db = db
        self.inspection_id = inspection_id
        self.form: Form = inspections.form_of(db, inspection_id)

    # --- reading -------------------------------------------------------------------------
    def record(self) -> dict[str, Any]:
        return inspections.get(self.db, self.inspection_id)

    def answers(self) -> dict[AnswerKey, Any]:
        return contents.answers_of(self.db, self.inspection_id)

    def notes(self) -> dict[AnswerKey, str]:
        return contents.notes_of(self.db, self.inspection_id)

    def photos(self) -> list[dict[str, Any]]:
        return contents.photos_of(self.db, self.inspection_id)

    def photo_counts(self) -> dict[AnswerKey, int]:
        return contents.photo_counts(self.db, self.inspection_id)

    def interview_indices(self) -> list[int]:
        return contents.interview_indices(self.db, self.inspection_id)

    def score(self) -> ScoreResult:
        return contents.score_of(self.db, self.inspection_id, self.form)

    def findings(self) -> list[dict[str, Any]]:
        return contents.findings_of(self.db, self.inspection_id)

    def followups(self) -> list[dict[str, Any]]:
        """The findings an earlier visit left open, with what this one found of each."""
        return followups.followups_of(self.db, self.inspection_id)

    def set_followup(self, finding_id: str, outcome: str | None, note: str) -> None:
        followups.set_outcome(self.db, self.inspection_id, finding_id, outcome, note)

    def visit_date(self) -> dt.date:
        return dt.date.fromisoformat(str(self.record()["visit_date"])[:10])

    def photo_jpeg(self, photo_id: str) -> bytes | None:
        return contents.photo_jpeg(self.db, photo_id)

    def mark_photo(self, photo_id: str, base_jpeg: bytes, marks: list[PhotoMark]) -> None:
        photo_marks.store(self.db, photo_id, base_jpeg, marks)

    def suggested_deadline(self) -> dt.date:
        """The deadline a new finding is offered: 30 days on, counted as the setting says."""
        return working_calendar.finding_deadline(self.db, tehran_today())

    def replaced_id(self) -> str | None:
        return corrections.replaced_id(self.db, self.inspection_id)

    def replaced_number(self) -> str:
        """The report number of the inspection this one corrects (its letter's «شماره»)."""
        replaced = self.replaced_id()
        return report_numbers.number_of(self.db, replaced) if replaced else ""

    def changed_since_replaced(self) -> set[AnswerKey]:
        return changed_keys(self.db, self.inspection_id)

    # --- answers, notes, header ----------------------------------------------------------
    def set_answer(self, item_id: str, value: Any, repeat: int = 0) -> ScoreResult:
        return drafts.set_answer(self.db, self.inspection_id, item_id, value, repeat_index=repeat)

    def set_note(self, item_id: str, text: str, repeat: int = 0) -> None:
        drafts.set_note(self.db, self.inspection_id, item_id, text, repeat)

    def update_header(self, **fields: Any) -> None:
        inspections.update_header(self.db, self.inspection_id, **fields)

    # --- photos and interviews -----------------------------------------------------------
    def add_photo(self, item_id: str, photo: NewPhoto, repeat: int = 0) -> str:
        return drafts.add_photo(self.db, self.inspection_id, item_id, photo, repeat_index=repeat)

    def remove_photo(self, photo_id: str) -> None:
        drafts.remove_photo(self.db, photo_id)

    def add_interview(self) -> int:
        return drafts.add_interview(self.db, self.inspection_id)

    def remove_interview(self, repeat: int) -> None:
        drafts.remove_interview(self.db, self.inspection_id, repeat)

    # --- findings and follow-ups ---------------------------------------------------------
    def save_finding(self, finding_id: str | None = None, **values: Any) -> str:
        return drafts.save_finding(self.db, self.inspection_id, finding_id=finding_id, **values)

    def remove_finding(self, finding_id: str) -> None:
        drafts.remove_finding(self.db, finding_id)

    def prefill_findings(self) -> list[str]:
        return workflow.prefill_findings(self.db, self.inspection_id)

    def open_follow_up(self, item_id: str) -> dict[str, Any]:
        return workflow.open_follow_up(self.db, self.inspection_id, item_id)

    def close_follow_up(self, item_id: str) -> bool:
        return workflow.close_follow_up(self.db, self.inspection_id, item_id)

    # --- signatures and finalizing -------------------------------------------------------
    def signatures(self) -> dict[str, dict[str, Any]]:
        """The stored signatures by role ("inspector", "representative")."""
        return {s["role"]: s for s in contents.signatures_of(self.db, self.inspection_id)}

    def save_signature(
        self,
        role: str,
        *,
        signer_name: str,
        strokes: list[list[tuple[float, float]]] | None = None,
        png: bytes | None = None,
        declined_reason: str | None = None,
    ) -> None:
        drafts.save_signature(
            self.db,
            self.inspection_id,
            role,
            signer_name=signer_name,
            strokes=strokes,
            png=png,
            declined_reason=declined_reason,
        )

    def finalize_problems(self) -> list[finalize.Problem]:
        """What still stands in the way of finalizing (empty when ready)."""
        return finalize.check_ready(self.db, self.inspection_id)

    def set_departure_now(self) -> str:
        return finalize.set_departure_now(self.db, self.inspection_id)

    # --- leaving the app -----------------------------------------------------------------
    def signed_pdf(self) -> bytes:
        """The stored signed report, byte for byte what was signed."""
        return finalize.signed_pdf(self.db, self.inspection_id)

    def report_data(self) -> ReportData:
        """What the draft report shows, read now (render it off the GUI thread)."""
        return report_data(self.db, self.inspection_id)

    def record_export(self, fmt: str, **details: Any) -> None:
        record_export(self.db, self.inspection_id, fmt, **details)
