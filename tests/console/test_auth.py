"""Console sign-in and roles, in-process (FastAPI's TestClient) on a fresh SQLite data folder:
users made with the real `inspector-server user` commands, a device enrolled with a real
laptop's CSR through `POST /v1/enrol`. Each attack (no or a forged CSRF token, a viewer
revoking, a device token on console pages, guessing passwords, a logged-out cookie replayed)
must change nothing."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from argon2 import PasswordHasher
from fastapi.routing import APIRoute
from sqlalchemy import text
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette 1.x would rather drive its TestClient with httpx2 (not a dependency).
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from inspector_app.domain.jalali import utc_now
from inspector_app.server.app import create_app
from inspector_app.server.config import Settings
from inspector_app.server.console import sessions, throttle
from inspector_app.server.console.mount import ROUTE_MODULES
from tests.helpers.cli import Ran, run_cli
from tests.helpers.server import laptop_csr
from tests.sync.conftest import (  # noqa: F401  (fixtures: key passphrase, databases)
    backend,
    fresh_db,
    key_passphrases,
    pg_cluster,
)
from tests.sync.factory import PASSPHRASE, make_laptop

PASSWORD = "a long enough passphrase"


@dataclass
class Console:
    data_dir: Path
    db: str | None
    client: TestClient

    def cli(self, *args: str, ok: bool | None = True, password: str | None = PASSWORD) -> Ran:
        with pytest.MonkeyPatch.context() as patch:
            if password is None:
                patch.delenv("BAZRES_CONSOLE_PASSWORD", raising=False)
            else:
                patch.setenv("BAZRES_CONSOLE_PASSWORD", password)
            database = ["--db", self.db] if self.db else []
            return run_cli(
                *args, "--data-dir", str(self.data_dir), *database, program="inspector-server",
                ok=ok,
            )  # fmt: skip

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        """Straight from the server's database (SQLite or PostgreSQL), as an attacker with a
        copy of it would read it."""
        engine = self.client.app.state.server.engine  # type: ignore[attr-defined]
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql)).all()]

    def audit(self) -> list[str]:
        return [str(r[0]) for r in self.rows("SELECT action FROM server_audit_log ORDER BY id")]


@pytest.fixture(scope="module")
def csr_pem(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The CSR a real laptop sends at enrolment (its signing identity's key)."""
    ctx = make_laptop(tmp_path_factory.mktemp("laptop"))
    try:
        return laptop_csr(ctx.db, PASSPHRASE)
    finally:
        ctx.close()


@pytest.fixture
def console(tmp_path: Path, fresh_db: str | None) -> Iterator[Console]:  # noqa: F811
    """A new server on SQLite, and on a new PostgreSQL database (the `backend` parameter)."""
    data_dir = tmp_path / "server"
    app = create_app(Settings.load(data_dir=data_dir, db=fresh_db))
    with TestClient(app, follow_redirects=False) as client:
        made = Console(data_dir, fresh_db, client)
        made.cli("user", "add", "admin1", "--role", "admin", "--name", "مدیر استان")
        made.cli("user", "add", "viewer1", "--role", "viewer", "--name", "بیننده")
        yield made


@contextlib.contextmanager
def another_client(client: TestClient) -> Iterator[TestClient]:
    """A second browser (or a laptop) on the same running app: its own cookies, and not its
    own app start-up (entering a TestClient would open the server state again)."""
    other = TestClient(client.app, follow_redirects=False)
    try:
        yield other
    finally:
        other.close()


def csrf_of(page: httpx.Response) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert found, page.text
    return found.group(1)


def login(
    client: TestClient, username: str, password: str = PASSWORD, next_url: str = ""
) -> httpx.Response:
    form = client.get("/console/login")
    assert form.status_code == 200
    data = {"username": username, "password": password, "csrf_token": csrf_of(form)}
    if next_url:
        data["next"] = next_url
    return client.post("/console/login", data=data)


def enrol_device(console: Console, csr_pem: str, admin: TestClient) -> tuple[str, str]:
    """A code issued on the devices page, then used by a laptop as `inspector-app enrol` does."""
    page = admin.get("/console/devices")
    issued = admin.post(
        "/console/devices/enrol-code",
        data={"inspector": "مریم احمدی", "personnel_no": "۱۲۳۴۵", "csrf_token": csrf_of(page)},
    )
    assert issued.status_code == 200, issued.text
    found = re.search(r'id="enrol-code">([A-Z0-9-]+)<', issued.text)
    assert found, issued.text
    with another_client(console.client) as laptop:
        enrolled = laptop.post(
            "/v1/enrol",
            json={"code": found.group(1), "csr_pem": csr_pem, "device_name": "لپ‌تاپ ۱"},
        )
    assert enrolled.status_code == 201, enrolled.text
    return enrolled.json()["device_id"], enrolled.json()["token"]


