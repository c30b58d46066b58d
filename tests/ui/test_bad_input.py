"""Bad input: a file that is no image, a 40-megapixel photo, a photo folder that vanished, a
second copy of the app on the same data folder (it hands over to the first:
test_single_instance.py). Clear Persian messages, nothing lost, no traceback dialog."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from inspector_app.errors import KnownError
from inspector_app.services import workflow
from inspector_app.storage import contents, offices
from inspector_app.ui.app import LOCK_FILENAME, GuiApp
from inspector_app.ui.background import run_in_background
from inspector_app.ui.editor.editor import InspectionEditor
from inspector_app.ui.qt import QApplication, QMessageBox, QThread
from tests.helpers.gui import (
    Gui,
    accept_box_when_shown,
    close_message_boxes,
    make_jpeg,
    message_boxes,
    wait_for_background,
)
from tests.helpers.paths import ROOT


def open_editor(gui: Gui) -> InspectionEditor:
    window = gui.window
    assert window is not None
    code = offices.list_offices(window.env.context.db, office_type="pishkhan")[0]["code"]
    inspection_id = workflow.start_inspection(window.env.context, code)
    window.open_inspection(inspection_id)
    assert window.editor is not None
    return window.editor


def photo_widget(editor: InspectionEditor) -> Any:
    editor.jump_to("licence_posted")
    editor.answer_current("yes")
    widget = editor.items[("licence_photo", 0)]
    assert widget.photos is not None and not widget.isHidden()
    return widget


def test_a_file_that_is_not_an_image(qtbot: Any, gui: Gui, tmp_path: Path) -> None:
    editor = open_editor(gui)
    widget = photo_widget(editor)
    fake = tmp_path / "report.jpg"
    fake.write_text("این یک متن است، نه عکس", encoding="utf-8")
    editor.import_photos(widget, [fake])
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=20_000)
    box = message_boxes()[0]
    assert box.icon() == QMessageBox.Icon.Warning
    assert "report.jpg" in box.informativeText()
    assert "تصویر نیست" in box.informativeText()
    assert widget.photos.count() == 0
    assert contents.photos_of(editor.session.db, editor.inspection_id) == []
    close_message_boxes()


@pytest.mark.slow
def test_a_40_megapixel_photo_imports(qtbot: Any, gui: Gui, tmp_path: Path) -> None:
    editor = open_editor(gui)
    widget = photo_widget(editor)
    huge = make_jpeg(tmp_path / "huge.jpg", size=(7744, 5184))  # 40.1 megapixels
    editor.import_photos(widget, [huge])
    qtbot.waitUntil(lambda: widget.photos.count() == 1, timeout=120_000)
    wait_for_background(qtbot)
    stored = contents.photos_of(editor.session.db, editor.inspection_id)
    assert len(stored) == 1
    assert max(stored[0]["width"], stored[0]["height"]) <= 1600
    assert not message_boxes()


def test_a_photo_folder_that_vanished(qtbot: Any, gui: Gui, tmp_path: Path) -> None:
    editor = open_editor(gui)
    widget = photo_widget(editor)
    folder = tmp_path / "usb" / "DCIM"
    chosen = [make_jpeg(folder / "a.jpg"), make_jpeg(folder / "b.jpg")]
    shutil.rmtree(tmp_path / "usb")  # the stick was pulled out after choosing
    editor.import_photos(widget, chosen)
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=20_000)
    box = message_boxes()[0]
    assert "پیدا نشد" in box.informativeText()
    assert "a.jpg" in box.informativeText() and "b.jpg" in box.informativeText()
    assert widget.photos.count() == 0
    close_message_boxes()
    # The last-used folder is gone too: the dialog falls back to the home folder.
    gui.window.env.settings.setValue("folders/photos", str(folder))
    from inspector_app.ui import ui_settings

    assert ui_settings.last_folder(gui.window.env.settings, "photos") == str(Path.home())


def test_a_second_copy_hands_over_to_the_first(qtbot: Any, data_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INSPECTOR_APP_DATA": str(data_dir)}
    first = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "gui", "--data-dir", str(data_dir)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        log = data_dir / "bazres.log"
        while not (log.exists() and "startup: ready" in log.read_text(encoding="utf-8")):
            assert first.poll() is None, "the first copy exited"
            assert time.monotonic() < deadline, "the first copy did not start"
            time.sleep(0.2)
        assert (data_dir / LOCK_FILENAME).exists()
        qapp = QApplication.instance()
        assert isinstance(qapp, QApplication)
        second = GuiApp(qapp, data_dir)
        # The first copy answers: its window comes forward, this one exits quietly (0).
        assert second.start() is False
        assert second.exit_code == 0
        assert not message_boxes("secondCopyBox")
        assert second.window is None and second.context is None
        deadline = time.monotonic() + 30
        while "window brought forward" not in log.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, "the first copy did not bring its window forward"
            time.sleep(0.2)
        # The first copy, asked to stop (as at logout), closes properly and frees the lock.
        first.send_signal(signal.SIGTERM)
        assert first.wait(30) == 0
        assert "shutdown complete" in log.read_text(encoding="utf-8")
        assert second.acquire_lock()
        assert second.lock is not None
        second.lock.unlock()
    finally:
        first.terminate()
        first.wait(30)


@pytest.mark.expected_error_log("unexpected error")  # the bug case: logged with its traceback
def test_background_errors_become_one_calm_message(
    qtbot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    gui_thread = QThread.currentThread()
    seen: dict[str, Any] = {}

    def known() -> None:
        raise KnownError("دیسک پر است", where="/tmp/x")

    def bug() -> None:
        raise ZeroDivisionError("division by zero")

    def work(progress: Any) -> int:
        seen["worker_thread"] = QThread.currentThread()
        progress(1, 2)
        return 42

    def success(value: int) -> None:
        seen["value"] = value
        seen["callback_thread"] = QThread.currentThread()

    run_in_background(None, work, on_success=success)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42
    assert seen["callback_thread"] is gui_thread and seen["worker_thread"] is not gui_thread

    run_in_background(None, known)
    qtbot.waitUntil(lambda: bool(message_boxes()))
    assert message_boxes()[0].text() == "دیسک پر است"
    close_message_boxes()

    with caplog.at_level(logging.ERROR):
        run_in_background(None, bug)
        qtbot.waitUntil(lambda: bool(message_boxes()))
    box = message_boxes()[0]
    assert "ZeroDivisionError" not in box.text() + box.informativeText() + box.detailedText()
    assert "خطای پیش‌بینی‌نشده" in box.windowTitle()
    assert any("ZeroDivisionError" in (r.exc_text or "") for r in caplog.records)
    close_message_boxes()


def test_a_data_folder_that_cannot_be_written(qtbot: Any, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    app = GuiApp(qapp, blocked / "data")
    seen = accept_box_when_shown("unusableFolderBox")
    assert app.start() is False
    assert app.exit_code == 1 and app.window is None
    assert seen and "نمی‌تواند در پوشهٔ داده‌ها بنویسد" in seen[0]


def test_photos_still_importing_when_the_editor_closes_are_kept(
    qtbot: Any, gui: Gui, tmp_path: Path
) -> None:
    editor = open_editor(gui)
    widget = photo_widget(editor)
    inspection_id, db = editor.inspection_id, editor.session.db
    picture = make_jpeg(tmp_path / "late.jpg", size=(4000, 3000))
    editor.import_photos(widget, [picture])
    window = gui.window
    assert window is not None
    window.show_page("offices")  # leaves the editor at once, before the import finished
    assert window.editor is None
    wait_for_background(qtbot)
    qtbot.waitUntil(lambda: len(contents.photos_of(db, inspection_id)) == 1)
