"""The Overview page inside the real app: registered in the navigation, and a clicked figure
routed to the Inspections page with its filters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from inspector_app.services.context import AppContext
from inspector_app.ui import background
from inspector_app.ui.app import GuiApp
from inspector_app.ui.inspections_page import InspectionsPage
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.overview_page import OverviewPage
from inspector_app.ui.qt import QApplication, Qt, QThreadPool
from tests.helpers.gui import close_message_boxes, message_boxes
from tests.helpers.profile import seed_profile


@pytest.fixture
def window(qtbot: Any, fixed: AppContext) -> Iterator[MainWindow]:
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    seed_profile(fixed.data_dir)  # a returning inspector: no first-run setup
    app = GuiApp(qapp, fixed.data_dir)
    with qtbot.waitSignal(app.ready, timeout=30_000) as blocker:
        assert app.start()
    main = blocker.args[0]
    assert isinstance(main, MainWindow)
    # The dataset's «finalized» rows are written with SQL and never signed: the app says so.
    qtbot.waitUntil(lambda: bool(message_boxes("integrityWarning")), timeout=10_000)
    close_message_boxes()
    yield main
    main.close()
    qtbot.waitUntil(lambda: background.running_count() == 0, timeout=30_000)
    QThreadPool.globalInstance().waitForDone(30_000)
    app.shutdown()
    main.deleteLater()


def test_overview_is_a_page_of_the_app(
    qtbot: Any, window: MainWindow, overview_artifacts: Path
) -> None:
    page = window.pages["overview"]
    assert isinstance(page, OverviewPage)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "نمای کلی استان" in titles
    with qtbot.waitSignals([page.loaded, page.items_loaded], timeout=20_000):
        window.show_page("overview")
    assert page.charts.figures["inspections"].text() == "۵"
    qtbot.wait(300)  # let the charts lay out their axes (deferred scene updates)
    window.grab().save(str(overview_artifacts / "window.png"))

    # Dashtestan's bar (worst first: the first row) → its inspections → the Inspections page.
    chart = page.charts.county_chart
    with qtbot.waitSignal(page.drilldown_requested, timeout=5_000):
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.bar_centre(0))
    qtbot.waitUntil(lambda: page.behind.table.model.rowCount() == 1, timeout=10_000)
    qtbot.mouseClick(page.behind.route_button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "inspections"
    inspections = window.pages["inspections"]
    assert isinstance(inspections, InspectionsPage)
    assert inspections.county_filter.currentData() == "دشتستان"
    # The Inspections page filters by one status at most: it lists the draft #5 as well.
    ids = {row["id"] for row in inspections.table.model.rows()}
    assert ids == {"insp-4", "insp-5"}
