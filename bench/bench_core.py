"""Core benchmarks, each as a ratio against a baseline run in the same process.

- office search over 25,000 offices vs. a plain `in` scan of the raw names;
- answer save latency (p50, p99) vs. a bare sqlite3 INSERT + COMMIT on the same kind of file;
- listing 50,000 inspections vs. a bare `SELECT` of the same rows.

Run: uv run python bench/bench_core.py [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspector_app.domain.search import OfficeIndex
from inspector_app.services.context import open_context
from inspector_app.services.workflow import start_inspection
from inspector_app.storage import drafts, inspections, offices


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def bench_search() -> dict[str, float]:
    rng = random.Random(1)
    words = [
        "پیشخوان",
        "دولت",
        "کارگزاری",
        "پلیس",
        "خدمات",
        "بیمه",
        "مرکزی",
        "شهید",
        "امام",
        "ولیعصر",
    ]
    rows = [
        {
            "code": f"X-{i:05d}",
            "name": f"{rng.choice(words)} {rng.choice(words)} {i}",
            "city": f"شهر {i % 900}",
            "county": f"شهرستان {i % 400}",
        }
        for i in range(25_000)
    ]
    start = time.perf_counter()
    index = OfficeIndex(rows)
    build = time.perf_counter() - start
    queries = ["كنگان", "پيشخوان دولت ۱۲۳", "X-0042", "شهید امام", "بیمه 777", "دشتستن"]
    names = [r["name"] for r in rows]
    ours = statistics.median(t for q in queries for t in timed(lambda q=q: index.search(q), 5))
    base = statistics.median(
        t for q in queries for t in timed(lambda q=q: [n for n in names if q in n], 5)
    )
    print(
        f"search, 25,000 offices: median {ms(ours)} a query (baseline plain scan {ms(base)}, "
        f"ratio {ours / base:.1f}x); index built once in {ms(build)}"
    )
    return {
        "offices": len(rows),
        "query_ms": round(ours * 1000, 3),
        "baseline_scan_ms": round(base * 1000, 3),
        "ratio": round(ours / base, 3),
        "index_build_ms": round(build * 1000, 1),
    }


SAVES = 1000


def bench_answers(folder: Path) -> dict[str, float]:
    context = open_context(folder / "a")
    code = offices.list_offices(context.db, office_type="pishkhan")[0]["code"]
    inspection_id = start_inspection(context, code)
    items = [
        i
        for i in inspections.form_of(context.db, inspection_id).checklist_items()
        if i.type == "yesno"
    ]
    raw = sqlite3.connect(folder / "bare.db")
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA synchronous = FULL")
    raw.execute("CREATE TABLE t (k TEXT, v TEXT)")
    # Ours and the baseline taken in turn, so both meet the same moments of the disk's and
    # the machine's noise: the p99 is mostly those moments.
    samples = []
    base = []
    for n in range(SAVES):
        start = time.perf_counter()
        drafts.set_answer(
            context.db, inspection_id, items[n % len(items)].id, "yes" if n % 2 else "no"
        )
        samples.append(time.perf_counter() - start)
        start = time.perf_counter()
        raw.execute("INSERT INTO t VALUES (?, ?)", [str(n), "yes"])
        raw.commit()
        base.append(time.perf_counter() - start)
    q = statistics.quantiles
    p50, p99 = q(samples, n=100)[49], q(samples, n=100)[98]
    b50, b99 = q(base, n=100)[49], q(base, n=100)[98]
    print(
        f"answer save: p50 {ms(p50)}, p99 {ms(p99)} (bare sqlite3 insert+commit, same settings: "
        f"p50 {ms(b50)}, p99 {ms(b99)}; ratio p50 {p50 / b50:.1f}x, p99 {p99 / b99:.1f}x)"
    )
    context.close()
    return {
        "saves": len(samples),
        "p50_ms": round(p50 * 1000, 3),
        "p99_ms": round(p99 * 1000, 3),
        "bare_p50_ms": round(b50 * 1000, 3),
        "bare_p99_ms": round(b99 * 1000, 3),
        "ratio_p50": round(p50 / b50, 3),
        "ratio_p99": round(p99 / b99, 3),
    }


def bench_listing(folder: Path) -> dict[str, float]:
    context = open_context(folder / "l")
    db = context.db
    codes = [r["code"] for r in offices.list_offices(db)]
    form = context.form_for("pishkhan")
    db.execute(
        "INSERT OR IGNORE INTO form_snapshots VALUES (?, ?, ?, ?, '2024-01-01T00:00:00Z')",
        [
            form.sha256,
            form.form.id,
            form.form.version,
            json.dumps(form.document, ensure_ascii=False),
        ],
    )
    rng = random.Random(2)
    rows = []
    for _ in range(50_000):
        code = rng.choice(codes)
        rows.append(
            (
                str(uuid.uuid4()),
                code,
                json.dumps({"code": code}),
                form.form.id,
                1,
                form.sha256,
                "draft",
                "2024-01-01T00:00:00Z",
                "2024-01-01T00:00:00Z",
                f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                rng.uniform(30, 100),
                rng.choice("ABCD"),
            )
        )
    db.conn.executemany(
        "INSERT INTO inspections (id, office_code, office_snapshot, form_id, form_version,"
        " form_sha256, status, created_at, updated_at, visit_date, score, grade)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    # Finished only after the insert, as finalizing does (a new row is always a draft).
    statuses = [rng.choice(["draft", "finalized", "synced"]) for _ in rows]
    for status, later in (("finalized", ("finalized", "synced")), ("synced", ("synced",))):
        db.conn.executemany(
            "UPDATE inspections SET status = ? WHERE id = ?",
            [(status, row[0]) for row, s in zip(rows, statuses, strict=True) if s in later],
        )
    db.conn.commit()
    ours = statistics.median(timed(lambda: inspections.list_inspections(db), 5))
    base = statistics.median(
        timed(
            lambda: db.conn.execute(
                "SELECT id, office_code, status, visit_date, score FROM inspections"
            ).fetchall(),
            5,
        )
    )
    # What the listing's content costs in SQLite alone: its 20 columns, joined and ordered.
    same = statistics.median(
        timed(
            lambda: db.conn.execute(
                "SELECT i.id, i.office_code, i.status, i.visit_date, i.score, i.grade,"
                " i.critical_failed, i.satisfaction, i.required_open, i.inspector_name,"
                " i.form_id, i.created_at, i.updated_at, i.finalized_at, i.synced_at,"
                " i.replaces, o.name, o.type, o.county, o.city FROM inspections i"
                " JOIN offices o ON o.code = i.office_code"
                " ORDER BY i.visit_date DESC, i.created_at DESC"
            ).fetchall(),
            5,
        )
    )
    print(
        f"list 50,000 inspections: {ms(ours)} (bare SELECT of five columns {ms(base)}, "
        f"ratio {ours / base:.1f}x; bare SELECT of the same 20 columns, joined and ordered, "
        f"{ms(same)}, ratio {ours / same:.1f}x)"
    )
    context.close()
    return {
        "inspections": len(rows),
        "list_ms": round(ours * 1000, 2),
        "bare_select_ms": round(base * 1000, 2),
        "ratio": round(ours / base, 3),
        "same_select_ms": round(same * 1000, 2),
        "same_select_ratio": round(ours / same, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--json", type=Path, metavar="FILE", help="also write the figures to this file"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        figures = {
            "search": bench_search(),
            "answer_save": bench_answers(Path(tmp)),
            "listing": bench_listing(Path(tmp)),
        }
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
