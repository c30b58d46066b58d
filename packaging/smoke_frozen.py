"""Smoke test of the frozen build (dist/bazres from packaging/bazres.spec), run by .ci/freeze.

    uv run --frozen python packaging/smoke_frozen.py dist/bazres artifacts/freeze

The commands from the frozen `inspector-app` with the exit codes the README gives (demo 0,
report 0, verify 3 on this laptop's own signature and 1 on a changed file, audit verify 0,
an XLSX export, working days with Iran's holidays);
then, under Xvfb and openbox (tests/display/xdisplay.py), the frozen `bazres` on a fresh data
folder (the window and the first-run setup over it), a second launch that hands over (exit 0,
the first brings its window forward), and the offices page of the demo folder laid out right
to left, read from the app's automation map. Screenshots go to OUT; the time from launch to a
ready window is printed for the frozen build and for the source run. Exit 0 when all passed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.display.xdisplay import XDisplay, missing_tools  # noqa: E402

READY = "startup: ready"


class Smoke:
    def __init__(self, dist: Path, out: Path) -> None:
        self.app = dist / "bazres"
        self.cli = dist / "inspector-app"
        self.out = out
        self.failures: list[str] = []

    def check(self, ok: bool, what: str) -> bool:
        print(f"{'ok  ' if ok else 'FAIL'} {what}", flush=True)
        if not ok:
            self.failures.append(what)
        return ok

    def run_cli(
        self, data_dir: Path, *args: str, expect: int = 0
    ) -> subprocess.CompletedProcess[str]:
        """Run a frozen command; its output is printed when it exits with another code."""
        done = subprocess.run(
            [str(self.cli), "--data-dir", str(data_dir), *args],
            capture_output=True, text=True, timeout=300, env=clean_env(), check=False,
        )  # fmt: skip
        if done.returncode != expect:
            print(done.stdout[-2000:], done.stderr[-2000:], sep="\n")
        return done

    # --- the commands ------------------------------------------------------------------------
    def commands(self, demo_dir: Path, work: Path) -> None:
        started = time.monotonic()
        done = self.run_cli(demo_dir, "demo")
        self.check(done.returncode == 0, f"demo exits 0 ({time.monotonic() - started:.1f} s)")
        listed = self.run_cli(demo_dir, "inspections", "list", "--status", "finalized", "--json")
        finalized = json.loads(listed.stdout or "[]")
        if not self.check(bool(finalized), "demo made finalized inspections"):
            return
        report = work / "report.pdf"
        done = self.run_cli(demo_dir, "report", finalized[0]["id"], "-o", str(report))
        self.check(
            done.returncode == 0 and report.read_bytes()[:5] == b"%PDF-", "report exits 0: a PDF"
        )
        done = self.run_cli(demo_dir, "verify", str(report), expect=3)
        self.check(done.returncode == 3, f"verify of a demo report exits 3 (got {done.returncode})")
        changed = work / "changed.pdf"
        changed.write_bytes(report.read_bytes() + b"\n% appended after signing\n")
        done = self.run_cli(demo_dir, "verify", str(changed), expect=1)
        self.check(
            done.returncode == 1, f"verify of a changed copy exits 1 (got {done.returncode})"
        )
        done = self.run_cli(demo_dir, "audit", "verify")
        self.check(done.returncode == 0, f"audit verify exits 0 (got {done.returncode})")
        sheet = work / "answers.xlsx"
        done = self.run_cli(demo_dir, "export", "answers", "-o", str(sheet))
        self.check(
            done.returncode == 0 and sheet.read_bytes()[:2] == b"PK", "export answers: an XLSX"
        )
        # Iran's holidays are a module `holidays` loads by name: it must be in the build.
        done = self.run_cli(demo_dir, "day-count", "working")
        self.check(
            done.returncode == 0 and "working days on" in done.stdout,
            "day-count working counts Iran's holidays",
        )

    # --- the window ------------------------------------------------------------------------
    def launch(self, display: XDisplay, command: list[str], data_dir: Path, name: str) -> App:
        env = {**display.env(), **clean_env()}
        env["BAZRES_AUTOMATION_MAP"] = str(self.out / f"{name}-map.json")
        with (self.out / f"{name}.log").open("wb") as log:
            process = subprocess.Popen(
                [*command, "--data-dir", str(data_dir)],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )  # fmt: skip
        return App(process, data_dir, Path(env["BAZRES_AUTOMATION_MAP"]), time.monotonic())

    def window(self, display: XDisplay, fresh: Path, demo_dir: Path) -> None:
        first = self.launch(display, [str(self.app)], fresh, "fresh")
        try:
            seconds = first.wait_ready()
            self.check(seconds is not None, f"frozen app ready on a fresh data folder: {seconds} s")
            setup = first.wait_map(lambda m: m.get("modal"))
            self.check(
                bool(setup) and setup["modal"]["title"] == "راه‌اندازی بازرس",
                "the first-run setup stands over the window",
            )
            time.sleep(1)
            display.screenshot(self.out / "fresh.png")
            second = self.launch(display, [str(self.app)], fresh, "second")
            code = second.process.wait(60)
            self.check(code == 0, f"a second launch hands over and exits 0 (got {code})")
            self.check(
                wait_for(lambda: "window brought forward" in first.log(), 20),
                "the running copy brought its window forward",
            )
        finally:
            self.check(first.stop() == 0, "the app closes on SIGTERM with exit 0")

        app = self.launch(display, [str(self.app)], demo_dir, "offices")
        try:
            app.wait_ready()
            shown = app.wait_map(lambda m: named(m, "navigation") and named(m, "pages"))
            nav, pages = named(shown or {}, "navigation"), named(shown or {}, "pages")
            if self.check(bool(nav and pages), "the offices page is shown"):
                assert shown is not None and nav is not None and pages is not None
                self.check(
                    nav["rect"][0] > pages["rect"][0] + pages["rect"][2] // 2,
                    f"right to left: navigation {nav['rect']} right of the pages {pages['rect']}",
                )
                title = (shown.get("active_window") or {}).get("title", "")
                self.check(title == "بازرسی دفاتر خدمات استان بوشهر", f"window title {title!r}")
            time.sleep(1)
            display.screenshot(self.out / "offices.png")
        finally:
            app.stop()

    def startup_times(self, display: XDisplay, work: Path) -> None:
        """Time to a ready window, frozen against `python main.py`, each on a new folder whose
        database a command has already made (no first migration in the time)."""
        times: dict[str, float | None] = {}
        for name, command in (
            ("frozen", [str(self.app)]),
            ("source", [sys.executable, str(ROOT / "main.py")]),
        ):
            folder = work / f"time-{name}"
            self.run_cli(folder, "offices", "list", "--json")  # the database, as after a start
            app = self.launch(display, command, folder, f"time-{name}")
            try:
                times[name] = app.wait_ready()
            finally:
                app.stop()
        print(f"time to a ready window: frozen {times['frozen']} s, source {times['source']} s")
        for name, command in (
            ("frozen", [str(self.cli)]),
            ("source", [sys.executable, str(ROOT / "main.py")]),
        ):
            started = time.monotonic()
            subprocess.run([*command, "--help"], capture_output=True, check=True, env=clean_env())
            print(f"--help: {name} {time.monotonic() - started:.2f} s")


class App:
    def __init__(
        self, process: subprocess.Popen[bytes], data_dir: Path, map_file: Path, started: float
    ) -> None:
        self.process = process
        self.data_dir = data_dir
        self.map_file = map_file
        self.started = started

    def log(self) -> str:
        log = self.data_dir / "bazres.log"
        return log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""

    def wait_ready(self, timeout: float = 90) -> float | None:
        wait_for(lambda: READY in self.log() or self.process.poll() is not None, timeout)
        return round(time.monotonic() - self.started, 2) if READY in self.log() else None

    def wait_map(self, found: Callable[[dict[str, Any]], Any], timeout: float = 30) -> Any:
        result: list[dict[str, Any]] = []

        def look() -> bool:
            try:
                data = json.loads(self.map_file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return False
            if found(data):
                result.append(data)
                return True
            return False

        wait_for(look, timeout)
        return result[0] if result else None

    def stop(self) -> int | None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(30)
        return self.process.returncode


def named(snapshot: dict[str, Any], name: str) -> dict[str, Any] | None:
    return next((w for w in snapshot.get("widgets", []) if w["name"] == name), None)


def wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def clean_env() -> dict[str, str]:
    """The environment a user's desktop gives: none of the test runner's Qt or data settings."""
    dropped = ("QT_QPA_PLATFORM", "INSPECTOR_APP_DATA")
    return {k: v for k, v in os.environ.items() if k not in dropped}


def main(argv: list[str]) -> int:
    dist, out = Path(argv[1]), Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    smoke = Smoke(dist, out)
    with tempfile.TemporaryDirectory(prefix="bazres-freeze-") as temp:
        work = Path(temp)
        demo_dir = work / "demo"
        smoke.commands(demo_dir, work)
        missing = missing_tools()
        if missing:
            smoke.check(False, f"display tools missing: {', '.join(missing)}")
        else:
            display = XDisplay(1280, 800, out / "x")
            display.start()
            try:
                smoke.window(display, work / "fresh", demo_dir)
                smoke.startup_times(display, work)
            finally:
                display.stop()
    print(f"screenshots: {out / 'fresh.png'}, {out / 'offices.png'}")
    if smoke.failures:
        print(f"{len(smoke.failures)} check(s) failed: {'; '.join(smoke.failures)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
