"""The Overview page's work beyond the dashboard, each on its own connection (a worker thread):
the inspections behind a figure, and the province summary PDF for a filter."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from inspector_app.figures import summary_report
from inspector_app.figures.aggregates import inspections_behind
from inspector_app.figures.filters import Drilldown, OverviewFilter
from inspector_app.figures.queries import sqlite_runner
from inspector_app.services.overview.local import summary_of
from inspector_app.storage.db import open_database

BEHIND_LIMIT = 500


def inspections_behind_figure(path: Path, drill: Drilldown) -> list[dict[str, Any]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10.0)
    try:
        return inspections_behind(sqlite_runner(conn), drill, limit=BEHIND_LIMIT)
    finally:
        conn.close()


def write_summary_pdf(path: Path, f: OverviewFilter, out: Path) -> Path:
    """The province summary of `f` (which must name both dates) written to `out`."""
    db = open_database(path)
    try:
        assert f.date_from is not None and f.date_to is not None
        data = summary_of(
            db,
            f.date_from,
            f.date_to,
            county=f.county,
            office_type=f.office_type,
            include_drafts=f.include_drafts,
        )
        out.write_bytes(summary_report.render_summary(data))
    finally:
        db.close()
    return out
