"""Fixtures for sync: the shared server per database backend, PostgreSQL, laptop templates."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.server import (
    SERVER_KEY_PASSPHRASE,
    UPLOAD_LIMIT_MB,
    LaptopTemplates,
    ServerProcess,
)
from tests.sync.factory import PASSPHRASE
from tests.sync.pg import PgCluster, pg_bin, throwaway_cluster


@pytest.fixture(scope="session", autouse=True)
def key_passphrases() -> Iterator[None]:
    """The passphrases an operator and an inspector would give: the server's key passphrase
    (admin commands run in this process) and the test laptops' signing-key passphrase, which
    `inspector-app enrol` asks for."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BAZRES_SERVER_KEY_PASSPHRASE", SERVER_KEY_PASSPHRASE)
        patch.setenv("BAZRES_PASSPHRASE", PASSPHRASE)
        yield


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


@pytest.fixture(scope="session")
def server(
    tmp_path_factory: pytest.TempPathFactory, backend: str | None
) -> Iterator[ServerProcess]:
    """One server per backend for the whole session (startups are slow); tests tell their
    data apart by the inspection ids they made. Tests that break or restart a server start
    their own (`server_factory`)."""
    root = tmp_path_factory.mktemp("server")
    process = ServerProcess(
        root / "data",
        backend,
        extra_args=["--max-upload-mb", str(UPLOAD_LIMIT_MB), "--api-docs"],
    )
    process.data_dir.mkdir()
    process.start()
    yield process
    process.stop()


# --- laptops -----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> LaptopTemplates:
    return LaptopTemplates(tmp_path_factory.mktemp("templates"))
