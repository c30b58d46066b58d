"""Visit times in the editor's header, typed as a user types them, on a machine whose own zone
is not Tehran's: stored in UTC, shown back and printed in the report on Tehran's clock."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from inspector_app.domain.jalali import tehran_moment, tehran_now
from inspector_app.services import finalize
from inspector_app.storage import inspections
from inspector_app.ui.editor.header import ClockEdit
from inspector_app.ui.finalize.editor_action import FinalizeActions
from inspector_app.ui.finalize.finalize_dialog import FinalizeDialog
from inspector_app.ui.jalali_widgets import JalaliDateEdit
from inspector_app.ui.qt import QLineEdit, QPoint, QPushButton, Qt, QTimeEdit
from tests.helpers.clock import machine_zone_set_to
from tests.helpers.gui import Gui, type_text
from tests.helpers.pdf_text import assert_sentences, normalized_text
from tests.ui.test_editor_flow import open_kangan_pishkhan


@pytest.fixture(params=["UTC", "America/New_York"])
def machine_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    yield from machine_zone_set_to(request.param, monkeypatch)


def click_hour(qtbot: Any, edit: ClockEdit) -> None:
    """Click between the hour digits (drawn on the left: «۰۹:۳۰») as a user does."""
    field = edit.findChild(QLineEdit)
    assert field is not None
    middle = field.height() // 2
    x = next(x for x in range(field.width()) if field.cursorPositionAt(QPoint(x, middle)) == 1)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(x, middle))
    assert edit.currentSection() == QTimeEdit.Section.HourSection
    assert field.hasSelectedText()  # what is typed replaces the hour


def minutes_apart(shown: Any, moment: dt.datetime) -> int:
    gap = abs(shown.hour() * 60 + shown.minute() - (moment.hour * 60 + moment.minute))
    return min(gap, 24 * 60 - gap)


def test_times_typed_on_tehrans_clock(
    qtbot: Any,
    gui_factory: Callable[[Path], Gui],
    data_dir: Path,
    machine_zone: str,
) -> None:
    gui = gui_factory(data_dir)
    window = gui.start()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor = open_kangan_pishkhan(qtbot, window)
    db, inspection_id = window.env.context.db, editor.inspection_id
    header = editor.header
    assert minutes_apart(header.arrival.time(), tehran_now()) <= 1

    # Ticking «ثبت زمان خروج» presets the departure to now, on Tehran's clock.
    qtbot.mouseClick(header.departure_set, Qt.MouseButton.LeftButton)
    assert header.departure_set.isChecked() and header.departure.isEnabled()
    assert minutes_apart(header.departure.time(), tehran_now()) <= 1
    stored = inspections.get(db, inspection_id)["departure_at"]
    assert stored is not None
    assert abs(dt.datetime.fromisoformat(stored) - dt.datetime.now(dt.UTC)) < dt.timedelta(
        minutes=2
    )

    click_hour(qtbot, header.arrival)
    type_text(header.arrival, "۰۹۳۰")  # a Persian keyboard
    click_hour(qtbot, header.departure)
    qtbot.keyClicks(header.departure, "1115")  # the Latin layout
    row = inspections.get(db, inspection_id)
    assert row["arrival_at"] == f"{row['visit_date']}T06:00:00Z"
    assert row["departure_at"] == f"{row['visit_date']}T07:45:00Z"

    # Shown back after reopening, and printed in the report.
    qtbot.mouseClick(editor.back_button, Qt.MouseButton.LeftButton)
    window.open_inspection(inspection_id)
    reopened = window.editor
    assert reopened is not None and reopened is not editor
    assert reopened.header.arrival.text() == "۰۹:۳۰"
    assert reopened.header.departure.text() == "۱۱:۱۵"
    assert reopened.header.departure_set.isChecked()
    pdf = finalize.draft_pdf(db, inspection_id)
    text = normalized_text(pdf)
    assert "۰۹:۳۰" in text and "۱۱:۱۵" in text  # Persian digits, as printed
    assert_sentences(pdf, ["ساعت شروع و", "۰۹:۳۰ تا ۱۱:۱۵"])  # the label wraps in its cell


def open_finalize(qtbot: Any, editor: Any) -> FinalizeDialog:
    actions = editor.findChild(FinalizeActions, "finalizeActions")
    assert actions is not None
    qtbot.mouseClick(actions.finalize_button, Qt.MouseButton.LeftButton)
    dialog = actions.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def cancel(qtbot: Any, dialog: FinalizeDialog) -> None:
    button = dialog.findChild(QPushButton, "cancelFinalize")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def problem_texts(dialog: FinalizeDialog) -> list[str]:
    return [dialog.problems_list.item(i).text() for i in range(dialog.problems_list.count())]


def test_finalize_dialog_lists_a_departure_before_the_arrival(
    qtbot: Any, gui: Gui, machine_zone: str
) -> None:
    window = gui.window
    assert window is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor = open_kangan_pishkhan(qtbot, window)
    db, inspection_id = window.env.context.db, editor.inspection_id
    header = editor.header
    click_hour(qtbot, header.arrival)
    type_text(header.arrival, "۲۲۴۹")
    qtbot.mouseClick(header.departure_set, Qt.MouseButton.LeftButton)
    click_hour(qtbot, header.departure)
    type_text(header.departure, "۱۹۳۳")
    row = inspections.get(db, inspection_id)
    assert row["departure_at"] < row["arrival_at"]

    dialog = open_finalize(qtbot, editor)
    wrong = [t for t in problem_texts(dialog) if "خروج" in t and "ورود" in t]
    assert len(wrong) == 1 and "۱۹:۳۳" in wrong[0] and "۲۲:۴۹" in wrong[0]
    assert dialog.problems_list.isVisible() and dialog.departure_button.isVisible()
    cancel(qtbot, dialog)

    # Put right in the header, the problem is gone.
    click_hour(qtbot, header.departure)
    type_text(header.departure, "۲۳۱۰")
    dialog = open_finalize(qtbot, editor)
    assert not [t for t in problem_texts(dialog) if "خروج" in t]
    assert not dialog.departure_button.isVisible()
    cancel(qtbot, dialog)

    # No departure yet: «now» in the dialog sets it, and the header shows it once closed.
    qtbot.mouseClick(header.departure_set, Qt.MouseButton.LeftButton)
    assert inspections.get(db, inspection_id)["departure_at"] is None
    click_hour(qtbot, header.arrival)
    type_text(header.arrival, "۰۰۰۰")
    dialog = open_finalize(qtbot, editor)
    assert "departure" in {p.code for p in dialog.problems()}
    qtbot.mouseClick(dialog.departure_button, Qt.MouseButton.LeftButton)
    assert not {p.code for p in dialog.problems()} & {"departure", "departure_before_arrival"}
    assert not dialog.departure_button.isVisible()
    cancel(qtbot, dialog)
    assert header.departure_set.isChecked() and header.departure.isEnabled()
    assert minutes_apart(header.departure.time(), tehran_now()) <= 1
    row = inspections.get(db, inspection_id)
    shown = header.departure.time()
    visit_day = dt.date.fromisoformat(row["visit_date"])
    assert row["departure_at"] == tehran_moment(visit_day, shown.hour(), shown.minute())
    assert row["departure_at"] >= row["arrival_at"] == tehran_moment(visit_day, 0, 0)


def test_a_new_date_field_starts_on_tehrans_today(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A machine zone whose date differs from Tehran's right now (14.5 h behind it, or 10.5 h
    # ahead), so the test means something at every hour.
    zone = "Pacific/Pago_Pago" if tehran_now().hour < 14 else "Pacific/Kiritimati"
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        assert dt.date.today() != tehran_now().date()
        edit = JalaliDateEdit()
        qtbot.addWidget(edit)
        assert edit.value() == tehran_now().date()
    finally:
        monkeypatch.undo()
        time.tzset()
