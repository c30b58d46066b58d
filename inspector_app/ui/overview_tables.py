"""The Overview page's tables: offices overdue for an inspection, and coverage by county."""

from __future__ import annotations

from typing import Any

from inspector_app.domain import vocabulary
from inspector_app.figures.coverage import CountyCoverage
from inspector_app.services.overview.dashboard import Dashboard
from inspector_app.ui import fmt, labels
from inspector_app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QColor,
    QCoreApplication,
    QHeaderView,
    QLabel,
    QObject,
    Qt,
    QTableView,
)
from inspector_app.ui.table_models import (
    ALIGN_CENTER,
    AnyIndex,
    Column,
    Row,
    RowsTableModel,
    field_column,
)

GAP = QColor("#fbe9e7")


def office_type_label(value: Any) -> str:
    return labels.office_type(value)


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
    field_column(str(QT_TRANSLATE_NOOP("Columns", "دفتر")), "name", fmt.digits),
    field_column(str(QT_TRANSLATE_NOOP("Columns", "شهرستان")), "county"),
    field_column(str(QT_TRANSLATE_NOOP("Columns", "نوع")), "office_type", office_type_label),
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
    *[_count_column(title, t) for t, title in vocabulary.OFFICE_TYPE_HEADINGS.items()],
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


class OverviewTables(QObject):
    """The overdue and coverage tables with their captions; the page lays them out."""

    def __init__(self) -> None:
        super().__init__()
        self.overdue_model = RowsTableModel(OVERDUE_COLUMNS, "code")
        self.overdue_view = _table(self.overdue_model, "overdueTable")
        self.overdue_title = QLabel()
        self.coverage_model = CoverageModel(COVERAGE_COLUMNS, "county")
        self.coverage_view = _table(self.coverage_model, "coverageTable")
        self.coverage_source = QLabel()
        self.coverage_source.setObjectName("coverageSource")
        self.coverage_source.setWordWrap(True)

    def show(self, dashboard: Dashboard) -> None:
        o, cov = dashboard.overview, dashboard.coverage
        self.coverage_model.set_rows([_coverage_row(c) for c in cov.counties])
        # Isolated, in the direction of its first letter: quoted as the file gives it.
        self.coverage_source.setText(
            self.tr("منبع جمعیت: {source}").format(source=f"\u2068{cov.population_source}\u2069")
        )
        title = (
            self.tr("دفاتر فعالی که در {n} روز کاری گذشته بازرسی نشده‌اند (دوبار کلیک: بازرسی‌هایشان)")  # noqa: E501
            if o.overdue_working_days
            else self.tr("دفاتر فعالی که در {n} روز گذشته بازرسی نشده‌اند (دوبار کلیک: بازرسی‌هایشان)")  # noqa: E501
        )  # fmt: skip
        self.overdue_title.setText(title.format(n=fmt.number(o.overdue_days)))
        self.overdue_model.set_rows(
            [
                {"code": d.code, "name": d.name, "county": d.county,
                 "office_type": d.office_type, "last_visit": d.last_visit,
                 "days_since": d.days_since}
                for d in o.overdue
            ]
        )  # fmt: skip
