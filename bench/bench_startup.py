"""Benchmark: process start -> main window shown and usable, against a bare PySide6 window.

Both are started the same way in the same run: a fresh `python -c ...` process on the
offscreen platform, timed from just before the process is spawned until it prints "ready"
from the first turn of its event loop after the window was shown ("shown") and once the
window is usable ("ready": database open, offices page listed; the bare window is usable as
soon as it is shown). The app runs its whole
startup sequence (fonts, translator, lock, database opened off the GUI thread, pages built)
on the data folder of an inspector who has used it (the usual case: `inspector-app demo`
makes it, with the inspector's profile and signing identity and four inspections, two of
them signed); the first start of a new data folder (migrations, demo registry, the setup
dialog) is reported separately. Both processes keep Python's compiled bytecode as an
installed app does (PYTHONDONTWRITEBYTECODE, set on some build machines, is dropped for
them: with it every start compiles every module again). Goal: < 1.5x.

Run: uv run python bench/bench_startup.py [--repeat N] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("bare"))
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), print("ready", flush=True), app.quit()))
app.exec()
"""

APP = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from inspector_app.ui.app import GuiApp
qapp = QApplication(sys.argv[:1])
gui = GuiApp(qapp, Path(sys.argv[1]))
gui.shown.connect(lambda window: print("shown", flush=True))
gui.ready.connect(lambda window: (print("ready", flush=True), qapp.quit()))
if gui.start():
    qapp.exec()
gui.shutdown()
"""


def time_to_ready(code: str, *args: str) -> tuple[float, float]:
    """Seconds until the window is on screen, and until it is usable."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    shown = 0.0
    for line in process.stdout:
        if line.strip() == "shown":
            shown = time.perf_counter() - start
        if line.strip() == "ready":
            ready = time.perf_counter() - start
            break
    else:
        raise RuntimeError("the process never became ready")
    process.wait(60)
    return shown, ready


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--json", type=Path, metavar="FILE", help="also write the figures to this file"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        first = time_to_ready(APP, str(Path(tmp) / "new"))[1]
        data = Path(tmp) / "data"
        subprocess.run(
            [sys.executable, "-m", "inspector_app.cli.main", "demo", "--data-dir", str(data)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        time_to_ready(APP, str(data))  # the first start after the demo data: its bytecode
        bare: list[float] = []
        app: list[float] = []
        app_shown: list[float] = []
        time_to_ready(BARE)  # warm the OS file cache for both
        for _ in range(args.repeat):
            bare.append(time_to_ready(BARE)[1])
            shown, ready = time_to_ready(APP, str(data))
            app_shown.append(shown)
            app.append(ready)
    bare_median = statistics.median(bare)
    app_median = statistics.median(app)
    print(f"bare PySide6 window : median {bare_median * 1000:7.1f} ms  (n={len(bare)})")
    shown_median = statistics.median(app_shown)
    print(
        f"Bazres window shown : median {shown_median * 1000:7.1f} ms  (ratio "
        f"{shown_median / bare_median:.2f}x; loading indicator while the database opens)"
    )
    print(
        f"Bazres usable       : median {app_median * 1000:7.1f} ms  (n={len(app)}; offices "
        "listed, search works)"
    )
    print(f"ratio (usable)      : {app_median / bare_median:.2f}x   (goal < 1.5x)")
    print(f"first start of a new data folder (migrations, registry, setup): {first * 1000:.0f} ms")
    if args.json:
        figures = {
            "repeat": args.repeat,
            "bare_ms": round(bare_median * 1000, 1),
            "app_shown_ms": round(shown_median * 1000, 1),
            "app_ready_ms": round(app_median * 1000, 1),
            "ratio": round(app_median / bare_median, 3),
            "shown_ratio": round(shown_median / bare_median, 3),
            "first_start_ms": round(first * 1000, 1),
        }
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
