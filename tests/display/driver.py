"""Drive the real app on a real X display: start it as the README says, read its automation
map (inspector_app/ui/automation.py) to find widgets by objectName, act with xdotool.

Every read of the map also checks that the app is alive and shows no bug or error box.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from tests.display.xdisplay import XDisplay
from tests.helpers.paths import ROOT

T = TypeVar("T")
MAP_INTERVAL_MS = 100
Entry = dict[str, Any]


class DisplayFailure(AssertionError):
    """The visit could not go on: what a user would have seen go wrong."""


def _matches(path: str, pattern: str) -> bool:
    """`pattern`'s names appear in `path` in order, and the last ones are the same."""
    names = path.split("/")
    wanted = pattern.split("/")
    if not names or names[-1] != wanted[-1]:
        return False
    position = 0
    for name in wanted[:-1]:
        try:
            position = names.index(name, position, len(names) - 1) + 1
        except ValueError:
            return False
    return True


def intersect(a: list[int], b: list[int]) -> list[int] | None:
    x1, y1 = max(a[0], b[0]), max(a[1], b[1])
    x2, y2 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    return [x1, y1, x2 - x1, y2 - y1] if x2 > x1 and y2 > y1 else None


def center(rect: list[int]) -> tuple[int, int]:
    return rect[0] + rect[2] // 2, rect[1] + rect[3] // 2


