"""A real X display for the app: Xvfb, the openbox window manager, xdotool input, screenshots.

Only standard Debian tools (xvfb, openbox, xdotool); .ci/run installs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path

TOOLS = ("Xvfb", "openbox", "xdotool", "setxkbmap")  # setxkbmap: x11-xkb-utils, xvfb's dependency
LAYOUT_PAUSE = 0.15  # after a keyboard layout change, before typing


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def _free_display() -> int:
    for number in range(90, 200):
        if (
            not Path(f"/tmp/.X{number}-lock").exists()
            and not Path(f"/tmp/.X11-unix/X{number}").exists()
        ):
            return number
    raise RuntimeError("no free X display number between :90 and :199")


def _is_ascii(text: str) -> bool:
    return all(32 <= ord(c) < 127 for c in text)


class XDisplay:
    """Xvfb at one screen size with openbox on it; stop() ends both."""

    def __init__(self, width: int, height: int, log_dir: Path) -> None:
        self.width = width
        self.height = height
        self.log_dir = log_dir
        self.number = 0
        self.processes: list[subprocess.Popen[bytes]] = []
        self.on_input: Callable[[], None] | None = None  # told before every input sent
        self.pointer: tuple[int, int] | None = None

    @property
    def name(self) -> str:
        return f":{self.number}"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("QT_QPA_PLATFORM", None)  # the test runner's offscreen setting is not for the app
        env.pop("WAYLAND_DISPLAY", None)
        env["DISPLAY"] = self.name
        return env

    def _spawn(self, args: Sequence[str], log_name: str) -> subprocess.Popen[bytes]:
        log = (self.log_dir / log_name).open("wb")
        process = subprocess.Popen(
            list(args), env=self.env(), stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        log.close()
        self.processes.append(process)
        return process

    def start(self) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.number = _free_display()
        screen = f"{self.width}x{self.height}x24"
        server = self._spawn(
            ["Xvfb", self.name, "-screen", "0", screen, "-nolisten", "tcp", "-noreset"], "xvfb.log"
        )
        socket = Path(f"/tmp/.X11-unix/X{self.number}")
        deadline = time.monotonic() + 20
        while not socket.exists():
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Xvfb {self.name} did not start: see {self.log_dir}/xvfb.log")
            time.sleep(0.05)
        self._spawn(["openbox", "--sm-disable"], "openbox.log")
        deadline = time.monotonic() + 20
        while not self._window_manager_up():
            if time.monotonic() > deadline:
                raise RuntimeError(f"openbox did not start: see {self.log_dir}/openbox.log")
            time.sleep(0.1)

    def _window_manager_up(self) -> bool:
        """openbox's own check window (class "Openbox") exists once it manages the screen."""
        done = subprocess.run(
            ["xdotool", "search", "--maxdepth", "1", "--class", "openbox"],
            env=self.env(), capture_output=True, text=True, check=False,
        )  # fmt: skip
        return bool(done.stdout.strip())

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(10)
        self.processes.clear()

    # --- input -----------------------------------------------------------------------------
    def xdotool(self, *args: str | int | float) -> None:
        if self.on_input is not None:
            self.on_input()
        with (self.log_dir / "input.log").open("a", encoding="utf-8") as log:
            log.write(f"{time.strftime('%H:%M:%S')} xdotool {' '.join(map(str, args))}\n")
        subprocess.run(["xdotool", *map(str, args)], env=self.env(), check=True, timeout=30)

    def _move(self, x: int, y: int) -> list[str | int | float]:
        """The xdotool words that move the pointer to (x, y) and wait until it is there;
        none when it is there already (`mousemove --sync` would wait for ever)."""
        if self.pointer == (x, y):
            return []
        self.pointer = (x, y)
        return ["mousemove", "--sync", x, y]

    def click(self, x: int, y: int, button: int = 1) -> None:
        self.xdotool(*self._move(x, y), "click", button)

    def wheel(self, x: int, y: int, down: bool, clicks: int = 3) -> None:
        self.xdotool(*self._move(x, y), "click", "--repeat", clicks, 5 if down else 4)

    def key(self, *keys: str) -> None:
        self.xdotool("key", "--delay", 60, *keys)

    def layout(self, name: str) -> None:
        subprocess.run(["setxkbmap", name], env=self.env(), check=True, timeout=30)
        time.sleep(LAYOUT_PAUSE)

    def type(self, text: str) -> None:
        """Type `text` as a user would: Persian text with the Persian layout («ir») switched
        on, then back to the Latin one (xdotool maps missing characters onto a spare key
        one at a time, which drops some of them)."""
        if _is_ascii(text):
            self.xdotool("type", "--delay", 40, text)
            return
        self.layout("ir")
        try:
            self.xdotool("type", "--delay", 40, text)
        finally:
            self.layout("us")

    def drag(self, points: Sequence[tuple[int, int]], step_pause: float = 0.02) -> None:
        """Press the left button at the first point, move through the others, release."""
        args: list[str | int | float] = [*self._move(*points[0]), "mousedown", 1]
        for x, y in points[1:]:
            args += ["sleep", step_pause, "mousemove", x, y]
        args += ["sleep", step_pause, "mouseup", 1]
        self.pointer = points[-1]
        self.xdotool(*args)

    # --- pictures --------------------------------------------------------------------------
    def screenshot(self, path: Path) -> None:
        from PIL import ImageGrab

        path.parent.mkdir(parents=True, exist_ok=True)
        ImageGrab.grab(xdisplay=self.name).save(path, compress_level=1)
