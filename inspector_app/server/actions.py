"""Open corrective actions across the province, from what the laptops sent: an office's open
findings are those its latest inspection left open — the findings it recorded and the earlier
ones it followed up and found not done or did not check (storage/followups.py on the laptop,
the document's `followups`). Counted per county and per office; overdue once the deadline is
before today.

Only the latest inspection of each office is read (one index walk finds them, a correction
standing for the one it replaces), so the cost follows the number of offices, not of
inspections.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, text

from inspector_app.domain.working_days import CALENDAR_DAYS, WorkCalendar, is_overdue
from inspector_app.figures.filters import OverviewFilter

OPEN_OUTCOMES = (None, "not_done")


@dataclass(frozen=True)
class OfficeActions:
    code: str
    county: str
    office_type: str
    open: int
    overdue: int
    oldest_deadline: str | None  # ISO, of the overdue ones


@dataclass(frozen=True)
class CountyActions:
    county: str
    offices: int  # offices with at least one open action
    open: int
    overdue: int


@dataclass(frozen=True)
class Actions:
    open: int = 0
    overdue: int = 0
    by_county: list[CountyActions] = field(default_factory=list)
    offices: list[OfficeActions] = field(default_factory=list)  # the overdue ones, worst first

    @property
    def open_offices(self) -> int:
        """Offices with at least one open action (each is in one county)."""
        return sum(c.offices for c in self.by_county)


_LATEST = """
SELECT i.office_code, i.county, i.office_type, i.received_at, i.canonical_json
FROM inspections i
JOIN (SELECT office_code, MAX(visit_date) AS last FROM inspections GROUP BY office_code) m
  ON m.office_code = i.office_code AND m.last = i.visit_date
WHERE NOT EXISTS (SELECT 1 FROM inspections c WHERE c.replaces = i.id)
"""


def _past(deadline: str, today: dt.date, calendar: WorkCalendar) -> bool:
    """A deadline on a day off is due the next working day (when working days count)."""
    try:
        return is_overdue(dt.date.fromisoformat(deadline[:10]), today, calendar)
    except ValueError:
        return False


def open_deadlines(document: dict[str, Any]) -> list[str | None]:
    """The deadline of each action the inspection left open (None: it has none)."""
    found = [f.get("deadline") for f in document.get("findings", [])]
    found += [
        f.get("deadline")
        for f in document.get("followups", [])
        if f.get("outcome") in OPEN_OUTCOMES
    ]
    return found


def open_actions(
    engine: Engine, f: OverviewFilter, today: dt.date, calendar: WorkCalendar = CALENDAR_DAYS
) -> Actions:
    """The open actions at the offices `f` selects (its county and office type; dates do not
    apply: an action stays open whenever it was found)."""
    sql, params = _LATEST, {}
    if f.county:
        sql += " AND i.county = :county"
        params["county"] = f.county
    if f.office_type:
        sql += " AND i.office_type = :office_type"
        params["office_type"] = f.office_type
    latest: dict[str, tuple[str, str, str, str]] = {}
    with engine.connect() as conn:
        for code, county, office_type, received, document in conn.execute(text(sql), params):
            kept = latest.get(code)
            if kept is None or received > kept[2]:
                latest[code] = (county, office_type, received, document)
    offices: list[OfficeActions] = []
    for code, (county, office_type, _received, document) in latest.items():
        try:
            deadlines = open_deadlines(json.loads(document))
        except (ValueError, AttributeError):
            continue
        late = sorted(d for d in deadlines if d and _past(d, today, calendar))
        if deadlines:
            offices.append(
                OfficeActions(
                    code, county, office_type, len(deadlines), len(late), late[0] if late else None
                )
            )
    counties: dict[str, list[OfficeActions]] = defaultdict(list)
    for office in offices:
        counties[office.county].append(office)
    by_county = [
        CountyActions(county, len(rows), sum(o.open for o in rows), sum(o.overdue for o in rows))
        for county, rows in sorted(
            counties.items(), key=lambda kv: (-sum(o.overdue for o in kv[1]), kv[0])
        )
    ]
    overdue = sorted(
        (o for o in offices if o.overdue),
        key=lambda o: (-o.overdue, o.oldest_deadline or "", o.code),
    )
    return Actions(
        sum(o.open for o in offices), sum(o.overdue for o in offices), by_county, overdue
    )
