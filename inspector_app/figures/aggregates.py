"""The overview computed in SQL over the laptop's tables (inspections, answers, offices, form
snapshots), through a `Runner`; the server's tables have their own SQL in server/figures.py.

Which inspections count: finalized and synced ones (drafts on request), and a correction
instead of the inspection it replaces. Two ordered passes over covering indexes (per office,
per visit date) are folded by `overview.assemble`. The most-failed items read each
inspection's failed item ids, kept on its row (`storage.inspections.store_score`); overdue
offices are one index seek per office and status. `inspections_behind` lists the
inspections a figure's `Drilldown` counts.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from inspector_app.domain.item_types import TYPES
from inspector_app.domain.jalali import tehran_today
from inspector_app.domain.working_days import (
    CALENDAR_DAYS,
    WorkCalendar,
    add_working_days,
    is_overdue,
    working_days_between,
)
from inspector_app.figures.filters import Drilldown, OverviewFilter
from inspector_app.figures.overview import (
    DEFAULT_OVERDUE_DAYS,
    TOP_ITEMS,
    FailedItem,
    Figures,
    OverdueOffice,
    Overview,
    assemble,
    failed_item,
    rank_failed,
)
from inspector_app.figures.queries import Runner, in_list

_FIGURES = """COUNT(*), COUNT(i.score), SUM(i.score),
           SUM(CASE WHEN i.critical_failed > 0 THEN 1 ELSE 0 END),
           COUNT(i.satisfaction), SUM(i.satisfaction)"""


def _replaced_ids(statuses: tuple[str, ...], params: dict[str, Any]) -> str:
    """A subquery: ids of inspections that a counted inspection replaces (a correction)."""
    counted = in_list("rstatus", statuses, params)
    return (
        "SELECT r.replaces FROM inspections r "
        # `+`: found through the small partial index on `replaces`, never by scanning status.
        f"WHERE r.replaces IS NOT NULL AND +r.status IN {counted}"
    )


def _negate(figures: Iterable[Any]) -> Figures:
    return tuple(-(value or 0) for value in figures)


def _offices(run: Runner) -> dict[str, tuple[str, str]]:
    """Every office's county and type (a few hundred rows at most)."""
    return {
        str(code): (str(county), str(office_type))
        for code, county, office_type in run("SELECT code, county, type FROM offices", {})
    }


def _inspection_where(
    f: OverviewFilter, offices: Mapping[str, tuple[str, str]], params: dict[str, Any]
) -> str | None:
    """The WHERE clause on inspections alone: the county and type filters become the list of
    matching office codes (the registry is small), so no query joins offices row by row.
    None when no office matches."""
    clauses = [f"i.status IN {in_list('status', f.statuses, params)}"]
    if f.date_from:
        clauses.append("i.visit_date >= :date_from")
        params["date_from"] = f.date_from.isoformat()
    if f.date_to:
        clauses.append("i.visit_date <= :date_to")
        params["date_to"] = f.date_to.isoformat()
    if f.county or f.office_type:
        codes = [
            code
            for code, (county, office_type) in offices.items()
            if f.county in (None, county) and f.office_type in (None, office_type)
        ]
        if not codes:
            return None
        clauses.append(f"i.office_code IN {in_list('office', codes, params)}")
    return " AND ".join(clauses)


def compute_overview(
    run: Runner,
    f: OverviewFilter | None = None,
    *,
    overdue_days: int = DEFAULT_OVERDUE_DAYS,
    calendar: WorkCalendar = CALENDAR_DAYS,
    as_of: dt.date | None = None,
    top_items: int = TOP_ITEMS,
    with_items: bool = True,
) -> Overview:
    """Every figure of the overview for the inspections `f` selects. The most-failed items
    read every failed answer (the slow part on a large database): `with_items=False` leaves
    them out, for a first paint, and `failed_items()` computes them on their own.

    Two ordered passes over covering indexes, neither sorting nor joining: figures per office
    (index office_code, status, ...) folded into counties, types and the province, and figures
    per visit date (index status, visit_date, ...) folded into Jalali months."""
    f = f or OverviewFilter()
    as_of = as_of or tehran_today()
    offices = _offices(run)
    params: dict[str, Any] = {}
    where = _inspection_where(f, offices, params)
    per_office: list[Any] = []
    per_day: list[Any] = []
    if where is not None:
        per_office = run(
            f"SELECT i.office_code, {_FIGURES} FROM inspections i WHERE {where} "
            "GROUP BY i.office_code",
            params,
        )
        per_day = run(
            f"SELECT i.visit_date, {_FIGURES} FROM inspections i WHERE {where} "
            "GROUP BY i.status, i.visit_date",
            params,
        )

        # A corrected inspection counts once: the ones a counted correction replaces are
        # taken off again (they are few; the index on `replaces` finds them).
        replaced = run(
            f"SELECT i.office_code, i.visit_date, {_FIGURES} FROM inspections i "
            f"WHERE {where} AND i.id IN ({_replaced_ids(f.statuses, params)}) "
            "GROUP BY i.office_code, i.visit_date",
            params,
        )
        per_office = [*per_office, *((code, *_negate(fig)) for code, _, *fig in replaced)]
        per_day = [*per_day, *((day, *_negate(fig)) for _, day, *fig in replaced)]
    groups = [
        (*offices.get(str(code), ("?", "?")), tuple(figures)) for code, *figures in per_office
    ]
    visits: dict[str, int] = defaultdict(int)
    for code, count, *_ in per_office:
        visits[str(code)] += int(count)
    return assemble(
        f,
        groups,
        [(str(day), tuple(figures)) for day, *figures in per_day],
        offices_inspected=sum(1 for n in visits.values() if n > 0),
        failed=failed_items(run, f, limit=top_items) if with_items else [],
        overdue=overdue_offices(run, f, days=overdue_days, as_of=as_of, calendar=calendar),
        overdue_days=overdue_days,
        as_of=as_of,
        overdue_working_days=calendar != CALENDAR_DAYS,
    )


