"""Fixtures for the console: the key passphrases and laptop templates of the sync tests, one
server process per module, console users made with `inspector-server user add`, and a
signed-in browser-like client (session cookie, the CSRF token of the session's forms).

The server's database is SQLite, and for each browser test module (test_browser_*) also
PostgreSQL: the module runs once per backend, with one server each (PostgreSQL from
tests/sync/pg.py, skipped as the sync tests skip it)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import httpx
import pytest

from tests.helpers.browser import start_chromium
from tests.helpers.cli import run_cli
from tests.helpers.paths import ARTIFACTS
from tests.helpers.server import ServerProcess
from tests.sync.conftest import key_passphrases, pg_cluster, templates  # noqa: F401  (fixtures)
from tests.sync.pg import PgCluster
from tests.sync.test_conflicts import conflicting  # noqa: F401  (fixture)

PASSWORD = "a long console password 123"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


BROWSER_BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A browser test module runs on both backends, each as one group of its tests (module
    scope: one server per backend, not one per test)."""
    module = metafunc.module.__name__.rpartition(".")[2]
    if "console_db" in metafunc.fixturenames and module.startswith("test_browser_"):
        metafunc.parametrize("console_db", BROWSER_BACKENDS, indirect=True, scope="module")


@pytest.fixture(scope="module")
def console_db(request: pytest.FixtureRequest) -> str | None:
    """The server's database: None for SQLite in its data folder, else a new PostgreSQL
    database of the module's own."""
    if getattr(request, "param", "sqlite") == "sqlite":
        return None
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    return cluster.new_database()


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, console_db: str | None
) -> Iterator[ServerProcess]:
    root = tmp_path_factory.mktemp("console-server")
    process = ServerProcess(root / "data", console_db)
    process.data_dir.mkdir()
    process.start()
    yield process
    process.stop()


def add_user(server: ServerProcess, username: str, role: str, name: str = "") -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BAZRES_CONSOLE_PASSWORD", PASSWORD)
        run_cli(
            "user", "add", *server.db_args(), username, "--role", role, "--name", name,
            program="inspector-server",
        )  # fmt: skip


class Console:
    """A signed-in console user talking to the server as a browser's forms do."""

    def __init__(self, server: ServerProcess, username: str) -> None:
        self.http = httpx.Client(base_url=server.url, timeout=60, follow_redirects=False)
        page = self.http.get("/console/login")
        token = CSRF.search(page.text)
        assert token, page.text
        done = self.http.post(
            "/console/login",
            data={"csrf_token": token[1], "username": username, "password": PASSWORD},
        )
        assert done.status_code == 303, done.text
        self.csrf = ""

    def get(self, path: str, **params: str) -> httpx.Response:
        response = self.http.get(path, params=params, headers={"Accept": "text/html"})
        token = (
            CSRF.search(response.text)
            if response.headers.get("content-type", "").startswith("text/html")
            else None
        )
        if token:
            self.csrf = token[1]
        return response

    def post(self, path: str, data: dict[str, str], *, csrf: str | None = None) -> httpx.Response:
        form = {"csrf_token": self.csrf if csrf is None else csrf, **data}
        return self.http.post(path, data=form, headers={"Accept": "text/html"})

    def close(self) -> None:
        self.http.close()


@pytest.fixture(scope="module")
def users(server: ServerProcess) -> dict[str, str]:
    """username → role: a supervisor and a viewer."""
    made = {"sara": "supervisor", "vali": "viewer"}
    for username, role in made.items():
        add_user(server, username, role, {"sara": "سارا نیک‌نام", "vali": "ولی امینی"}[username])
    return made


@pytest.fixture
def console(server: ServerProcess, users: dict[str, str]) -> Iterator[Callable[[str], Console]]:
    opened: list[Console] = []

    def sign_in(username: str) -> Console:
        opened.append(Console(server, username))
        return opened[-1]

    yield sign_in
    for c in opened:
        c.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Chromium for a module's browser tests (started once: it is slow); a module
    that needs another kind (downloads, a database of its own) defines its own."""
    driver = start_chromium()
    (ARTIFACTS / "console").mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()
