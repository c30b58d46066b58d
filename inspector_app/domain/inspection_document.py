"""The canonical inspection document (`bazres.inspection/1`), typed: the one the laptop hashes,
prints and signs, and the server checks and stores (docs/inspection-json.md).

`InspectionDocument.parse` validates a decoded document (shape, types, and that its form
snapshot is a valid form); `to_dict` gives the plain dict that is serialized canonically. No
value is changed on the way, so the canonical bytes, and the hash, stay what the laptop made.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Final, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, ValidationError
from pydantic_core import PydanticCustomError

from inspector_app.domain.forms import LoadedForm, parse_form_once

FORMAT: Final = "bazres.inspection/1"
BAD_DATE: Final = "bazres_date"  # the error kind of a date or time that is not one

# Every inspection is after 2000: a year like 1403 is a Jalali date where the Gregorian belongs.
_YEARS = range(2000, 2200)


class DocumentError(ValueError):
    """The document is not a `bazres.inspection/1` inspection (the first problem named):
    `where` is the path of the value (`findings.0.deadline`), `kind` pydantic's error type and
    `value` the value found there."""

    def __init__(
        self, message: str, *, where: str = "", kind: str = "", value: object = None
    ) -> None:
        super().__init__(message)
        self.where = where
        self.kind = kind
        self.value = value


def _calendar_date(text: str) -> str:
    """A Gregorian day, ISO `YYYY-MM-DD`, kept as written."""
    try:
        day = dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        day = None
    if day is None or day.year not in _YEARS:
        raise PydanticCustomError(
            BAD_DATE, "not a Gregorian date YYYY-MM-DD: {value}", {"value": text}
        )
    return text


def _utc_time(text: str) -> str:
    """A moment in ISO 8601 with its zone (`2024-03-20T08:30:00Z`), kept as written."""
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00")) if "T" in text else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None or moment.year not in _YEARS:
        raise PydanticCustomError(BAD_DATE, "not an ISO 8601 UTC time: {value}", {"value": text})
    return text


CalendarDate = Annotated[str, AfterValidator(_calendar_date)]
UtcTime = Annotated[str, AfterValidator(_utc_time)]


class _Part(BaseModel):
    # Strict: a string stays a string and a number a number, as they were hashed. NaN and
    # infinity have no canonical JSON.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


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


Unit = Annotated[float, Field(ge=0, le=1)]


class PhotoMark(_Part):
    """A mark drawn on a photo: an arrow from (x0, y0) to (x1, y1), a circle or a blurred
    region in the box they span, or a text at (x0, y0); coordinates as shares of the width
    and height."""

    kind: Literal["arrow", "circle", "blur", "text"]
    x0: Unit
    y0: Unit
    x1: Unit
    y1: Unit
    text: str = Field(default="", max_length=200)


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
    # From the original's EXIF. Absent (not null) when unknown, so documents made before, and
    # photos without EXIF, hash as they did.
    captured_at: UtcTime | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    # The marks drawn on the JPEG (jpeg_sha256 is that of the marked copy; `sha256` stays the
    # original's). Absent when none, as in every document made before.
    marks: list[PhotoMark] | None = None


OPTIONAL_PHOTO_KEYS: Final = ("captured_at", "latitude", "longitude", "marks")


class Finding(_Part):
    id: str
    item_id: str | None
    description: str
    corrective_action: str
    deadline: CalendarDate | None


class FollowUp(_Part):
    """A finding an earlier inspection of the office left open, copied whole, and what this
    visit found of it: done, not done, no longer applicable, or None (not checked)."""

    finding_id: str
    source_inspection_id: str
    source_visit_date: CalendarDate
    description: str
    corrective_action: str
    deadline: CalendarDate | None
    outcome: Literal["done", "not_done", "not_applicable"] | None
    note: str


# A photo taken as evidence of a follow-up (most often of a corrective action done) is kept
# with the inspection's photos under this pseudo item: `followup:<finding id>`.
FOLLOWUP_PHOTO_PREFIX: Final = "followup:"


def followup_photo_item(finding_id: str) -> str:
    return FOLLOWUP_PHOTO_PREFIX + finding_id


def followup_of_photo(item_id: str) -> str | None:
    """The finding a photo is evidence for, or None for a photo of a form item."""
    return (
        item_id.removeprefix(FOLLOWUP_PHOTO_PREFIX)
        if item_id.startswith(FOLLOWUP_PHOTO_PREFIX)
        else None
    )


class Signature(_Part):
    role: Literal["inspector", "representative"]
    signer_name: str
    declined_reason: str | None
    png_sha256: str | None
    signed_at: UtcTime


class Score(_Part):
    compliance: float | None
    grade: str | None
    critical_failures: list[str]  # ids of the critical items that failed
    satisfaction: float | None
    yes: int
    no: int
    na: int


class AuditAnchor(_Part):
    """The laptop's audit log as it stood when the inspection was hashed for finalizing: the
    sequence number and hash of its last entry (0 and the genesis hash for an empty log).
    The finalize entry itself comes after: it records this document's hash, so it cannot be
    inside it. Signed with the document, it holds the log to that entry from outside it."""

    seq: int = Field(ge=0)
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")


class InspectionDocument(_Part):
    format: Literal["bazres.inspection/1"] = FORMAT
    id: str
    replaces: str | None
    office: dict[str, Any]  # the registry row as it was when the inspection started
    form: FormRef
    created_at: UtcTime
    visit_date: CalendarDate
    arrival_at: UtcTime | None
    departure_at: UtcTime | None
    elapsed_seconds: float
    inspector: Inspector
    representative: Representative
    answers: list[Answer]
    interviews: list[int]
    photos: list[Photo]
    findings: list[Finding]
    signatures: list[Signature]
    score: Score
    # Absent (not null) in documents made before the log was anchored: they hash as before.
    audit_anchor: AuditAnchor | None = None
    # Absent when nothing was carried over (every document made before): they hash as before.
    followups: list[FollowUp] = Field(default_factory=list)

    _loaded_form: LoadedForm = PrivateAttr()

    def model_post_init(self, context: Any, /) -> None:
        try:
            self._loaded_form = parse_form_once(self.form.snapshot)
        except ValidationError as exc:
            raise _error(exc, "form.snapshot.") from exc

    @classmethod
    def parse(cls, document: Any) -> InspectionDocument:
        """The typed document, or DocumentError naming where it breaks the format."""
        try:
            return cls.model_validate(document)
        except ValidationError as exc:
            raise _error(exc) from exc

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
        left_out = {"audit_anchor"} if self.audit_anchor is None else set()
        if not self.followups:
            left_out.add("followups")
        plain = self.model_dump(exclude=left_out or None)
        for photo in plain["photos"]:
            for key in OPTIONAL_PHOTO_KEYS:
                if photo[key] is None:
                    del photo[key]
        return plain


def _error(exc: ValidationError, prefix: str = "") -> DocumentError:
    """The first problem, as `where: what`."""
    first = exc.errors()[0]
    where = prefix + ".".join(str(p) for p in first["loc"]) or "document"
    return DocumentError(
        f"{where}: {first['msg']}", where=where, kind=first["type"], value=first.get("input")
    )
