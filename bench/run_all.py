"""Run the benchmarks, each in a process of its own, and print one table of their figures
against their goals (also written to bench/out/summary.json and bench/out/summary.md).

    uv run --frozen python bench/run_all.py [--quick] [--only NAME,...] [--verbose]

NAME is one of: startup, core, import, sync_load, server_figures, overview. Each script is
given `--json FILE` and its figures are read from that file; its own output goes to
bench/out/run_all/NAME.log (and to the terminal with --verbose). --quick runs smaller sizes
(sync load 10 laptops x 5, server figures 20,000, overview 10,000, startup 3 runs, import 1
run): the table says the sizes used, and a goal stated for a larger size is then "n/a (quick)".
A benchmark that fails shows as "failed: ..." and the others still run; the exit status is then 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
LOGS = OUT / "run_all"
CORES = os.cpu_count() or 1
COLUMNS = ("figure", "baseline", "measured", "ratio", "goal", "met")
NONE = "—"
QUICK_NA = "n/a (quick)"
# "Linear": the time per answer at 10,000 answers at most this many times that at 1,000.
LINEAR_MAX = 1.25

Figures = dict[str, Any]


@dataclass(frozen=True)
class Sizes:
    startup_repeat: int
    import_repeat: int
    laptops: int
    per_laptop: int
    server_count: int
    overview_count: int


FULL = Sizes(7, 3, 50, 40, 200_000, 100_000)
QUICK = Sizes(3, 1, 10, 5, 20_000, 10_000)


@dataclass(frozen=True)
class Row:
    figure: str
    baseline: str
    measured: str
    ratio: str
    goal: str
    met: str

    def cells(self) -> tuple[str, ...]:
        return (self.figure, self.baseline, self.measured, self.ratio, self.goal, self.met)


@dataclass
class Table:
    """What one benchmark's figures put in the table, and notes printed under it."""

    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def failed(self, figure: str, goal: str, error: str) -> None:
        self.rows.append(Row(figure, NONE, f"failed: {error}", NONE, goal, "failed"))


@dataclass(frozen=True)
class Bench:
    name: str
    script: str
    args: tuple[str, ...]
    table: Callable[[Figures, str], Table]  # figures (maybe partial), error ("" if none)


@dataclass
class Result:
    name: str
    command: list[str]
    seconds: float
    returncode: int | None
    error: str
    figures: Figures


def met(ok: bool, full_size: bool = True) -> str:
    if not full_size:
        return QUICK_NA
    return "yes" if ok else "no"


def ms(value: float) -> str:
    if value < 10:
        return f"{value:.2f} ms"
    return f"{value:.1f} ms" if value < 100 else f"{value:,.0f} ms"


def times(value: float) -> str:
    if value < 10:
        return f"{value:.2f}×"
    return f"{value:.1f}×" if value < 100 else f"{value:,.0f}×"


def startup_table(sizes: Sizes) -> Callable[[Figures, str], Table]:
    def table(figures: Figures, error: str) -> Table:
        out = Table()
        figure = "start to usable window vs a bare PySide6 window"
        if sizes != FULL:
            figure += f" (median of {sizes.startup_repeat})"
        goal = "≤ 1.5×"
        if "ratio" not in figures:
            out.failed(figure, goal, error or "no figures written")
            return out
        ratio = float(figures["ratio"])
        out.rows.append(
            Row(
                figure,
                ms(figures["bare_ms"]),
                ms(figures["app_ready_ms"]),
                times(ratio),
                goal,
                met(ratio <= 1.5),
            )
        )
        out.notes.append(
            f"startup: window shown {ms(figures['app_shown_ms'])} "
            f"({times(figures['shown_ratio'])}); first start of a new data folder "
            f"{ms(figures['first_start_ms'])}"
        )
        return out

    return table


