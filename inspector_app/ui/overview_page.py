"""Overview page for supervisors: the province at a glance, filtered, with click-through.

Charts: compliance by county and by office type, the trend by Jalali month, the items failed
most often, satisfaction by county, coverage per 100,000 people; tables of overdue offices and
coverage gaps. Data loads off the GUI thread (background.run_in_background) on a separate
read-only connection; a newer request makes an older result stale, so quick filter changes
never paint old figures. Clicking a bar lists the inspections behind it below the charts and
emits `drilldown_requested`; «نمایش در صفحهٔ بازرسی‌ها» routes them to the Inspections page.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspector_app.services.overview import summary_report
from inspector_app.services.overview.aggregates import FailedItem, inspections_behind
from inspector_app.services.overview.coverage import CountyCoverage
from inspector_app.services.overview.dashboard import (
    Dashboard,
    load_dashboard,
    load_failed_items,
)
from inspector_app.services.overview.filters import Drilldown, OverviewFilter
from inspector_app.services.overview.queries import sqlite_runner
from inspector_app.storage import offices
from inspector_app.storage.db import db_path
from inspector_app.ui import fmt, labels, overview_labels
from inspector_app.ui.background import run_in_background
from inspector_app.ui.charts import BarChart
from inspector_app.ui.env import PageEnv, Router
from inspector_app.ui.inspections_page import COLUMN_DEFS, InspectionsTable
from inspector_app.ui.jalali_widgets import JalaliDateEdit
from inspector_app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QCheckBox,
    QColor,
    QComboBox,
    QCoreApplication,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QModelIndex,
    QPushButton,
    QScrollArea,
    QShowEvent,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from inspector_app.ui.table_models import (
    ALIGN_CENTER,
    AnyIndex,
    Column,
    Row,
    RowsTableModel,
    field_column,
)

log = logging.getLogger(__name__)

WEAK_BELOW = 60.0  # grade C's floor
GAP = QColor("#fbe9e7")
Loader = Callable[[Path, OverviewFilter], Dashboard]


def _type(value: Any) -> str:
    return labels.label(labels.OFFICE_TYPES, value)


def _days(value: Any) -> str:
    return "—" if value is None else fmt.number(value)


def _count_column(title: str, office_type: str) -> Column:
    return Column(
        title,
        lambda r: fmt.number(r["active"][office_type]),
        lambda r: r["active"][office_type],
        ALIGN_CENTER,
    )


OVERDUE_COLUMNS = [
    field_column(str(QT_TRANSLATE_NOOP("Columns", "کد")), "code", align=ALIGN_CENTER),
    field_column(str(QT_TRANSLATE_NOOP("Columns", "دفتر")), "name"),
    field_column(str(QT_TRANSLATE_NOOP("Columns", "شهرستان")), "county"),
    field_column(str(QT_TRANSLATE_NOOP("Columns", "نوع")), "office_type", _type),
    Column(
        str(QT_TRANSLATE_NOOP("Columns", "آخرین بازرسی")),
        lambda r: (
            fmt.jalali(r["last_visit"])
            if r["last_visit"]
            else QCoreApplication.translate("OverviewLabels", "هرگز")
        ),
        lambda r: r["last_visit"] or "",
        ALIGN_CENTER,
    ),
    field_column(str(QT_TRANSLATE_NOOP("Columns", "روز گذشته")), "days_since", _days, ALIGN_CENTER),
]
COVERAGE_COLUMNS = [
    field_column(str(QT_TRANSLATE_NOOP("Columns", "شهرستان")), "county"),
    field_column(
        str(QT_TRANSLATE_NOOP("Columns", "جمعیت")), "population", fmt.number, ALIGN_CENTER
    ),
    *[
        _count_column(title, t)
        for t, title in (
            ("pishkhan", str(QT_TRANSLATE_NOOP("Columns", "پیشخوان"))),
            ("police10", str(QT_TRANSLATE_NOOP("Columns", "پلیس \u200e+۱۰"))),
            ("brokerage", str(QT_TRANSLATE_NOOP("Columns", "کارگزاری"))),
        )
    ],
    field_column(
        str(QT_TRANSLATE_NOOP("Columns", "دفتر در ۱۰۰ هزار نفر")),
        "per_100k",
        lambda v: fmt.number(v, 2),
        ALIGN_CENTER,
    ),
    field_column(
        str(QT_TRANSLATE_NOOP("Columns", "در انتظار مجوز")), "pending", fmt.number, ALIGN_CENTER
    ),
]
_TYPE_COLUMN = {2: "pishkhan", 3: "police10", 4: "brokerage"}


class CoverageModel(RowsTableModel):
    """Coverage rows; a county with no active office of a type has that cell tinted."""

    def _data(self, index: AnyIndex, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            office_type = _TYPE_COLUMN.get(index.column())
            row = self.row_at(index.row())
            if office_type and office_type in row["missing_types"]:
                return GAP
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in _TYPE_COLUMN:
            row = self.row_at(index.row())
            if _TYPE_COLUMN[index.column()] in row["missing_types"]:
                return self.tr("این شهرستان هیچ دفتر فعالی از این نوع ندارد")
        return super()._data(index, role)


def _coverage_row(c: CountyCoverage) -> Row:
    return {
        "county": c.county,
        "population": c.population,
        "active": c.active,
        "per_100k": c.per_100k,
        "pending": c.pending,
        "missing_types": c.missing_types,
    }


def _table(model: RowsTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setMinimumHeight(220)
    return view


def _card(title: str, name: str) -> tuple[QFrame, QLabel]:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    value = QLabel("—")
    value.setObjectName(name)
    value.setAlignment(Qt.AlignmentFlag.AlignCenter)
    font = value.font()
    font.setPointSize(font.pointSize() + 6)
    font.setBold(True)
    value.setFont(font)
    caption = QLabel(title)
    caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
    caption.setWordWrap(True)
    layout.addWidget(value)
    layout.addWidget(caption)
    return frame, value


def show_in_inspections_page(router: Router, drill: Drilldown) -> None:
    """Open the Inspections page filtered like `drill` as far as its filters go (status, county,
    type, dates); the exact list, failed item included, is the one on the Overview page."""
    router.show_page("inspections")
    pages = getattr(router, "pages", None)  # the main window's pages, by key
    try:
        page = pages["inspections"] if pages is not None and "inspections" in pages else None
    except (KeyError, TypeError):
        page = None
    apply = getattr(page, "apply_filters", None)
    if callable(apply):  # the page's own entry point, when it has one
        apply(drill.as_params())
        return
    if page is None:
        return
    status = drill.statuses[0] if len(drill.statuses) == 1 else ""
    widgets: list[QWidget] = []
    for name, value in (
        ("status_filter", status),
        ("county_filter", drill.county or ""),
        ("type_filter", drill.office_type or ""),
    ):
        combo = getattr(page, name, None)
        if isinstance(combo, QComboBox):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            widgets.append(combo)
    for check_name, edit_name, day in (
        ("from_check", "from_date", drill.date_from),
        ("to_check", "to_date", drill.date_to),
    ):
        check, edit = getattr(page, check_name, None), getattr(page, edit_name, None)
        if isinstance(check, QCheckBox) and isinstance(edit, JalaliDateEdit):
            check.blockSignals(True)
            edit.blockSignals(True)
            check.setChecked(bool(day))
            if day:
                edit.set_value(day)
            widgets += [check, edit]
    for widget in widgets:
        widget.blockSignals(False)
    reload = getattr(page, "reload", None)
    if callable(reload):
        reload()


class OverviewPage(QWidget):
    drilldown_requested = Signal(object)  # a Drilldown: the inspections behind a clicked figure
    loaded = Signal()  # the page shows the current filters' figures (all but failed items)
    items_loaded = Signal()  # ... and the most-failed items too

    def __init__(self, env: PageEnv, *, loader: Loader | None = None) -> None:
        super().__init__()
        self.setObjectName("overviewPage")
        self._env = env
        self._loader: Loader = loader or load_dashboard
        self._db_path = db_path(env.context.db)
        self._generation = 0
        self._reported = 0
        self._dirty = True
        self.dashboard: Dashboard | None = None
        self.failed_items: list[FailedItem] = []
        self.drill: Drilldown | None = None

        # -- filters --------------------------------------------------------------------
        self.from_check = QCheckBox(self.tr("از تاریخ"))
        self.from_check.setObjectName("overviewFromCheck")
        self.from_date = JalaliDateEdit()
        self.from_date.setObjectName("overviewFromDate")
        self.to_check = QCheckBox(self.tr("تا تاریخ"))
        self.to_check.setObjectName("overviewToCheck")
        self.to_date = JalaliDateEdit()
        self.to_date.setObjectName("overviewToDate")
        self.from_date.setDate(self.from_date.date().addMonths(-6))
        self.county_filter = QComboBox()
        self.county_filter.setObjectName("overviewCounty")
        self.type_filter = QComboBox()
        self.type_filter.setObjectName("overviewType")
        self.type_filter.addItem(self.tr("همهٔ انواع دفتر"), "")
        for key in labels.OFFICE_TYPES:
            self.type_filter.addItem(_type(key), key)
        self.drafts_check = QCheckBox(self.tr("پیش‌نویس‌ها هم شمرده شوند"))
        self.drafts_check.setObjectName("overviewDrafts")
        self.export_button = QPushButton(self.tr("گزارش خلاصهٔ استانی (PDF)…"))
        self.export_button.setObjectName("overviewExport")
        self.export_button.clicked.connect(self._ask_export)
        self._fill_counties()
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(120)  # a burst of filter changes loads once
        self._reload_timer.timeout.connect(self.reload)
        for combo in (self.county_filter, self.type_filter):
            combo.currentIndexChanged.connect(self._schedule)
        for check in (self.from_check, self.to_check, self.drafts_check):
            check.toggled.connect(self._schedule)
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(self._date_changed)
        filters = QHBoxLayout()
        for widget in (
            self.from_check,
            self.from_date,
            self.to_check,
            self.to_date,
            self.county_filter,
            self.type_filter,
            self.drafts_check,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.export_button)

        self.description = QLabel()
        self.description.setObjectName("overviewDescription")
        self.description.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("overviewStatus")

        # -- key figures ----------------------------------------------------------------
        cards = QHBoxLayout()
        self.figures: dict[str, QLabel] = {}
        for key, title in (
            ("inspections", self.tr("بازرسی")),
            ("mean", self.tr("میانگین درصد انطباق")),
            ("critical", self.tr("بازرسی دارای تخلف حیاتی")),
            ("overdue", self.tr("دفتر بی‌بازرسی در دورهٔ مقرر")),
            ("per100k", self.tr("دفتر فعال در هر ۱۰۰ هزار نفر")),
            ("pending", self.tr("مجوز در انتظار")),
        ):
            frame, value = _card(title, f"figure_{key}")
            self.figures[key] = value
            cards.addWidget(frame)

        # -- charts ---------------------------------------------------------------------
        self.county_chart = BarChart(
            self.tr("میانگین انطباق به تفکیک شهرستان"),
            alert_below=WEAK_BELOW,
            on_click=lambda i: self._drill_rows("by_county", i),
        )
        self.type_chart = BarChart(
            self.tr("میانگین انطباق به تفکیک نوع دفتر"),
            alert_below=WEAK_BELOW,
            on_click=lambda i: self._drill_rows("by_type", i),
        )
        self.month_chart = BarChart(
            self.tr("روند ماهانهٔ انطباق"),
            horizontal=False,
            on_click=lambda i: self._drill_rows("by_month", i),
        )
        self._items_title = self.tr("پرسش‌هایی که بیش از همه «خیر» گرفته‌اند (درصد بازرسی‌ها)")
        self.items_chart = BarChart(
            self._items_title,
            decimals=1,
            on_click=self._drill_item,
        )
        self.satisfaction_chart = BarChart(
            self.tr("رضایت مراجعان به تفکیک شهرستان"),
            on_click=lambda i: self._drill_rows("satisfaction_by_county", i),
        )
        self.coverage_chart = BarChart(
            self.tr("دفتر فعال در هر ۱۰۰ هزار نفر"), value_max=None, decimals=2
        )
        for name, chart in (
            ("countyChart", self.county_chart),
            ("typeChart", self.type_chart),
            ("monthChart", self.month_chart),
            ("itemsChart", self.items_chart),
            ("satisfactionChart", self.satisfaction_chart),
            ("coverageChart", self.coverage_chart),
        ):
            chart.setObjectName(name)

        self.overdue_model = RowsTableModel(OVERDUE_COLUMNS, "code")
        self.overdue_view = _table(self.overdue_model, "overdueTable")
        self.overdue_view.doubleClicked.connect(self._drill_overdue)
        self.overdue_title = QLabel()
        self.coverage_model = CoverageModel(COVERAGE_COLUMNS, "county")
        self.coverage_view = _table(self.coverage_model, "coverageTable")
        self.coverage_source = QLabel()
        self.coverage_source.setObjectName("coverageSource")
        self.coverage_source.setWordWrap(True)

        # -- the inspections behind a clicked figure -------------------------------------
        self.behind_title = QLabel(self.tr("روی یک ستون نمودار بزنید تا بازرسی‌های آن را ببینید."))
        self.behind_title.setObjectName("behindTitle")
        self.behind_title.setWordWrap(True)
        self.behind_table = InspectionsTable(
            [COLUMN_DEFS[k] for k in ("office", "type", "county", "date", "status", "score")]
        )
        self.behind_table.setObjectName("behindTable")
        self.behind_table.view.doubleClicked.connect(self._open_behind)
        self.route_button = QPushButton(self.tr("نمایش در صفحهٔ بازرسی‌ها"))
        self.route_button.setObjectName("routeToInspections")
        self.route_button.setEnabled(False)
        self.route_button.clicked.connect(self.show_drill_in_inspections)

        grid = QGridLayout()
        grid.addWidget(self.county_chart, 0, 0)
        grid.addWidget(self.type_chart, 0, 1)
        grid.addWidget(self.month_chart, 1, 0, 1, 2)
        grid.addWidget(self.items_chart, 2, 0)
        grid.addWidget(self.satisfaction_chart, 2, 1)
        grid.addWidget(self.coverage_chart, 3, 0)
        coverage_box = QVBoxLayout()
        coverage_box.addWidget(self.coverage_view)
        coverage_box.addWidget(self.coverage_source)
        grid.addLayout(coverage_box, 3, 1)
        overdue_box = QVBoxLayout()
        overdue_box.addWidget(self.overdue_title)
        overdue_box.addWidget(self.overdue_view)
        grid.addLayout(overdue_box, 4, 0)
        behind_box = QVBoxLayout()
        behind_head = QHBoxLayout()
        behind_head.addWidget(self.behind_title, 1)
        behind_head.addWidget(self.route_button)
        behind_box.addLayout(behind_head)
        behind_box.addWidget(self.behind_table)
        grid.addLayout(behind_box, 4, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addLayout(cards)
        inner.addLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        head = QHBoxLayout()
        head.addWidget(self.description, 1)
        head.addWidget(self.status_label)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)
        env.events.inspection_changed.connect(self._mark_dirty)
        env.events.offices_changed.connect(self._offices_changed)

    # -- filters ------------------------------------------------------------------------
    def _fill_counties(self) -> None:
        current = self.county_filter.currentData()
        self.county_filter.blockSignals(True)
        self.county_filter.clear()
        self.county_filter.addItem(self.tr("همهٔ شهرستان‌ها"), "")
        for county in offices.counties(self._env.context.db):
            self.county_filter.addItem(county, county)
        self.county_filter.setCurrentIndex(max(self.county_filter.findData(current or ""), 0))
        self.county_filter.blockSignals(False)

    def current_filter(self) -> OverviewFilter:
        return OverviewFilter(
            date_from=self.from_date.value() if self.from_check.isChecked() else None,
            date_to=self.to_date.value() if self.to_check.isChecked() else None,
            county=self.county_filter.currentData() or None,
            office_type=self.type_filter.currentData() or None,
            include_drafts=self.drafts_check.isChecked(),
        )

    def set_filter(self, f: OverviewFilter) -> None:
        """Show `f` in the filter widgets and load it (one load, however many widgets change)."""
        widgets = [self.from_check, self.to_check, self.drafts_check, self.county_filter,
                   self.type_filter, self.from_date, self.to_date]  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        self.from_check.setChecked(f.date_from is not None)
        self.from_date.set_value(f.date_from)
        self.to_check.setChecked(f.date_to is not None)
        self.to_date.set_value(f.date_to)
        self.county_filter.setCurrentIndex(max(self.county_filter.findData(f.county or ""), 0))
        self.type_filter.setCurrentIndex(max(self.type_filter.findData(f.office_type or ""), 0))
        self.drafts_check.setChecked(f.include_drafts)
        for widget in widgets:
            widget.blockSignals(False)
        self.reload()

    def _date_changed(self) -> None:
        if self.from_check.isChecked() or self.to_check.isChecked():
            self._schedule()

    def _schedule(self, *_args: Any) -> None:
        self._reload_timer.start()

    def _mark_dirty(self, *_args: Any) -> None:
        self._dirty = True
        if self.isVisible():
            self._schedule()

    def _offices_changed(self, *_args: Any) -> None:
        self._fill_counties()
        self._mark_dirty()

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.reload()
        super().showEvent(event)

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
        from inspector_app.ui import messages

        self.status_label.setText("")
        messages.report_exception(self, error)

    def _show(self, generation: int, dashboard: Dashboard) -> None:
        if generation != self._generation:
            return  # a newer request is on its way
        self.dashboard = dashboard
        o, cov = dashboard.overview, dashboard.coverage
        self.description.setText(
            self.tr("آمار: {what}. برای شمردن پیش‌نویس‌ها گزینهٔ بالا را بزنید.").format(
                what=overview_labels.describe(o.filter)
            )
        )
        self.figures["inspections"].setText(fmt.number(o.inspections))
        self.figures["mean"].setText(fmt.number(o.mean_score, 1))
        self.figures["critical"].setText(fmt.number(o.critical))
        self.figures["overdue"].setText(fmt.number(len(o.overdue)))
        self.figures["per100k"].setText(fmt.number(cov.per_100k, 2))
        self.figures["pending"].setText(fmt.number(cov.pending_total))
        self.county_chart.set_rows([(r.label, r.mean_score) for r in o.by_county])
        self.type_chart.set_rows([(_type(r.key), r.mean_score) for r in o.by_type])
        self.month_chart.set_rows(
            [(overview_labels.month(r.key), r.mean_score) for r in o.by_month]
        )
        self.satisfaction_chart.set_rows(
            [(r.label, r.mean_satisfaction) for r in o.satisfaction_by_county]
        )
        self.coverage_chart.set_rows([(c.county, c.per_100k) for c in cov.counties])
        self.coverage_model.set_rows([_coverage_row(c) for c in cov.counties])
        # Isolated: the source is quoted as the file gives it, often in English.
        self.coverage_source.setText(
            self.tr("منبع جمعیت: {source}").format(source=f"\u2066{cov.population_source}\u2069")
        )
        self.overdue_title.setText(
            self.tr("دفاتر فعالی که در {n} روز گذشته بازرسی نشده‌اند (دوبار کلیک: بازرسی‌هایشان)")
            .format(n=fmt.number(o.overdue_days))
        )  # fmt: skip
        self.overdue_model.set_rows(
            [
                {"code": d.code, "name": d.name, "county": d.county,
                 "office_type": d.office_type, "last_visit": d.last_visit,
                 "days_since": d.days_since}
                for d in o.overdue
            ]
        )  # fmt: skip
        self.status_label.setText("")
        self.loaded.emit()
        # The slow figure starts only now: on two cores it would slow the first paint down.
        self.items_chart.chart().setTitle(self._items_title + " — " + self.tr("در حال محاسبه…"))
        run_in_background(
            self,
            load_failed_items,
            self._db_path,
            o.filter,
            on_success=lambda items: self._show_items(generation, items),
            on_failure=lambda error: self._failed(generation, error),
            progress_dialog=False,
        )

    def _show_items(self, generation: int, items: list[FailedItem]) -> None:
        if generation != self._generation:
            return
        self.failed_items = items
        self.items_chart.chart().setTitle(self._items_title)
        self.items_chart.set_rows(
            [(_short(i.text), i.share) for i in items], tooltips=[i.text for i in items]
        )
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
        self.route_button.setEnabled(True)
        self.drilldown_requested.emit(drill)
        self.behind_title.setText(self.tr("بازرسی‌های پشت «{title}»").format(title=title))
        run_in_background(
            self,
            _behind,
            self._db_path,
            drill,
            on_success=lambda rows: self._show_behind(drill, rows),
            progress_dialog=False,
        )

    def _show_behind(self, drill: Drilldown, rows: list[Row]) -> None:
        if drill is not self.drill:
            return
        self.behind_table.set_rows(rows)

    def _open_behind(self, _index: QModelIndex) -> None:
        key = self.behind_table.current_key()
        if key:
            self._env.router.open_inspection(key)

    def show_drill_in_inspections(self) -> None:
        if self.drill is not None:
            show_in_inspections_page(self._env.router, self.drill)

    # -- summary PDF --------------------------------------------------------------------
    def _ask_export(self) -> None:
        f = self.current_filter()
        if f.date_from is None or f.date_to is None:
            from inspector_app.ui import messages

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

    def export_pdf(self, path: Path) -> None:
        """Write the province summary for the current filters, off the GUI thread."""
        f = self.current_filter()
        today = dt.date.today()
        run_in_background(
            self,
            _write_summary,
            self._db_path,
            f,
            path,
            on_success=lambda _r: self.status_label.setText(
                self.tr("گزارش ذخیره شد: {path}").format(path=f"\u2066{path}\u2069")
            ),
            label=self.tr("ساخت گزارش خلاصه…"),
        )
        log.info("summary export %s (%s, %s)", path, f, today)


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _behind(path: Path, drill: Drilldown) -> list[Row]:
    import sqlite3

    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10.0)
    try:
        return inspections_behind(sqlite_runner(conn), drill, limit=500)
    finally:
        conn.close()


def _write_summary(path: Path, f: OverviewFilter, out: Path) -> Path:
    from inspector_app.storage.db import open_database

    db = open_database(path)
    try:
        assert f.date_from is not None and f.date_to is not None
        data = summary_report.gather(
            db,
            f.date_from,
            f.date_to,
            county=f.county,
            office_type=f.office_type,
            include_drafts=f.include_drafts,
        )
        out.write_bytes(summary_report.render_summary(data))
    finally:
        db.close()
    return out
