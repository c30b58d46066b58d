"""The office registry as the desktop UI reads it: the offices and the counties they are in."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from inspector_app.domain.jalali import to_tehran, utc_now
from inspector_app.storage import followups, offices


def list_offices(
    db: Database,
    *,
    office_type: str | None = None,
    county: str | None = None,
    status: str | None = None,
    today: dt.date | None = None,
) -> list[dict[str, Any]]:
    """The offices, filtered, with their last inspection date and score, and how many of
    their open findings are past their deadline (`overdue_actions`) on `today` (Tehran's date
    by default)."""
    day = (today or to_tehran(utc_now()).date()).isoformat()
    late = followups.overdue_by_office(db, day)
    return [
        {**row, "overdue_actions": late.get(row["code"], 0)}
        for row in offices.list_offices(db, office_type=office_type, county=county, status=status)
    ]


def counties(db: Database) -> list[str]:
    return offices.counties(db)
