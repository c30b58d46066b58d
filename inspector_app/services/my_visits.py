""" "My visits": the offices the governorate assigned to this inspector, each with its due date
and where it stands, and the offices the laptop suggests because nobody has inspected them for
the overview's N days; and starting the inspection an assignment asks for.

An assignment is done once an inspection of its office dated on or after the day it was
assigned is finalized here (the server closes it the same way when that inspection arrives);
a draft of such an inspection means it is under way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from inspector_app.domain.jalali import tehran_today
from inspector_app.domain.visit_plan import VisitAssignment
from inspector_app.domain.working_days import is_overdue, working_days_between
from inspector_app.errors import QT_TRANSLATE_NOOP, NotFound
from inspector_app.figures.aggregates import overdue_offices
from inspector_app.figures.filters import OverviewFilter
from inspector_app.figures.overview import OverdueOffice
from inspector_app.figures.queries import sqlite_runner
from inspector_app.services import workflow
from inspector_app.services.context import AppContext
from inspector_app.services.overview.local import overdue_days_of
from inspector_app.services.sync import visits
from inspector_app.services.working_calendar import calendar_of
from inspector_app.storage import inspections, offices

Standing = Literal["open", "overdue", "started", "done", "cancelled"]


@dataclass(frozen=True)
class MyVisit:
    assignment: VisitAssignment
    office_name: str  # "" when the office is not in this laptop's registry (yet)
    county: str
    city: str
    office_type: str
    standing: Standing
    days_left: int  # days (as the deadline setting counts them) to the due date; < 0 overdue
    inspection_id: str | None  # the draft or finalized inspection that answers it

    @property
    def can_start(self) -> bool:
        return self.standing in ("open", "overdue") and bool(self.office_name)


def today() -> dt.date:
    return tehran_today()


def my_visits(context: AppContext, as_of: dt.date | None = None) -> list[MyVisit]:
    """This inspector's assignments: the open ones by due date first, then the others."""
    db = context.db
    day = as_of or today()
    calendar = calendar_of(db, day)
    out = []
    for a in visits.kept(db):
        office = offices.get(db, a.office_code)
        answer = _answering(context, a)
        standing: Standing
        if a.state == "cancelled":
            standing = "cancelled"
        elif a.state == "done" or (answer and answer[1] != "draft"):
            standing = "done"
        elif answer:
            standing = "started"
        else:
            standing = "overdue" if is_overdue(a.due, day, calendar) else "open"
        out.append(
            MyVisit(
                assignment=a,
                office_name=str(office["name"]) if office else "",
                county=str(office["county"]) if office else "",
                city=str(office["city"]) if office else "",
                office_type=str(office["type"]) if office else "",
                standing=standing,
                days_left=working_days_between(day, a.due, calendar),
                inspection_id=a.closed_by if a.state == "done" else (answer[0] if answer else None),
            )
        )
    order = {"overdue": 0, "open": 1, "started": 2, "done": 3, "cancelled": 4}
    out.sort(key=lambda v: (order[v.standing], v.assignment.due_date, v.office_name))
    return out


def _answering(context: AppContext, a: VisitAssignment) -> tuple[str, str] | None:
    """The newest inspection here that answers `a` (its id and status): finalized first."""
    rows = inspections.list_inspections(
        context.db, office_code=a.office_code, date_from=a.assigned_day
    )
    if not rows:
        return None
    chosen = next((r for r in rows if r["status"] != "draft"), rows[0])
    return str(chosen["id"]), str(chosen["status"])


def suggestions(context: AppContext, as_of: dt.date | None = None) -> list[OverdueOffice]:
    """Active offices not inspected (here) in the overview's N days, longest waiting first,
    leaving out those already assigned and open."""
    db = context.db
    day = as_of or today()
    assigned = {v.office_code for v in visits.kept(db) if v.state == "open"}
    found = overdue_offices(
        sqlite_runner(db),
        OverviewFilter(),
        days=overdue_days_of(db),
        as_of=day,
        calendar=calendar_of(db, day),
    )
    return [o for o in found if o.code not in assigned]


def start_visit(context: AppContext, assignment_id: str) -> str:
    """Start the inspection an assignment asks for (with its form, if it names one this laptop
    has); returns the new draft's id."""
    found = [a for a in visits.kept(context.db) if a.id == assignment_id]
    if not found:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "این بازدید در برنامهٔ شما نیست"))
    return workflow.start_inspection(context, found[0].office_code, form_id=found[0].form_id)