def core_table(figures: Figures, error: str) -> Table:
    out = Table()
    figure, goal = "answer save p99 vs bare sqlite3 insert+commit, same settings", "≤ 2×"
    saves = figures.get("answer_save")
    if saves:
        ratio = float(saves["ratio_p99"])
        out.rows.append(
            Row(figure, ms(saves["bare_p99_ms"]), ms(saves["p99_ms"]), times(ratio), goal,
                met(ratio <= 2))
        )  # fmt: skip
        out.notes.append(
            f"answer save: p50 {ms(saves['p50_ms'])} vs {ms(saves['bare_p50_ms'])} "
            f"({times(saves['ratio_p50'])}), {saves['saves']} saves"
        )
    else:
        out.failed(figure, goal, error or "no figures written")
    figure = "list 50,000 inspections vs a bare SELECT"
    listing = figures.get("listing")
    if listing:
        ratio = float(listing["ratio"])
        out.rows.append(
            Row(figure, ms(listing["bare_select_ms"]), ms(listing["list_ms"]), times(ratio),
                goal, met(ratio <= 2))
        )  # fmt: skip
        out.notes.append(
            f"list: the bare SELECT reads five columns; against a bare SELECT of the listing's "
            f"20 columns, joined and ordered ({ms(listing['same_select_ms'])}): "
            f"{times(listing['same_select_ratio'])}"
        )
    else:
        out.failed(figure, goal, error or "no figures written")
    search = figures.get("search")
    if search:
        out.notes.append(
            f"office search, {search['offices']:,} offices: {ms(search['query_ms'])} a query "
            f"vs a plain scan {ms(search['baseline_scan_ms'])} ({times(search['ratio'])})"
        )
    return out


def import_table(sizes: Sizes) -> Callable[[Figures, str], Table]:
    def table(figures: Figures, error: str) -> Table:
        out = Table()
        figure = "import one inspection, 1,000 and 10,000 answers"
        if sizes != FULL:
            figure += f" (median of {sizes.import_repeat})"
        goal = "linear; 10,000 answers < 2 s"
        answers = figures.get("answers", {})
        if not {"1000", "10000"} <= answers.keys() or "linearity" not in figures:
            out.failed(figure, goal, error or "no figures written")
            return out
        small, large = answers["1000"], answers["10000"]
        linearity = float(figures["linearity"])
        out.rows.append(
            Row(
                figure,
                f"{ms(small['baseline_ms'])} / {ms(large['baseline_ms'])}",
                f"{ms(small['import_ms'])} / {ms(large['import_ms'])}",
                f"{times(small['ratio'])} / {times(large['ratio'])}; linearity {linearity:.2f}",
                goal,
                met(linearity <= LINEAR_MAX and large["import_ms"] < 2000),
            )
        )
        out.notes.append(
            f"import: baseline json + a bare executemany; linearity is the time per answer at "
            f"10,000 over that at 1,000 ({small['per_answer_us']:.0f} µs and "
            f"{large['per_answer_us']:.0f} µs; linear if ≤ {LINEAR_MAX})"
        )
        return out

    return table


BACKEND_NAMES = {"sqlite": "SQLite", "postgres": "PostgreSQL", "postgresql": "PostgreSQL"}


