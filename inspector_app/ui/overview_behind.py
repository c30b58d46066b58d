"""The inspections behind a clicked figure: the list under the Overview's charts, and the way
to the Inspections page with the same filters."""

from __future__ import annotations

from inspector_app.figures.filters import Drilldown
from inspector_app.ui.env import Router
from inspector_app.ui.inspections_table import COLUMN_DEFS, InspectionsTable
from inspector_app.ui.jalali_widgets import JalaliDateEdit
from inspector_app.ui.qt import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from inspector_app.ui.table_models import Row


class BehindPanel(QWidget):
    """Title, «نمایش در صفحهٔ بازرسی‌ها» and the table of one figure's inspections."""

    def __init__(self) -> None:
        super().__init__()
        self.title = QLabel(self.tr("روی یک ستون نمودار بزنید تا بازرسی‌های آن را ببینید."))
        self.title.setObjectName("behindTitle")
        self.title.setWordWrap(True)
        self.table = InspectionsTable(
            [COLUMN_DEFS[k] for k in ("office", "type", "county", "date", "status", "score")]
        )
        self.table.setObjectName("behindTable")
        self.route_button = QPushButton(self.tr("نمایش در صفحهٔ بازرسی‌ها"))
        self.route_button.setObjectName("routeToInspections")
        self.route_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.route_button)
        layout.addLayout(head)
        layout.addWidget(self.table)

    def set_figure(self, title: str) -> None:
        self.route_button.setEnabled(True)
        self.title.setText(self.tr("بازرسی‌های پشت «{title}»").format(title=title))

    def set_rows(self, rows: list[Row]) -> None:
        self.table.set_rows(rows)


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
