"""The province overview in the console: the laptop's Overview figures over every inspector's
data (server/summary.py, the same as `/v1/summary` and `inspector-server summary`), with the
list's filters (county, office type, Jalali dates) and its summary PDF.

Every figure that the inspections list can reopen links to the list with the same filters
narrowed by the figure's own key (its `Drilldown`, written with the list's parameter names).
The list has no filter by failed item, so those rows link nowhere. The grade counts are the
list's own counts per grade, so each equals the list it opens.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from inspector_app.domain import vocabulary
from inspector_app.domain.jalali import jalali_date, tehran_today
from inspector_app.domain.persian import format_number
from inspector_app.domain.working_days import WorkCalendar
from inspector_app.figures.filters import Drilldown, OverviewFilter
from inspector_app.figures.summary_report import SummaryData, render_summary
from inspector_app.server.actions import open_actions
from inspector_app.server.console import inspections
from inspector_app.server.console.audit_log import record
from inspector_app.server.console.auth import Viewer
from inspector_app.server.console.deps import ConsoleDb, ConsoleSettings
from inspector_app.server.console.templating import render
from inspector_app.server.summary import province_summary

log = logging.getLogger("inspector_server")
router = APIRouter(include_in_schema=False)
LIST = "/console/inspections"
# The filters the overview takes, by the list's parameter names.
FILTER_PARAMS = ("county", "office_type", "from", "to")


def overview_filter(q: inspections.ListQuery) -> OverviewFilter:
    return OverviewFilter(q.date_from, q.date_to, q.county or None, q.office_type or None)


def parse(params: dict[str, str]) -> inspections.ListQuery:
    """The list's parsing and messages, for the overview's four filters only."""
    return inspections.parse({k: v for k, v in params.items() if k in FILTER_PARAMS})


def _jalali(iso: str | None) -> str:
    return jalali_date(iso, persian=False) if iso else ""


def query_string(drill: Drilldown, **extra: str) -> str:
    """The list's query parameters for a figure's filter (Jalali dates, as the list reads)."""
    fields = {
        "county": drill.county,
        "office_type": drill.office_type,
        "office": drill.office_code,
        "from": _jalali(drill.date_from),
        "to": _jalali(drill.date_to),
        **extra,
    }
    return urlencode({k: v for k, v in fields.items() if v})


def with_query(path: str, query: str) -> str:
    return f"{path}?{query}" if query else path


def list_link(drill: Drilldown, **extra: str) -> str:
    """The inspections list behind a figure."""
    return with_query(LIST, query_string(drill, **extra))


def grade_counts(engine: Engine, q: inspections.ListQuery) -> list[tuple[str, int]]:
    """Inspections per grade, best first, as the list counts them (one count query each)."""
    names: dict[str, str] = {}
    return [
        (grade, inspections.list_page(engine, replace(q, grade=grade, page_size=1), names).total)
        for grade in vocabulary.GRADE_LABELS
    ]


def _gather(engine: Engine, q: inspections.ListQuery, calendar: WorkCalendar) -> dict[str, Any]:
    f = overview_filter(q)
    data: SummaryData = province_summary(engine, f, calendar)
    return {
        "o": data.overview,
        "cov": data.coverage,
        "satisfaction": {s.key: s.mean_satisfaction for s in data.overview.satisfaction_by_county},
        "grades_count": grade_counts(engine, q),
        "choices": inspections.choices(engine),
        "actions": open_actions(engine, f, tehran_today(), calendar),
    }


@router.get("/console/overview", response_class=HTMLResponse)
async def overview_page(
    request: Request, _user: Viewer, engine: ConsoleDb, settings: ConsoleSettings
) -> Response:
    q = parse(dict(request.query_params))
    figures = await run_in_threadpool(_gather, engine, q, settings.calendar(tehran_today()))
    base = overview_filter(q).drill()
    return render(
        request,
        "overview.html",
        q=q,
        date_from=jalali_date(q.date_from) if q.date_from else "",
        date_to=jalali_date(q.date_to) if q.date_to else "",
        office_types=vocabulary.OFFICE_TYPES,
        type_headings=vocabulary.OFFICE_TYPE_HEADINGS,
        grades=vocabulary.GRADE_LABELS,
        weak_below=vocabulary.WEAK_BELOW,
        num=format_number,
        link=list_link,
        all_link=list_link(base),
        grade_link=lambda grade: list_link(base, grade=grade),
        county_link=lambda county: list_link(replace(base, county=county)),
        office_link=lambda code: list_link(replace(base, office_code=code)),
        pdf_link=with_query("/console/overview/summary.pdf", query_string(base)),
        day_unit="روز کاری" if figures["o"].overdue_working_days else "روز",
        **figures,
    )


@router.get("/console/overview/summary.pdf")
async def summary_pdf(
    request: Request, user: Viewer, engine: ConsoleDb, settings: ConsoleSettings
) -> Response:
    q = parse(dict(request.query_params))
    if q.errors:
        return Response("؛ ".join(q.errors), status_code=422, media_type="text/plain")
    f = overview_filter(q)
    calendar = settings.calendar(tehran_today())
    data = await run_in_threadpool(province_summary, engine, f, calendar)
    pdf = await run_in_threadpool(render_summary, data)
    await run_in_threadpool(
        record, engine, user, "export", "summary.pdf", dict(request.query_params)
    )
    log.info("summary PDF by console user %s", user.username)
    name = f"bazres-summary-{tehran_today():%Y%m%d}.pdf"
    return Response(
        pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )
