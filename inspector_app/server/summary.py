"""The province summary over every inspector's data held by the server.

One function serves both the `/v1/summary` endpoint and `inspector-server summary`: the
figures are computed in SQL on the server's own database (SQLite or PostgreSQL).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from inspector_app.domain.working_days import CALENDAR_DAYS, WorkCalendar
from inspector_app.figures.filters import OverviewFilter
from inspector_app.figures.queries import sqlalchemy_runner
from inspector_app.figures.summary_report import SummaryData
from inspector_app.server import publish
from inspector_app.server.figures import server_summary


def province_summary(
    engine: Engine, f: OverviewFilter, calendar: WorkCalendar = CALENDAR_DAYS
) -> SummaryData:
    """The province figures, overdue counted on `calendar` (Settings.calendar)."""
    registry = publish.registry(engine)
    with engine.connect() as conn:
        return server_summary(
            sqlalchemy_runner(conn),
            f,
            registry=registry[0] if registry else None,
            calendar=calendar,
        )


def summary_json(data: SummaryData, f: OverviewFilter) -> dict[str, Any]:
    return {
        "filter": f.describe(),
        "generated_at": data.generated_at.isoformat(),
        "overview": data.overview.to_dict(),
        "coverage": data.coverage.to_dict(),
    }
