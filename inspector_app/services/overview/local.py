"""The province figures of the laptop's own database: the overview with its overdue setting,
and everything the summary PDF prints (with the population file the laptop uses)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlite_utils import Database

from inspector_app.domain.jalali import utc_now
from inspector_app.figures.aggregates import compute_overview
from inspector_app.figures.coverage import compute_coverage
from inspector_app.figures.filters import OverviewFilter
from inspector_app.figures.overview import DEFAULT_OVERDUE_DAYS, Overview
from inspector_app.figures.queries import sqlite_runner
from inspector_app.services.overview import population
from inspector_app.services.working_calendar import calendar_of
from inspector_app.storage import settings

if TYPE_CHECKING:  # reportlab, which the PDF module loads, is for the summary alone
    from inspector_app.figures.summary_report import SummaryData

OVERDUE_SETTING = "overview.overdue_days"


def overdue_days_of(db: Database) -> int:
    """The `overview.overdue_days` setting (default 90); a bad value falls back to the default."""
    text = settings.get(db, OVERDUE_SETTING)
    try:
        days = int(text) if text is not None else DEFAULT_OVERDUE_DAYS
    except ValueError:
        return DEFAULT_OVERDUE_DAYS
    return days if days > 0 else DEFAULT_OVERDUE_DAYS


def overview_of(
    db: Database,
    f: OverviewFilter | None = None,
    *,
    as_of: dt.date | None = None,
    with_items: bool = True,
) -> Overview:
    """The overview of the app's own database, with its overdue setting."""
    return compute_overview(
        sqlite_runner(db),
        f,
        overdue_days=overdue_days_of(db),
        as_of=as_of,
        with_items=with_items,
        calendar=calendar_of(db, as_of),
    )


def summary_of(
    db: Database,
    date_from: dt.date,
    date_to: dt.date,
    *,
    county: str | None = None,
    office_type: str | None = None,
    include_drafts: bool = False,
    as_of: dt.date | None = None,
) -> SummaryData:
    """Everything the summary prints, from the app's database."""
    from inspector_app.figures.summary_report import SummaryData

    f = OverviewFilter(date_from, date_to, county, office_type, include_drafts)
    overview = overview_of(db, f, as_of=as_of)
    coverage = compute_coverage(sqlite_runner(db), population.current(db))
    return SummaryData(overview, coverage, utc_now())
