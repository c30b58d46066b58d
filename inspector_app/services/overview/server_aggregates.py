"""The same overview on the governorate server's database, computed in SQL.

The server (inspector_app/server/database.py) keeps one row per received inspection with the
figures the summary needs as columns (county, office_type, visit_date, compliance,
critical_failures, satisfaction, replaces) and no answers table, so:
  * compliance, trend, satisfaction and overdue offices come from portable SQL over that table
    (GROUP BY, CASE, `:name` parameters), run through a SQLAlchemy connection on SQLite or
    PostgreSQL (`queries.sqlalchemy_runner`);
  * the most-failed items need answers: they are left empty until the server stores answers
    (see the note in `compute_server_overview`).
Every received inspection is finalized (the server never holds drafts); a correction counts
instead of the inspection it replaces, as in the app.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from inspector_app.services.overview.aggregates import (
    DEFAULT_OVERDUE_DAYS,
    OverdueOffice,
    Overview,
    assemble,
    tehran_today,
)
from inspector_app.services.overview.filters import Drilldown, OverviewFilter
from inspector_app.services.overview.queries import Runner

_FIGURES = """COUNT(*), COUNT(s.compliance), SUM(s.compliance),
       SUM(CASE WHEN s.critical_failures > 0 THEN 1 ELSE 0 END),
       COUNT(s.satisfaction), SUM(s.satisfaction)"""
# Received inspections, less those a received correction replaces.
_COUNTED = """inspections s WHERE s.id NOT IN (
    SELECT r.replaces FROM inspections r WHERE r.replaces IS NOT NULL)"""


def _where(f: OverviewFilter, params: dict[str, Any]) -> str:
    clauses = []
    for clause, key, value in (
        ("s.visit_date >= :date_from", "date_from", f.date_from and f.date_from.isoformat()),
        ("s.visit_date <= :date_to", "date_to", f.date_to and f.date_to.isoformat()),
        ("s.county = :county", "county", f.county),
        ("s.office_type = :office_type", "office_type", f.office_type),
    ):
        if value:
            clauses.append(clause)
            params[key] = value
    return "".join(f" AND {c}" for c in clauses)


def compute_server_overview(
    run: Runner,
    f: OverviewFilter | None = None,
    *,
    offices: Iterable[Mapping[str, Any]] = (),
    overdue_days: int = DEFAULT_OVERDUE_DAYS,
    as_of: dt.date | None = None,
) -> Overview:
    """The overview of all inspectors' data. `offices` is the registry the server publishes
    (dicts with code, name, type, county, city, status) for the overdue list.

    Failed items: the server keeps answers only inside `canonical_json`; aggregating them in SQL
    needs an `answers` table (inspection_id, item_id, repeat_index, value) filled at ingest,
    after which `aggregates.failed_items` applies with the server's column names."""
    f = f or OverviewFilter()
    as_of = as_of or tehran_today()
    params: dict[str, Any] = {}
    where = _where(f, params)
    groups = run(
        f"SELECT s.county, s.office_type, {_FIGURES} FROM {_COUNTED}{where} "
        "GROUP BY s.county, s.office_type",
        params,
    )
    days = run(
        f"SELECT s.visit_date, {_FIGURES} FROM {_COUNTED}{where} GROUP BY s.visit_date", params
    )
    offices_inspected = run(f"SELECT COUNT(DISTINCT s.office_code) FROM {_COUNTED}{where}", params)[
        0
    ][0]
    return assemble(
        f,
        [(str(county), str(kind), tuple(fig)) for county, kind, *fig in groups],
        [(str(day), tuple(fig)) for day, *fig in days],
        offices_inspected=int(offices_inspected or 0),
        failed=[],
        overdue=_overdue(run, f, offices, days=overdue_days, as_of=as_of),
        overdue_days=overdue_days,
        as_of=as_of,
    )


def _overdue(
    run: Runner,
    f: OverviewFilter,
    offices: Iterable[Mapping[str, Any]],
    *,
    days: int,
    as_of: dt.date,
) -> list[OverdueOffice]:
    last = {
        str(code): str(visit)[:10]
        for code, visit in run(
            "SELECT s.office_code, MAX(s.visit_date) FROM inspections s GROUP BY s.office_code", {}
        )
        if visit
    }
    cutoff = (as_of - dt.timedelta(days=days)).isoformat()
    out = []
    for office in offices:
        if office.get("status", "active") != "active":
            continue
        if f.county and office.get("county") != f.county:
            continue
        if f.office_type and office.get("type") != f.office_type:
            continue
        code = str(office["code"])
        visit = last.get(code)
        if visit is not None and visit >= cutoff:
            continue
        since = (as_of - dt.date.fromisoformat(visit)).days if visit else None
        out.append(
            OverdueOffice(
                code,
                str(office.get("name", "")),
                str(office.get("type", "")),
                str(office.get("county", "")),
                str(office.get("city", "")),
                visit,
                since,
                Drilldown(statuses=f.statuses, office_code=code),
            )
        )
    out.sort(key=lambda o: (o.days_since is not None, -(o.days_since or 0), o.county, o.code))
    return out
