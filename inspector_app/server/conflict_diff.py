"""What differs between two versions of one inspection, for the person who settles a conflict:
header fields, answers item by item (with the item's text and the answer as the report words
it), notes, findings, photos and signatures added or removed, and the score.

Pure: it reads two parsed documents and returns plain data (`as_dict` for JSON); `lines` gives
the text the CLI prints. Persian stays in logical order, each value at the end of its line
after a Latin label, which is how a bidi-capable terminal lays it out correctly and how a
plain one keeps it readable.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from inspector_app.domain.forms import Form
from inspector_app.domain.inspection_document import Answer, InspectionDocument


@dataclass(frozen=True)
class FieldChange:
    field: str
    stored: str
    received: str


@dataclass(frozen=True)
class AnswerChange:
    item_id: str
    repeat_index: int
    item_text: str
    stored: str | None  # None: no answer in that version
    received: str | None
    stored_note: str
    received_note: str


@dataclass(frozen=True)
class Difference:
    header: list[FieldChange] = field(default_factory=list)
    answers: list[AnswerChange] = field(default_factory=list)
    findings_added: list[str] = field(default_factory=list)
    findings_removed: list[str] = field(default_factory=list)
    photos_added: list[str] = field(default_factory=list)
    photos_removed: list[str] = field(default_factory=list)
    signatures: list[FieldChange] = field(default_factory=list)
    score: list[FieldChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(dataclasses.astuple(self))

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _header(doc: InspectionDocument) -> dict[str, Any]:
    office = doc.office
    return {
        "office.code": office.get("code"),
        "office.name": office.get("name"),
        "form": f"{doc.form.id} v{doc.form.version}",
        "replaces": doc.replaces,
        "created_at": doc.created_at,
        "visit_date": doc.visit_date,
        "arrival_at": doc.arrival_at,
        "departure_at": doc.departure_at,
        "elapsed_seconds": doc.elapsed_seconds,
        "inspector.name": doc.inspector.name,
        "inspector.personnel_no": doc.inspector.personnel_no,
        "representative.name": doc.representative.name,
        "representative.role": doc.representative.role,
        "interviews": doc.interviews,
    }


def _changes(stored: dict[str, Any], received: dict[str, Any]) -> list[FieldChange]:
    return [
        FieldChange(name, _text(stored.get(name)), _text(received.get(name)))
        for name in dict.fromkeys([*stored, *received])
        if stored.get(name) != received.get(name)
    ]


def _answer_label(form: Form, answer: Answer) -> str:
    try:
        item = form.item(answer.item_id)
        return item.kind.value_label(item, answer.value) or _text(answer.value)
    except (KeyError, TypeError, ValueError, AssertionError):  # an item or value the form lacks
        return _text(answer.value)


def _item_text(forms: tuple[Form, Form], item_id: str) -> str:
    for form in forms:
        try:
            return form.item(item_id).text
        except KeyError:
            continue
    return ""


def _answers(stored: InspectionDocument, received: InspectionDocument) -> list[AnswerChange]:
    forms = (stored.loaded_form.form, received.loaded_form.form)
    before = {(a.item_id, a.repeat_index): a for a in stored.answers}
    after = {(a.item_id, a.repeat_index): a for a in received.answers}
    order = [item.id for form in forms for item in form.all_items()]
    rank = {item_id: index for index, item_id in reversed(list(enumerate(order)))}
    keys = sorted(set(before) | set(after), key=lambda k: (rank.get(k[0], len(rank)), k))
    changes = []
    for key in keys:
        old, new = before.get(key), after.get(key)
        if old is not None and new is not None and old.value == new.value and old.note == new.note:
            continue
        changes.append(
            AnswerChange(
                item_id=key[0],
                repeat_index=key[1],
                item_text=_item_text(forms, key[0]),
                stored=_answer_label(forms[0], old) if old else None,
                received=_answer_label(forms[1], new) if new else None,
                stored_note=old.note if old else "",
                received_note=new.note if new else "",
            )
        )
    return changes


def _finding_texts(doc: InspectionDocument) -> dict[str, str]:
    return {
        f.id: " — ".join(
            part
            for part in (f.description, f.corrective_action, f.deadline and f"مهلت {f.deadline}")
            if part
        )
        for f in doc.findings
    }


def _photo_texts(doc: InspectionDocument) -> dict[str, str]:
    return {p.jpeg_sha256: f"{p.item_id} {p.original_name} {p.caption}".strip() for p in doc.photos}


def _signatures(doc: InspectionDocument) -> dict[str, Any]:
    return {
        s.role: {"signer": s.signer_name, "declined": s.declined_reason, "png": s.png_sha256}
        for s in doc.signatures
    }


def _score(doc: InspectionDocument) -> dict[str, Any]:
    s = doc.score
    return {
        "compliance": s.compliance,
        "grade": s.grade,
        "critical_failures": s.critical_failures,
        "satisfaction": s.satisfaction,
        "yes/no/na": f"{s.yes}/{s.no}/{s.na}",
    }


def _added(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return [text for key, text in after.items() if key not in before or before[key] != text]


def compare(stored: InspectionDocument, received: InspectionDocument) -> Difference:
    findings = _finding_texts(stored), _finding_texts(received)
    photos = _photo_texts(stored), _photo_texts(received)
    return Difference(
        header=_changes(_header(stored), _header(received)),
        answers=_answers(stored, received),
        findings_added=_added(*findings),
        findings_removed=_added(findings[1], findings[0]),
        photos_added=_added(*photos),
        photos_removed=_added(photos[1], photos[0]),
        signatures=_changes(_signatures(stored), _signatures(received)),
        score=_changes(_score(stored), _score(received)),
    )


def lines(diff: Difference) -> Iterator[str]:
    """The difference as text, one fact per line (`-` the stored version, `+` the received)."""
    if diff.empty:
        yield "the two versions say the same (only their bytes differ)"
        return
    for title, changes in (("header", diff.header), ("signatures", diff.signatures)):
        if changes:
            yield f"{title}:"
            for change in changes:
                yield f"  {change.field}"
                yield f"    - stored:   {change.stored}"
                yield f"    + received: {change.received}"
    if diff.answers:
        yield f"answers that differ ({len(diff.answers)}):"
        for a in diff.answers:
            repeat = f" #{a.repeat_index + 1}" if a.repeat_index else ""
            yield f"  {a.item_id}{repeat}: {a.item_text}"
            yield f"    - stored:   {'(no answer)' if a.stored is None else a.stored}"
            yield f"    + received: {'(no answer)' if a.received is None else a.received}"
            if a.stored_note != a.received_note:
                yield f"    - note:     {a.stored_note or '—'}"
                yield f"    + note:     {a.received_note or '—'}"
    for title, texts in (
        ("findings only in the received version", diff.findings_added),
        ("findings only in the stored version", diff.findings_removed),
        ("photos only in the received version", diff.photos_added),
        ("photos only in the stored version", diff.photos_removed),
    ):
        if texts:
            yield f"{title}:"
            yield from (f"  {text}" for text in texts)
    if diff.score:
        yield "score:"
        for change in diff.score:
            yield f"  {change.field}: {change.stored} -> {change.received}"
