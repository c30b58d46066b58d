"""Settings: profile, back up and restore, language (English turns the layout left-to-right);
the translation files cover every string of the app's own pages; the Jalali date picker."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from inspector_app.services import workflow
from inspector_app.storage import db as storage_db
from inspector_app.storage import inspections, offices, settings
from inspector_app.ui import i18n, messages
from inspector_app.ui.jalali_widgets import JalaliCalendar, JalaliDateEdit
from inspector_app.ui.qt import (
    QApplication,
    QCalendar,
    QCalendarWidget,
    QFileDialog,
    QLocale,
    Qt,
)
from inspector_app.ui.restore_dialog import RestoreDialog
from tests.helpers.gui import Gui, message_boxes, type_text, wait_for_background
from tests.helpers.paths import ROOT

TS = ROOT / "resources" / "i18n" / "bazres_en.ts"
# The pages this suite covers; other features' modules bring their own strings.
OWN_MODULES = [
    "app.py", "background.py", "fmt.py", "i18n.py", "inspections_page.py", "jalali_widgets.py",
    "labels.py", "main_window.py", "messages.py", "offices_page.py", "office_detail.py",
    "pages.py", "settings_page.py", "table_models.py", "editor", "overview_labels.py",
    "overview_page.py", "overview_filters.py", "overview_charts.py", "overview_tables.py",
    "overview_behind.py", "sync_page.py", "sync_queue.py", "restore_dialog.py",
]  # fmt: skip


def test_profile_is_saved(qtbot: Any, gui: Gui) -> None:
    window = gui.window
    assert window is not None
    window.show_page("settings")
    page = window.pages["settings"]
    assert page.name_edit.text() == "مریم احمدی"  # the profile stored before this start
    for edit in (page.name_edit, page.personnel_edit):
        qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    type_text(page.name_edit, "زهرا کریمی")
    type_text(page.personnel_edit, "۶۷۸۹")
    with qtbot.waitSignal(window.env.events.settings_changed):
        qtbot.mouseClick(page.save_profile_button, Qt.MouseButton.LeftButton)
    profile = settings.inspector_profile(window.env.context.db)
    assert profile == settings.InspectorProfile("زهرا کریمی", "6789")  # stored in Latin digits
    assert str(window.env.context.data_dir) in page.data_label.text()
    # A new inspection carries the profile.
    code = offices.list_offices(window.env.context.db)[0]["code"]
    new = workflow.start_inspection(window.env.context, code)
    assert inspections.get(window.env.context.db, new)["inspector_name"] == "زهرا کریمی"


def test_back_up_then_restore(
    qtbot: Any, gui: Gui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = gui.window
    assert window is not None
    window.show_page("settings")
    page = window.pages["settings"]
    backup = tmp_path / "backups" / "bazres-backup.db"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(backup), ""))
    )
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=20_000)
    assert message_boxes()[0].text() == "پشتیبان ذخیره شد."
    message_boxes()[0].accept()
    with sqlite3.connect(backup) as check:
        assert check.execute("SELECT count(*) FROM offices").fetchone()[0] == 65
        assert check.execute("SELECT count(*) FROM inspections").fetchone()[0] == 0

    # Work done after the backup is replaced by the backup's state on restore.
    code = offices.list_offices(window.env.context.db)[0]["code"]
    workflow.start_inspection(window.env.context, code)
    assert len(inspections.list_inspections(window.env.context.db)) == 1
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(backup), ""))
    )
    app = gui.app
    assert app is not None
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    # The draft started since the backup is listed as lost before anything is replaced.
    qtbot.waitUntil(lambda: page.findChild(RestoreDialog) is not None, timeout=20_000)
    dialog = page.findChild(RestoreDialog)
    assert "کل پیش‌نویس از دست می‌رود" in dialog.items.item(0).text()
    with qtbot.waitSignal(app.ready, timeout=30_000):
        qtbot.mouseClick(dialog.carry_button, Qt.MouseButton.LeftButton)
    wait_for_background(qtbot)
    for shown in message_boxes():
        shown.accept()
    assert app.context is not None and app.window is not None
    assert inspections.list_inspections(app.context.db) == []
    kept = list(gui.data_dir.glob("bazres.db.before-restore-*.bak"))
    assert len(kept) == 1
    with sqlite3.connect(kept[0]) as check:
        assert check.execute("SELECT count(*) FROM inspections").fetchone()[0] == 1
    assert app.window.pages["inspections"].table.model.rowCount() == 0


def test_english_turns_the_layout_left_to_right(qtbot: Any, gui: Gui, artifacts: Path) -> None:
    app = gui.app
    assert app is not None and app.window is not None
    app.window.show_page("settings")
    page = app.window.pages["settings"]
    with qtbot.waitSignal(app.ready, timeout=10_000):
        page.language_combo.setCurrentIndex(page.language_combo.findData("en"))
    window = app.window
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.nav.item(0).text() == "Offices"
    assert window.current_key() == "settings"
    offices_page = window.pages["offices"]
    window.show_page("offices")
    first = offices_page.table.visualRect(offices_page.proxy.index(0, 0))
    second = offices_page.table.visualRect(offices_page.proxy.index(0, 1))
    assert first.x() < second.x()
    assert offices_page.proxy.headerData(0, Qt.Orientation.Horizontal) == "Office name"
    assert offices_page.proxy.headerData(9, Qt.Orientation.Vertical) == "10"
    (artifacts / "screens").mkdir(parents=True, exist_ok=True)
    window.resize(1280, 800)
    QApplication.processEvents()
    assert window.grab().save(str(artifacts / "screens" / "offices-en.png"))
    # The choice is remembered for the next start; switching back restores Persian.
    assert app.settings.value("language") == "en"
    window.show_page("settings")
    with qtbot.waitSignal(app.ready, timeout=10_000):
        combo = app.window.pages["settings"].language_combo
        combo.setCurrentIndex(combo.findData("fa"))
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert app.window.nav.item(0).text() == "دفترها"
    assert QLocale().toString(1234) == "۱٬۲۳۴"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot():
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source") or "")] = translation
    return found


def _extract(paths: list[Path], tmp_path: Path) -> dict[tuple[str, str], ET.Element]:
    """What lupdate finds to translate in `paths` (files, or folders of them)."""
    files: list[str] = []
    for target in paths:
        files += [str(p) for p in target.rglob("*.py")] if target.is_dir() else [str(target)]
    extracted = tmp_path / "extracted.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(lupdate), *files, "-ts", str(extracted), "-source-language", "fa"],
        check=True,
        capture_output=True,
    )
    return _messages(extracted)


def test_english_translation_covers_every_string(tmp_path: Path) -> None:
    ui = ROOT / "inspector_app" / "ui"
    needed = _extract([ui / name for name in OWN_MODULES], tmp_path)
    assert len(needed) > 100
    shipped = _messages(TS)
    missing = [key for key in needed if key not in shipped]
    assert not missing, f"strings not in {TS.name}; run resources/i18n/update.py: {missing[:5]}"
    untranslated = [
        key
        for key in needed
        if shipped[key].get("type") in ("unfinished", "vanished") or not (shipped[key].text or "")
    ]
    assert not untranslated, f"translate these in {TS.name}: {untranslated[:5]}"
    qm = TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= TS.stat().st_mtime - 1


def test_english_translation_covers_every_error_message(tmp_path: Path) -> None:
    """The messages storage, figures and services raise are extracted (marked with errors.py's
    QT_TRANSLATE_NOOP, no Qt below ui/) and every one has its English."""
    package = ROOT / "inspector_app"
    raising = [package / name for name in ("errors.py", "storage", "figures", "services")]
    needed = _extract(raising, tmp_path)
    errors = {key for key in needed if key[0] == "Errors"}
    assert len(errors) > 80
    assert ("Errors", "پایگاه داده خراب است ({reason})") in errors
    assert ("Errors", "این بازرسی نهایی شده و دیگر تغییر نمی‌کند.") in errors
    shipped = _messages(TS)
    missing = [key for key in needed if key not in shipped]
    assert not missing, f"strings not in {TS.name}; run resources/i18n/update.py: {missing[:5]}"
    untranslated = [
        key
        for key in needed
        if shipped[key].get("type") in ("unfinished", "vanished") or not (shipped[key].text or "")
    ]
    assert not untranslated, f"translate these in {TS.name}: {untranslated[:5]}"
    placeholders = re.compile(r"\{[a-z_]*\}")
    for (context, source), translation in shipped.items():
        if context == "Errors":
            wanted = sorted(placeholders.findall(source))
            assert sorted(placeholders.findall(translation.text or "")) == wanted, source


def test_translation_loads(qapp: QApplication) -> None:
    assert i18n.apply_language(qapp, "en") == "en"
    try:
        assert QApplication.translate("Pages", "دفترها") == "Offices"
        assert QLocale().toString(1234) == "1,234"
        error = storage_db.classify(sqlite3.DatabaseError("file is not a database"))
        assert error.message == "پایگاه داده خراب است (file is not a database)"  # the CLI's
        assert messages.error_text(error) == "The database is damaged (file is not a database)"
    finally:
        assert i18n.apply_language(qapp, "fa") == "fa"
    assert QApplication.translate("Pages", "دفترها") == "دفترها"


def test_jalali_date_picker(qapp: QApplication) -> None:
    i18n.apply_language(qapp, "fa")
    calendar = JalaliCalendar()
    assert calendar.calendar().isGregorian() is False
    assert calendar.calendar().name() == QCalendar(QCalendar.System.Jalali).name()
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Saturday
    assert calendar.verticalHeaderFormat() == QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
    assert (
        calendar.horizontalHeaderFormat()
        == QCalendarWidget.HorizontalHeaderFormat.SingleLetterDayNames
    )
    friday = calendar.weekdayTextFormat(Qt.DayOfWeek.Friday).foreground().color()
    saturday = calendar.weekdayTextFormat(Qt.DayOfWeek.Saturday).foreground().color()
    sunday = calendar.weekdayTextFormat(Qt.DayOfWeek.Sunday).foreground().color()
    assert friday != saturday and saturday == sunday
    edit = JalaliDateEdit()
    import datetime as dt

    edit.set_value("2024-03-20")
    assert edit.value() == dt.date(2024, 3, 20)
    assert edit.text() == "۱۴۰۳/۰۱/۰۱"  # logical order, Persian digits
