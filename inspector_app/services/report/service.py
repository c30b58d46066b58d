"""From the database to the report: gather an inspection into ReportData and render it."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from inspector_app.domain.canonical import canonical_sha256 as hash_document
from inspector_app.domain.forms import Form, Item
from inspector_app.domain.inspection_document import followup_photo_item
from inspector_app.domain.item_types import answer_label, is_empty
from inspector_app.domain.jalali import clock_time, jalali_date, jalali_datetime
from inspector_app.domain.persian import NO_VALUE, to_persian_digits
from inspector_app.domain.scoring import FAIL_BELOW, SectionScore, is_visible, item_score
from inspector_app.domain.vocabulary import GRADE_LABELS, OFFICE_TYPE_TITLES, SIGNER_ROLES
from inspector_app.services import inspection_document
from inspector_app.services.photos import evidence_of, visit_of
from inspector_app.services.report import model
from inspector_app.services.report.letterhead import letterhead
from inspector_app.services.report.render import render_report_with_log
from inspector_app.storage import contents, followups, inspections, report_numbers


def render_inspection_pdf(
    db: Database,
    inspection_id: str,
    *,
    canonical_sha256: str | None = None,
    number: str = "",
    issued_at: str = "",
) -> bytes:
    """The PDF report of an inspection as it stands now (a draft gives an unsigned report);
    `number` and `issued_at` are those finalize is about to give it."""
    data = report_data(db, inspection_id, canonical_sha256, number=number, issued_at=issued_at)
    return render_report_with_log(data)[0]


def render_inspection_pdf_with_log(
    db: Database, inspection_id: str, *, canonical_sha256: str | None = None
) -> tuple[bytes, list[str]]:
    return render_report_with_log(report_data(db, inspection_id, canonical_sha256))


def report_data(
    db: Database,
    inspection_id: str,
    canonical_sha256: str | None = None,
    *,
    number: str = "",
    issued_at: str = "",
) -> model.ReportData:
    """What the report prints; a finalized inspection's number and date are its own, a draft's
    are `number` and `issued_at` (none: a draft report, dated by its last change)."""
    row = inspections.get(db, inspection_id)
    form = inspections.form_of(db, inspection_id)
    answers = contents.answers_of(db, inspection_id)
    notes = contents.notes_of(db, inspection_id)
    photo_counts = contents.photo_counts(db, inspection_id)
    result = contents.score_of(db, inspection_id, form)
    if canonical_sha256 is None:
        canonical_sha256 = row["canonical_sha256"] or hash_document(
            inspection_document.canonical_document(db, inspection_id)
        )
    office = row["office"]
    texts = {item.id: item.text for item in form.all_items()}
    texts.update(  # a follow-up's evidence photo, under the finding it shows done
        (followup_photo_item(f["finding_id"]), "شاهد پیگیری: " + f["description"])
        for f in followups.followups_of(db, inspection_id)
    )
    head = letterhead(db)
    return model.ReportData(
        report_id=inspection_id,
        report_number=number or report_numbers.number_of(db, inspection_id),
        issued_at=issued_at or row["finalized_at"] or "",
        changed_at=row["updated_at"],
        replaces=row["replaces"] or "",
        replaces_number=report_numbers.number_of(db, row["replaces"]) if row["replaces"] else "",
        office=model.Office(
            name=office["name"],
            kind=OFFICE_TYPE_TITLES.get(office["type"], office["type"]),
            code=office["code"],
            county=f"{office['county']}، {office['city']}",
            address=office.get("address", ""),
            phone=office.get("phone", ""),
            manager=office.get("manager", ""),
        ),
        inspector=model.Inspector(name=row["inspector_name"], code=row["inspector_personnel_no"]),
        date=jalali_date(row["visit_date"]),
        start_time=clock_time(row["arrival_at"]) if row["arrival_at"] else NO_VALUE,
        end_time=clock_time(row["departure_at"]) if row["departure_at"] else NO_VALUE,
        form_title=form.title,
        form_version=to_persian_digits(form.version),
        summary=model.Summary(
            score=result.compliance,
            grade=GRADE_LABELS[result.grade] if result.grade else NO_VALUE,
            critical_failures=[texts[i] for i in result.critical_failures],
            satisfaction_index=result.satisfaction,
            yes=result.yes,
            no=result.no,
            na=result.na,
        ),
        sections=_sections(form, answers, notes, photo_counts, result.sections),
        canonical_sha256=canonical_sha256,
        findings=[
            model.Finding(
                text=f["description"],
                corrective_action=f["corrective_action"],
                deadline=jalali_date(f["deadline"]) if f["deadline"] else "",
            )
            for f in contents.findings_of(db, inspection_id)
        ],
        followups=_followups(db, inspection_id, row["visit_date"]),
        interviews=_interviews(
            form, answers, contents.interview_indices(db, inspection_id), result.satisfaction
        ),
        photos=[
            model.Photo(
                data=p["jpeg"],
                caption=p["caption"] or texts.get(p["item_id"], ""),
                taken=evidence_of(p, visit_of(row)).report_line(),
            )
            for p in contents.photos_of(db, inspection_id, with_data=True)
        ],
        signatures=[_signature(s, row) for s in contents.signatures_of(db, inspection_id)],
        governorate=head.governorate,
        unit=head.unit,
        logo=head.logo,
        bismillah=head.bismillah,
    )


def _sections(
    form: Form,
    answers: dict[tuple[str, int], Any],
    notes: dict[tuple[str, int], str],
    photo_counts: dict[tuple[str, int], int],
    scores: list[SectionScore],
) -> list[model.Section]:
    """Each section's rows as printed, with the compliance scoring gave it."""
    compliance = {s.section_id: s.compliance for s in scores}
    sections = []
    for section in form.sections:
        rows = []
        for item in section.items:
            if not is_visible(item, answers):
                note = notes.get((item.id, 0), "")
                if note:  # written before other answers hid the question: kept, and said so
                    hidden = f"این پرسش با پاسخ‌های دیگر پنهان شد؛ یادداشت بازرس: {note}"
                    rows.append(model.Row(item=item.text, answer=NO_VALUE, note=hidden))
                continue
            value = answers.get((item.id, 0))
            score = item_score(item, value)
            rows.append(
                model.Row(
                    item=item.text,
                    answer=answer_label(item, value, photo_counts.get((item.id, 0), 0)),
                    note=notes.get((item.id, 0), ""),
                    failed=score is not None and score < FAIL_BELOW,
                    critical=item.critical,
                    free_text=item.kind.free_text,
                )
            )
        sections.append(model.Section(title=section.title, rows=rows, score=compliance[section.id]))
    return sections


