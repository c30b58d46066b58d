"""The province figures on the governorate server's database, computed in SQL, and the summary
they make with the registry the server publishes.

The server keeps one row per received inspection with the figures the summary needs as
columns (county, office_type, visit_date, compliance, critical_failures, satisfaction,
replaces), the yes/no items each one answered «no» (`failed_answers`), and both summed at
ingest (server/figure_counts.py: per visit day, and per month and item), so on 200,000
inspections the summary reads a few thousand rows:
  * compliance, trend and satisfaction are the day sums (figure_days) within the filter;
  * the most-failed items are the month sums for the whole Jalali months of the date range,
    and failed_answers for the days of the months it cuts;
  * the offices inspected and each office's last visit (overdue offices) are one walk of an
    index on inspections.
Every received inspection is finalized (the server never holds drafts) and is in the sums; a
correction counts instead of the inspection it replaces, as on the laptop: the replaced ones
(a few, flagged at ingest: server/replaced.py) are read from inspections and taken off.
Portable SQL (GROUP BY, CASE, `:name` parameters) through a SQLAlchemy connection on SQLite
or PostgreSQL (`figures.queries.sqlalchemy_runner`). The server calls these as

    with state.engine.connect() as conn:
        data = server_summary(sqlalchemy_runner(conn), f, registry=publish.registry(engine)[0])
    server.summary.summary_json(data, f)  /  figures.summary_report.render_summary(data)
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from inspector_app.domain.jalali import jalali_month, jalali_month_bounds, tehran_today, utc_now
from inspector_app.domain.working_days import (
    CALENDAR_DAYS,
    WorkCalendar,
    add_working_days,
    is_overdue,
    working_days_between,
)
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
_SUMMED = """SUM(s.inspections), SUM(s.scored), SUM(s.score_sum), SUM(s.critical),
       SUM(s.interviewed), SUM(s.satisfaction_sum)"""
# Inspections a received correction replaces (server/replaced.py keeps the flag at ingest;
# the partial index inspections_replaced holds them). They are few. Said twice for the two
# planners: given `s.replaced` alone, SQLite (no statistics) scans another index for its
# GROUP BY order; given the subquery alone, PostgreSQL joins it to a scan of the table.
_REPLACED = "s.replaced AND s.id IN (SELECT r.id FROM inspections r WHERE r.replaced)"
_KEYS = "s.county, s.office_type, s.visit_date, s.form_id, s.form_version"


def _where(f: OverviewFilter, params: dict[str, Any], *, dates: bool = True) -> str:
    """` AND ...` on the columns inspections, figure_days and (without dates)
    figure_failed_months share, aliased `s`."""
    clauses = []
    for clause, key, value in (
        (
            "s.visit_date >= :date_from",
            "date_from",
            dates and f.date_from and f.date_from.isoformat(),
        ),
        ("s.visit_date <= :date_to", "date_to", dates and f.date_to and f.date_to.isoformat()),
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
    calendar: WorkCalendar = CALENDAR_DAYS,
) -> Overview:
    """The overview of all inspectors' data. `offices` is the registry the server publishes
    (dicts with code, name, type, county, city, status) for the overdue list, whose days are
    counted on `calendar`.

    The sums come from figure_days (every received inspection, summed at ingest), less the
    inspections a correction replaces, read from inspections (a few)."""
    f = f or OverviewFilter()
    as_of = as_of or tehran_today()
    params: dict[str, Any] = {}
    where = _where(f, params)

    def summed(keys: str) -> list[Any]:
        return run(
            f"SELECT {keys}, {_SUMMED} FROM figure_days s WHERE 1 = 1{where} GROUP BY {keys}",
            params,
        )

    replaced = run(
        f"SELECT {_KEYS}, s.office_code, {_FIGURES} FROM inspections s "
        f"WHERE {_REPLACED}{where} GROUP BY {_KEYS}, s.office_code",
        params,
    )
    # A group whose inspections in the range were all replaced (by corrections dated outside
    # it) stays, with none: the laptop shows it so.
    groups = _less(summed("s.county, s.office_type"), replaced, (0, 1))
    days = _less(summed("s.visit_date"), replaced, (2,))
    per_form = {
        (str(form_id), int(version)): int(fig[0])
        for (form_id, version), fig in _less(
            summed("s.form_id, s.form_version"), replaced, (3, 4)
        ).items()
    }
    # Each office's last visit (any inspection, for the overdue list) and its inspections in
    # the range, in one walk of the index inspections_office_visit.
    visits = run(
        f"SELECT s.office_code, MAX(s.visit_date), SUM(CASE WHEN 1 = 1{where} THEN 1 ELSE 0 END) "
        "FROM inspections s GROUP BY s.office_code",
        params,
    )
    taken_off: dict[str, int] = defaultdict(int)
    for row in replaced:
        taken_off[str(row[5])] += int(row[6])
    inspected = sum(1 for code, _, n in visits if int(n or 0) > taken_off.get(str(code), 0))
    last = {str(code): str(visit)[:10] for code, visit, _ in visits if visit}
    return assemble(
        f,
        [(str(county), str(kind), tuple(fig)) for (county, kind), fig in groups.items()],
        [(str(day), tuple(fig)) for (day,), fig in days.items()],
        offices_inspected=inspected,
        failed=_failed_items(run, f, per_form),
        overdue=overdue_from_last(
            last, f, offices, days=overdue_days, as_of=as_of, calendar=calendar
        ),
        overdue_days=overdue_days,
        as_of=as_of,
        overdue_working_days=calendar != CALENDAR_DAYS,
    )


def _less(
    summed: list[Any], replaced: list[Any], keys: tuple[int, ...]
) -> dict[tuple[Any, ...], list[float]]:
    """Summed figures by their leading key columns, less the replaced inspections' figures
    (rows of `replaced`: the five keys, office code, then the six figures) on the same key."""
    out: dict[tuple[Any, ...], list[float]] = {}
    width = len(keys)
    for row in summed:
        out[tuple(row[:width])] = [float(v or 0) for v in row[width:]]
    for row in replaced:
        held = out.setdefault(tuple(row[k] for k in keys), [0.0] * 6)
        for n, value in enumerate(row[6:]):
            held[n] -= float(value or 0)
    return out


def _failed_items(
    run: Runner, f: OverviewFilter, per_form: Mapping[tuple[str, int], int], limit: int = TOP_ITEMS
) -> list[FailedItem]:
    """Yes/no items answered «no» most often, per form version (forms share item ids, a
    version may reuse one), out of the inspections filled with that form version.

    Whole months in the date range come from figure_failed_months; the days of a month the
    range cuts, and the inspections a correction replaces (taken off), from failed_answers."""
    params: dict[str, Any] = {}
    places = _where(f, params, dates=False)
    months, days = _month_split(f.date_from, f.date_to)
    parts: list[tuple[int, list[Any]]] = []
    if months is not None:
        clauses, bounds = places, dict(params)
        for clause, name, value in (
            ("s.month >= :month_from", "month_from", months[0]),
            ("s.month <= :month_to", "month_to", months[1]),
        ):
            if value:
                clauses += f" AND {clause}"
                bounds[name] = value
        parts.append((1, run(
            "SELECT s.form_id, s.form_version, s.item_id, MIN(s.item_text), SUM(s.failed) "
            f"FROM figure_failed_months s WHERE 1 = 1{clauses} "
            "GROUP BY s.form_id, s.form_version, s.item_id",
            bounds,
        )))  # fmt: skip
    answered = (
        "SELECT s.form_id, s.form_version, a.item_id, MIN(a.item_text), COUNT(*) "
        "FROM failed_answers a JOIN inspections s ON s.id = a.inspection_id WHERE {} "
        "GROUP BY s.form_id, s.form_version, a.item_id"
    )
    for n, (first, last) in enumerate(days):
        span = {f"day_from{n}": first.isoformat(), f"day_to{n}": last.isoformat()}
        cut = f"s.visit_date >= :day_from{n} AND s.visit_date <= :day_to{n}{places}"
        parts.append((1, run(answered.format(cut), {**params, **span})))
    replaced = {**params}
    parts.append((-1, run(answered.format(f"{_REPLACED}{_where(f, replaced)}"), replaced)))
    counted: dict[tuple[str, int, str], list[Any]] = {}
    for sign, rows in parts:
        for form_id, version, item_id, text, count in rows:
            key = (str(form_id), int(version), str(item_id))
            held = counted.setdefault(key, [0, str(text)])
            held[0] += sign * int(count)
            held[1] = min(held[1], str(text))
    ranked = [(key, n, text) for key, (n, text) in counted.items() if n > 0]
    ranked.sort(key=lambda r: rank_failed(r[0], r[1], per_form.get(r[0][:2], 0)))
    return [
        failed_item(f, key, text, count, per_form.get(key[:2], 0))
        for key, count, text in ranked[:limit]
    ]


def _month_split(
    first: dt.date | None, last: dt.date | None
) -> tuple[tuple[str | None, str | None] | None, list[tuple[dt.date, dt.date]]]:
    """The range [first, last] as whole Jalali months ("1403-01" bounds, None: open; None when
    no whole month) and the days left over at either end."""
    start = first
    if first is not None and jalali_month_bounds(jalali_month(first))[0] != first:
        start = jalali_month_bounds(jalali_month(first))[1] + dt.timedelta(days=1)
    end = last
    if last is not None and jalali_month_bounds(jalali_month(last))[1] != last:
        end = jalali_month_bounds(jalali_month(last))[0] - dt.timedelta(days=1)
    if first and last and start and end and start > end:  # no whole month between them
        return None, [(first, last)]
    days = []
    if first is not None and start is not None and first < start:
        days.append((first, start - dt.timedelta(days=1)))
    if last is not None and end is not None and end < last:
        days.append((end + dt.timedelta(days=1), last))
    whole = (jalali_month(start) if start else None, jalali_month(end) if end else None)
    return whole, days


def overdue_from_last(
    last: Mapping[str, str],
    f: OverviewFilter,
    offices: Iterable[Mapping[str, Any]],
    *,
    days: int,
    as_of: dt.date,
    calendar: WorkCalendar = CALENDAR_DAYS,
) -> list[OverdueOffice]:
    """Active offices of the registry whose last visit (`last`: office code → ISO date) is
    older than `days` (counted on `calendar`, as the laptop counts them), or never."""
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
        day = dt.date.fromisoformat(visit) if visit else None
        # N working days never end before N calendar days: the cutoff let through every one.
        if day and not is_overdue(add_working_days(day, days, calendar), as_of, calendar):
            continue
        since = working_days_between(day, as_of, calendar) if day else None
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
    calendar: WorkCalendar = CALENDAR_DAYS,
) -> SummaryData:
    offices = registry_offices(registry)
    overview = compute_server_overview(run, f, offices=offices, as_of=as_of, calendar=calendar)
    coverage = coverage_from_offices(
        offices, population or population_file.parse(population_file.BUNDLED)
    )
    return SummaryData(overview, coverage, utc_now())