def sync_load_table(sizes: Sizes, workers: int) -> Callable[[Figures, str], Table]:
    def table(figures: Figures, error: str) -> Table:
        out = Table()
        laptops = int(figures.get("laptops", sizes.laptops))
        per = int(figures.get("per_laptop", sizes.per_laptop))
        workers_used = int(figures.get("workers", workers))
        full_size = laptops >= FULL.laptops and per >= FULL.per_laptop
        goal = "≥ 60/s per server core, p95 < 300 ms"
        found = figures.get("backends", {})
        for backend in ("sqlite", "postgres"):
            figure = (
                f"sync load, {laptops} laptops × {per} on loopback, server workers = cores "
                f"({workers_used}), {BACKEND_NAMES[backend]}"
            )
            if backend not in found:
                out.failed(figure, goal, error or "no figures written")
                continue
            got = found[backend]
            rate, p95 = float(got["inspections_per_s"]), float(got["p95_ms"])
            per_core = rate / workers_used
            out.rows.append(
                Row(
                    figure,
                    NONE,
                    f"{rate:.1f} inspections/s ({per_core:.1f}/s per core), p95 {ms(p95)}",
                    NONE,
                    goal,
                    met(per_core >= 60 and p95 < 300, full_size),
                )
            )
            out.notes.append(
                f"sync load, {BACKEND_NAMES[backend]}: {got['inspections']} inspections in "
                f"{got['wall_s']} s, p50 {ms(got['p50_ms'])}, p99 {ms(got['p99_ms'])}, "
                f"max {ms(got['max_ms'])}, {got['mb_per_s']} MB/s"
            )
            if "paced_rate" in got:
                out.notes.append(
                    f"sync load, {BACKEND_NAMES[backend]}, not saturated: "
                    f"{got['paced_inspections']} uploads planned at {got['paced_rate']}/s, "
                    f"p50 {ms(got['paced_p50_ms'])}, p95 {ms(got['paced_p95_ms'])}, "
                    f"p99 {ms(got['paced_p99_ms'])} from the planned moment (saturated, "
                    f"{laptops} laptops always waiting make the mean latency {laptops} / "
                    f"throughput = {ms(laptops * 1000 / rate)})"
                )
            if "cpu_server_s" in got:
                busy = float(got["wall_s"]) * int(got["cores"])
                shares = ", ".join(
                    f"{name} {got[f'cpu_{key}_ms_each']} ms an inspection "
                    f"({float(got[f'cpu_{key}_s']) / busy:.0%})"
                    for key, name in (
                        ("server", "server"), ("database", "PostgreSQL"),
                        ("laptops", "the simulated laptops"),
                    )
                    if float(got[f"cpu_{key}_s"]) > 0
                )  # fmt: skip
                out.notes.append(
                    f"sync load, {BACKEND_NAMES[backend]}: CPU of the {got['cores']} cores: "
                    f"{shares}"
                )
        return out

    return table


def server_figures_table(sizes: Sizes) -> Callable[[Figures, str], Table]:
    def table(figures: Figures, error: str) -> Table:
        out = Table()
        count = int(figures.get("count", sizes.server_count))
        full_size = count >= FULL.server_count
        found = figures.get("backends", {})
        goals = {"sqlite": "< 1 s (SQLite)", "postgresql": "< 300 ms (PostgreSQL)"}
        for backend, goal in goals.items():
            figure = (
                f"/v1/summary and console lists, {count:,} inspections, {BACKEND_NAMES[backend]}"
            )
            if backend not in found:
                out.failed(figure, goal, error or "no figures written")
                continue
            got = found[backend]
            base = float(got["baseline_count_ms"])
            timed: dict[str, dict[str, float]] = got["figures"]
            slowest: dict[str, tuple[str, float]] = {}
            for kind in ("summary", "list"):
                named = {n: v["ms"] for n, v in timed.items() if n.startswith(kind)}
                name = max(named, key=named.__getitem__)
                slowest[kind] = (name, named[name])
            worst = max(v["ms"] for v in timed.values())
            summary_ms, list_ms = slowest["summary"][1], slowest["list"][1]
            out.rows.append(
                Row(
                    figure,
                    f"count(*) {ms(base)}",
                    f"summary ≤ {ms(summary_ms)}, lists ≤ {ms(list_ms)}",
                    f"{times(summary_ms / base)} / {times(list_ms / base)}",
                    goal,
                    met(worst < float(got["goal_ms"]), full_size),
                )
            )
            out.notes.append(
                f"server figures, {BACKEND_NAMES[backend]}: slowest «{slowest['summary'][0]}» "
                f"and «{slowest['list'][0]}» ({len(timed)} figures, each the median of "
                "warm runs)"
            )
        return out

    return table


