"""Small builders for core tests."""

from __future__ import annotations

from inspector_app.services.context import AppContext
from inspector_app.services.workflow import start_inspection
from inspector_app.storage import offices


def first_office(context: AppContext, office_type: str = "pishkhan") -> str:
    return next(
        r["code"]
        for r in offices.list_offices(context.db, office_type=office_type, status="active")
    )


def new_draft(context: AppContext, office_type: str = "pishkhan") -> str:
    return start_inspection(context, first_office(context, office_type))
