"""The canonical inspection document (`bazres.inspection/1`), typed: the one the laptop hashes,
prints and signs, and the server checks and stores (docs/inspection-json.md).

`InspectionDocument.parse` validates a decoded document (shape, types, and that its form
snapshot is a valid form); `to_dict` gives the plain dict that is serialized canonically. No
value is changed on the way, so the canonical bytes, and the hash, stay what the laptop made.
"""

from __future__ import annotations

from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, PrivateAttr, ValidationError

from inspector_app.domain.forms import LoadedForm, parse_form

FORMAT: Final = "bazres.inspection/1"


class DocumentError(ValueError):
    """The document is not a `bazres.inspection/1` inspection (the first problem named)."""


class _Part(BaseModel):
    # Strict: a string stays a string and a number a number, as they were hashed.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class FormRef(_Part):
    id: str
    version: int
    sha256: str
    snapshot: dict[str, Any]


class Inspector(_Part):
    name: str
    personnel_no: str


class Representative(_Part):
    name: str
    role: str


class Answer(_Part):
    item_id: str
    repeat_index: int
    value: Any
    note: str


class Photo(_Part):
    id: str
    item_id: str
    repeat_index: int
    sha256: str  # of the original file
    jpeg_sha256: str  # of the downscaled JPEG that travels with the inspection
    caption: str
    original_name: str
    width: int
    height: int


class Finding(_Part):
    id: str
    item_id: str | None
    description: str
    corrective_action: str
    deadline: str | None


class Signature(_Part):
    role: Literal["inspector", "representative"]
    signer_name: str
    declined_reason: str | None
    png_sha256: str | None
    signed_at: str


class Score(_Part):
    compliance: float | None
    grade: str | None
    critical_failures: list[str]  # ids of the critical items that failed
    satisfaction: float | None
    yes: int
    no: int
    na: int


class InspectionDocument(_Part):
    format: Literal["bazres.inspection/1"] = FORMAT
    id: str
    replaces: str | None
    office: dict[str, Any]  # the registry row as it was when the inspection started
    form: FormRef
    created_at: str
    visit_date: str
    arrival_at: str | None
    departure_at: str | None
    elapsed_seconds: float
    inspector: Inspector
    representative: Representative
    answers: list[Answer]
    interviews: list[int]
    photos: list[Photo]
    findings: list[Finding]
    signatures: list[Signature]
    score: Score

    _loaded_form: LoadedForm = PrivateAttr()

    def model_post_init(self, context: Any, /) -> None:
        try:
            self._loaded_form = parse_form(self.form.snapshot)
        except ValidationError as exc:
            raise DocumentError(f"form.snapshot: {_first_problem(exc)}") from exc

    @classmethod
    def parse(cls, document: Any) -> InspectionDocument:
        """The typed document, or DocumentError naming where it breaks the format."""
        try:
            return cls.model_validate(document)
        except ValidationError as exc:
            raise DocumentError(_first_problem(exc)) from exc

    @property
    def loaded_form(self) -> LoadedForm:
        """The form snapshot, parsed and validated as a form (its sha256 recomputed)."""
        return self._loaded_form

    def failed_checklist_items(self) -> list[tuple[str, str]]:
        """(item id, item text) of the yes/no checklist items answered «no», by item id."""
        yesno = {
            item.id: item.text
            for item in self._loaded_form.form.checklist_items()
            if item.kind.yes_no
        }
        failed = {
            answer.item_id
            for answer in self.answers
            if answer.value == "no" and answer.repeat_index == 0 and answer.item_id in yesno
        }
        return [(item_id, yesno[item_id]) for item_id in sorted(failed)]

    def to_dict(self) -> dict[str, Any]:
        """The plain document, as it is serialized canonically and hashed."""
        return self.model_dump()


def _first_problem(exc: ValidationError) -> str:
    first = exc.errors()[0]
    return f"{'.'.join(str(p) for p in first['loc']) or 'document'}: {first['msg']}"