def overview_table(sizes: Sizes) -> Callable[[Figures, str], Table]:
    def table(figures: Figures, error: str) -> Table:
        out = Table()
        count = int(figures.get("count", sizes.overview_count))
        figure = f'Overview "most-failed items", {count:,} inspections'
        goal = "< 500 ms"
        filters: dict[str, dict[str, float]] = figures.get("filters", {})
        if not filters:
            out.failed(figure, goal, error or "no figures written")
            return out
        name = max(filters, key=lambda n: filters[n]["failed_items_ms"])
        worst = float(filters[name]["failed_items_ms"])
        out.rows.append(
            Row(
                figure,
                NONE,
                f"{ms(worst)} (slowest of {len(filters)} filters)",
                NONE,
                goal,
                met(worst < 500, count >= FULL.overview_count),
            )
        )
        note = (
            f"Overview: failed items uncached, median of warm runs, slowest filter «{name}» "
            f"(first run {ms(filters[name]['failed_items_first_ms'])}); no baseline"
        )
        page = figures.get("page")
        if page:
            note += (
                f"; on the page the chart is filled in {ms(page['items_filled_first_ms'])} "
                f"(first page), {ms(page['items_filled_ms'])} (cached)"
            )
        out.notes.append(note)
        return out

    return table


def benches(quick: bool) -> list[Bench]:
    sizes = QUICK if quick else FULL
    return [
        Bench("startup", "bench_startup.py", ("--repeat", str(sizes.startup_repeat)),
              startup_table(sizes)),
        Bench("core", "bench_core.py", (), core_table),
        Bench("import", "bench_import.py", ("--repeat", str(sizes.import_repeat)),
              import_table(sizes)),
        Bench("sync_load", "bench_sync_load.py",
              ("--laptops", str(sizes.laptops), "--inspections", str(sizes.per_laptop),
               "--workers", str(CORES)),
              sync_load_table(sizes, CORES)),
        Bench("server_figures", "bench_server_figures.py", (str(sizes.server_count),),
              server_figures_table(sizes)),
        Bench("overview", "bench_overview.py", (str(sizes.overview_count),),
              overview_table(sizes)),
    ]  # fmt: skip


def table_of(bench: Bench, result: Result) -> Table:
    try:
        table = bench.table(result.figures, result.error)
    except (KeyError, TypeError, ValueError, ZeroDivisionError) as problem:
        table = Table()
        error = f"unexpected figures ({type(problem).__name__}: {problem})"
        table.failed(bench.name, NONE, error)
        result.error = result.error or error
        return table
    if result.error and not any(row.met == "failed" for row in table.rows):
        table.notes.append(f"{bench.name} failed after writing its figures: {result.error}")
    return table


def last_line(text: str) -> str:
    """The exception's line of the last traceback in `text`, else its last line."""
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    starts = [n for n, line in enumerate(lines) if line.startswith("Traceback (most recent")]
    after = lines[starts[-1] + 1 :] if starts else []
    unindented = [line for line in after if not line[0].isspace()]
    line = unindented[0] if unindented else (lines[-1].strip() if lines else "")
    return line if len(line) <= 160 else line[:157] + "..."


def run(bench: Bench, timeout: float, verbose: bool) -> Result:
    LOGS.mkdir(parents=True, exist_ok=True)
    log_path = LOGS / f"{bench.name}.log"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="bazres-bench-") as tmp:
        json_path = Path(tmp) / f"{bench.name}.json"
        command = [sys.executable, str(ROOT / "bench" / bench.script), *bench.args]
        command += ["--json", str(json_path)]
        started = time.perf_counter()
        with log_path.open("w", encoding="utf-8") as log:
            process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                encoding="utf-8",
                errors="replace",
                start_new_session=True,  # its own process group: stopped whole on a timeout
            )
            assert process.stdout is not None
            tail: list[str] = []
            copier = threading.Thread(
                target=_copy, args=(process.stdout, log, tail, verbose), daemon=True
            )
            copier.start()
            error = ""
            try:
                returncode: int | None = process.wait(timeout)
            except subprocess.TimeoutExpired:
                _stop(process)
                returncode = None
                error = f"timed out after {timeout:.0f} s"
            copier.join(10)
        seconds = time.perf_counter() - started
        if returncode is not None and returncode != 0:
            error = last_line("".join(tail)) or f"exit status {returncode}"
            if returncode < 0:
                error = f"killed by signal {-returncode}: {error}"
        figures: Figures = {}
        if json_path.exists():
            try:
                figures = json.loads(json_path.read_text(encoding="utf-8"))
            except ValueError as problem:
                error = error or f"unreadable figures: {problem}"
        elif not error:
            error = "no figures written"
    return Result(bench.name, command, seconds, returncode, error, figures)


