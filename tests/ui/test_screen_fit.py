"""Every window and dialog fits the laptop screens of the inspectors: 1280x720, 1366x768 and
1920x1080 at 150 % (1280x720 logical); a large monitor keeps the preferred size.

One process has one QApplication with one screen, so each size runs tests/ui/screen_fit_cases.py
in a process of its own, on Qt's offscreen platform configured with that screen
(`offscreen:configfile=FILE.json`). The processes run side by side; the cases also leave
screenshots in artifacts/screens/<size>-<lang>/.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.paths import ROOT

CASES = Path(__file__).with_name("screen_fit_cases.py")
# Compiled modules kept between runs outside the tree: each process imports the whole app.
PYCACHE = Path(tempfile.gettempdir()) / "bazres-screen-fit-pycache"
# Plugins the cases do not use; loading them costs seconds in every process.
UNUSED_PLUGINS = ("anyio", "hypothesispytest", "schemathesis")

# name: (width, height, scale factor) of the physical screen
SCREENS = {
    "1280x720": (1280, 720, 1.0),
    "1366x768": (1366, 768, 1.0),
    "1920x1080@1.5": (1920, 1080, 1.5),
    "2560x1440": (2560, 1440, 1.0),
}


def start_cases(name: str, folder: Path) -> subprocess.Popen[str]:
    width, height, scale = SCREENS[name]
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "screen.json"
    screen = {"name": name, "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"screens": [screen]}))
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["QT_SCALE_FACTOR"] = str(scale)
    env["BAZRES_SCREEN"] = name
    command = [sys.executable, "-m", "pytest", str(CASES), "-q", "-x", "-p", "no:cacheprovider",
               "--basetemp", str(folder / "cases")]  # fmt: skip
    for plugin in UNUSED_PLUGINS:
        command += ["-p", f"no:{plugin}"]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


@pytest.fixture(scope="module")
def runs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, subprocess.Popen[str]]]:
    """All selected sizes started at once, each in its own process."""
    wanted = [
        item.callspec.params["name"]  # type: ignore[attr-defined]
        for item in request.session.items
        if getattr(item, "originalname", "") == "test_windows_fit_the_screen"
    ]
    folder = tmp_path_factory.mktemp("screens")
    started = {name: start_cases(name, folder / name.replace("@", "-")) for name in wanted}
    yield started
    for process in started.values():
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


@pytest.mark.slow
@pytest.mark.parametrize("name", list(SCREENS))
def test_windows_fit_the_screen(name: str, runs: dict[str, subprocess.Popen[str]]) -> None:
    process = runs[name]
    output, _ = process.communicate(timeout=240)
    lines = output.strip().splitlines()
    assert process.returncode == 0, f"{name}:\n{output[-8000:]}"
    assert lines and " passed" in lines[-1] and "failed" not in lines[-1], output[-2000:]
