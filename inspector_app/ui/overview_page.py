"""Overview page for supervisors: the province at a glance, filtered, with click-through.

Charts: compliance by county and by office type, the trend by Jalali month, the items failed
most often, satisfaction by county, coverage per 100,000 people; tables of overdue offices and
coverage gaps. Data loads off the GUI thread (background.run_in_background) on a separate
read-only connection; a newer request makes an older result stale, so quick filter changes
never paint old figures. Clicking a bar lists the inspections behind it below the charts and
emits `drilldown_requested`; «نمایش در صفحهٔ بازرسی‌ها» routes them to the Inspections page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspector_app.domain.jalali import tehran_today
from inspector_app.figures.filters import Drilldown, OverviewFilter
from inspector_app.figures.overview import FailedItem
from inspector_app.services import registry
from inspector_app.services.overview.dashboard import (
    Dashboard,
    load_dashboard,
    load_failed_items,
)
from inspector_app.services.province_overview import inspections_behind_figure, write_summary_pdf
from inspector_app.services.spreadsheet_export import ExportRequest
from inspector_app.ui import messages, overview_labels
from inspector_app.ui.background import run_in_background
from inspector_app.ui.env import PageEnv
from inspector_app.ui.overview_behind import BehindPanel, show_in_inspections_page
from inspector_app.ui.overview_charts import OverviewCharts
from inspector_app.ui.overview_filters import OverviewFilterBar
from inspector_app.ui.overview_tables import OverviewTables
from inspector_app.ui.qt import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QModelIndex,
    QScrollArea,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from inspector_app.ui.reload_when_shown import ReloadWhenShown
from inspector_app.ui.spreadsheet_export import export_spreadsheet
from inspector_app.ui.table_models import Row

log = logging.getLogger(__name__)

Loader = Callable[[Path, OverviewFilter], Dashboard]


class OverviewPage(ReloadWhenShown, QWidget):
    drilldown_requested = Signal(object)  # a Drilldown: the inspections behind a clicked figure
    loaded = Signal()  # the page shows the current filters' figures (all but failed items)
    items_loaded = Signal()  # ... and the most-failed items too

    def __init__(self, env: PageEnv, *, loader: Loader | None = None) -> None:
        super().__init__()
        self.setObjectName("overviewPage")
        self._env = env
        self._loader: Loader = loader or load_dashboard
        self._db_path = env.context.db_path
        self._generation = 0
        self._reported = 0
        self._dirty = True
        self.dashboard: Dashboard | None = None
        self.failed_items: list[FailedItem] = []
        self.drill: Drilldown | None = None

        self.filters = OverviewFilterBar()
        self.filters.set_counties(registry.counties(env.context.db))
        self.filters.export_requested.connect(self._ask_export)
        self.filters.sheets_requested.connect(self.export_sheets)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(120)  # a burst of filter changes loads once
        self._reload_timer.timeout.connect(self.reload)
        self.filters.changed.connect(self._schedule)

        self.description = QLabel()
        self.description.setObjectName("overviewDescription")
        self.description.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("overviewStatus")

        self.charts = OverviewCharts(self._drill_rows, self._drill_item)
        self.tables = OverviewTables()
        self.tables.overdue_view.doubleClicked.connect(self._drill_overdue)
        self.behind = BehindPanel()
        self.behind.table.view.doubleClicked.connect(self._open_behind)
        self.behind.route_button.clicked.connect(self.show_drill_in_inspections)

        charts, tables = self.charts, self.tables
        grid = QGridLayout()
        grid.addWidget(charts.county_chart, 0, 0)
        grid.addWidget(charts.type_chart, 0, 1)
        grid.addWidget(charts.month_chart, 1, 0, 1, 2)
        grid.addWidget(charts.items_chart, 2, 0)
        grid.addWidget(charts.satisfaction_chart, 2, 1)
        grid.addWidget(charts.coverage_chart, 3, 0)
        coverage_box = QVBoxLayout()
        coverage_box.addWidget(tables.coverage_view)
        coverage_box.addWidget(tables.coverage_source)
        grid.addLayout(coverage_box, 3, 1)
        overdue_box = QVBoxLayout()
        overdue_box.addWidget(tables.overdue_title)
        overdue_box.addWidget(tables.overdue_view)
        grid.addLayout(overdue_box, 4, 0)
        grid.addWidget(self.behind, 4, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addLayout(charts.cards)
        inner.addLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        head = QHBoxLayout()
        head.addWidget(self.description, 1)
        head.addWidget(self.status_label)
        head.addWidget(self.filters.sheets_button)
        head.addWidget(self.filters.export_button)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)
        env.events.inspection_changed.connect(self._mark_dirty)
        env.events.settings_changed.connect(self._mark_dirty)  # how overdue days are counted
        env.events.offices_changed.connect(self._offices_changed)

    # -- filters ------------------------------------------------------------------------
    def current_filter(self) -> OverviewFilter:
        return self.filters.current_filter()

    def set_filter(self, f: OverviewFilter) -> None:
        """Show `f` in the filter widgets and load it (one load, however many widgets change)."""
        self.filters.set_filter(f)
        self.reload()

    def _schedule(self, *_args: Any) -> None:
        self._reload_timer.start()

    def _reload_soon(self) -> None:
        self._schedule()  # several changes in a row make one load

    def _offices_changed(self, *_args: Any) -> None:
        self.filters.set_counties(registry.counties(self._env.context.db))
        self._mark_dirty()

    def on_shown(self) -> None:
        if self._dirty:
            self.reload()

    # -- loading ------------------------------------------------------------------------
    def reload(self) -> None:
        self._reload_timer.stop()
        self._dirty = False
        self._generation += 1
        generation = self._generation
        self.status_label.setText(self.tr("در حال بارگذاری…"))
        run_in_background(
            self,
            self._loader,
            self._db_path,
            self.current_filter(),
            on_success=lambda result: self._show(generation, result),
            on_failure=lambda error: self._failed(generation, error),
            progress_dialog=False,
        )

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation or generation == self._reported:
            return  # stale, or this load's failure was already shown once
        self._reported = generation
        self.status_label.setText("")
        messages.report_exception(self, error)

    def _show(self, generation: int, dashboard: Dashboard) -> None:
        if generation != self._generation:
            return  # a newer request is on its way
        self.dashboard = dashboard
        self.description.setText(
            self.tr("آمار: {what}. برای شمردن پیش‌نویس‌ها گزینهٔ بالا را بزنید.").format(
                what=overview_labels.describe(dashboard.overview.filter)
            )
        )
        self.charts.show(dashboard)
        self.tables.show(dashboard)
        self.status_label.setText("")
        self.loaded.emit()
        # The slow figure starts only now: on two cores it would slow the first paint down.
        self.charts.items_pending()
        run_in_background(
            self,
            load_failed_items,
            self._db_path,
            dashboard.overview.filter,
            on_success=lambda items: self._show_items(generation, items),
            on_failure=lambda error: self._failed(generation, error),
            progress_dialog=False,
        )

    def _show_items(self, generation: int, items: list[FailedItem]) -> None:
        if generation != self._generation:
            return
        self.failed_items = items
        self.charts.show_items(items)
        self.items_loaded.emit()

    # -- click-through ------------------------------------------------------------------
    def _drill_rows(self, figure: str, index: int) -> None:
        if self.dashboard is None:
            return
        rows = getattr(self.dashboard.overview, figure)
        if 0 <= index < len(rows):
            self.drill_into(rows[index].drill, overview_labels.row_label(figure, rows[index]))

    def _drill_item(self, index: int) -> None:
        if 0 <= index < len(self.failed_items):
            item = self.failed_items[index]
            self.drill_into(item.drill, item.text)

    def _drill_overdue(self, index: QModelIndex) -> None:
        if self.dashboard is None or not index.isValid():
            return
        office = self.dashboard.overview.overdue[index.row()]
        self.drill_into(office.drill, office.name)

    def drill_into(self, drill: Drilldown, title: str) -> None:
        """List the inspections behind a figure here, and tell whoever listens."""
        self.drill = drill
        self.behind.set_figure(title)
        self.drilldown_requested.emit(drill)
        run_in_background(
            self,
            inspections_behind_figure,
            self._db_path,
            drill,
            on_success=lambda rows: self._show_behind(drill, rows),
            progress_dialog=False,
        )

    def _show_behind(self, drill: Drilldown, rows: list[Row]) -> None:
        if drill is not self.drill:
            return
        self.behind.set_rows(rows)

    def _open_behind(self, _index: QModelIndex) -> None:
        key = self.behind.table.current_key()
        if key:
            self._env.router.open_inspection(key)

    def show_drill_in_inspections(self) -> None:
        if self.drill is not None:
            show_in_inspections_page(self._env.router, self.drill)

    # -- summary PDF --------------------------------------------------------------------
    def _ask_export(self) -> None:
        f = self.current_filter()
        if f.date_from is None or f.date_to is None:
            # Input the user can fix, not a bug: a plain warning, no error logged.
            messages.show_warning(
                self, self.tr("برای گزارش خلاصه، بازهٔ تاریخ (از و تا) را برگزینید.")
            )
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("ذخیرهٔ گزارش خلاصه"), "summary.pdf", "PDF (*.pdf)"
        )
        if path:
            self.export_pdf(Path(path))

    def export_sheets(self) -> None:
        """The figures of the current filters, one sheet per table (XLSX or CSV)."""
        f = self.current_filter()
        export_spreadsheet(
            self,
            self._env,
            lambda fmt: ExportRequest("overview", fmt, f),
            "overview",
            lambda path, _n: self.status_label.setText(
                self.tr("صفحه‌گسترده ذخیره شد: {path}").format(path=f"\u2066{path}\u2069")
            ),
        )

    def export_pdf(self, path: Path) -> None:
        """Write the province summary for the current filters, off the GUI thread."""
        f = self.current_filter()
        today = tehran_today()
        run_in_background(
            self,
            write_summary_pdf,
            self._db_path,
            f,
            path,
            on_success=lambda _r: self.status_label.setText(
                self.tr("گزارش ذخیره شد: {path}").format(path=f"\u2066{path}\u2069")
            ),
            label=self.tr("ساخت گزارش خلاصه…"),
        )
        log.info("summary export %s (%s, %s)", path, f, today)
