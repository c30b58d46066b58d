"""The province figures on the governorate server's database, computed in SQL, and the summary
they make with the registry the server publishes.

The server (server/database.py) keeps one row per received inspection with the figures the
summary needs as columns (county, office_type, visit_date, compliance, critical_failures,
satisfaction, replaces) and no answers table, so:
  * compliance, trend, satisfaction and overdue offices come from portable SQL over that table
    (GROUP BY, CASE, `:name` parameters), run through a SQLAlchemy connection on SQLite or
    PostgreSQL (`figures.queries.sqlalchemy_runner`);
  * the most-failed items come from `failed_answers` (the yes/no items each inspection
    answered «no», written at ingest), grouped in SQL the same way, per form version.
Every received inspection is finalized (the server never holds drafts); a correction counts
instead of the inspection it replaces, as on the laptop. The server calls these as

    with state.engine.connect() as conn:
        data = server_summary(sqlalchemy_runner(conn), f, registry=publish.registry(engine)[0])
    server.summary.summary_json(data, f)  /  figures.summary_report.render_summary(data)
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from inspector_app.domain.jalali import tehran_today, utc_now
from inspector_app.figures import population as population_file
from inspector_app.figures.coverage import coverage_from_offices
from inspector_app.figures.filters import Drilldown, OverviewFilter
from inspector_app.figures.overview import (
    DEFAULT_OVERDUE_DAYS,
    TOP_ITEMS,
    FailedItem,
    OverdueOffice,
    Overview,
    assemble,
    failed_item,
    rank_failed,
)
from inspector_app.figures.queries import Runner
from inspector_app.figures.summary_report import SummaryData

_FIGURES = """COUNT(*), COUNT(s.compliance), SUM(s.compliance),
       SUM(CASE WHEN s.critical_failures > 0 THEN 1 ELSE 0 END),
       COUNT(s.satisfaction), SUM(s.satisfaction)"""
# Received inspections, less those a received correction replaces: a correction signed with the
# same key, for the same office (ingest refuses any other; this holds for old rows too).
_COUNTED = """inspections s WHERE s.id NOT IN (
    SELECT r.replaces FROM inspections r JOIN inspections o ON o.id = r.replaces
    WHERE r.signer_key_sha256 = o.signer_key_sha256 AND r.signer_key_sha256 <> ''
      AND r.office_code = o.office_code)"""


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
    (dicts with code, name, type, county, city, status) for the overdue list."""
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
        failed=_failed_items(run, f, where, params),
        overdue=_overdue(run, f, offices, days=overdue_days, as_of=as_of),
        overdue_days=overdue_days,
        as_of=as_of,
    )


def _failed_items(
    run: Runner, f: OverviewFilter, where: str, params: dict[str, Any], limit: int = TOP_ITEMS
) -> list[FailedItem]:
    """Yes/no items answered «no» most often, per form version (forms share item ids, a
    version may reuse one), out of the inspections filled with that form version."""
    failures = run(
        "SELECT s.form_id, s.form_version, a.item_id, MIN(a.item_text), COUNT(*) "
        f"FROM failed_answers a, {_COUNTED} AND a.inspection_id = s.id{where} "
        "GROUP BY s.form_id, s.form_version, a.item_id",
        params,
    )
    per_form = {
        (str(form), int(version)): int(count)
        for form, version, count in run(
            f"SELECT s.form_id, s.form_version, COUNT(*) FROM {_COUNTED}{where} "
            "GROUP BY s.form_id, s.form_version",
            params,
        )
    }
    ranked = [
        ((str(form), int(version), str(item)), str(text), int(count))
        for form, version, item, text, count in failures
    ]
    ranked.sort(key=lambda r: rank_failed(r[0], r[2], per_form.get(r[0][:2], 0)))
    return [
        failed_item(f, key, text, count, per_form.get(key[:2], 0))
        for key, text, count in ranked[:limit]
    ]


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


def registry_offices(content: bytes | None) -> list[dict[str, Any]]:
    """The offices of a published registry document (`{"offices": [...]}`); none if absent."""
    if not content:
        return []
    document = json.loads(content)
    offices = document.get("offices", []) if isinstance(document, dict) else document
    return [o for o in offices if isinstance(o, dict) and o.get("code")]


def server_summary(
    run: Runner,
    f: OverviewFilter,
    *,
    registry: bytes | None,
    population: population_file.Population | None = None,
    as_of: dt.date | None = None,
) -> SummaryData:
    offices = registry_offices(registry)
    overview = compute_server_overview(run, f, offices=offices, as_of=as_of)
    coverage = coverage_from_offices(
        offices, population or population_file.parse(population_file.BUNDLED)
    )
    return SummaryData(overview, coverage, utc_now())
