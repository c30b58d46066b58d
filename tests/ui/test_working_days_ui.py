"""Settings → «شمردن روزها» with the mouse and keys: working days are stored, the Overview's
overdue table says working days, and a new finding is offered a deadline 30 working days on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from inspector_app.domain.jalali import tehran_today
from inspector_app.services import working_calendar
from inspector_app.storage import contents
from inspector_app.ui.qt import QLabel, QPoint, Qt
from tests.helpers.gui import (
    Gui,
    choose_in_combo,
    go_to_page,
    open_editor,
    type_text,
    wait_for_background,
)


def test_choosing_working_days_changes_overdue_and_deadlines(qtbot: Any, gui: Gui) -> None:
    assert gui.window is not None
    db = gui.window.env.context.db
    overview = go_to_page(qtbot, gui, "overview")
    qtbot.waitUntil(lambda: "۹۰ روز گذشته" in overview.tables.overdue_title.text(), timeout=30_000)

    settings = go_to_page(qtbot, gui, "settings")
    assert settings.day_count_combo.currentData() == "calendar"
    assert "۳۰" in settings.findChild(QLabel, "dayCountHint").text()
    choose_in_combo(qtbot, settings.day_count_combo, 1)
    qtbot.waitUntil(lambda: settings.day_count_status.text() == "ذخیره شد", timeout=10_000)
    assert working_calendar.day_count_of(db) == "working"

    overview = go_to_page(qtbot, gui, "overview")
    qtbot.waitUntil(
        lambda: "۹۰ روز کاری گذشته" in overview.tables.overdue_title.text(), timeout=30_000
    )

    editor = open_editor(qtbot, gui)
    row = editor.nav.count() - 1  # the findings page
    qtbot.mouseClick(
        editor.nav.viewport(),
        Qt.MouseButton.LeftButton,
        pos=editor.nav.visualItemRect(editor.nav.item(row)).center(),
    )
    qtbot.mouseClick(editor.findings.add_button, Qt.MouseButton.LeftButton)
    card = editor.findings.cards[-1]
    expected = working_calendar.finding_deadline(db, tehran_today())
    assert expected > tehran_today() + dt.timedelta(days=30)  # Fridays at least
    assert card.deadline.value() == expected
    assert not card.has_deadline.isChecked()  # offered, not set until ticked
    check = card.has_deadline  # a stretched check box toggles on its box, at its leading edge
    box = QPoint(check.width() - 10 if check.isRightToLeft() else 10, check.height() // 2)
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=box)
    assert card.has_deadline.isChecked()
    qtbot.mouseClick(card.description, Qt.MouseButton.LeftButton)
    type_text(card.description, "تابلوی تعرفه نصب نشده است")
    assert editor.flush()
    wait_for_background(qtbot)
    [stored] = contents.findings_of(db, editor.inspection_id)
    assert stored["deadline"] == expected.isoformat()