class Map:
    """One automation map as the app wrote it."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.seq: int = data["seq"]
        self.screen: list[int] = data["screen"]
        self.settled_for = 0  # how many maps before this one had the same layout

    def layout(self) -> list[tuple[str, list[int], Any]]:
        return [(w["path"], w["rect"], w["shown"]) for w in self.data["widgets"]]

    def all(self, pattern: str) -> list[Entry]:
        return [w for w in self.data["widgets"] if _matches(w["path"], pattern)]

    def all_under(self, pattern: str) -> list[Entry]:
        """Every widget inside the widget(s) `pattern` names."""
        roots = [w["path"] + "/" for w in self.all(pattern)]
        return [w for w in self.data["widgets"] if any(w["path"].startswith(r) for r in roots)]

    def one(self, pattern: str) -> Entry | None:
        found = self.all(pattern)
        return found[0] if found else None

    def windows(self) -> list[Entry]:
        return list(self.data["windows"])

    def window(self, name: str) -> Entry | None:
        return next((w for w in self.data["windows"] if w["name"] == name), None)

    @property
    def popup(self) -> Entry | None:
        return self.data["popup"]

    @property
    def modal(self) -> Entry | None:
        return self.data["modal"]

    @property
    def focus(self) -> Entry | None:
        return self.data["focus"]

    def on_screen(self, entry: Entry) -> list[int] | None:
        """The part of a widget a user can see: painted, and inside the screen."""
        shown = entry.get("shown")
        return intersect(shown, self.screen) if shown else None


class Driver:
    """One data folder, the app started on it (again and again), one screenshot folder."""

    def __init__(
        self,
        display: XDisplay,
        data_dir: Path,
        work_dir: Path,
        shots_dir: Path,
        scale: float | None = None,
    ) -> None:
        self.display = display
        self.data_dir = data_dir
        self.work_dir = work_dir
        self.shots_dir = shots_dir
        self.scale = scale
        self.map_file = work_dir / "automation-map.json"
        self.process: subprocess.Popen[bytes] | None = None
        self.pid = 0
        self.runs = 0
        self.last: Map | None = None
        self.step = 0
        self.notes: list[str] = []  # what a person should know: off-screen windows, ...
        self.allowed_boxes: set[str] = set()  # QMessageBox objectNames the visit expects
        self.acted = True  # input was sent since the last map was read
        display.on_input = self._input_sent

    def _input_sent(self) -> None:
        self.acted = True

    # --- the app process -----------------------------------------------------------------
    def app_log(self) -> Path:
        return self.work_dir / f"app-run{self.runs}.log"

    def start_app(self) -> Map:
        """`./start --data-dir DIR` on the display, as the README says; wait for the map."""
        self.runs += 1
        self.pid = 0
        self.map_file.unlink(missing_ok=True)
        env = self.display.env()
        env["BAZRES_AUTOMATION_MAP"] = str(self.map_file)
        env["BAZRES_AUTOMATION_MAP_MS"] = str(MAP_INTERVAL_MS)
        if self.scale:
            env["QT_SCALE_FACTOR"] = str(self.scale)
        with self.app_log().open("wb") as log:
            self.process = subprocess.Popen(
                [str(ROOT / "start"), "--data-dir", str(self.data_dir)],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
            )  # fmt: skip
        self.last = None
        first = self.wait(lambda m: m, "the app's first automation map", timeout=90)
        self.pid = int(first.data["pid"])
        return first

    def alive(self) -> bool:
        if self.process is None or self.process.poll() is not None:
            return False
        try:
            state = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return self.pid == 0  # not known yet: the starter is still running
        return state not in ("Z", "X")

    def _died(self, doing: str) -> DisplayFailure:
        code = self.process.poll() if self.process is not None else None
        tail = self.app_log().read_text(errors="replace")[-3000:] if self.app_log().exists() else ""
        return DisplayFailure(
            f"the app died while {doing} (exit code {code}); last output:\n{tail}"
        )

    def kill_hard(self) -> int:
        """kill -9 the app's own process (not the `uv run` that started it)."""
        assert self.process is not None and self.pid
        os.kill(self.pid, signal.SIGKILL)
        code = self.process.wait(30)
        self.process = None
        return code

    def quit(self) -> int:
        """SIGTERM: the app closes its windows as on logout and exits."""
        assert self.process is not None and self.pid
        os.kill(self.pid, signal.SIGTERM)
        try:
            code = self.process.wait(60)
        except subprocess.TimeoutExpired as exc:
            raise DisplayFailure("the app did not exit within 60 s of SIGTERM") from exc
        self.process = None
        return code

    def stop(self) -> None:
        """Whatever state it is in: end the app (used when a visit failed)."""
        if self.process is not None and self.process.poll() is None:
            try:
                if self.pid:
                    os.kill(self.pid, signal.SIGKILL)
                self.process.wait(30)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
        self.process = None

    # --- the map -------------------------------------------------------------------------
    def _read(self) -> Map | None:
        try:
            data = json.loads(self.map_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return Map(data)

    def _check(self, current: Map, doing: str) -> None:
        for window in current.windows():
            bug = window["name"] == "bugBox" or window.get("icon") == "Critical"
            warning = window.get("icon") == "Warning" and window["name"] not in self.allowed_boxes
            if bug or warning:
                self.shot("error-box")
                raise DisplayFailure(
                    f"{'a bug' if bug else 'a warning'} box appeared while {doing}: "
                    f"«{window.get('title')}» {window.get('text')} {window.get('informative')}"
                )
            if (
                window["class"] != "QMenu"
                and window["rect"]
                and intersect(window["rect"], current.screen) != window["rect"]
            ):
                note = (
                    f"window {window['name'] or window['class']} «{window['title']}» "
                    f"{window['rect']} is not inside the screen {current.screen[2]}x"
                    f"{current.screen[3]}"
                )
                if note not in self.notes:
                    self.notes.append(note)

    def fresh(self, doing: str = "waiting", timeout: float = 30) -> Map:
        """A map written after everything done so far was delivered (two timer ticks later)."""
        now = self._read()
        after = now.seq + 2 if now is not None else 0
        deadline = time.monotonic() + timeout
        while True:
            if not self.alive():
                raise self._died(doing)
            current = self._read()
            if current is not None and current.seq >= after:
                self.last = current
                self.acted = False
                self._check(current, doing)
                return current
            if time.monotonic() > deadline:
                raise DisplayFailure(f"no automation map from the app while {doing}")
            time.sleep(0.05)

    def current(self, doing: str) -> Map:
        """The last map when no input was sent since it was read, else a fresh one."""
        if self.last is not None and not self.acted:
            return self.last
        return self.fresh(doing)

    def settled(self, doing: str, timeout: float = 10) -> Map:
        """A map whose widgets stand where they stood in the one before: the layout has
        settled (a panel that appears after an answer moves everything below it)."""
        previous = self.current(doing)
        deadline = time.monotonic() + timeout
        while True:
            if previous.settled_for >= 1:
                return previous
            current = self.fresh(doing)
            if current.layout() == previous.layout():
                current.settled_for = previous.settled_for + 1
            if time.monotonic() > deadline:
                raise DisplayFailure(f"the layout kept moving while {doing}")
            previous = current

    def wait(self, found: Callable[[Map], T | None], what: str, timeout: float = 20) -> T:
        deadline = time.monotonic() + timeout
        current = self.current(f"waiting for {what}")
        while True:
            value = found(current)
            if value:
                return value
            if time.monotonic() > deadline:
                self.shot("timeout")
                active = current.data["active_window"]
                raise DisplayFailure(
                    f"timed out after {timeout:.0f} s waiting for {what}; active window: "
                    f"{active and (active['name'] or active['class'])}, modal: "
                    f"{current.modal and current.modal['name']}, focus: "
                    f"{current.focus and current.focus['path']}"
                )
            current = self.fresh(f"waiting for {what}", timeout=max(timeout, 30))

    def widget(self, pattern: str, what: str = "", timeout: float = 20) -> Entry:
        return self.wait(lambda m: m.one(pattern), what or f"widget {pattern}", timeout)

    # --- acting --------------------------------------------------------------------------
    def target(
        self, pattern: str, current: Map | None = None, *, leading: bool = False
    ) -> tuple[int, int]:
        """Where to click `pattern`: the middle of its part on screen (`leading`: near its
        right edge, where a right-to-left check box has its box); fails when there is none,
        naming the widget (a button a user cannot reach is a bug)."""
        current = current or self.settled(f"looking for {pattern}")
        entry = current.one(pattern)
        if entry is None:
            self.widget(pattern)
            current = self.settled(f"looking for {pattern}")
            entry = current.one(pattern)
            if entry is None:
                raise DisplayFailure(f"{pattern} appeared and went again")
        visible = current.on_screen(entry)
        rect = entry["rect"]
        if visible is None or visible[2] * visible[3] < 0.5 * rect[2] * rect[3]:
            self.shot("off-screen")
            raise DisplayFailure(
                f"{entry['path']} ({entry['class']}) is off screen: its rectangle {rect}, "
                f"the part a user can see {visible}, the screen {current.screen}"
            )
        if not entry["enabled"]:
            raise DisplayFailure(f"{entry['path']} is disabled")
        x, y = center(visible)
        if leading:
            x = visible[0] + visible[2] - min(round(10 * current.data["dpr"]), visible[2] // 2)
        return x, y

    def click(self, pattern: str, current: Map | None = None, *, leading: bool = False) -> None:
        self.display.click(*self.target(pattern, current, leading=leading))

    def click_row(self, pattern: str, text: str | Callable[[str], bool]) -> Entry:
        """Click the visible row of item view `pattern` whose text contains `text`."""

        def row(m: Map) -> Entry | None:
            view = m.one(pattern)
            for entry in view.get("rows", []) if view else []:
                if (text(entry["text"]) if callable(text) else text in entry["text"]) and (
                    m.on_screen(entry | {"shown": entry["rect"]})
                ):
                    return dict(entry)
            return None

        self.settled(f"reading the rows of {pattern}")
        chosen = self.wait(row, f"a row of {pattern} matching {text}")
        self.display.click(*center(chosen["rect"]))
        return chosen

    def click_row_of_popup(self, text: str) -> None:
        """Click the row `text` in the open popup (a combo box's list)."""

        def row(m: Map) -> Entry | None:
            rows = (m.popup or {}).get("rows") or []
            return next((r for r in rows if r["text"] == text), None)

        chosen = self.wait(row, f"«{text}» in the open popup")
        current = self.last
        assert current is not None
        if current.on_screen(chosen | {"shown": chosen["rect"]}) is None:
            raise DisplayFailure(f"«{text}» in the popup is off screen: {chosen['rect']}")
        self.display.click(*center(chosen["rect"]))

    def reveal(self, pattern: str, scroller: str) -> None:
        """Wheel-scroll the `scroller` widget until all of `pattern` is on screen."""
        for _ in range(80):
            current = self.settled(f"scrolling to {pattern}")
            entry = current.one(pattern)
            area = current.one(scroller)
            if entry is None or area is None:
                raise DisplayFailure(f"cannot scroll to {pattern}: {scroller} is not shown")
            visible = current.on_screen(entry)
            box = current.on_screen(area)
            if box is None:
                raise DisplayFailure(f"{scroller} is off screen")
            rect = entry["rect"]
            if visible is not None and visible[3] >= min(rect[3], box[3] - 4):
                return
            down = rect[1] + rect[3] / 2 > box[1] + box[3] / 2
            # One notch at a time, then look again: the page slides under a pointer that
            # stays put, and a combo box arriving under it would take the next notches
            # and change its answer (seen: «partial» became «all_down» and was stored).
            self.display.wheel(*self._quiet_point(current, scroller, box), down=down, clicks=1)
        raise DisplayFailure(f"{pattern} did not scroll into view within {scroller}")

    @staticmethod
    def _quiet_point(current: Map, scroller: str, box: list[int]) -> tuple[int, int]:
        """Where to turn the wheel: over a label in `scroller`, not over a control. A combo
        box under the pointer takes the wheel and changes its value (and the stored answer),
        as it would under a careless user's mouse."""
        for entry in current.all(f"{scroller}/question") + [
            w for w in current.all_under(scroller) if w["class"] == "QLabel"
        ]:
            visible = current.on_screen(entry)
            inside = intersect(visible, box) if visible else None
            if inside and inside[3] >= 8:
                return center(inside)
        return center(box)

    def shot(self, name: str) -> Path:
        self.step += 1
        path = self.shots_dir / f"{self.step:02d}-{name}.png"
        self.display.screenshot(path)
        return path
