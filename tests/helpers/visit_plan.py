"""A visit plan as the governorate's server would send it, kept on a laptop for tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from inspector_app.domain.jalali import utc_now_iso
from inspector_app.domain.visit_plan import VisitAssignment, document
from inspector_app.services.my_visits import today
from inspector_app.services.sync import visits


def assignment(
    ident: str,
    office_code: str,
    due_in_days: int,
    personnel_no: str,
    *,
    from_day: dt.date | None = None,
    **extra: Any,
) -> VisitAssignment:
    """An assignment made now, due `due_in_days` from `from_day` or today (negative: already
    past)."""
    return VisitAssignment(
        id=ident,
        office_code=office_code,
        personnel_no=personnel_no,
        due_date=((from_day or today()) + dt.timedelta(days=due_in_days)).isoformat(),
        assigned_at=utc_now_iso(),
        assigned_by="سرپرست استان",
        **extra,
    )


def keep_plan(db: Any, plan: list[VisitAssignment]) -> int:
    """Keep `plan` as the last sync would (mine only); how many were kept."""
    as_of = utc_now_iso()
    return visits.take(db, document(plan, as_of), as_of)


def seed_plan(db: Any) -> int:
    """A plan of four of the registry's offices for this laptop's inspector: one past its due
    date, one due today, two later (one with a long note)."""
    from inspector_app.storage import offices

    mine = visits.own_number(db)
    codes = [o["code"] for o in offices.list_offices(db, status="active")[-4:]]
    note = "شکایت سه شهروند از نوبت‌دهی؛ بررسی رعایت منشور حقوق شهروندی در نوبت‌دهی و پاسخ‌گویی"
    days = (-3, 0, 7, 21)
    return keep_plan(
        db,
        [
            assignment(f"seed-{n}", code, due, mine, note=note if n == 2 else "")
            for n, (code, due) in enumerate(zip(codes, days, strict=True))
        ],
    )
