"""A throwaway PostgreSQL cluster from Debian's binaries (initdb + pg_ctl) on loopback, or the
one named by $BAZRES_TEST_PG_URL. Used by the tests and by bench/bench_sync_load.py."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass
class PgCluster:
    base_url: str  # postgresql://user@host:port/  (a database name is appended)
    admin_db: str = "postgres"

    @classmethod
    def from_url(cls, url: str) -> PgCluster:
        base, _, dbname = url.rpartition("/")
        return cls(base + "/", dbname or "postgres")

    def new_database(self) -> str:
        import psycopg

        name = f"bazres_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.base_url + self.admin_db, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.base_url + name


def pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[PgCluster]:
    bin_dir = pg_bin()
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL binaries under /usr/lib/postgresql")
    root = Path(tempfile.mkdtemp(prefix="bazres-pg-"))
    data = root / "data"
    port = _free_port()
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(root, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    subprocess.run(
        [*as_user, str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
         "--no-sync", "-E", "UTF8"],
        check=True, capture_output=True,
    )  # fmt: skip
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=300"
    subprocess.run(
        [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l",
         str(root / "pg.log"), "-w", "start"],
        check=True, capture_output=True,
    )  # fmt: skip
    try:
        yield PgCluster(f"postgresql://postgres@127.0.0.1:{port}/")
    finally:
        subprocess.run(
            [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)