def test_login_sets_a_strict_http_only_session_cookie_and_opens_the_asked_page(
    console: Console,
) -> None:
    answer = login(console.client, "ADMIN1", next_url="/console/audit")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/console/audit"
    cookie = next(
        h for h in answer.headers.get_list("set-cookie") if h.startswith("bazres_console=")
    )
    flags = {part.strip().lower() for part in cookie.split(";")}
    assert {"httponly", "samesite=strict", "path=/console"} <= flags
    assert "secure" not in flags  # plain http here; see the https test
    page = console.client.get("/console/audit")
    assert page.status_code == 200
    assert 'dir="rtl"' in page.text and 'lang="fa"' in page.text
    assert "مدیر استان" in page.text and "ورود" in page.text
    # The session row holds a hash, never the cookie value itself.
    value = cookie.split(";")[0].split("=", 1)[1]
    stored = console.rows("SELECT id_sha256, user_id, created_at, last_seen_at, expires_at "
                          "FROM console_sessions")  # fmt: skip
    assert len(stored) == 1 and value not in str(stored)


def test_the_cookie_is_secure_over_https(tmp_path: Path) -> None:
    data_dir = tmp_path / "server"
    app = create_app(Settings.load(data_dir=data_dir))
    with TestClient(app, base_url="https://testserver", follow_redirects=False) as client:
        Console(data_dir, None, client).cli("user", "add", "admin1", "--role", "admin")
        answer = login(client, "admin1")
    cookie = next(
        h for h in answer.headers.get_list("set-cookie") if h.startswith("bazres_console=")
    )
    assert "secure" in {part.strip().lower() for part in cookie.split(";")}


def test_a_page_without_a_session_sends_to_the_login_page_and_only_back_to_the_console(
    console: Console,
) -> None:
    answer = console.client.get("/console/devices")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/console/login?next=/console/devices"
    assert console.client.post("/console/logout", data={}).status_code == 401
    # An open redirect after login is refused: only console paths.
    elsewhere = login(console.client, "admin1", next_url="https://example.org/phish")
    assert elsewhere.headers["location"] == "/console/"


def test_a_wrong_password_is_refused_and_logged(console: Console) -> None:
    answer = login(console.client, "admin1", "not the password")
    assert answer.status_code == 401
    assert "نام کاربری یا گذرواژه درست نیست" in answer.text
    assert not any(h.startswith("bazres_console=") for h in answer.headers.get_list("set-cookie"))
    assert console.rows("SELECT * FROM console_sessions") == []
    unknown = login(console.client, "nobody", "not the password")
    assert unknown.status_code == 401 and "نام کاربری یا گذرواژه درست نیست" in unknown.text
    assert console.audit()[-2:] == ["login_failed", "login_failed"]


