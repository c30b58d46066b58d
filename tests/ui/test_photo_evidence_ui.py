"""Photos dropped on an item's strip show when (Jalali, Persian digits) and how far from the
office they were taken; one taken after the visit is marked, the reason in its tooltip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inspector_app.services import workflow
from inspector_app.storage import contents, inspections, offices
from inspector_app.ui.editor.photos import FLAGGED
from inspector_app.ui.qt import (
    QDropEvent,
    QMimeData,
    QPointF,
    Qt,
    QUrl,
)
from tests.helpers.exif import exif_jpeg
from tests.helpers.gui import Gui
from tests.ui.test_screenshots import save

VISIT = {
    "visit_date": "2024-03-20",
    "arrival_at": "2024-03-20T06:00:00Z",  # 09:30 Tehran
    "departure_at": "2024-03-20T08:00:00Z",  # 11:30 Tehran
}


def drop_files(target: Any, files: list[Path]) -> None:
    """Files dropped from a file manager onto `target`, handed to its drop handler."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    event = QDropEvent(
        QPointF(target.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target.dropEvent(event)


def test_dropped_photos_show_time_distance_and_a_warning(
    qtbot: Any, gui: Gui, tmp_path: Path, artifacts: Path
) -> None:
    window = gui.window
    assert window is not None
    db = window.env.context.db
    office = offices.list_offices(db, office_type="pishkhan")[0]
    inspection_id = workflow.start_inspection(window.env.context, office["code"])
    inspections.update_header(db, inspection_id, **VISIT)
    window.resize(1280, 800)
    window.open_inspection(inspection_id)
    editor = window.editor
    assert editor is not None
    editor.jump_to("licence_posted")
    editor.answer_current("yes")
    widget = editor.items[("licence_photo", 0)]
    assert widget.photos is not None and not widget.isHidden()
    near = (office["lat"] + 0.001, office["lon"])  # about 111 m north of the office
    files = [
        tmp_path / "1-inside.jpg",
        tmp_path / "2-late.jpg",
        tmp_path / "3-bare.jpg",
    ]
    files[0].write_bytes(exif_jpeg("2024:03:20 10:15:00", place=near))
    files[1].write_bytes(exif_jpeg("2024:03:20 18:40:00", place=near, color="navy"))
    files[2].write_bytes(exif_jpeg(color="olive"))
    drop_files(widget.photos, files)
    qtbot.waitUntil(lambda: len(contents.photos_of(db, inspection_id)) == 3, timeout=30_000)
    qtbot.waitUntil(lambda: widget.photos.count() == 3, timeout=30_000)
    assert len(contents.photos_of(db, inspection_id)) == 3
    by_name = {}
    for row in range(widget.photos.count()):
        item = widget.photos.thumbs.item(row)
        by_name[item.toolTip().splitlines()[0]] = (item.text(), item.toolTip())
        flagged = item.foreground().color() == FLAGGED
        assert flagged == item.text().startswith("⚠"), item.text()
    assert by_name["1-inside.jpg"] == ("۱۴۰۳/۰۱/۰۱ ۱۰:۱۵\n۱۱۱ متر از دفتر", "1-inside.jpg")
    late_text, late_tip = by_name["2-late.jpg"]
    assert late_text == "⚠ ۱۴۰۳/۰۱/۰۱ ۱۸:۴۰\n۱۱۱ متر از دفتر"
    assert late_tip == "2-late.jpg\n⚠ خارج از بازهٔ زمانی بازدید گرفته شده است"
    assert by_name["3-bare.jpg"] == ("بدون زمان ثبت", "3-bare.jpg")
    editor.focus_item(widget)
    folder = artifacts / "screens"
    folder.mkdir(parents=True, exist_ok=True)
    save(window, folder, "editor-photo-evidence")
    save(widget, folder, "editor-photo-evidence-strip")
