"""The report preview in the editor: the PDF is shown in Qt's PDF view and saved as shown."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from inspector_app.services import workflow
from inspector_app.storage import audit, drafts, inspections, offices
from inspector_app.ui.qt import QApplication, QPdfDocument, QPushButton, Qt
from inspector_app.ui.report_preview import ReportPreviewDialog
from tests.helpers.gui import Gui, wait_for_background


def test_preview_of_a_draft_shows_and_saves_the_pdf(
    qtbot: Any, gui: Gui, tmp_path: Path, artifacts: Path
) -> None:
    window = gui.window
    assert window is not None
    db = window.env.context.db
    office = offices.list_offices(db, office_type="police10")[0]
    inspection_id = workflow.start_inspection(window.env.context, office["code"])
    item = inspections.form_of(db, inspection_id).sections[0].items[0]
    drafts.set_answer(db, inspection_id, item.id, "no", note="تابلوی پروانه دیده نشد.")
    window.open_inspection(inspection_id)
    editor = window.editor
    assert editor is not None
    button = editor.findChild(QPushButton, "previewReport")
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ReportPreviewDialog)]
    dialogs += editor.findChildren(ReportPreviewDialog)
    dialog = dialogs[0]
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=60_000)
    wait_for_background(qtbot)
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready, timeout=10_000)
    assert dialog.document.pageCount() >= 2
    assert "پیش‌نویس" in dialog.status.text()
    dialog.resize(900, 1000)
    qtbot.wait(1500)  # the view renders its pages in the background
    dialog.grab().save(str(artifacts / "screens" / "report-preview.png"))
    target = dialog.save_as(target=tmp_path / "report.pdf")
    assert target is not None and target.read_bytes() == dialog.pdf
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    # The saved file is this draft's report: its id in «شناسه», no report number yet.
    assert inspection_id.split("-")[0] in text and "پیش‌نویس" in text
    assert audit.entries(db, inspection_id)[-1]["action"] == "export"
    dialog.close()
