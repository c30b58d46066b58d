"""The console in the app: its static files (font, style sheet), its pages (one router per
route module, listed here) and how its refusals are answered: a page GET without a session
goes to the login page, other requests get 401; a role too low or a bad CSRF token gets 403,
as a Persian page for a browser."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from inspector_app.server.console import (
    routes_audit,
    routes_auth,
    routes_conflicts,
    routes_devices,
    routes_exports,
    routes_inspections,
    routes_overview,
    routes_publishing,
    routes_visits,
)
from inspector_app.server.console.auth import Forbidden, LoginRequired, login_url
from inspector_app.server.console.templating import render

STATIC = Path(__file__).parent / "static"
ROUTE_MODULES = (
    routes_auth,
    routes_inspections,
    routes_overview,
    routes_visits,
    routes_conflicts,
    routes_exports,
    routes_devices,
    routes_audit,
    routes_publishing,
)


def _wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


async def _login_required(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, LoginRequired)
    if request.method in ("GET", "HEAD"):
        return RedirectResponse(login_url(exc.next_url), status_code=303)
    return JSONResponse({"detail": "sign in to the console first"}, status_code=401)


async def _forbidden(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Forbidden)
    if _wants_html(request):
        return render(request, "forbidden.html", status_code=403, message=exc.message)
    return JSONResponse({"detail": exc.message}, status_code=403)


def install_console(app: FastAPI) -> None:
    app.mount("/console/static", StaticFiles(directory=STATIC), name="console-static")
    for module in ROUTE_MODULES:
        app.include_router(module.router)
    app.add_exception_handler(LoginRequired, _login_required)
    app.add_exception_handler(Forbidden, _forbidden)
