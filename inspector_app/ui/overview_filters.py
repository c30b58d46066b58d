"""The Overview page's filter bar: date range, county, office type, drafts, and the PDF button.

`changed` fires on every edit a user makes (the page debounces); `set_filter` shows a filter
without firing it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from inspector_app.domain import vocabulary
from inspector_app.figures.filters import OverviewFilter
from inspector_app.ui.jalali_widgets import JalaliDateEdit
from inspector_app.ui.overview_tables import office_type_label
from inspector_app.ui.qt import QCheckBox, QComboBox, QHBoxLayout, QPushButton, QWidget, Signal


class OverviewFilterBar(QWidget):
    changed = Signal()
    export_requested = Signal()
    sheets_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
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
        for key in vocabulary.OFFICE_TYPES:
            self.type_filter.addItem(office_type_label(key), key)
        self.drafts_check = QCheckBox(self.tr("پیش‌نویس‌ها هم شمرده شوند"))
        self.drafts_check.setObjectName("overviewDrafts")
        self.export_button = QPushButton(self.tr("گزارش خلاصهٔ استانی (PDF)…"))
        self.export_button.setObjectName("overviewExport")
        self.export_button.clicked.connect(self.export_requested)
        self.sheets_button = QPushButton(self.tr("صفحه‌گسترده…"))
        self.sheets_button.setObjectName("overviewSheets")
        self.sheets_button.setToolTip(self.tr("ارقام این نما در پرونده‌ای XLSX یا CSV"))
        self.sheets_button.clicked.connect(self.sheets_requested)
        for combo in (self.county_filter, self.type_filter):
            combo.currentIndexChanged.connect(self._changed)
        for check in (self.from_check, self.to_check, self.drafts_check):
            check.toggled.connect(self._changed)
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(self._date_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.from_check,
            self.from_date,
            self.to_check,
            self.to_date,
            self.county_filter,
            self.type_filter,
            self.drafts_check,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        # The export buttons belong to these filters but sit in the page's line below them
        # (overview_page.py): on a 1280-pixel screen the filters fill their own line.

    def set_counties(self, counties: Iterable[str]) -> None:
        """Offer `counties`, keeping the chosen one when it is still there (no `changed`)."""
        current = self.county_filter.currentData()
        self.county_filter.blockSignals(True)
        self.county_filter.clear()
        self.county_filter.addItem(self.tr("همهٔ شهرستان‌ها"), "")
        for county in counties:
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

    def _changed(self, *_args: Any) -> None:
        self.changed.emit()

    def _date_changed(self) -> None:
        # A date only counts while its box is ticked.
        if self.from_check.isChecked() or self.to_check.isChecked():
            self.changed.emit()
