"""The visit plan: offices the governorate assigns to an inspector, each with a due date.

One document shape travels from the server to laptops, in `GET /v1/visits` (one inspector's
assignments) and in a USB updates bundle (`visits.json`, every inspector's open ones), both
signed with the update key. Each assignment names its inspector by personnel number; a laptop
keeps those of its own identity's number. Anything malformed in an entry drops that entry: a
plan is advice to the inspector, and one bad line must not hide the others.

An assignment is closed by an inspection of its office by its inspector dated on or after the
day it was assigned (the server closes it at ingest; the laptop shows it done as soon as such an
inspection is finalized here, before it syncs).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from typing import Any, Literal

from inspector_app.domain.canonical import canonical_json
from inspector_app.domain.jalali import to_tehran

FORMAT = "bazres.visits/1"
STATES = ("open", "done", "cancelled")
NOTE_MAX = 500

State = Literal["open", "done", "cancelled"]


@dataclass(frozen=True)
class VisitAssignment:
    id: str
    office_code: str
    personnel_no: str
    due_date: str  # Gregorian ISO date (yyyy-mm-dd); shown in Jalali
    assigned_at: str  # UTC ISO 8601
    state: State = "open"
    inspector_name: str = ""
    form_id: str = ""  # the form to use, or "" for the office type's default
    note: str = ""
    assigned_by: str = ""
    closed_at: str | None = None
    closed_by: str | None = None  # the inspection that closed it

    @property
    def due(self) -> dt.date:
        return dt.date.fromisoformat(self.due_date)

    @property
    def assigned_day(self) -> str:
        """The Tehran day it was assigned: visit dates are Tehran days, and from 20:30 UTC on
        the UTC date is a day behind."""
        return to_tehran(self.assigned_at).date().isoformat()

    def closed_by_visit(self, office_code: str, visit_date: str) -> bool:
        """Whether an inspection of `office_code` on `visit_date` (ISO) closes this one."""
        return office_code == self.office_code and visit_date[:10] >= self.assigned_day


def document(assignments: list[VisitAssignment], as_of: str) -> bytes:
    """The plan as the canonical JSON the server signs."""
    body = {"format": FORMAT, "as_of": as_of, "visits": [asdict(a) for a in assignments]}
    return canonical_json(body)


def _text(entry: dict[str, Any], name: str, limit: int) -> str:
    value = entry.get(name)
    return value[:limit] if isinstance(value, str) else ""


def _entry(entry: Any) -> VisitAssignment | None:
    if not isinstance(entry, dict):
        return None
    ident, office, number = (_text(entry, n, 64) for n in ("id", "office_code", "personnel_no"))
    due, assigned_at = _text(entry, "due_date", 10), _text(entry, "assigned_at", 40)
    state = entry.get("state")
    if not (ident and office and number and assigned_at) or state not in STATES:
        return None
    try:
        dt.date.fromisoformat(due)
    except ValueError:
        return None
    closed_at, closed_by = entry.get("closed_at"), entry.get("closed_by")
    return VisitAssignment(
        id=ident,
        office_code=office,
        personnel_no=number,
        due_date=due,
        assigned_at=assigned_at,
        state=state,
        inspector_name=_text(entry, "inspector_name", 200),
        form_id=_text(entry, "form_id", 64),
        note=_text(entry, "note", NOTE_MAX),
        assigned_by=_text(entry, "assigned_by", 200),
        closed_at=closed_at[:40] if isinstance(closed_at, str) else None,
        closed_by=closed_by[:64] if isinstance(closed_by, str) else None,
    )


class PlanInvalid(ValueError):
    """Not a visit plan document at all (wrong format or not JSON)."""


def parse(content: bytes) -> list[VisitAssignment]:
    """The assignments of a plan document; raise PlanInvalid if it is not one."""
    try:
        body = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PlanInvalid(f"the visit plan is not JSON: {exc}") from exc
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise PlanInvalid(f"the visit plan's format is not {FORMAT}")
    entries = body.get("visits")
    if not isinstance(entries, list):
        raise PlanInvalid("the visit plan has no list of visits")
    return [a for e in entries if (a := _entry(e)) is not None]
