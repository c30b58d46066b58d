"""Offices to plan a visit to, for the plan page: the active offices of the published registry
that no received inspection visited in the last N days (the province overview's list, on the
server's day count), never-visited first, leaving out those with an open assignment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Engine, func, select

from inspector_app.domain.working_days import WorkCalendar
from inspector_app.figures.filters import OverviewFilter
from inspector_app.figures.overview import DEFAULT_OVERDUE_DAYS, OverdueOffice
from inspector_app.server.database import inspections_t, visit_assignments_t
from inspector_app.server.figures import overdue_from_last


def due_offices(
    engine: Engine,
    offices: Iterable[Mapping[str, Any]],
    *,
    as_of: dt.date,
    calendar: WorkCalendar,
    days: int = DEFAULT_OVERDUE_DAYS,
) -> list[OverdueOffice]:
    i, v = inspections_t.c, visit_assignments_t.c
    with engine.connect() as conn:
        visited = conn.execute(
            select(i.office_code, func.max(i.visit_date)).group_by(i.office_code)
        )
        last = {str(code): str(day)[:10] for code, day in visited if day}
        planned = set(
            conn.execute(select(v.office_code).where(v.state == "open").distinct()).scalars()
        )
    found = overdue_from_last(
        last, OverviewFilter(), offices, days=days, as_of=as_of, calendar=calendar
    )
    return [o for o in found if o.code not in planned]
