"""The Overview page rendered offscreen on the fixed dataset: figures, filters, click-through.

Screenshots go to artifacts/overview/ (look at them).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from inspector_app.domain.jalali import parse_jalali_date
from inspector_app.figures.filters import Drilldown, OverviewFilter
from inspector_app.services.context import AppContext
from inspector_app.ui import background, fmt, i18n
from inspector_app.ui.app import register_fonts
from inspector_app.ui.env import PageEnv
from inspector_app.ui.events import DataEvents
from inspector_app.ui.overview_page import OverviewPage
from inspector_app.ui.qt import QApplication, QLocale, QSettings, Qt, QThreadPool
from tests.helpers.gui import choose_in_combo
from tests.helpers.pdf_text import assert_sentences


class RecordingRouter:
    """The router a page is given, recording where it was asked to go."""

    def __init__(self) -> None:
        self.opened: list[str] = []
        self.shown: list[str] = []

    def open_inspection(self, inspection_id: str) -> None:
        self.opened.append(inspection_id)

    def show_page(self, key: str) -> None:
        self.shown.append(key)


@pytest.fixture
def page(qtbot: Any, fixed: AppContext, tmp_path: Path) -> Iterator[OverviewPage]:
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    register_fonts(qapp)
    i18n.apply_language(qapp, "fa")
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    env = PageEnv(fixed, DataEvents(), settings, RecordingRouter(), app=None)  # type: ignore[arg-type]
    widget = OverviewPage(env)
    qtbot.addWidget(widget)
    widget.resize(1500, 2000)
    with qtbot.waitSignals([widget.loaded, widget.items_loaded], timeout=20_000):
        widget.show()
    yield widget
    qtbot.waitUntil(lambda: background.running_count() == 0, timeout=20_000)
    QThreadPool.globalInstance().waitForDone(20_000)


def test_page_shows_the_hand_computed_figures(page: OverviewPage, overview_artifacts: Path) -> None:
    figures = page.charts.figures
    assert figures["inspections"].text() == "۵"
    assert figures["mean"].text() == fmt.number(70.0, 1) == "۷۰٫۰"
    assert figures["critical"].text() == "۱"
    assert figures["pending"].text() == "۱"
    assert "نهایی‌شده و ارسال‌شده" in page.description.text()
    # Worst county first in the data; a horizontal chart lists categories bottom-up.
    axis = next(a for a in page.charts.county_chart.chart().axes() if hasattr(a, "categories"))
    assert list(axis.categories()) == ["بوشهر", "دشتستان"]
    assert axis.alignment() == Qt.AlignmentFlag.AlignRight
    chart = page.charts.county_chart.chart()
    assert chart.localizeNumbers() and chart.locale().language() == QLocale.Language.Persian
    assert page.charts.month_chart.row_count == 17
    assert page.charts.items_chart.row_count == 3
    assert page.tables.overdue_model.rowCount() == len(page.dashboard.overview.overdue)  # type: ignore[union-attr]
    assert page.tables.coverage_model.rowCount() == 10
    page.grab().save(str(overview_artifacts / "page.png"))


def test_filters_reload_the_figures(qtbot: Any, page: OverviewPage) -> None:
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.filters.county_filter.setCurrentIndex(page.filters.county_filter.findData("بوشهر"))
    assert page.charts.figures["inspections"].text() == "۴"
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.filters.drafts_check.setChecked(True)
    assert page.charts.figures["inspections"].text() == "۴"  # the draft is in Dashtestan
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.filters.county_filter.setCurrentIndex(0)
    assert page.charts.figures["inspections"].text() == "۶"
    assert "پیش‌نویس" in page.description.text()
    with qtbot.waitSignals([page.loaded, page.items_loaded], timeout=20_000):
        page.set_filter(OverviewFilter(office_type="police10"))
    assert page.charts.figures["inspections"].text() == "۱"
    # #3 failed b and c.
    assert [i.item_id for i in page.failed_items] == ["b", "c"]
    assert page.current_filter().office_type == "police10"


def test_a_chart_with_nothing_to_draw_says_so(
    qtbot: Any, page: OverviewPage, overview_artifacts: Path
) -> None:
    charts = page.charts
    assert not charts.county_chart.empty_label.isVisible()
    county = page.filters.county_filter
    with qtbot.waitSignals([page.loaded, page.items_loaded], timeout=20_000):
        choose_in_combo(qtbot, county, county.findData("جم"))  # no inspection there
    assert charts.figures["inspections"].text() == "۰"
    for chart in (charts.county_chart, charts.type_chart, charts.month_chart, charts.items_chart):
        assert chart.row_count == 0
        assert chart.empty_label.isVisible()
        assert chart.empty_label.text() == "برای این انتخاب داده‌ای نیست."
        assert chart.empty_label.geometry() == chart.rect()
    assert charts.coverage_chart.row_count == 10  # every county, inspected or not
    assert not charts.coverage_chart.empty_label.isVisible()
    page.grab().save(str(overview_artifacts / "page-empty.png"))
    with qtbot.waitSignals([page.loaded, page.items_loaded], timeout=20_000):
        choose_in_combo(qtbot, county, 0)  # all counties
    assert not charts.county_chart.empty_label.isVisible()


def test_clicking_a_bar_lists_the_inspections_behind_it(
    qtbot: Any, page: OverviewPage, overview_artifacts: Path
) -> None:
    chart = page.charts.county_chart
    rows = page.dashboard.overview.by_county  # type: ignore[union-attr]
    bushehr = [r.key for r in rows].index("بوشهر")
    with qtbot.waitSignal(page.drilldown_requested, timeout=5_000) as blocker:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.bar_centre(bushehr))
    drill = blocker.args[0]
    assert isinstance(drill, Drilldown)
    assert drill.county == "بوشهر" and drill.statuses == ("finalized", "synced")
    qtbot.waitUntil(lambda: page.behind.table.model.rowCount() == 4, timeout=10_000)
    assert "بوشهر" in page.behind.title.text()
    # The most-failed item «a» (#2 and #4).
    with qtbot.waitSignal(page.drilldown_requested, timeout=5_000) as blocker:
        qtbot.mouseClick(
            page.charts.items_chart.viewport(),
            Qt.MouseButton.LeftButton,
            pos=page.charts.items_chart.bar_centre(0),
        )
    assert blocker.args[0].failed_item == "a"
    qtbot.waitUntil(lambda: page.behind.table.model.rowCount() == 2, timeout=10_000)
    page.grab().save(str(overview_artifacts / "page-drill.png"))
    # Double-clicking a listed inspection opens it through the router.
    view = page.behind.table.view
    cell = view.visualRect(view.model().index(0, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    router = page._env.router
    assert isinstance(router, RecordingRouter)
    assert router.opened and router.opened[0] in {"insp-2", "insp-4"}


def test_export_summary_from_the_page(qtbot: Any, page: OverviewPage, tmp_path: Path) -> None:
    with qtbot.waitSignals([page.loaded, page.items_loaded], timeout=20_000):
        page.set_filter(
            OverviewFilter(parse_jalali_date("1403-01-01"), parse_jalali_date("1403-06-31"))
        )
    assert page.charts.figures["inspections"].text() == "۴"
    out = tmp_path / "from-page.pdf"
    page.export_pdf(out)
    qtbot.waitUntil(lambda: "ذخیره شد" in page.status_label.text(), timeout=60_000)
    assert_sentences(out, ["دوره: از ۱۴۰۳/۰۱/۰۱ تا ۱۴۰۳/۰۶/۳۱"])
