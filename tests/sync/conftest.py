"""Real server processes on 127.0.0.1 (SQLite or PostgreSQL) and laptops with real data."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.sync.pg import PgCluster, pg_bin, throwaway_cluster

BIN = Path(sys.executable).parent
SERVER = str(BIN / "inspector-server")
APP = str(BIN / "inspector-app")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class ServerProcess:
    data_dir: Path
    db_url: str | None = None
    env: dict[str, str] = field(default_factory=dict)
    extra_args: list[str] = field(default_factory=list)
    port: int = 0
    scheme: str = "http"
    proc: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def db_args(self) -> list[str]:
        return ["--data-dir", str(self.data_dir), *(["--db", self.db_url] if self.db_url else [])]

    def start(self, **env: str) -> ServerProcess:
        self.port = self.port or free_port()
        self.log_path = self.data_dir.parent / f"server-{self.port}.log"
        environment = {**os.environ, **self.env, **env}
        command = [SERVER, "serve", *self.db_args(), "--port", str(self.port), *self.extra_args]
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, env=environment
            )
        self.wait_ready()
        return self

    def wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited early:\n{self.log()}")
            try:
                if httpx.get(f"{self.url}/health", timeout=1.0, verify=False).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server did not come up:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path else ""

    def kill(self) -> None:
        """SIGKILL: no graceful shutdown, as a crash or a power cut."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def restart(self, **env: str) -> ServerProcess:
        self.stop()
        return self.start(**env)

    def admin(self, *args: str, process: bool = False) -> str:
        """Run an `inspector-server` admin command: in a process as an operator would
        (`process=True`), else through the same `main()` in this process (saves startups)."""
        argv = [args[0], *self.db_args(), *args[1:]]
        if process:
            done = subprocess.run([SERVER, *argv], capture_output=True, text=True, timeout=120)
            if done.returncode != 0:
                raise RuntimeError(f"{args} failed: {done.stdout}\n{done.stderr}")
            return done.stdout
        from inspector_app.server.cli import main

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
        if code != 0:
            raise RuntimeError(f"{args} failed ({code}): {out.getvalue()}\n{err.getvalue()}")
        return out.getvalue()

    def enrol_code(self, inspector: str = "مریم احمدی") -> str:
        return self.admin("enrol-code", "--inspector", inspector).strip().splitlines()[-1]

    def inspections(self) -> list[dict[str, object]]:
        import json

        return list(json.loads(self.admin("inspections", "--json")))


# --- PostgreSQL --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    given = os.environ.get("BAZRES_TEST_PG_URL")
    if given:
        yield PgCluster.from_url(given)
        return
    if pg_bin() is None:
        pytest.skip("no PostgreSQL binaries (/usr/lib/postgresql/*/bin) and no BAZRES_TEST_PG_URL")
    with throwaway_cluster() as cluster:
        yield cluster


@pytest.fixture(
    scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def backend(request: pytest.FixtureRequest) -> str | None:
    """The shared server's database: None for SQLite in the data folder, else a PostgreSQL
    database of its own."""
    if request.param == "sqlite":
        return None
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    return cluster.new_database()


@pytest.fixture
def fresh_db(request: pytest.FixtureRequest, backend: str | None) -> str | None:
    """Like `backend`, but a new PostgreSQL database for this test alone."""
    if backend is None:
        return None
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    return cluster.new_database()


@pytest.fixture
def server_factory(tmp_path: Path) -> Iterator[list[ServerProcess]]:
    started: list[ServerProcess] = []
    yield started
    for server in started:
        server.stop()


def make_server(
    started: list[ServerProcess], root: Path, db_url: str | None, **kwargs: object
) -> ServerProcess:
    server = ServerProcess(root / f"server-{len(started)}", db_url, **kwargs)  # type: ignore[arg-type]
    server.data_dir.mkdir(parents=True, exist_ok=True)
    started.append(server)
    return server


UPLOAD_LIMIT_MB = 1  # the shared server's limit (a test bundle is ~100 KB)


@pytest.fixture(scope="session")
def server(
    tmp_path_factory: pytest.TempPathFactory, backend: str | None
) -> Iterator[ServerProcess]:
    """One server per backend for the whole session (startups are slow); tests tell their
    data apart by the inspection ids they made. Tests that break or restart a server start
    their own (`server_factory`)."""
    root = tmp_path_factory.mktemp("server")
    process = ServerProcess(
        root / "data", backend, extra_args=["--max-upload-mb", str(UPLOAD_LIMIT_MB)]
    )
    process.data_dir.mkdir()
    process.start()
    yield process
    process.stop()


@contextlib.contextmanager
def opened(path: Path) -> Iterator[object]:
    from inspector_app.services.context import open_context

    ctx = open_context(path)
    try:
        yield ctx
    finally:
        ctx.close()


# --- laptops -----------------------------------------------------------------------------------


@dataclass
class LaptopTemplates:
    """Laptop data folders with finalized inspections, made once per session and copied per
    test (finalizing is the slow part). Copies share ids, so use one copy per server."""

    root: Path
    made: dict[str, tuple[Path, list[str]]] = field(default_factory=dict)

    def clone(self, name: str, count: int, dest: Path) -> tuple[object, list[str]]:
        from inspector_app.services.context import open_context
        from tests.sync.factory import make_finalized, make_laptop

        if name not in self.made:
            folder = self.root / name
            ctx = make_laptop(folder)
            ids = make_finalized(ctx, count, seed=sum(map(ord, name)))
            ctx.close()
            self.made[name] = (folder, ids)
        folder, ids = self.made[name]
        assert len(ids) == count, f"template {name} has {len(ids)} inspections"
        shutil.copytree(folder, dest)
        return open_context(dest), list(ids)


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> LaptopTemplates:
    return LaptopTemplates(tmp_path_factory.mktemp("templates"))
