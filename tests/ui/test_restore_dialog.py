"""Settings → restore, with real clicks: the finalized, synced inspection the backup lacks is
listed (Persian, right to left) before anything is replaced; cancel changes nothing; carry
over restores the backup with the signed inspection in it, same id and hash; a crafted backup
holding another version of it is only shown, refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from inspector_app.services import integrity
from inspector_app.services.signing import identity as identity_service
from inspector_app.storage import inspections, lifecycle
from inspector_app.ui.qt import QApplication, QFileDialog, Qt
from inspector_app.ui.restore_dialog import RestoreDialog
from inspector_app.ui.settings_page import SettingsPage
from tests.helpers.gui import Gui, message_boxes, wait_for_background
from tests.helpers.restore import craft_edited_copy
from tests.sync.factory import PASSPHRASE, make_finalized


def rows_of(db_file: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db_file) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}")), key=repr) for t in tables}


def back_up(qtbot: Any, page: SettingsPage, target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=20_000)
    message_boxes()[0].accept()


def open_restore(
    qtbot: Any, page: SettingsPage, source: Path, monkeypatch: pytest.MonkeyPatch
) -> RestoreDialog:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(source), ""))
    )
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in page.findChildren(RestoreDialog)), timeout=20_000
    )
    [dialog] = [d for d in page.findChildren(RestoreDialog) if d.isVisible()]
    return dialog


def finalized_and_synced(gui: Gui) -> str:
    assert gui.window is not None
    ctx = gui.window.env.context
    identity_service.ensure_identity(ctx.db, "مریم احمدی", "12345", PASSPHRASE)
    [iid] = make_finalized(ctx, 1, seed=31)
    sha256 = inspections.get(ctx.db, iid)["canonical_sha256"]
    lifecycle.mark_synced(ctx.db, iid, server="https://gov", outcome="stored", sha256=sha256)
    return iid


def test_restore_lists_the_signed_inspection_and_carries_it_over(
    qtbot: Any, gui: Gui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, app = gui.window, gui.app
    assert window is not None and app is not None
    window.show_page("settings")
    page = window.pages["settings"]
    old = tmp_path / "backups" / "before.db"
    back_up(qtbot, page, old, monkeypatch)
    iid = finalized_and_synced(gui)
    row = inspections.get(window.env.context.db, iid)
    database = gui.data_dir / "bazres.db"
    unchanged = rows_of(database)

    dialog = open_restore(qtbot, page, old, monkeypatch)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.items.count() == 1
    line = dialog.items.item(0).text()
    assert line.startswith("ارسال‌شده") and row["office"]["name"] in line
    assert "در پشتیبان نیست؛ منتقل می‌شود" in line
    assert dialog.carry_button.isVisible()
    assert dialog.carry_button.text() == "بازیابی با انتقال بازرسی‌های نهایی‌شده"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    wait_for_background(qtbot)
    assert rows_of(database) == unchanged
    assert not list(gui.data_dir.glob("bazres.db.before-restore-*"))

    dialog = open_restore(qtbot, page, old, monkeypatch)
    with qtbot.waitSignal(app.ready, timeout=30_000):
        qtbot.mouseClick(dialog.carry_button, Qt.MouseButton.LeftButton)
    wait_for_background(qtbot)
    for shown in message_boxes():
        shown.accept()
    assert app.context is not None and app.window is not None
    carried = inspections.get(app.context.db, iid)
    assert (carried["status"], carried["canonical_sha256"]) == ("synced", row["canonical_sha256"])
    assert integrity.full_check(app.context.db) == (1, [])
    app.window.show_page("inspections")
    table = app.window.pages["inspections"].table
    qtbot.waitUntil(lambda: table.model.rowCount() == 1, timeout=10_000)
    assert len(list(gui.data_dir.glob("bazres.db.before-restore-*.bak"))) == 1


def test_a_crafted_backup_is_shown_refused(
    qtbot: Any, gui: Gui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = gui.window
    assert window is not None
    window.show_page("settings")
    page = window.pages["settings"]
    iid = finalized_and_synced(gui)
    crafted = tmp_path / "crafted.db"
    back_up(qtbot, page, crafted, monkeypatch)
    craft_edited_copy(window.env.context.db, iid, crafted)
    database = gui.data_dir / "bazres.db"
    unchanged = rows_of(database)

    dialog = open_restore(qtbot, page, crafted, monkeypatch)
    assert not dialog.carry_button.isVisible()
    assert iid in dialog.message.text() and "چیزی تغییر نکرد" in dialog.message.text()
    assert "پشتیبان نسخهٔ امضاشدهٔ دیگری از آن دارد" in dialog.items.item(0).text()
    assert dialog.cancel_button.text() == "بستن"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    wait_for_background(qtbot)
    assert rows_of(database) == unchanged
    assert not list(gui.data_dir.glob("bazres.db.before-restore-*"))
