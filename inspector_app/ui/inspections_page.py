"""Inspections page: drafts and finalized inspections, filtered; continue, open or delete."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from inspector_app.domain import vocabulary
from inspector_app.figures.filters import OverviewFilter
from inspector_app.services import inspections, registry
from inspector_app.services.spreadsheet_export import ExportRequest
from inspector_app.ui import fmt, labels, messages
from inspector_app.ui.background import Changes, run_in_background, run_write
from inspector_app.ui.env import PageEnv
from inspector_app.ui.filter_combo import filter_combo
from inspector_app.ui.inspections_table import InspectionsTable
from inspector_app.ui.jalali_widgets import JalaliDateEdit
from inspector_app.ui.qt import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    is_alive,
)
from inspector_app.ui.reload_when_shown import ReloadWhenShown
from inspector_app.ui.spreadsheet_export import export_spreadsheet
from inspector_app.ui.table_models import (
    Row,
)

log = logging.getLogger(__name__)

# Rows read at once when the page opens or a filter changes; the rest follow from a worker
# thread, so a database of 50,000 inspections opens as fast as one of 200.
FIRST_ROWS = 200


class InspectionsPage(ReloadWhenShown, QWidget):
    def __init__(self, env: PageEnv) -> None:
        super().__init__()
        self.setObjectName("inspectionsPage")
        self._env = env
        self._dirty = True
        self._generation = 0  # bumps on every reload: a late background result is dropped
        self.loading = False
        self.status_filter = filter_combo(
            "statusFilter",
            self.tr("همهٔ وضعیت‌ها"),
            [(k, labels.inspection_status(k)) for k in vocabulary.INSPECTION_STATUSES],
        )
        self.county_filter = filter_combo(
            "countyFilter",
            self.tr("همهٔ شهرستان‌ها"),
            [(c, c) for c in registry.counties(env.context.db)],
        )
        self.type_filter = filter_combo(
            "typeFilter",
            self.tr("همهٔ انواع"),
            [(k, labels.office_type(k)) for k in vocabulary.OFFICE_TYPES],
        )
        self.from_check = QCheckBox(self.tr("از تاریخ"))
        self.from_check.setObjectName("fromCheck")
        self.from_date = JalaliDateEdit()
        self.from_date.setObjectName("fromDate")
        self.to_check = QCheckBox(self.tr("تا تاریخ"))
        self.to_check.setObjectName("toCheck")
        self.to_date = JalaliDateEdit()
        self.to_date.setObjectName("toDate")
        self.from_date.setDate(self.from_date.date().addMonths(-1))
        for combo in (self.status_filter, self.county_filter, self.type_filter):
            combo.currentIndexChanged.connect(self.reload)
        for check in (self.from_check, self.to_check):
            check.toggled.connect(self.reload)
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(self._date_changed)
        filters = QHBoxLayout()
        for widget in (
            self.status_filter,
            self.county_filter,
            self.type_filter,
            self.from_check,
            self.from_date,
            self.to_check,
            self.to_date,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)

        self.table = InspectionsTable()
        self.table.view.doubleClicked.connect(lambda _i: self.open_current())
        self.table.view.selectionModel().currentRowChanged.connect(
            lambda *_a: self._update_buttons()
        )
        self.open_button = QPushButton(self.tr("ادامه / باز کردن"))
        self.open_button.setObjectName("openInspection")
        self.open_button.clicked.connect(self.open_current)
        self.delete_button = QPushButton(self.tr("حذف پیش‌نویس"))
        self.delete_button.setObjectName("deleteDraft")
        self.delete_button.clicked.connect(self.delete_current)
        self.export_kind = filter_combo(
            "exportKind",
            self.tr("یک سطر برای هر بازرسی"),
            [
                ("answers", self.tr("یک سطر برای هر پاسخ")),
                ("findings", self.tr("یک سطر برای هر یافته")),
            ],
        )
        self.export_button = QPushButton(self.tr("صفحه‌گسترده…"))
        self.export_button.setObjectName("exportSheet")
        self.export_button.setToolTip(self.tr("بازرسی‌های این فهرست در پرونده‌ای XLSX یا CSV"))
        self.export_button.clicked.connect(self.export_sheet)
        self.count_label = QLabel()
        self.count_label.setObjectName("inspectionCount")
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_kind)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        env.events.inspection_changed.connect(self._mark_dirty)
        env.events.offices_changed.connect(self._mark_dirty)
        self._update_buttons()

    def _date_changed(self) -> None:
        if self.from_check.isChecked() or self.to_check.isChecked():
            self.reload()

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        return (
            self.from_date.value() if self.from_check.isChecked() else None,
            self.to_date.value() if self.to_check.isChecked() else None,
        )

    def filters(self) -> dict[str, Any]:
        date_from, date_to = self.date_range()
        return {
            "status": self.status_filter.currentData() or None,
            "county": self.county_filter.currentData() or None,
            "office_type": self.type_filter.currentData() or None,
            "date_from": date_from.isoformat() if date_from else None,
            "date_to": date_to.isoformat() if date_to else None,
        }

    def reload(self) -> None:
        """The first rows now; all of them from a worker thread when there are more."""
        self._dirty = False
        self._generation += 1
        generation = self._generation
        db = self._env.context.db
        filters = self.filters()
        rows = inspections.list_inspections(db, limit=FIRST_ROWS, **filters)
        self._show_rows(rows)
        self.loading = len(rows) >= FIRST_ROWS
        if self.loading:
            self.count_label.setText(self.tr("در حال خواندن همهٔ بازرسی‌ها…"))
            run_in_background(
                self,
                lambda: inspections.list_inspections(db, **filters),
                on_success=lambda all_rows: self._all_loaded(generation, all_rows),
                progress_dialog=False,
            )

    def _all_loaded(self, generation: int, rows: list[Row]) -> None:
        if generation != self._generation or not is_alive(self):
            return
        self.loading = False
        self._show_rows(rows)

    def _show_rows(self, rows: list[Row]) -> None:
        self.table.set_rows(rows)
        header = self.table.view.horizontalHeader()
        if header.sortIndicatorSection() >= 0:  # keep the user's sort across reloads
            self.table.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.count_label.setText(self.tr("{n} بازرسی").format(n=fmt.number(len(rows))))
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.table.current_row()
        self.open_button.setEnabled(row is not None)
        if row is None:
            self.open_button.setText(self.tr("ادامه / باز کردن"))
        elif row["status"] == "draft":
            self.open_button.setText(self.tr("ادامهٔ پیش‌نویس"))
        else:
            self.open_button.setText(self.tr("باز کردن (فقط خواندنی)"))
        # Finalized inspections are part of the record: they can never be deleted.
        self.delete_button.setEnabled(row is not None and row["status"] == "draft")

    def export_request(self, fmt: str) -> ExportRequest:
        """The rows the list shows (its filters, drafts included unless a status is chosen)."""
        date_from, date_to = self.date_range()
        f = OverviewFilter(
            date_from,
            date_to,
            self.county_filter.currentData() or None,
            self.type_filter.currentData() or None,
            include_drafts=True,
        )
        kind = self.export_kind.currentData() or "inspections"
        return ExportRequest(kind, fmt, f, self.status_filter.currentData() or None)

    def export_sheet(self) -> None:
        kind = self.export_kind.currentData() or "inspections"
        export_spreadsheet(
            self,
            self._env,
            self.export_request,
            kind,
            lambda path, n: self.count_label.setText(
                self.tr("{n} بازرسی در {path}").format(
                    n=fmt.number(n), path=f"\u2066{path.name}\u2069"
                )
            ),
        )

    def open_current(self) -> None:
        key = self.table.current_key()
        if key:
            self._env.router.open_inspection(key)

    def delete_current(self) -> None:
        row = self.table.current_row()
        if row is None or row["status"] != "draft":
            return
        text = self.tr(
            "پیش‌نویس بازرسی «{office}» در تاریخ {date} با همهٔ پاسخ‌ها و عکس‌هایش حذف شود؟ "
            "این کار برگشت‌پذیر نیست."
        ).format(office=fmt.digits(row["office_name"]), date=fmt.jalali(row["visit_date"]))
        messages.confirm(self, text, lambda: self._delete(row["id"]), yes_text=self.tr("حذف شود"))

    def _delete(self, inspection_id: str) -> None:
        run_write(
            self,
            self._env.events,
            inspections.delete_draft,
            self._env.context.db,
            inspection_id,
            changes=Changes.INSPECTION,
            inspection_id=inspection_id,
            on_success=lambda _r: log.info("draft %s deleted", inspection_id),
        )
        self.reload()