def _copy(stream: IO[str], log: IO[str], tail: list[str], verbose: bool) -> None:
    for line in stream:
        log.write(line)
        log.flush()
        tail.append(line)
        del tail[:-50]
        if verbose:
            sys.stdout.write(f"    {line}")
            sys.stdout.flush()


def _stop(process: subprocess.Popen[str]) -> None:
    """End the benchmark's process group (it may have started a server and PostgreSQL)."""
    for sig, wait in ((signal.SIGTERM, 30.0), (signal.SIGKILL, 10.0)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


def aligned(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    rule = "  ".join("-" * w for w in widths)
    return "\n".join([lines[0].rstrip(), rule, *(line.rstrip() for line in lines[1:])])


def markdown(rows: list[tuple[str, ...]]) -> str:
    def line(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(rows[0]), "|" + "---|" * len(rows[0]), *map(line, rows[1:])])


def duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for a quick look")
    parser.add_argument("--only", default="", help="comma-separated names to run")
    parser.add_argument("--verbose", action="store_true", help="show each benchmark's output")
    parser.add_argument(
        "--timeout", type=float, help="seconds one benchmark may take (default 600, full 3600)"
    )
    args = parser.parse_args()
    chosen = benches(args.quick)
    if args.only:
        names = [n.strip().replace("-", "_") for n in args.only.split(",") if n.strip()]
        known = {b.name for b in chosen}
        unknown = [n for n in names if n not in known]
        if unknown:
            parser.error(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(known)}")
        chosen = [b for b in chosen if b.name in names]
    timeout = args.timeout or (600.0 if args.quick else 3600.0)
    mode = "quick" if args.quick else "full"
    print(f"Bazres benchmarks ({mode} sizes), {CORES} cores; logs in {LOGS.relative_to(ROOT)}/")

    began = time.perf_counter()
    results: list[Result] = []
    tables: list[Table] = []
    for number, bench in enumerate(chosen, 1):
        shown = " ".join([f"bench/{bench.script}", *bench.args])
        print(f"[{number}/{len(chosen)}] {bench.name}: {shown}", flush=True)
        result = run(bench, timeout, args.verbose)
        results.append(result)
        tables.append(table_of(bench, result))
        status = f"failed ({result.error})" if result.error else "done"
        print(f"    {status} in {duration(result.seconds)}", flush=True)
    total = time.perf_counter() - began

    rows = [COLUMNS, *(row.cells() for t in tables for row in t.rows)]
    notes = [note for t in tables for note in t.notes]
    took = [f"{r.name} {duration(r.seconds)}" for r in results]
    took_line = f"took: {', '.join(took)}; total {duration(total)}"
    print()
    print(aligned(rows))
    print()
    for note in notes:
        print(f"- {note}")
    print(took_line)

    OUT.mkdir(parents=True, exist_ok=True)
    failed = [r for r in results if r.error]
    summary = {
        "mode": mode,
        "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cores": CORES,
        "seconds": round(total, 1),
        "rows": [asdict(row) for t in tables for row in t.rows],
        "notes": notes,
        "benchmarks": {
            r.name: {
                "command": r.command,
                "seconds": round(r.seconds, 1),
                "returncode": r.returncode,
                "error": r.error or None,
                "figures": r.figures,
            }
            for r in results
        },
    }
    (OUT / "summary.json").write_text(
        json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    md = [f"# Benchmarks ({mode} sizes, {CORES} cores)", "", markdown(rows), ""]
    md += [f"- {note}" for note in notes]
    md += ["", took_line, ""]
    (OUT / "summary.md").write_text("\n".join(md), encoding="utf-8")
    print(f"written: {(OUT / 'summary.json').relative_to(ROOT)}, "
          f"{(OUT / 'summary.md').relative_to(ROOT)}")  # fmt: skip
    if failed:
        print(f"failed: {', '.join(r.name for r in failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