def test_after_five_failures_even_the_right_password_waits(
    console: Console, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(throttle.FREE):
        assert login(console.client, "admin1", "guess guess guess").status_code == 401
    locked = login(console.client, "admin1")
    assert locked.status_code == 429
    assert "دقیقهٔ دیگر" in locked.text
    assert console.rows("SELECT * FROM console_sessions") == []
    assert console.audit()[-1] == "login_throttled"
    # The same address trying other names is locked too.
    assert login(console.client, "viewer1").status_code == 429
    # Once the window (30 s after the fifth failure) has passed, the right password works.
    later = utc_now() + throttle.FIRST_LOCK + dt.timedelta(seconds=1)
    monkeypatch.setattr(throttle, "utc_now", lambda: later)
    assert login(console.client, "admin1").status_code == 303
    # A sixth failure from the address doubles its window (a success cleared only the name).
    with another_client(console.client) as other:
        assert login(other, "viewer1", "wrong wrong wrong").status_code == 401
    left = throttle.locked_for(
        console.client.app.state.server.engine, throttle.keys("", "testclient")
    )
    assert left is not None and left > throttle.FIRST_LOCK


def test_a_post_without_or_with_a_forged_csrf_token_is_refused_and_changes_nothing(
    console: Console, csr_pem: str
) -> None:
    form = console.client.get("/console/login")
    refused = console.client.post(
        "/console/login", data={"username": "admin1", "password": PASSWORD}
    )
    assert refused.status_code == 403
    assert console.rows("SELECT * FROM console_sessions") == []
    forged = console.client.post(
        "/console/login",
        data={"username": "admin1", "password": PASSWORD, "csrf_token": csrf_of(form) + "x"},
    )
    assert forged.status_code == 403
    assert login(console.client, "admin1").status_code == 303
    device_id, _token = enrol_device(console, csr_pem, console.client)
    codes_before = console.rows("SELECT count(*) FROM enrol_codes")
    for token in ({}, {"csrf_token": "forged"}):
        issued = console.client.post(
            "/console/devices/enrol-code", data={"inspector": "علی رضایی", **token}
        )
        assert issued.status_code == 403
        revoked = console.client.post(
            f"/console/devices/{device_id}/revoke", data={"reason": "key_compromise", **token}
        )
        assert revoked.status_code == 403
    assert console.rows("SELECT count(*) FROM enrol_codes") == codes_before
    assert console.rows("SELECT revoked_at FROM devices") == [(None,)]


def test_a_viewer_cannot_revoke_a_device_nor_open_admin_pages(
    console: Console, csr_pem: str
) -> None:
    admin = console.client
    login(admin, "admin1")
    device_id, _token = enrol_device(console, csr_pem, admin)
    with another_client(admin) as viewer:
        assert login(viewer, "viewer1").status_code == 303
        for path in ("/console/devices", "/console/audit"):
            page = viewer.get(path, headers={"accept": "text/html"})
            assert page.status_code == 403 and "مجاز نیست" in page.text
            assert "/console/devices" not in page.text  # not in the viewer's navigation
        # With the viewer's own valid CSRF token (taken from a page they may see).
        token = csrf_of(viewer.get("/console/audit", headers={"accept": "text/html"}))
        answer = viewer.post(
            f"/console/devices/{device_id}/revoke",
            data={"reason": "key_compromise", "csrf_token": token},
        )
        assert answer.status_code == 403
    assert console.rows("SELECT revoked_at FROM devices") == [(None,)]
    assert console.rows("SELECT actor, action FROM server_audit_log WHERE action = 'denied'")[
        -1
    ] == ("viewer1", "denied")


def test_an_admin_revokes_a_device_and_its_token_stops_working(
    console: Console, csr_pem: str
) -> None:
    login(console.client, "admin1")
    device_id, token = enrol_device(console, csr_pem, console.client)
    page = console.client.get("/console/devices")
    assert "مریم احمدی" in page.text and "فعال" in page.text
    answer = console.client.post(
        f"/console/devices/{device_id}/revoke",
        data={"reason": "key_compromise", "csrf_token": csrf_of(page)},
    )
    assert answer.status_code == 303
    assert "باطل شده" in console.client.get(answer.headers["location"]).text
    with another_client(console.client) as laptop:
        assert (
            laptop.get("/v1/device", headers={"authorization": f"Bearer {token}"}).status_code
            == 401
        )
    assert ("device_revoked", device_id) in [
        (str(a), str(t)) for a, t in console.rows("SELECT action, target FROM server_audit_log")
    ]


def console_pages() -> list[str]:
    """Every console page a GET reaches (path parameters filled with a made-up id)."""
    return sorted(
        re.sub(r"\{[^}]+\}", "00000000-0000-4000-8000-000000000000", route.path)
        for module in ROUTE_MODULES
        for route in module.router.routes
        if isinstance(route, APIRoute) and "GET" in route.methods and route.path != "/console/login"
    )


def test_a_device_token_opens_no_console_page(console: Console, csr_pem: str) -> None:
    with another_client(console.client) as admin:
        login(admin, "admin1")
        device_id, token = enrol_device(console, csr_pem, admin)
    bearer = {"authorization": f"Bearer {token}"}
    with another_client(console.client) as laptop:
        assert laptop.get("/v1/device", headers=bearer).status_code == 200  # a valid token
        pages = console_pages()
        assert {"/console/", "/console/devices", "/console/audit"} <= set(pages)
        for path in pages:
            answer = laptop.get(path, headers=bearer)
            # A page with a malformed id may be refused before the session is looked at.
            assert answer.status_code in (303, 404, 422), path
            if answer.status_code == 303:
                assert answer.headers["location"].startswith("/console/login?next="), path
        refused = laptop.post(
            f"/console/devices/{device_id}/revoke", data={"reason": "key_compromise"},
            headers=bearer,
        )  # fmt: skip
        assert refused.status_code == 401
    assert console.rows("SELECT revoked_at FROM devices") == [(None,)]


def test_logout_ends_the_session_on_the_server(console: Console) -> None:
    login(console.client, "admin1")
    value = console.client.cookies["bazres_console"]
    page = console.client.get("/console/audit")
    out = console.client.post("/console/logout", data={"csrf_token": csrf_of(page)})
    assert out.status_code == 303 and out.headers["location"] == "/console/login"
    assert console.rows("SELECT * FROM console_sessions") == []
    # The old cookie, kept by an attacker, opens nothing.
    with another_client(console.client) as replay:
        replay.cookies.set("bazres_console", value, path="/console")
        assert replay.get("/console/audit").status_code == 303
    assert console.audit()[-1] == "logout"


def test_a_session_ends_after_the_idle_time(
    console: Console, monkeypatch: pytest.MonkeyPatch
) -> None:
    login(console.client, "admin1")
    assert console.client.get("/console/audit").status_code == 200
    later = utc_now() + sessions.IDLE + dt.timedelta(seconds=1)
    monkeypatch.setattr(sessions, "utc_now", lambda: later)
    answer = console.client.get("/console/audit")
    assert answer.status_code == 303
    assert console.rows("SELECT * FROM console_sessions") == []


def test_the_password_is_stored_as_an_argon2id_hash(console: Console) -> None:
    ((stored,),) = console.rows("SELECT password_hash FROM console_users WHERE username='admin1'")
    assert isinstance(stored, str) and stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    hasher = PasswordHasher()
    assert hasher.verify(stored, PASSWORD)
    assert not hasher.check_needs_rehash(stored)  # the library's defaults or stronger


def test_user_commands(console: Console) -> None:
    listed = json.loads(console.cli("user", "list", "--json").stdout)
    assert [(u["username"], u["role"], u["disabled_at"]) for u in listed] == [
        ("admin1", "admin", None),
        ("viewer1", "viewer", None),
    ]
    assert listed[0]["display_name"] == "مدیر استان"
    short = console.cli("user", "add", "sup1", "--role", "supervisor", ok=False, password="short")
    assert "at least 12 characters" in short.stderr
    again = console.cli("user", "add", "Admin1", "--role", "viewer", ok=False)
    assert "exists already" in again.stderr
    no_terminal = console.cli("user", "add", "sup1", "--role", "supervisor", ok=False,
                              password=None)  # fmt: skip
    assert "BAZRES_CONSOLE_PASSWORD" in no_terminal.stderr
    assert console.cli("user", "add", "a b", "--role", "viewer", ok=False).returncode != 0
    assert len(json.loads(console.cli("user", "list", "--json").stdout)) == 2
    # reset: the sessions end, the old password stops working, the new one works
    login(console.client, "viewer1")
    assert console.client.get("/console/").status_code == 303
    console.cli("user", "reset", "viewer1", password="a brand new passphrase")
    assert console.rows("SELECT * FROM console_sessions") == []
    assert login(console.client, "viewer1").status_code == 401
    assert login(console.client, "viewer1", "a brand new passphrase").status_code == 303
    # disable: the live session ends at once and signing in is refused
    console.cli("user", "disable", "viewer1")
    assert console.rows("SELECT * FROM console_sessions") == []
    assert login(console.client, "viewer1", "a brand new passphrase").status_code == 401
    assert "disabled" in console.cli("user", "list").stdout
    missing = console.cli("user", "disable", "nobody", ok=False)
    assert "no console user named 'nobody'" in missing.stderr
    actions = console.rows("SELECT actor_kind, action, target FROM server_audit_log")
    assert ("shell", "user_reset", "viewer1") in actions
    assert ("shell", "user_disabled", "viewer1") in actions


def test_admin_commands_in_the_shell_are_in_the_audit_log(console: Console) -> None:
    console.cli("enrol-code", "--inspector", "علی رضایی", password=None)
    login(console.client, "admin1")
    page = console.client.get("/console/audit")
    assert page.status_code == 200
    rows = re.findall(r'data-action="([a-z_]+)"', page.text)
    assert rows[:3] == ["login", "enrol_code", "user_added"]  # newest first
    assert "خط فرمان" in page.text and "علی رضایی" in page.text
