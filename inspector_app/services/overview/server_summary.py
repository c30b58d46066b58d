"""The province summary from the governorate server's data: figures, coverage, the PDF.

The server calls these with a SQLAlchemy connection and the registry it publishes:

    with state.engine.connect() as conn:
        data = server_summary(sqlalchemy_runner(conn), f, registry=publish.registry(engine)[0])
    data.to_json()  /  render_summary(data)
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from inspector_app.domain.jalali import utc_now
from inspector_app.services.overview import population as population_file
from inspector_app.services.overview.coverage import coverage_from_offices
from inspector_app.services.overview.filters import OverviewFilter
from inspector_app.services.overview.queries import Runner
from inspector_app.services.overview.server_aggregates import compute_server_overview
from inspector_app.services.overview.summary_report import SummaryData


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


def summary_json(data: SummaryData) -> dict[str, Any]:
    return {**data.overview.to_dict(), "coverage": data.coverage.to_dict()}
