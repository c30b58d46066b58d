"""A data file someone changed behind the app's back: the app says so the moment it opens, in
words for the inspector; every kind of problem the check can find has such words."""

from __future__ import annotations

import ast
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from inspector_app import paths
from inspector_app.services import integrity
from inspector_app.services.context import open_context
from inspector_app.services.integrity_kinds import KINDS
from inspector_app.ui import i18n, ui_settings
from inspector_app.ui.qt import QApplication
from tests.helpers.gui import Gui, close_message_boxes, message_boxes

ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")


@pytest.mark.expected_dialog("integrityWarning")
@pytest.mark.parametrize("language", ["fa", "en"])
def test_a_dropped_guard_is_told_at_start(qtbot: Any, data_dir: Path, language: str) -> None:
    open_context(data_dir).close()
    raw = sqlite3.connect(paths.database_path(data_dir))
    raw.execute("DROP TRIGGER inspections_locked_replace")
    raw.commit()
    raw.close()
    chosen = ui_settings.open_settings(data_dir)
    ui_settings.set_language(chosen, language)
    chosen.sync()
    gui = Gui(qtbot, data_dir)
    try:
        gui.start()
        qtbot.waitUntil(lambda: bool(message_boxes("integrityWarning")), timeout=20_000)
        box = message_boxes("integrityWarning")[0]
        assert "audit verify" in box.text()
        # In words for the inspector, in the UI's language; the trigger's name is for
        # `audit verify`.
        if language == "fa":
            assert "دستکاری" in box.text()
            assert box.informativeText() == KINDS["missing_trigger"]
        else:
            assert not ARABIC_SCRIPT.search(box.text() + box.informativeText())
            assert box.informativeText() == (
                "A database lock that protects finalized inspections from change has been removed."
            )
        close_message_boxes()
    finally:
        gui.stop()
        i18n.apply_language(QApplication.instance(), "fa")  # type: ignore[arg-type]


def test_an_untouched_file_opens_without_a_word(qtbot: Any, data_dir: Path) -> None:
    gui = Gui(qtbot, data_dir)
    try:
        gui.start()
        qtbot.wait(200)
        assert message_boxes("integrityWarning") == []
    finally:
        gui.stop()


def produced_kinds() -> set[str]:
    """The kinds `services/integrity.py` gives its problems, read from its source."""
    source = Path(integrity.__file__).read_text(encoding="utf-8")
    kinds = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Problem":
            kind = node.args[1]
            if isinstance(kind, ast.Constant):
                kinds.add(kind.value)
            else:  # f"audit_{kind}": one per way the log can fail an anchor
                assert isinstance(kind, ast.JoinedStr), ast.dump(kind)
                kinds |= {f"audit_{k}" for k in ("cut", "empty", "rewritten", "gap")}
    return kinds


def test_every_kind_of_problem_has_words() -> None:
    produced = produced_kinds()
    assert len(produced) > 20
    assert produced == set(KINDS), (produced - set(KINDS), set(KINDS) - produced)
