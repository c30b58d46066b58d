"""Signing in and out of the console.

The login form carries a CSRF token from a cookie of its own; a login refused for a wrong
name or password says only that (never which of the two), and is throttled (throttle.py).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from inspector_app.domain.persian import to_persian_digits
from inspector_app.server.console import sessions, throttle
from inspector_app.server.console.audit_log import record
from inspector_app.server.console.auth import (
    CsrfChecked,
    Viewer,
    safe_next,
    session_user,
)
from inspector_app.server.console.deps import ConsoleDb
from inspector_app.server.console.templating import render
from inspector_app.server.console.users import normalize_username, verify_login

router = APIRouter(include_in_schema=False)


def _client(request: Request) -> str:
    return request.client.host if request.client else ""


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def _login_page(
    request: Request, next_url: str, error: str = "", status_code: int = 200, username: str = ""
) -> Response:
    token = request.cookies.get(sessions.LOGIN_CSRF_COOKIE) or sessions.new_token()
    request.state.csrf_token = token
    page = render(
        request,
        "login.html",
        status_code=status_code,
        next_url=next_url,
        error=error,
        username=username,
    )
    page.set_cookie(
        sessions.LOGIN_CSRF_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=_secure(request),
        path="/console/login",
    )
    return page


@router.get("/console/login")
def login_form(request: Request, engine: ConsoleDb, next: str = "") -> Response:
    if session_user(request, engine) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    request.state.console_user = None
    return _login_page(request, safe_next(next))


@router.post("/console/login")
def login(
    request: Request,
    engine: ConsoleDb,
    _csrf: CsrfChecked,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    next: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    name = normalize_username(username)
    names = throttle.keys(name, _client(request))
    locked = throttle.locked_for(engine, names)
    if locked is not None:
        record(engine, None, "login_throttled", name, {"address": _client(request)})
        minutes = to_persian_digits(max(1, round(locked.total_seconds() / 60 + 0.49)))
        return _login_page(
            request,
            safe_next(next),
            f"تلاش‌های ناموفق زیاد بود؛ {minutes} دقیقهٔ دیگر دوباره امتحان کنید.",
            429,
            name,
        )
    user = verify_login(engine, name, password)
    if user is None:
        throttle.failed(engine, names)
        record(engine, None, "login_failed", name, {"address": _client(request)})
        return _login_page(request, safe_next(next), "نام کاربری یا گذرواژه درست نیست.", 401, name)
    throttle.succeeded(engine, names[0])
    sessions.purge_expired(engine)
    session_id = sessions.start(engine, user)
    record(engine, user, "login", user.username, {"address": _client(request)})
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(
        sessions.SESSION_COOKIE,
        session_id,
        httponly=True,
        samesite="strict",
        secure=_secure(request),
        path="/console",
    )
    response.delete_cookie(sessions.LOGIN_CSRF_COOKIE, path="/console/login")
    return response


@router.post("/console/logout")
def logout(request: Request, engine: ConsoleDb, user: Viewer, _csrf: CsrfChecked) -> Response:
    sessions.end(engine, request.cookies.get(sessions.SESSION_COOKIE, ""))
    record(engine, user, "logout", user.username)
    response = RedirectResponse("/console/login", status_code=303)
    response.delete_cookie(sessions.SESSION_COOKIE, path="/console")
    return response


@router.get("/console")
@router.get("/console/")
def home(_user: Viewer) -> Response:
    return RedirectResponse("/console/inspections", status_code=303)
