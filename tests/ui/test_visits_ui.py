"""«بازدیدهای من» with the mouse: the governorate's assignments for this inspector with their
due dates (another inspector's never shown), an inspection started from one, the assignment
under way and then done once that inspection is finalized; and a suggested office started."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inspector_app.services.signing import identity
from inspector_app.services.sync import visits
from inspector_app.storage import inspections, offices, settings
from inspector_app.ui import fmt
from inspector_app.ui.qt import Qt, QTableView
from inspector_app.ui.visits_page import VisitsPage
from tests.helpers.gui import Gui, go_to_page, wait_for_background
from tests.helpers.visit_plan import assignment, keep_plan
from tests.sync.factory import PASSPHRASE, finish_draft

LEFT = Qt.MouseButton.LeftButton


def _click_row(qtbot: Any, view: QTableView, row: int) -> None:
    model = view.model()
    rect = view.visualRect(model.index(row, 0))
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())
    assert view.currentIndex().row() == row


def _row_of(view: QTableView, text: str) -> int:
    model = view.model()
    for row in range(model.rowCount()):
        if fmt.digits(text) in str(model.index(row, 0).data()):
            return row
    raise AssertionError(f"no row shows {text!r}")


def _cell(view: QTableView, row: int, column: int) -> str:
    return str(view.model().index(row, column).data())


def test_my_visits_start_an_assigned_inspection_and_show_it_done(
    qtbot: Any, gui: Gui, artifacts: Path
) -> None:
    assert gui.window is not None
    context = gui.window.env.context
    db = context.db
    profile = settings.inspector_profile(db)
    identity.ensure_identity(db, profile.name, "۴۴۵۵۶", PASSPHRASE)  # the certificate's number
    mine = visits.own_number(db)
    assert mine == "44556"
    pishkhan = offices.list_offices(db, office_type="pishkhan")
    soon, late, other = pishkhan[0], pishkhan[1], pishkhan[2]
    plan = [
        assignment("v-soon", soon["code"], 5, mine, note="شکایت ۳ شهروند"),
        assignment("v-late", late["code"], -3, mine),
        assignment("v-other", other["code"], 2, "99999"),
        assignment("v-gone", other["code"], 9, mine, state="cancelled"),
    ]
    assert keep_plan(db, plan) == 3

    page = go_to_page(qtbot, gui, "visits")
    assert isinstance(page, VisitsPage)
    view = page.plan.view
    qtbot.waitUntil(lambda: view.model().rowCount() == 3, timeout=10_000)
    late_row = _row_of(view, late["name"])
    assert late_row == 0  # overdue first
    assert _cell(view, late_row, 3) == "۳ روز گذشته"
    assert _cell(view, late_row, 4) == "مهلت گذشته"
    soon_row = _row_of(view, soon["name"])
    assert _cell(view, soon_row, 3) == "۵ روز مانده"
    assert _cell(view, soon_row, 5) == "شکایت ۳ شهروند"
    gone_row = _row_of(view, other["name"])
    assert _cell(view, gone_row, 4) == "لغوشده"
    assert page.plan_count.text() == "۲ بازدید باز، ۱ با مهلت گذشته"
    page.window().grab().save(str(artifacts / "screens" / "page-visits.png"))

    _click_row(qtbot, view, gone_row)
    assert not page.start_button.isEnabled()  # a cancelled visit is not started
    _click_row(qtbot, view, soon_row)
    assert page.start_button.isEnabled() and not page.open_button.isEnabled()
    qtbot.mouseClick(page.start_button, LEFT)
    qtbot.waitUntil(lambda: gui.window is not None and gui.window.editor is not None)
    editor = gui.window.editor
    assert editor is not None
    started = editor.inspection_id
    assert inspections.get(db, started)["office_code"] == soon["code"]
    wait_for_background(qtbot)

    page = go_to_page(qtbot, gui, "visits")
    qtbot.waitUntil(lambda: _cell(view, _row_of(view, soon["name"]), 4) == "در جریان")
    finish_draft(context, started)
    gui.window.env.events.inspection_changed.emit(started)
    qtbot.waitUntil(lambda: _cell(view, _row_of(view, soon["name"]), 4) == "انجام‌شده")
    _click_row(qtbot, view, _row_of(view, soon["name"]))
    assert page.open_button.isEnabled() and not page.start_button.isEnabled()
    qtbot.mouseClick(page.open_button, LEFT)
    qtbot.waitUntil(lambda: gui.window is not None and gui.window.editor is not None)
    assert gui.window.editor is not None and gui.window.editor.inspection_id == started


def test_a_suggested_office_starts_an_inspection(qtbot: Any, gui: Gui) -> None:
    assert gui.window is not None
    db = gui.window.env.context.db
    page = go_to_page(qtbot, gui, "visits")
    assert isinstance(page, VisitsPage)
    assert page.plan_empty.isVisible() and not page.plan.isVisible()
    assert "۹۰ روز" in page.suggest_box.title()
    table = page.suggested.view
    qtbot.waitUntil(lambda: table.model().rowCount() > 0, timeout=10_000)
    assert not page.suggest_button.isEnabled()
    _click_row(qtbot, table, 0)
    code = page.suggested.current_key()
    assert code
    qtbot.mouseClick(page.suggest_button, LEFT)
    qtbot.waitUntil(lambda: gui.window is not None and gui.window.editor is not None)
    assert gui.window.editor is not None
    assert inspections.get(db, gui.window.editor.inspection_id)["office_code"] == code
