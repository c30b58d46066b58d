"""Fixtures for the desktop app tests: the real app started on a fresh data folder, offscreen.

Qt warnings fail these tests as every other (pyproject.toml, tests/helpers/strict.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.gui import Gui, close_message_boxes


@pytest.fixture
def gui_factory(qtbot: Any) -> Iterator[Callable[[Path], Gui]]:
    started: list[Gui] = []

    def make(data_dir: Path) -> Gui:
        gui = Gui(qtbot, data_dir)
        started.append(gui)
        return gui

    yield make
    for gui in started:
        gui.stop()
    close_message_boxes()


@pytest.fixture
def gui(gui_factory: Callable[[Path], Gui], data_dir: Path) -> Gui:
    running = gui_factory(data_dir)
    running.start()
    return running