def _interview_summary(item: Item, values: list[Any]) -> str:
    """One line summing up all clients' answers to one interview question."""
    if not values:
        return NO_VALUE
    return item.kind.interview_summary(item, values)


def _interviews(
    form: Form, answers: dict[tuple[str, int], Any], indices: list[int], satisfaction: float | None
) -> model.Interviews:
    if form.interview is None or not indices:
        return model.Interviews(count=0, satisfaction_index=None)
    lines: list[model.InterviewLine] = []
    remarks: list[str] = []
    for item in form.interview.items:
        values = [answers[(item.id, i)] for i in indices if not is_empty(answers.get((item.id, i)))]
        if item.kind.free_text:
            remarks.extend(item.kind.label(item, v) for v in values)  # as a reader reads it
        elif not item.kind.answered_by_photos:
            lines.append(model.InterviewLine(item.text, _interview_summary(item, values)))
    return model.Interviews(
        count=len(indices), satisfaction_index=satisfaction, lines=lines, remarks=remarks
    )


def _signature(signature: dict[str, Any], row: dict[str, Any]) -> model.Signature:
    role = SIGNER_ROLES.get(signature["role"], signature["role"])
    if signature["role"] == "representative" and row["rep_role"]:
        role = f"{role} ({row['rep_role']})"
    return model.Signature(
        name=signature["signer_name"],
        role=role,
        png=signature["png"],
        declined_reason=signature["declined_reason"] or "",
        signed_at=jalali_datetime(signature["signed_at"]),
    )


OUTCOME_LABELS = {
    "done": "انجام شد",
    "not_done": "انجام نشد",
    "not_applicable": "دیگر موضوعیت ندارد",
    None: "بررسی نشد",
}


def _followups(db: Database, inspection_id: str, visit_date: str) -> list[model.FollowUp]:
    return [
        model.FollowUp(
            text=f["description"],
            corrective_action=f["corrective_action"],
            found_on=jalali_date(f["source_visit_date"]),
            deadline=jalali_date(f["deadline"]) if f["deadline"] else "",
            overdue=bool(f["deadline"]) and str(f["deadline"]) < str(visit_date),
            outcome=OUTCOME_LABELS.get(f["outcome"], str(f["outcome"])),
            note=f["note"],
        )
        for f in followups.followups_of(db, inspection_id)
    ]
