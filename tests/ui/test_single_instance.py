"""One app per user and data folder: a second launch, started as the README does
(`python main.py --data-dir D`), brings the running window forward and exits 0; a socket left
by a killed instance does not stop the next launch from becoming the instance; a lock holder
that does not answer gets the polite refusal."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from inspector_app.ui import single_instance
from inspector_app.ui.app import LOCK_FILENAME, GuiApp
from inspector_app.ui.qt import QApplication
from tests.helpers.gui import Gui, accept_box_when_shown
from tests.helpers.paths import ROOT
from tests.helpers.profile import seed_profile

pytestmark = pytest.mark.slow


def app_env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INSPECTOR_APP_DATA": str(data_dir)}


@pytest.fixture
def launch(data_dir: Path, tmp_path: Path) -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    """`python main.py --data-dir D` as a real process; every one is ended after the test.
    Its output goes to tmp_path/launch-N.txt."""
    started: list[subprocess.Popen[bytes]] = []

    def start(*args: str) -> subprocess.Popen[bytes]:
        with (tmp_path / f"launch-{len(started)}.txt").open("wb") as output:
            process = subprocess.Popen(
                [sys.executable, "main.py", "--data-dir", str(data_dir), *args],
                env=app_env(data_dir),
                cwd=ROOT,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(30)


def finished(qtbot: Any, process: subprocess.Popen[bytes], timeout: int = 60_000) -> int:
    """Wait for `process` while this process's event loop runs (it may be the instance)."""
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=timeout)
    return process.returncode


def log_text(data_dir: Path) -> str:
    log = data_dir / "bazres.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def test_a_second_launch_brings_the_running_window_forward(
    qtbot: Any,
    gui_factory: Callable[[Path], Gui],
    data_dir: Path,
    launch: Any,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="inspector_app.ui.app")
    gui = gui_factory(data_dir)
    window = gui.start()
    assert gui.app is not None and gui.app.instance is not None
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    with qtbot.waitSignal(gui.app.instance.activation_requested, timeout=60_000):
        second = launch()
        assert finished(qtbot, second) == 0
    assert "Traceback" not in (tmp_path / "launch-0.txt").read_text(encoding="utf-8")
    qtbot.waitUntil(lambda: not window.isMinimized())
    assert window.isVisible()
    # This process's log file may be an earlier test's (one file handler per process).
    assert "single instance: window brought forward" in caplog.text
    # The second launch neither took the lock nor left a database connection behind: this
    # instance still holds the folder and goes on working.
    assert gui.app.lock is not None and gui.app.lock.isLocked()
    assert window.env.context.db.execute("SELECT count(*) FROM offices").fetchone()[0] > 0


def test_a_socket_left_by_a_killed_instance_does_not_stop_the_next_one(
    qtbot: Any, gui_factory: Callable[[Path], Gui], data_dir: Path, launch: Any
) -> None:
    seed_profile(data_dir)
    first = launch()
    deadline = time.monotonic() + 60
    while "startup: ready" not in log_text(data_dir):
        assert first.poll() is None, "the first copy exited"
        assert time.monotonic() < deadline, "the first copy did not start"
        time.sleep(0.2)
    listening = [line for line in log_text(data_dir).splitlines() if "listening on" in line]
    socket_path = Path(listening[-1].rsplit(" ", 1)[1])
    assert socket_path.exists()
    assert socket_path.stat().st_mode & 0o077 == 0, "only this user may connect"
    first.send_signal(signal.SIGKILL)
    first.wait(30)
    assert socket_path.exists(), "kill -9 leaves the socket file behind"
    assert (data_dir / LOCK_FILENAME).exists(), "and the lock file"

    gui = gui_factory(data_dir)
    window = gui.start()  # becomes the instance: the stale lock and socket are taken over
    assert gui.app is not None and gui.app.instance is not None
    assert gui.app.instance.server.isListening()
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    third = launch()
    assert finished(qtbot, third) == 0
    qtbot.waitUntil(lambda: not window.isMinimized())


def test_a_lock_holder_that_does_not_answer_gets_the_polite_refusal(
    qtbot: Any, data_dir: Path
) -> None:
    """Something holds the data folder's lock but listens on no socket (a copy hung while
    starting): after trying for a while the second copy says the app is already open."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from PySide6.QtCore import QLockFile\n"
            "lock = QLockFile(sys.argv[1]); assert lock.tryLock(1000)\n"
            "print('locked', flush=True); time.sleep(120)\n",
            str(data_dir / LOCK_FILENAME),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        qapp = QApplication.instance()
        assert isinstance(qapp, QApplication)
        second = GuiApp(qapp, data_dir)
        seen = accept_box_when_shown("secondCopyBox")
        started = time.monotonic()
        assert second.start() is False
        assert time.monotonic() - started >= single_instance.CONNECT_TIMEOUT
        assert second.exit_code == 1
        assert seen and "در حال اجراست" in seen[0]
        assert second.window is None and second.context is None and second.instance is None
    finally:
        holder.kill()
        holder.wait(30)
        if holder.stdout is not None:
            holder.stdout.close()


def test_each_data_folder_has_its_own_instance(qtbot: Any, tmp_path: Path) -> None:
    """Two instances on two folders: a hand-off on one folder reaches that one only."""
    first, other = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    other.mkdir()
    names = [single_instance.server_name(folder) for folder in (first, other)]
    assert names[0] != names[1]
    assert single_instance.server_name(tmp_path / "x" / ".." / "a") == names[0]
    servers = [single_instance.InstanceServer(name) for name in names]
    for server in servers:
        assert server.listen()
    calls: list[int] = []
    for index, server in enumerate(servers):
        server.activation_requested.connect(lambda i=index: calls.append(i))
    try:
        result: list[bool] = []
        # The asking side blocks, as a second launch does: here in a thread, so that this
        # thread's event loop can answer.
        asking = threading.Thread(target=lambda: result.append(single_instance.hand_off(names[1])))
        asking.start()
        qtbot.waitUntil(lambda: not asking.is_alive(), timeout=20_000)
        assert result == [True]
        assert calls == [1]
    finally:
        for server in servers:
            server.close()


def test_the_name_differs_per_user(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LOGNAME", "inspector1")
    mine = single_instance.server_name(data_dir)
    monkeypatch.setenv("LOGNAME", "inspector2")
    assert single_instance.server_name(data_dir) != mine
