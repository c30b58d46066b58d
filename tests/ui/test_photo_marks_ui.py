"""Marking a photo with the mouse: a region dragged with «محو کردن» is blurred past reading, a
circle and an arrow are drawn, a text is placed with a click; saved, the photo's JPEG carries
them while the original's sha256 stays, the marks are in its document, and a finalized
inspection's photos cannot be marked."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw, ImageStat

from inspector_app.domain.canonical import sha256_hex
from inspector_app.errors import RecordLocked
from inspector_app.services import photo_marks, workflow
from inspector_app.services.inspection_document import build_document
from inspector_app.services.photos import prepare_photo_bytes
from inspector_app.storage import contents, drafts, offices
from inspector_app.ui.editor.photo_marks_dialog import PhotoMarksDialog
from inspector_app.ui.qt import QApplication, QPoint, Qt, QTimer
from tests.helpers.gui import Gui, type_text
from tests.ui.test_photo_evidence_ui import drop_files

LEFT = Qt.MouseButton.LeftButton


def busy_photo(path: Path) -> Path:
    """Stripes a blur must wash out: high contrast everywhere."""
    image = Image.new("RGB", (1200, 900), "white")
    draw = ImageDraw.Draw(image)
    for x in range(0, 1200, 12):
        draw.rectangle((x, 0, x + 5, 900), fill="black")
    image.save(path, "JPEG", quality=92)
    return path


def drag(qtbot: Any, canvas: Any, start: tuple[float, float], end: tuple[float, float]) -> None:
    """Press, move and release on the photo at shares of its width and height."""
    rect = canvas.image_rect()

    def at(share: tuple[float, float]) -> QPoint:
        return QPoint(
            rect.left() + round(share[0] * rect.width()),
            rect.top() + round(share[1] * rect.height()),
        )

    qtbot.mousePress(canvas, LEFT, pos=at(start))
    for step in range(1, 6):
        point = (
            start[0] + (end[0] - start[0]) * step / 5,
            start[1] + (end[1] - start[1]) * step / 5,
        )
        qtbot.mouseMove(canvas, at(point))
    qtbot.mouseRelease(canvas, LEFT, pos=at(end))


def stripes_left(jpeg: bytes, box: tuple[float, float, float, float]) -> float:
    """The spread of grey levels in `box` (shares): stripes give a large one, a blur a small."""
    image = Image.open(io.BytesIO(jpeg)).convert("L")
    w, h = image.size
    region = image.crop(
        (round(box[0] * w), round(box[1] * h), round(box[2] * w), round(box[3] * h))
    )
    return float(ImageStat.Stat(region).stddev[0])


def test_a_photo_is_blurred_circled_pointed_at_and_captioned_with_the_mouse(
    qtbot: Any, gui: Gui, tmp_path: Path, artifacts: Path
) -> None:
    window = gui.window
    assert window is not None
    db = window.env.context.db
    office = offices.list_offices(db, office_type="pishkhan")[0]
    inspection_id = workflow.start_inspection(window.env.context, office["code"])
    window.resize(1280, 800)
    window.open_inspection(inspection_id)
    editor = window.editor
    assert editor is not None
    editor.jump_to("licence_posted")
    editor.answer_current("yes")
    widget = editor.items[("licence_photo", 0)]
    assert widget.photos is not None
    drop_files(widget.photos, [busy_photo(tmp_path / "counter.jpg")])
    qtbot.waitUntil(lambda: widget.photos.count() == 1, timeout=30_000)
    [before] = contents.photos_of(db, inspection_id, with_data=True)
    assert stripes_left(before["jpeg"], (0.1, 0.1, 0.4, 0.4)) > 60

    done: list[PhotoMarksDialog] = []

    def mark() -> None:
        dialogs = [d for d in QApplication.topLevelWidgets() if isinstance(d, PhotoMarksDialog)]
        if not dialogs or not dialogs[0].isVisible():
            QTimer.singleShot(50, mark)
            return
        dialog = dialogs[0]
        canvas = dialog.canvas
        drag(qtbot, canvas, (0.1, 0.1), (0.4, 0.4))  # blur is the first tool
        qtbot.mouseClick(dialog.tool_buttons["circle"], LEFT)
        drag(qtbot, canvas, (0.55, 0.55), (0.9, 0.9))
        qtbot.mouseClick(dialog.tool_buttons["arrow"], LEFT)
        drag(qtbot, canvas, (0.5, 0.2), (0.7, 0.5))
        qtbot.mouseClick(dialog.tool_buttons["arrow"], LEFT)
        drag(qtbot, canvas, (0.2, 0.8), (0.3, 0.85))
        qtbot.mouseClick(dialog.undo_button, LEFT)  # the second arrow taken back
        qtbot.mouseClick(dialog.tool_buttons["text"], LEFT)
        qtbot.mouseClick(dialog.text, LEFT)
        type_text(dialog.text, "تعرفهٔ قدیمی")
        qtbot.mouseClick(canvas, LEFT, pos=QPoint(canvas.width() // 2, canvas.height() // 8))
        assert [m.kind for m in dialog.marks] == ["blur", "circle", "arrow", "text"]
        dialog.grab().save(str(artifacts / "screens" / "dialog-photo-marks.png"))
        done.append(dialog)
        qtbot.mouseClick(dialog.save_button, LEFT)

    (artifacts / "screens").mkdir(parents=True, exist_ok=True)
    QTimer.singleShot(50, mark)
    widget.photos.thumbs.setCurrentRow(0)
    qtbot.mouseClick(widget.photos.mark_button, LEFT)
    assert done, "the marks dialog did not open"

    [after] = contents.photos_of(db, inspection_id, with_data=True)
    assert after["sha256"] == before["sha256"]  # the original's
    assert after["jpeg"] != before["jpeg"]
    assert stripes_left(after["jpeg"], (0.12, 0.12, 0.38, 0.38)) < 15  # nothing left to read
    assert stripes_left(after["jpeg"], (0.0, 0.45, 0.08, 0.55)) > 60  # outside: untouched
    document = build_document(db, inspection_id)
    [photo] = document.photos
    assert photo.jpeg_sha256 == sha256_hex(after["jpeg"])
    assert photo.marks is not None and [m.kind for m in photo.marks] == [
        "blur",
        "circle",
        "arrow",
        "text",
    ]
    assert photo.marks[3].text == "تعرفهٔ قدیمی"
    Image.open(io.BytesIO(after["jpeg"])).save(artifacts / "screens" / "photo-marked.png")


def test_marks_are_checked_and_a_finalized_photo_cannot_be_marked(tmp_path: Path) -> None:
    from inspector_app.errors import InvalidAnswer
    from tests.sync.factory import finish_draft, make_laptop

    ctx = make_laptop(tmp_path / "laptop")
    try:
        code = offices.list_offices(ctx.db, office_type="pishkhan")[0]["code"]
        iid = workflow.start_inspection(ctx, code)
        data = busy_photo(tmp_path / "licence.jpg").read_bytes()
        drafts.add_photo(ctx.db, iid, "licence_photo", prepare_photo_bytes(data, "licence.jpg"))
        finish_draft(ctx, iid)
        [photo] = [
            p
            for p in contents.photos_of(ctx.db, iid, with_data=True)
            if p["original_name"] == "licence.jpg"
        ]
        with pytest.raises(InvalidAnswer):
            photo_marks.parse_marks([{"kind": "blur", "x0": 0, "y0": 0, "x1": 2, "y1": 1}])
        with pytest.raises(RecordLocked):
            photo_marks.store(
                ctx.db,
                photo["id"],
                photo["jpeg"],
                photo_marks.parse_marks([{"kind": "blur", "x0": 0, "y0": 0, "x1": 1, "y1": 1}]),
            )
        kept = {p["id"]: p["jpeg"] for p in contents.photos_of(ctx.db, iid, with_data=True)}
        assert kept[photo["id"]] == photo["jpeg"]
    finally:
        ctx.close()


def test_text_is_drawn_without_libraqm_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where Pillow has no libraqm (some Windows builds), the text is shaped here first."""
    monkeypatch.setattr(photo_marks, "RAQM", False)
    photo_marks._font.cache_clear()
    out = io.BytesIO()
    Image.new("RGB", (800, 600), "white").save(out, "JPEG")
    marks = photo_marks.parse_marks([{"kind": "text", "x0": 0.9, "y0": 0.5, "x1": 0.9, "y1": 0.5,
                                      "text": "تابلو"}])  # fmt: skip
    try:
        image = photo_marks.render(out.getvalue(), marks)
    finally:
        photo_marks._font.cache_clear()
    pixels = image.tobytes()
    red = sum(1 for i in range(0, len(pixels), 3) if pixels[i] > 150 and pixels[i + 1] < 90)
    assert red > 200
