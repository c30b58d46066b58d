"""A data file someone changed behind the app's back: the app says so the moment it opens."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from inspector_app import paths
from inspector_app.services.context import open_context
from tests.helpers.gui import Gui, close_message_boxes, message_boxes


@pytest.mark.expected_dialog("integrityWarning")
def test_a_dropped_guard_is_told_at_start(qtbot: Any, data_dir: Path) -> None:
    open_context(data_dir).close()
    raw = sqlite3.connect(paths.database_path(data_dir))
    raw.execute("DROP TRIGGER inspections_locked_replace")
    raw.commit()
    raw.close()
    gui = Gui(qtbot, data_dir)
    try:
        gui.start()
        qtbot.waitUntil(lambda: bool(message_boxes("integrityWarning")), timeout=20_000)
        box = message_boxes("integrityWarning")[0]
        assert "دستکاری" in box.text() and "audit verify" in box.text()
        assert "inspections_locked_replace" in box.informativeText()
        close_message_boxes()
    finally:
        gui.stop()


def test_an_untouched_file_opens_without_a_word(qtbot: Any, data_dir: Path) -> None:
    gui = Gui(qtbot, data_dir)
    try:
        gui.start()
        qtbot.wait(200)
        assert message_boxes("integrityWarning") == []
    finally:
        gui.stop()
