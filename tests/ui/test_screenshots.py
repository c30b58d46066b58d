"""Screenshots of every main page (artifacts/screens/*.png) for a person to look at, with
the checks that can be made in code: right-to-left, Persian digits, nothing blank."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inspector_app.services.demo import make_demo
from inspector_app.ui.qt import QApplication, QImage, Qt, QWidget
from tests.helpers.gui import Gui, type_text


def save(widget: QWidget, folder: Path, name: str) -> QImage:
    for _ in range(3):  # widgets added to a shown layout appear, then lay out, a turn later
        QApplication.processEvents()
    pixmap = widget.grab()
    path = folder / f"{name}.png"
    assert pixmap.save(str(path))
    image = pixmap.toImage()
    colors = {
        image.pixel(x, y) for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)
    }
    assert len(colors) > 3, f"{name} looks blank"
    return image


def test_screenshots_of_each_page(qtbot: Any, gui: Gui, artifacts: Path) -> None:
    folder = artifacts / "screens"
    folder.mkdir(parents=True, exist_ok=True)
    window = gui.window
    assert window is not None
    ids = make_demo(window.env.context, count=4)
    window.env.events.inspection_changed.emit(ids[0])
    window.resize(1280, 800)
    window.show_page("offices")
    page = window.pages["offices"]
    page.select_code(page.model.row_at(3)["code"])
    save(window, folder, "offices")
    type_text(page.search, "كنگان")
    page.select_code(
        page.model.row_at(page.proxy.mapToSource(page.proxy.index(0, 0)).row())["code"]
    )
    save(window, folder, "offices-search-kaf")
    window.show_page("inspections")
    save(window, folder, "inspections")
    window.show_page("settings")
    save(window, folder, "settings")
    window.open_inspection(ids[0])
    editor = window.editor
    assert editor is not None
    save(window, folder, "editor")
    editor.move_section(1)
    save(window, folder, "editor-section-2")
    shown = [w for w in editor.items.values() if w.photos is not None and not w.isHidden()]
    editor.focus_item(shown[0])
    save(window, folder, "editor-photos")
    editor.nav.setCurrentRow(len(editor.section_items))
    save(window, folder, "editor-interviews")
    editor.nav.setCurrentRow(editor.nav.count() - 1)
    assert editor.findings.cards, "the demo inspection has findings"
    save(window, folder, "editor-findings")
    calendar = editor.header.date_edit.calendarWidget()
    calendar.resize(320, 240)
    save(calendar, folder, "jalali-calendar")
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert "۰" <= editor.open_label.text()[-1] <= "۹" or editor.open_label.text().endswith("۰")
