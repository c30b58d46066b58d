"""Who is asking: the console user of the session cookie, and the role a page needs.

`require(role)` is the one gate: a page GET without a session is sent to the login page (and
back afterwards), any other request without one gets 401, a user whose role is below the one
asked gets 403 (and the attempt goes into the audit log). Roles are ranked admin > supervisor
> viewer. Only the session cookie counts: a device token (Authorization: Bearer) is not a
session and opens nothing here. `csrf_checked` guards every POST: the form's `csrf_token`
field (or an `X-CSRF-Token` header) must be the session's token, or on the login form the
token of the login cookie.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Request

from inspector_app.server.console import sessions
from inspector_app.server.console.audit_log import record
from inspector_app.server.console.deps import ConsoleDb
from inspector_app.server.console.users import ROLES, ConsoleUser, Role

__all__ = [
    "ROLES",
    "Admin",
    "ConsoleUser",
    "CsrfChecked",
    "Forbidden",
    "LoginRequired",
    "Role",
    "Supervisor",
    "Viewer",
    "csrf_checked",
    "require",
]

LOGIN_PATH = "/console/login"


class LoginRequired(Exception):
    """No valid session: a page GET goes to the login page, anything else gets 401."""

    def __init__(self, next_url: str) -> None:
        super().__init__(next_url)
        self.next_url = next_url


class Forbidden(Exception):
    """A signed-in user below the role asked, or a POST whose CSRF token is missing or wrong."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def login_url(next_url: str) -> str:
    return f"{LOGIN_PATH}?next={quote(next_url, safe='/')}"


def safe_next(next_url: str | None) -> str:
    """Where to go after signing in: a console path only (no other site, no `//host`)."""
    next_url = next_url or ""
    inside = next_url == "/console" or next_url.startswith("/console/")
    if inside and not any(ch in next_url for ch in "\\\r\n"):
        return next_url
    return "/console/"


def session_user(request: Request, engine: ConsoleDb) -> ConsoleUser | None:
    """The user of a valid session cookie, or None; remembered on the request for the page."""
    session = sessions.lookup(engine, request.cookies.get(sessions.SESSION_COOKIE, ""))
    if session is None:
        return None
    request.state.console_user = session.user
    request.state.csrf_token = session.csrf_token
    return session.user


def require(role: Role) -> Callable[[Request, ConsoleDb], ConsoleUser]:
    """A dependency giving the signed-in user if their role is at least `role`."""

    def dependency(request: Request, engine: ConsoleDb) -> ConsoleUser:
        user = session_user(request, engine)
        if user is None:
            path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            raise LoginRequired(path)
        if not user.has(role):
            record(
                engine,
                user,
                "denied",
                request.url.path,
                {"method": request.method, "needs": role},
            )
            raise Forbidden("این کار برای نقش شما مجاز نیست.")
        return user

    return dependency


Viewer = Annotated[ConsoleUser, Depends(require("viewer"))]
Supervisor = Annotated[ConsoleUser, Depends(require("supervisor"))]
Admin = Annotated[ConsoleUser, Depends(require("admin"))]


async def csrf_checked(request: Request) -> None:
    """Refuse (403) a request whose CSRF token is not the expected one; nothing has run yet.
    Put it after the `require` dependency, which loads the session's token."""
    expected = getattr(request.state, "csrf_token", "") or request.cookies.get(
        sessions.LOGIN_CSRF_COOKIE, ""
    )
    given = request.headers.get("x-csrf-token", "")
    if not given:
        form = await request.form()
        value = form.get("csrf_token")
        given = value if isinstance(value, str) else ""
    if not expected or not given or not secrets.compare_digest(expected, given):
        raise Forbidden("برگهٔ امنیتی فرم نامعتبر است؛ صفحه را دوباره باز کنید.")


CsrfChecked = Annotated[None, Depends(csrf_checked)]