def _last_visit_sql(statuses: tuple[str, ...], params: dict[str, Any]) -> str:
    """The office's latest visit in any of `statuses`: one index seek per status (index
    office_code, status, visit_date), in portable SQL."""
    parts = []
    for index, status in enumerate(statuses):
        params[f"ls{index}"] = status
        parts.append(
            "SELECT MAX(i.visit_date) AS v FROM inspections i "
            f"WHERE i.office_code = o.code AND i.status = :ls{index}"
        )
    return f"(SELECT MAX(v) FROM ({' UNION ALL '.join(parts)}) last_visits)"


def _active_office_where(f: OverviewFilter, params: dict[str, Any]) -> str:
    clauses = ["o.status = 'active'"]
    if f.county:
        clauses.append("o.county = :county")
        params["county"] = f.county
    if f.office_type:
        clauses.append("o.type = :office_type")
        params["office_type"] = f.office_type
    return " AND ".join(clauses)


def failed_items(run: Runner, f: OverviewFilter, *, limit: int = TOP_ITEMS) -> list[FailedItem]:
    """Yes/no checklist items answered «no» most often, with their text from the form snapshot.

    Per form and version: forms share item ids («fees_match_tariff» is in all three) and a
    new version may give an id another question, so each figure is out of the inspections
    filled with that one form version (at most 100%). One pass over the selected inspections
    in the covering index, which holds each one's failed items; texts come from one snapshot
    per form version afterwards."""
    offices = _offices(run)
    params: dict[str, Any] = {}
    where = _inspection_where(f, offices, params)
    if where is None:
        return []
    where += f" AND i.id NOT IN ({_replaced_ids(f.statuses, params)})"
    # Per form version: how many inspections, one of them (for the snapshot's texts) and all
    # their failed item ids (kept on each row as its answers change; ids are [a-z0-9_]+)
    # joined, counted here. Counting every failed answer in SQL sorts them all (100,000
    # inspections: 1.5 s); one row per inspection costs a Python tuple each (400 ms); this
    # reads the covering index once (250 ms). group_concat: the laptop's database is SQLite.
    failed: dict[tuple[str, int], Counter[str]] = {}
    forms: dict[tuple[str, int], tuple[int, str]] = {}
    for form_id, version, count, sample, items in run(
        "SELECT i.form_id, i.form_version, count(*), max(i.id), "
        "group_concat(nullif(i.failed_item_ids, ''), ' ') FROM inspections i "
        f"WHERE {where} GROUP BY i.form_id, i.form_version",
        params,
    ):
        form = (str(form_id), int(version))
        forms[form] = (int(count), str(sample))
        failed[form] = Counter(str(items).split(" ")) if items else Counter()
    failures = sorted(
        (form_id, version, item_id, count)
        for (form_id, version), items in failed.items()
        for item_id, count in items.items()
    )
    snapshots = _snapshots(run, {sample for _, sample in forms.values()})
    ranked = []
    for form_id, version, item_id, count in failures:
        out_of, sample = forms[(str(form_id), int(version))]
        item = snapshots.get(sample, {}).get(str(item_id))
        if item is not None and not _yes_no(item):
            continue  # an option id «no» of a choice item is not a failure
        text = str(item.get("text", item_id)) if item is not None else str(item_id)
        ranked.append(((str(form_id), int(version), str(item_id)), int(count), out_of, text))
    ranked.sort(key=lambda r: rank_failed(r[0], r[1], r[2]))
    return [failed_item(f, key, text, count, out_of) for key, count, out_of, text in ranked[:limit]]


