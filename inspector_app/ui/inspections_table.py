"""The table of inspection rows the inspections page, the office detail, the visits page and
the Overview's list of offices behind show: its columns, model and widget."""

from __future__ import annotations

from typing import Any

from inspector_app.domain import vocabulary
from inspector_app.ui import fmt, labels
from inspector_app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QModelIndex,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from inspector_app.ui.table_models import (
    ALIGN_CENTER,
    KEY_ROLE,
    ROW_ROLE,
    Column,
    Row,
    RowsProxy,
    RowsTableModel,
    apply_widths,
    field_column,
    select_key,
)


def _office_type(value: Any) -> str:
    return labels.office_type(value)


def _status(value: Any) -> str:
    return labels.inspection_status(value)


def _grade(value: Any) -> str:
    return labels.grade(value) if value else "—"


def _count(value: Any) -> str:
    return fmt.number(value or 0)


COLUMN_DEFS: dict[str, Column] = {
    "office": field_column(
        QT_TRANSLATE_NOOP("Columns", "دفتر"),
        "office_name",
        lambda v: fmt.digits(str(v or "")),
        width=0,
    ),
    "type": field_column(
        QT_TRANSLATE_NOOP("Columns", "نوع"),
        "office_type",
        _office_type,
        width=150,
        keys=vocabulary.OFFICE_TYPES,
    ),
    "county": field_column(QT_TRANSLATE_NOOP("Columns", "شهرستان"), "county"),
    "date": field_column(
        QT_TRANSLATE_NOOP("Columns", "تاریخ بازدید"), "visit_date", fmt.jalali, ALIGN_CENTER
    ),
    "status": field_column(
        QT_TRANSLATE_NOOP("Columns", "وضعیت"),
        "status",
        _status,
        ALIGN_CENTER,
        keys=vocabulary.INSPECTION_STATUSES,
    ),
    "score": field_column(
        QT_TRANSLATE_NOOP("Columns", "امتیاز"), "score", fmt.percent, ALIGN_CENTER
    ),
    "grade": field_column(
        QT_TRANSLATE_NOOP("Columns", "رتبه"),
        "grade",
        _grade,
        ALIGN_CENTER,
        keys=vocabulary.GRADE_LABELS,
    ),
    "open": field_column(
        QT_TRANSLATE_NOOP("Columns", "موارد الزامی باز"), "required_open", _count, ALIGN_CENTER
    ),
    "inspector": field_column(QT_TRANSLATE_NOOP("Columns", "بازرس"), "inspector_name"),
}


def list_columns() -> list[Column]:
    keys = ("office", "type", "county", "date", "status", "score", "grade", "open", "inspector")
    return [COLUMN_DEFS[k] for k in keys]


def history_columns() -> list[Column]:
    return [COLUMN_DEFS[k] for k in ("date", "status", "score", "grade", "inspector")]


class InspectionsModel(RowsTableModel):
    def __init__(self, columns: list[Column] | None = None) -> None:
        super().__init__(columns or list_columns(), "id")


class InspectionsTable(QWidget):
    """A read-only, sortable table of inspection rows (used here and in the office detail)."""

    def __init__(self, columns: list[Column] | None = None) -> None:
        super().__init__()
        self.model = InspectionsModel(columns)
        self.proxy = RowsProxy()
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setObjectName("inspectionsTable")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # keep the query's order
        self.view.setSortingEnabled(True)
        apply_widths(self.view, self.model.columns)
        if not any(c.width == 0 for c in self.model.columns):
            header.setStretchLastSection(True)
        self.view.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def set_rows(self, rows: list[Row]) -> None:
        current = self.current_key()
        self.model.set_rows(rows)
        if current:
            self.select_key(current)

    def current_index(self) -> QModelIndex:
        return self.view.currentIndex()

    def key_at(self, index: QModelIndex) -> str | None:
        return index.data(KEY_ROLE) if index.isValid() else None

    def current_key(self) -> str | None:
        return self.key_at(self.view.currentIndex())

    def current_row(self) -> Row | None:
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_key(self, key: str) -> bool:
        return select_key(self.view, self.proxy, self.model, key)
