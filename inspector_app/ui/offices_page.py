"""Offices page: find an office (search as you type, filters), see its history, start inspecting."""

from __future__ import annotations

import logging
from typing import Any

from inspector_app.domain import vocabulary
from inspector_app.domain.search import OfficeIndex
from inspector_app.services import registry
from inspector_app.ui import fmt, labels
from inspector_app.ui.env import PageEnv
from inspector_app.ui.filter_combo import filter_combo
from inspector_app.ui.office_detail import OfficeDetail
from inspector_app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QModelIndex,
    QPersistentModelIndex,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from inspector_app.ui.reload_when_shown import ReloadWhenShown
from inspector_app.ui.table_models import (
    ALIGN_CENTER,
    KEY_ROLE,
    RowsProxy,
    RowsTableModel,
    apply_widths,
    field_column,
    select_key,
)

log = logging.getLogger(__name__)


def _name(value: Any) -> str:
    """Office names as the UI writes numbers (registry files mix Latin and Persian digits)."""
    return fmt.digits(str(value or ""))


OFFICE_COLUMNS = [
    field_column(QT_TRANSLATE_NOOP("Columns", "نام دفتر"), "name", _name, width=0),
    field_column(
        QT_TRANSLATE_NOOP("Columns", "نوع"),
        "type",
        labels.office_type,
        width=150,
        keys=vocabulary.OFFICE_TYPES,
    ),
    field_column(QT_TRANSLATE_NOOP("Columns", "شهرستان"), "county", width=80),
    field_column(QT_TRANSLATE_NOOP("Columns", "شهر"), "city", width=90),
    field_column(
        QT_TRANSLATE_NOOP("Columns", "وضعیت"),
        "status",
        labels.office_status,
        ALIGN_CENTER,
        width=80,
        keys=vocabulary.OFFICE_STATUSES,
    ),
    field_column(
        QT_TRANSLATE_NOOP("Columns", "آخرین بازرسی"),
        "last_visit",
        fmt.jalali,
        ALIGN_CENTER,
        width=110,  # «Last inspection» in English
    ),
    field_column(
        QT_TRANSLATE_NOOP("Columns", "آخرین امتیاز"),
        "last_score",
        fmt.percent,
        ALIGN_CENTER,
        width=80,
    ),
    # Open findings past their deadline: what the next visit must follow up first.
    field_column(
        QT_TRANSLATE_NOOP("Columns", "اقدام معوق"),
        "overdue_actions",
        lambda n: fmt.number(n) if n else "",
        ALIGN_CENTER,
        width=80,
    ),
]


class OfficesModel(RowsTableModel):
    def __init__(self) -> None:
        super().__init__(OFFICE_COLUMNS, "code")


class OfficesProxy(RowsProxy):
    """Filters by type, county, status and by the codes the search found."""

    def __init__(self) -> None:
        super().__init__()
        self.filters: dict[str, str] = {}
        self.matches: set[str] | None = None  # None: no search typed

    def set_filter(self, field: str, value: str | None) -> None:
        self.beginFilterChange()
        if value:
            self.filters[field] = value
        else:
            self.filters.pop(field, None)
        self.endFilterChange(RowsProxy.Direction.Rows)

    def set_matches(self, codes: set[str] | None) -> None:
        self.beginFilterChange()
        self.matches = codes
        self.endFilterChange(RowsProxy.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RowsTableModel)
        row = model.row_at(source_row)
        if self.matches is not None and row["code"] not in self.matches:
            return False
        return all(row.get(field) == value for field, value in self.filters.items())


class OfficesPage(ReloadWhenShown, QWidget):
    def __init__(self, env: PageEnv) -> None:
        super().__init__()
        self.setObjectName("officesPage")
        self._env = env
        self._dirty = True
        self._index = OfficeIndex([])
        self.model = OfficesModel()
        self.proxy = OfficesProxy()
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setObjectName("officeSearch")
        self.search.setPlaceholderText(self.tr("جستجو: نام، کد، شهر یا شهرستان"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.type_filter = filter_combo(
            "typeFilter",
            self.tr("همهٔ انواع"),
            [(k, labels.office_type(k)) for k in vocabulary.OFFICE_TYPES],
        )
        self.county_filter = filter_combo("countyFilter", self.tr("همهٔ شهرستان‌ها"), [])
        self.status_filter = filter_combo(
            "statusFilter",
            self.tr("همهٔ وضعیت‌ها"),
            [(k, labels.office_status(k)) for k in vocabulary.OFFICE_STATUSES],
        )
        for field, combo in (
            ("type", self.type_filter),
            ("county", self.county_filter),
            ("status", self.status_filter),
        ):
            combo.currentIndexChanged.connect(
                lambda _i, f=field, c=combo: self.proxy.set_filter(f, c.currentData())
            )
        self.count_label = QLabel()
        self.count_label.setObjectName("officeCount")
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.type_filter, 1)
        bar.addWidget(self.county_filter, 1)
        bar.addWidget(self.status_filter, 1)
        bar.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setObjectName("officesTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        apply_widths(self.table, OFFICE_COLUMNS)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        # Said where the rows would be: an empty table alone reads as "still loading".
        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setObjectName("officesEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        empty_layout = QVBoxLayout(self.table.viewport())
        empty_layout.addWidget(self.empty_label)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(self._focus_start)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

        self.detail = OfficeDetail(env)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([880, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        env.events.inspection_changed.connect(self._mark_dirty)
        env.events.offices_changed.connect(self._mark_dirty)
        self.reload()

    def _focus_start(self, _index: QModelIndex) -> None:
        self.detail.start_button.setFocus()

    def reload(self) -> None:
        """Read the registry again, keeping the selected office."""
        self._dirty = False
        current = self.current_code()
        rows = registry.list_offices(self._env.context.db)
        self._index = OfficeIndex(rows)
        self.model.set_rows(rows)
        chosen = self.county_filter.currentData()
        self.county_filter.blockSignals(True)
        while self.county_filter.count() > 1:
            self.county_filter.removeItem(1)
        for county in registry.counties(self._env.context.db):
            self.county_filter.addItem(county, county)
        position = self.county_filter.findData(chosen) if chosen else 0
        self.county_filter.setCurrentIndex(max(position, 0))
        self.county_filter.blockSignals(False)
        self._search(self.search.text())
        if current:
            self.select_code(current)
        else:
            self.detail.show_office(None)

    def _search(self, text: str) -> None:
        self.proxy.set_matches(set(self._index.search(text)) if text.strip() else None)
        self._update_count()

    def _update_count(self, *_args: Any) -> None:
        empty = self.proxy.rowCount() == 0 and self.model.rowCount() > 0
        if empty:
            self.empty_label.setText(
                self.tr("دفتری با این جستجو یافت نشد")
                if self.search.text().strip()
                else self.tr("دفتری با این صافی‌ها یافت نشد")
            )
        self.empty_label.setVisible(empty)
        self.count_label.setText(
            self.tr("{shown} از {total} دفتر").format(
                shown=fmt.number(self.proxy.rowCount()), total=fmt.number(self.model.rowCount())
            )
        )

    def current_code(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(KEY_ROLE) if index.isValid() else None

    def select_code(self, code: str) -> bool:
        return select_key(self.table, self.proxy, self.model, code)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.show_office(None)
            return
        source = self.proxy.mapToSource(current)
        self.detail.show_office(self.model.row_at(source.row()))
