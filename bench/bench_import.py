"""Benchmark: importing one exported inspection of 1,000 and of 10,000 answers (goal: linear,
10,000 answers in < 2 s), against a baseline in the same process: reading the same file with
`json` and inserting its answers with a bare sqlite3 executemany + commit.

Run: uv run python bench/bench_import.py [--repeat N] [--json FILE]
"""

from __future__ import annotations

import argparse
import copy
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspector_app.services import inspection_document
from inspector_app.services.context import AppContext, open_context
from inspector_app.storage import drafts, inspections, offices


def _exported(context: AppContext, answers: int) -> dict[str, Any]:
    """An export of a draft whose form has `answers` more yes/no items, each answered."""
    form = copy.deepcopy(context.form_for("pishkhan").document)
    form["id"] = "bench-import"
    form["sections"][0]["items"].extend(
        {"id": f"bench_{n}", "type": "yesno", "text": f"پرسش افزودهٔ شمارهٔ {n + 1}"}
        for n in range(answers)
    )
    office = next(o for o in offices.list_offices(context.db) if o["type"] == "pishkhan")
    inspection_id = inspections.create(
        context.db, office=office, form_document=form, visit_date="2026-11-29",
        inspector_name="مریم احمدی", inspector_personnel_no="12345",
    )  # fmt: skip
    drafts.set_answers_of_import(
        context.db,
        inspection_id,
        [drafts.AnswerRow(f"bench_{n}", "no" if n % 7 == 0 else "yes") for n in range(answers)],
    )
    return inspection_document.export_document(context.db, inspection_id)


def _ours(folder: Path, path: Path) -> float:
    context = open_context(folder)
    start = time.perf_counter()
    inspection_document.import_file(context.db, path)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def _baseline(folder: Path, path: Path) -> float:
    folder.mkdir()
    conn = sqlite3.connect(folder / "bare.db")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(
        "CREATE TABLE answers (inspection_id TEXT, item_id TEXT, repeat_index INT, value TEXT,"
        " note TEXT, PRIMARY KEY (inspection_id, item_id, repeat_index))"
    )
    start = time.perf_counter()
    doc = json.loads(path.read_text(encoding="utf-8"))["inspection"]
    rows = [
        (doc["id"], a["item_id"], a.get("repeat_index", 0), json.dumps(a["value"]), "")
        for a in doc["answers"]
    ]
    with conn:
        conn.executemany("INSERT INTO answers VALUES (?, ?, ?, ?, ?)", rows)
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--json", type=Path, metavar="FILE", help="also write the figures to this file"
    )
    args = parser.parse_args()
    sizes: dict[str, dict[str, float]] = {}
    print(f"{'answers':>8}  {'import':>10}  {'baseline':>10}  {'ratio':>7}  {'per answer':>11}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        per_answer: dict[int, float] = {}
        for answers in (1_000, 10_000):
            source = open_context(root / f"source-{answers}")
            path = root / f"export-{answers}.json"
            path.write_text(json.dumps(_exported(source, answers), ensure_ascii=False), "utf-8")
            source.close()
            ours = statistics.median(
                _ours(root / f"ours-{answers}-{n}", path) for n in range(args.repeat)
            )
            base = statistics.median(
                _baseline(root / f"base-{answers}-{n}", path) for n in range(args.repeat)
            )
            per_answer[answers] = ours / answers
            sizes[str(answers)] = {
                "import_ms": round(ours * 1000, 2),
                "baseline_ms": round(base * 1000, 3),
                "ratio": round(ours / base, 3),
                "per_answer_us": round(ours / answers * 1e6, 2),
            }
            print(
                f"{answers:>8,}  {ours * 1000:>7.0f} ms  {base * 1000:>7.1f} ms  "
                f"{ours / base:>6.1f}x  {ours / answers * 1e6:>8.0f} µs"
            )
        print(
            f"linearity: time per answer at 10,000 / at 1,000 = "
            f"{per_answer[10_000] / per_answer[1_000]:.2f} (1.00 is linear); goal 10,000 < 2 s"
        )
    if args.json:
        figures = {
            "repeat": args.repeat,
            "answers": sizes,
            "linearity": round(per_answer[10_000] / per_answer[1_000], 3),
        }
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
