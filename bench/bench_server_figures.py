"""Benchmark: the province summary (GET /v1/summary) and the console's list of inspections on
200,000 received inspections, on SQLite and PostgreSQL (goal: < 1 s on SQLite, < 300 ms on
PostgreSQL).

    uv run python bench/bench_server_figures.py [COUNT] [--backend sqlite|postgres|both]
                                                [--json FILE]

Builds the databases once (bench/out/server-figures-<COUNT>/: a SQLite file, and a PostgreSQL
cluster from Debian's binaries, started for the run and stopped after it; see
server_figures_data.py) at an older schema revision, upgrades them to this code's (timed: what
`inspector-server db upgrade` costs on such a server), then times each figure on a warm
cache: the median of 5 runs after one, as a ratio to a baseline measured in the same run, a
bare `SELECT count(*) FROM inspections` on the same database, and in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, MetaData, text  # noqa: E402
from sqlalchemy.exc import DBAPIError  # noqa: E402

from bench.server_figures_data import build  # noqa: E402
from inspector_app.domain.jalali import parse_jalali_date  # noqa: E402
from inspector_app.figures.filters import OverviewFilter  # noqa: E402
from inspector_app.server import schema  # noqa: E402
from inspector_app.server.console import inspections  # noqa: E402
from inspector_app.server.database import make_engine  # noqa: E402
from inspector_app.server.summary import province_summary, summary_json  # noqa: E402

GOAL_MS = {"sqlite": 1000.0, "postgresql": 300.0}


def timed(fn: Callable[[], Any], runs: int = 5) -> float:
    """The median of `runs` runs after a first one, in milliseconds (of 3 when the first
    takes over 2 s: the figures before their indexes and tables)."""
    start = time.perf_counter()
    fn()
    slow = time.perf_counter() - start > 2
    samples = []
    for _ in range(3 if slow else runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def figures(engine: Engine) -> dict[str, Callable[[], Any]]:
    h1 = OverviewFilter(parse_jalali_date("1403-01-01"), parse_jalali_date("1403-06-31"))
    county = OverviewFilter(county="بوشهر", office_type="pishkhan")
    names = inspections.office_names(engine)  # the page reads the registry once per request

    def summary(f: OverviewFilter) -> Callable[[], Any]:
        return lambda: summary_json(province_summary(engine, f), f)

    def listed(**params: str) -> Callable[[], Any]:
        q = inspections.parse(params)
        return lambda: inspections.list_page(engine, q, names)

    return {
        "summary, all": summary(OverviewFilter()),
        "summary, 1403 first half": summary(h1),
        "summary, Bushehr pishkhan": summary(county),
        "list, newest received": listed(),
        "list, page 2000 by score": listed(sort="score", order="asc", page="2000"),
        "list, state received": listed(state="received"),
        "list, state returned": listed(state="returned"),
        "list, county+type+dates": listed(
            county="بوشهر", office_type="pishkhan", **{"from": "1403-01-01", "to": "1403-06-31"}
        ),
        "list, one inspector by date": listed(inspector="بازرس 7", sort="date"),
    }


Row = tuple[str, str, float, float, float]  # figure, backend, ms, ratio, goal ms


def measure(engine: Engine, backend: str) -> tuple[list[Row], dict[str, Any]]:
    """The rows printed at the end, and the same figures for --json."""
    with engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM inspections")).scalar_one()

        def baseline() -> None:
            conn.execute(text("SELECT count(*) FROM inspections")).scalar_one()

        base = timed(baseline)
    print(f"{backend}: {count:,} inspections; baseline SELECT count(*): {base:.1f} ms")
    rows: list[Row] = []
    for name, fn in figures(engine).items():
        ms = timed(fn)
        rows.append((name, backend, ms, ms / base, GOAL_MS[backend]))
    found = {
        "inspections": count,
        "baseline_count_ms": round(base, 2),
        "goal_ms": GOAL_MS[backend],
        "figures": {
            name: {"ms": round(ms, 2), "ratio": round(ratio, 2)} for name, _, ms, ratio, _ in rows
        },
    }
    return rows, found


def prepared(engine: Engine, count: int, backend: str) -> None:
    """Build the data once; bring the schema to this code's revision (timed). A database
    holding another number of inspections (a build cut short, another COUNT) is built again:
    its figures would be those of an empty or partial province."""
    found = schema.status(engine)
    if found.has_tables and (held := _held(engine)) != count:
        print(f"{backend}: the database holds {held:,} inspections, not {count:,}: built again")
        tables = MetaData()
        tables.reflect(engine)
        tables.drop_all(engine)
        found = schema.status(engine)
    if found.current is None and not found.has_tables:
        start = time.perf_counter()
        build(engine, count)
        _analyze(engine)
        print(f"{backend}: built {count:,} inspections in {time.perf_counter() - start:.0f} s")
        found = schema.status(engine)
    if not found.up_to_date:
        start = time.perf_counter()
        before, after = schema.upgrade(engine)
        _analyze(engine)
        print(f"{backend}: upgraded {before} -> {after} in {time.perf_counter() - start:.1f} s")


def _held(engine: Engine) -> int:
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM inspections")).scalar_one())
    except DBAPIError:  # no inspections table
        return 0


def _analyze(engine: Engine) -> None:
    """PostgreSQL's planner statistics and visibility map, as autovacuum makes them after a
    bulk load (without the map no index-only scan is chosen: the walk of each office's last
    visit took 80-105 ms instead of 45); the server never runs ANALYZE on SQLite, so neither
    does the bench."""
    if engine.dialect.name != "postgresql":
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))


@contextmanager
def postgres(folder: Path) -> Iterator[str]:
    """A PostgreSQL cluster kept in `folder` (made on first use), started for this run."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        raise SystemExit("no PostgreSQL binaries under /usr/lib/postgresql")
    bin_dir, data = found[-1].parent, folder / "data"
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    fresh = not data.exists()
    if fresh:
        folder.mkdir(parents=True, exist_ok=True)
        if as_user:  # initdb refuses to run as root
            shutil.chown(folder, "postgres", "postgres")
        subprocess.run(
            [*as_user, str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
             "--no-sync", "-E", "UTF8"],
            check=True, capture_output=True,
        )  # fmt: skip
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c shared_buffers=512MB"
    subprocess.run(
        [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l",
         str(folder / "pg.log"), "-w", "start"],
        check=True, capture_output=True,
    )  # fmt: skip
    try:
        base = f"postgresql+psycopg://postgres@127.0.0.1:{port}/"
        if fresh:
            with make_engine(base + "postgres").connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").execute(
                    text("CREATE DATABASE bench")
                )
        yield base + "bench"
    finally:
        subprocess.run(
            [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
            capture_output=True,
            check=False,
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", nargs="?", type=int, default=200_000)
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument(
        "--json",
        type=Path,
        metavar="FILE",
        help="also write the figures to this file (after each backend)",
    )
    args = parser.parse_args()
    folder = ROOT / "bench" / "out" / f"server-figures-{args.count}"
    folder.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    backends: dict[str, dict[str, Any]] = {}

    def save(backend: str, measured: tuple[list[Row], dict[str, Any]]) -> None:
        rows.extend(measured[0])
        backends[backend] = measured[1]
        if args.json:  # a later backend that fails leaves the earlier one's figures
            found = {"count": args.count, "backends": backends}
            args.json.write_text(json.dumps(found, indent=2, ensure_ascii=False), "utf-8")

    if args.backend in ("sqlite", "both"):
        engine = make_engine(f"sqlite:///{folder / 'server.db'}")
        prepared(engine, args.count, "sqlite")
        save("sqlite", measure(engine, "sqlite"))
        engine.dispose()
    if args.backend in ("postgres", "both"):
        with postgres(folder / "pg") as url:
            engine = make_engine(url)
            prepared(engine, args.count, "postgresql")
            save("postgresql", measure(engine, "postgresql"))
            engine.dispose()
    print(f"\n{'figure':30s} {'backend':10s} {'ms':>8s} {'ratio':>7s} {'goal ms':>8s}")
    for name, backend, ms, ratio, goal in rows:
        mark = "" if ms < goal else "  over goal"
        print(f"{name:30s} {backend:10s} {ms:8.1f} {ratio:7.1f} {goal:8.0f}{mark}")


if __name__ == "__main__":
    main()
