"""Benchmark: the supervisors' overview on 100,000 inspections (goal: page shown in < 500 ms).

    uv run python bench/bench_overview.py [COUNT] [--json FILE]

Builds bench/out/overview-<COUNT>/ once (see overview_data.py; ~3.5 million answers for 100k),
then times, on a warm cache (median of 5, and the first run):
  * the first step of the page (`load_dashboard`: compliance, trend, satisfaction, overdue,
    coverage) and the second (`load_failed_items`, uncached), for three filters;
  * the Overview page itself, offscreen: from show() until the figures are painted
    (`loaded`) and until the failed-items chart is filled (`items_loaded`);
  * the province summary PDF for the first half of 1403.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.overview_data import build  # noqa: E402
from inspector_app import paths  # noqa: E402
from inspector_app.domain.jalali import parse_jalali_date  # noqa: E402
from inspector_app.figures.filters import OverviewFilter  # noqa: E402
from inspector_app.figures.summary_report import render_summary  # noqa: E402
from inspector_app.services.context import open_context  # noqa: E402
from inspector_app.services.overview.dashboard import (  # noqa: E402
    clear_cache,
    load_dashboard,
    load_failed_items,
)
from inspector_app.services.overview.local import summary_of  # noqa: E402


def timed(fn: Callable[[], Any], runs: int = 5) -> tuple[float, float]:
    """(first run, median of the following runs) in milliseconds."""
    samples = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples[0], statistics.median(samples[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=100_000)
    parser.add_argument(
        "--json", type=Path, metavar="FILE", help="also write the figures to this file"
    )
    args = parser.parse_args()
    count = args.count
    folder = ROOT / "bench" / "out" / f"overview-{count}"  # reused: building 100k takes minutes
    if not paths.database_path(folder).exists():
        start = time.perf_counter()
        build(folder, count)
        print(f"built {count:,} inspections in {time.perf_counter() - start:.0f} s: {folder}")
    context = open_context(folder)  # migrates an older bench database (new indexes)
    db = paths.database_path(folder)
    n_inspections = context.db.execute("SELECT COUNT(*) FROM inspections").fetchone()[0]
    n_answers = context.db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
    print(f"database: {n_inspections:,} inspections, {n_answers:,} answers, "
          f"{db.stat().st_size / 1e6:.0f} MB")  # fmt: skip
    h1 = (parse_jalali_date("1403-01-01"), parse_jalali_date("1403-06-31"))
    filters = {
        "all inspections": OverviewFilter(),
        "1403 first half": OverviewFilter(date_from=h1[0], date_to=h1[1]),
        "county Bushehr": OverviewFilter(county="بوشهر"),
    }
    measured: dict[str, dict[str, float]] = {}
    for name, f in filters.items():
        first, median = timed(lambda f=f: load_dashboard(db, f))
        items_first, items_median = timed(lambda f=f: load_failed_items(db, f, use_cache=False))
        measured[name] = {
            "figures_ms": round(median, 1),
            "figures_first_ms": round(first, 1),
            "failed_items_ms": round(items_median, 1),
            "failed_items_first_ms": round(items_first, 1),
        }
        print(f"{name:16s}  figures: {median:6.0f} ms (first {first:.0f})   "
              f"failed items: {items_median:6.0f} ms (first {items_first:.0f})")  # fmt: skip
    clear_cache()  # the first page computes the failed items; the next ones find them cached
    page = page_times(context)
    start = time.perf_counter()
    pdf = render_summary(summary_of(context.db, *h1))
    out = Path(tempfile.gettempdir()) / "bench-summary.pdf"
    out.write_bytes(pdf)
    pdf_ms = (time.perf_counter() - start) * 1000
    print(f"summary PDF 1403/01/01-1403/06/31: {pdf_ms:.0f} ms, "
          f"{len(pdf) / 1e3:.0f} kB ({out})")  # fmt: skip
    context.close()
    if args.json:
        figures = {
            "count": count,
            "inspections": n_inspections,
            "answers": n_answers,
            "filters": measured,
            "page": page,
            "summary_pdf_ms": round(pdf_ms, 1),
        }
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


def page_times(context: Any) -> dict[str, float]:
    from PySide6.QtCore import QEventLoop

    from inspector_app.ui import i18n
    from inspector_app.ui.app import register_fonts
    from inspector_app.ui.env import PageEnv
    from inspector_app.ui.events import DataEvents
    from inspector_app.ui.overview_page import OverviewPage
    from inspector_app.ui.qt import QApplication, QSettings, QThreadPool, QTimer

    qapp = QApplication.instance() or QApplication([])
    assert isinstance(qapp, QApplication)
    register_fonts(qapp)
    i18n.apply_language(qapp, "fa")
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "ui.ini"), QSettings.Format.IniFormat)

    class Router:
        def open_inspection(self, inspection_id: str) -> None: ...

        def show_page(self, key: str) -> None: ...

    shown: list[float] = []
    filled: list[float] = []
    for _ in range(4):
        page = OverviewPage(PageEnv(context, DataEvents(), settings, Router(), app=None))  # type: ignore[arg-type]
        page.resize(1400, 1000)
        loop = QEventLoop()
        marks: dict[str, float] = {}

        def mark(name: str, marks: dict[str, float] = marks, loop: QEventLoop = loop) -> None:
            marks[name] = time.perf_counter()
            if len(marks) == 2:  # figures and failed items, in either order
                loop.quit()

        page.loaded.connect(lambda: mark("loaded"))
        page.items_loaded.connect(lambda: mark("items"))
        QTimer.singleShot(120_000, loop.quit)
        start = time.perf_counter()
        page.show()
        loop.exec()
        qapp.processEvents()  # the charts' deferred layout and paint
        page.grab()
        shown.append((marks["loaded"] - start) * 1000)
        filled.append((marks["items"] - start) * 1000)
        QThreadPool.globalInstance().waitForDone()
        page.close()
        page.deleteLater()
    # The first page pays for the cold cache; later ones reuse the failed-items cache.
    print(f"Overview page shown (figures painted): first {shown[0]:.0f} ms, "
          f"then median {statistics.median(shown[1:]):.0f} ms; failed-items chart filled: "
          f"first {filled[0]:.0f} ms, then {statistics.median(filled[1:]):.0f} ms")  # fmt: skip
    return {
        "shown_first_ms": round(shown[0], 1),
        "shown_ms": round(statistics.median(shown[1:]), 1),
        "items_filled_first_ms": round(filled[0], 1),
        "items_filled_ms": round(statistics.median(filled[1:]), 1),
    }


if __name__ == "__main__":
    main()