def _yes_no(item: dict[str, Any]) -> bool:
    kind = TYPES.get(str(item.get("type")))
    return kind is not None and kind.yes_no


def _snapshots(run: Runner, ids: Iterable[str]) -> dict[str, dict[str, dict[str, Any]]]:
    """Items (by id) of the form snapshots of the given inspections."""
    ids = sorted(ids)
    if not ids:
        return {}
    params: dict[str, Any] = {}
    rows = run(
        "SELECT i.id, f.document FROM inspections i "
        "JOIN form_snapshots f ON f.sha256 = i.form_sha256 "
        f"WHERE i.id IN {in_list('id', ids, params)}",
        params,
    )
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for inspection_id, snapshot in rows:
        document = json.loads(snapshot) if isinstance(snapshot, str) else snapshot
        out[str(inspection_id)] = {
            str(item["id"]): item
            for section in document.get("sections", [])
            for item in section.get("items", [])
        }
    return out


def overdue_offices(
    run: Runner,
    f: OverviewFilter,
    *,
    days: int,
    as_of: dt.date,
    calendar: WorkCalendar = CALENDAR_DAYS,
) -> list[OverdueOffice]:
    """Active offices with no counted inspection in the `days` before `as_of` (never-visited
    first, then the longest waiting), the days counted on `calendar`. The county and type
    filters apply; the date range does not."""
    params: dict[str, Any] = {"cutoff": (as_of - dt.timedelta(days=days)).isoformat()}
    last = _last_visit_sql(f.statuses, params)
    rows = run(
        f"""
        SELECT code, name, type, county, city, last_visit FROM (
            SELECT o.code, o.name, o.type, o.county, o.city, {last} AS last_visit
            FROM offices o WHERE {_active_office_where(f, params)}
        ) visits
        WHERE last_visit IS NULL OR last_visit < :cutoff
        """,
        params,
    )
    out = []
    for code, name, office_type, county, city, last in rows:
        last_text = str(last)[:10] if last is not None else None
        last_day = dt.date.fromisoformat(last_text) if last_text else None
        # N working days never end before N calendar days: the cutoff's rows hold every one.
        if last_day and not is_overdue(add_working_days(last_day, days, calendar), as_of, calendar):
            continue
        since = working_days_between(last_day, as_of, calendar) if last_day else None
        drill = Drilldown(statuses=f.statuses, office_code=code)
        out.append(OverdueOffice(code, name, office_type, county, city, last_text, since, drill))
    out.sort(key=lambda o: (o.days_since is not None, -(o.days_since or 0), o.county, o.code))
    return out


def inspections_behind(run: Runner, drill: Drilldown, *, limit: int = 1000) -> list[dict[str, Any]]:
    """The inspections a figure counts (newest first), for a click-through list."""
    params: dict[str, Any] = {}
    clauses = [
        f"i.status IN {in_list('status', drill.statuses, params)}",
        f"i.id NOT IN ({_replaced_ids(drill.statuses, params)})",
    ]
    for clause, key, value in (
        ("i.visit_date >= :date_from", "date_from", drill.date_from),
        ("i.visit_date <= :date_to", "date_to", drill.date_to),
        ("o.county = :county", "county", drill.county),
        ("o.type = :office_type", "office_type", drill.office_type),
        ("i.office_code = :office_code", "office_code", drill.office_code),
        ("i.form_id = :form_id", "form_id", drill.form_id),
        ("i.form_version = :form_version", "form_version", drill.form_version),
    ):
        if value:
            clauses.append(clause)
            params[key] = value
    if drill.failed_item:
        clauses.append(
            "EXISTS (SELECT 1 FROM answers a WHERE a.inspection_id = i.id "
            "AND a.item_id = :item AND a.value = '\"no\"' AND a.repeat_index = 0)"
        )
        params["item"] = drill.failed_item
    params["limit"] = int(limit)
    columns = (
        "id", "office_code", "office_name", "office_type", "county", "status",
        "visit_date", "score", "grade",
    )  # fmt: skip
    rows = run(
        f"""
        SELECT i.id, i.office_code, o.name, o.type, o.county, i.status, i.visit_date,
               i.score, i.grade
        FROM inspections i JOIN offices o ON o.code = i.office_code
        WHERE {" AND ".join(clauses)}
        ORDER BY i.visit_date DESC, i.id
        LIMIT :limit
        """,
        params,
    )
    return [dict(zip(columns, r, strict=True)) for r in rows]
