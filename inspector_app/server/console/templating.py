"""The console's pages: one Jinja2 environment (templates from this package, autoescaped) and
`render`, which gives every page the signed-in user, the CSRF token for its forms and the
navigation the user's role may see. Numbers and dates are shown with the same formatters as
the desktop app (domain/persian.py, domain/jalali.py), as Jinja filters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from inspector_app.domain.jalali import jalali_date, jalali_datetime
from inspector_app.domain.persian import NO_VALUE, to_persian_digits
from inspector_app.server.console.users import ConsoleUser, Role


@dataclass(frozen=True)
class NavItem:
    path: str
    label: str
    role: Role


NAVIGATION: tuple[NavItem, ...] = (
    NavItem("/console/inspections", "بازرسی‌ها", "viewer"),
    NavItem("/console/visits", "برنامهٔ بازدید", "viewer"),
    NavItem("/console/conflicts", "تعارض‌ها", "supervisor"),
    NavItem("/console/devices", "دستگاه‌ها", "admin"),
    NavItem("/console/overview", "نمای کلی استان", "viewer"),
    NavItem("/console/publishing", "انتشار", "admin"),
    NavItem("/console/exports", "خروجی‌ها", "supervisor"),
    NavItem("/console/audit", "گزارش رویدادها", "admin"),
)


def fa_digits(value: object) -> str:
    """Persian digits; «—» for None."""
    return NO_VALUE if value is None else to_persian_digits(value)


def _jalali_date(value: dt.datetime | dt.date | str | None) -> str:
    return jalali_date(value)


def _jalali_datetime(value: dt.datetime | str | None) -> str:
    return NO_VALUE if value is None or value == "" else jalali_datetime(value)


environment = Environment(
    loader=PackageLoader("inspector_app.server.console", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,  # a misspelt name fails the page, never shows as empty
    trim_blocks=True,
    lstrip_blocks=True,
)
environment.filters["fa_digits"] = fa_digits
environment.filters["jalali_date"] = _jalali_date
environment.filters["jalali_datetime"] = _jalali_datetime


def navigation(user: ConsoleUser | None, current: str) -> list[dict[str, Any]]:
    if user is None:
        return []
    return [
        {"path": item.path, "label": item.label, "current": current.startswith(item.path)}
        for item in NAVIGATION
        if user.has(item.role)
    ]


def render(request: Request, name: str, *, status_code: int = 200, **context: Any) -> HTMLResponse:
    """The template `name` as a page; `user`, `csrf_token` and `nav` come from the request
    (set by `auth.require`, or by the login page for its own token)."""
    user: ConsoleUser | None = getattr(request.state, "console_user", None)
    page = environment.get_template(name).render(
        request=request,
        user=user,
        csrf_token=getattr(request.state, "csrf_token", ""),
        nav=navigation(user, request.url.path),
        **context,
    )
    return HTMLResponse(
        page,
        status_code=status_code,
        headers={
            # No scripts or styles from anywhere else, nothing framed, nothing cached.
            "Content-Security-Policy": "default-src 'self'; frame-ancestors 'self'; "
            "object-src 'self'; base-uri 'none'; form-action 'self'",
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "same-origin",
            "Cache-Control": "no-store",
        },
    )
