"""`GET /v1/summary`: the province overview of every inspector's data, computed in SQL.

It is for console users (a later step); a laptop's device token is refused with 403, and the
governorate reads the same figures with `inspector-server summary`."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from inspector_app.domain.jalali import tehran_today
from inspector_app.figures.filters import OverviewFilter
from inspector_app.server.api.deps import ConsoleUser, DatabaseDep, SettingsDep
from inspector_app.server.api.models import AUTH_ERRORS, Problem
from inspector_app.server.summary import province_summary, summary_json

# A Jalali day as `1403-01-31`; whether it exists in the calendar is checked by the handler.
JALALI_DAY = r"^1[34][0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"

router = APIRouter(tags=["overview"])


@router.get(
    "/v1/summary",
    responses={
        200: {"content": {"application/json": {"schema": {"type": "object"}}}},
        403: {"model": Problem, "description": "a device token: not for province-wide data"},
        422: {"model": Problem, "description": "a bad Jalali date, range or office type"},
        **AUTH_ERRORS,
    },
)
def get_summary(
    _user: ConsoleUser,
    engine: DatabaseDep,
    settings: SettingsDep,
    date_from: Annotated[str | None, Query(alias="from", pattern=JALALI_DAY)] = None,
    date_to: Annotated[str | None, Query(alias="to", pattern=JALALI_DAY)] = None,
    county: Annotated[str | None, Query(max_length=60)] = None,
    office_type: Annotated[
        Literal["pishkhan", "police10", "brokerage"] | None, Query(alias="type")
    ] = None,
) -> JSONResponse:
    """The province overview of every inspector's data (Jalali `from`/`to`, inclusive)."""
    try:
        f = OverviewFilter.from_jalali(date_from, date_to, county, office_type)
    except ValueError as exc:
        return JSONResponse({"detail": str(exc)}, status_code=422)
    calendar = settings.calendar(tehran_today())
    return JSONResponse(summary_json(province_summary(engine, f, calendar), f))
