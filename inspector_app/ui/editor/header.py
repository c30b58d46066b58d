"""Editor header: office, Jalali visit date, arrival and departure, inspector, representative.

Times are entered and shown on Tehran's wall clock and stored in UTC, whatever zone the
machine is set to (laptops often run on UTC): never Qt's local `QTime.currentTime()`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from inspector_app.domain.jalali import tehran_moment, tehran_now, to_tehran
from inspector_app.ui import fmt, labels
from inspector_app.ui.editor.notes import LineEdit
from inspector_app.ui.jalali_widgets import JalaliDateEdit
from inspector_app.ui.qt import (
    QCheckBox,
    QEvent,
    QFocusEvent,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QLocale,
    QObject,
    Qt,
    QTime,
    QTimeEdit,
    QWidget,
    Signal,
)

Write = Callable[[dict[str, Any]], None]


class ClockEdit(QTimeEdit):
    """A time typed hour first: `۰۹۳۰` gives 09:30.

    The Persian display format is reversed (see `fmt.edit_format`) so that the hour stands on
    the left; Qt would then start typing in the minutes. So focus selects the hour, and a
    click selects the part clicked, which typing replaces.
    """

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setLocale(QLocale())
        self.setDisplayFormat(fmt.edit_format("HH:mm"))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field = self.findChild(QLineEdit)
        if self.field is not None:
            self.field.installEventFilter(self)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.MouseFocusReason:
            self.setSelectedSection(QTimeEdit.Section.HourSection)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.field
            and event.type() == QEvent.Type.MouseButtonRelease
            and self.field is not None
            and not self.field.hasSelectedText()
        ):
            self.setSelectedSection(self.currentSection())
        return super().eventFilter(watched, event)


class HeaderPanel(QGroupBox):
    """Emits `changed(fields)` for immediate writes and `typed(key, fields)` for debounced ones."""

    changed = Signal(dict)
    typed = Signal(str, dict)
    left = Signal()

    def __init__(self, inspection: dict[str, Any]) -> None:
        super().__init__()
        self.setObjectName("header")
        office = inspection["office"]
        name = fmt.digits(office["name"])  # registry names mix Latin and Persian digits
        self.setTitle(f"{name} — {labels.office_type(office['type'])}")
        self.date_edit = JalaliDateEdit()
        self.date_edit.setObjectName("visitDate")
        self.date_edit.set_value(inspection["visit_date"])
        self.arrival = ClockEdit("arrival")
        self.departure = ClockEdit("departure")
        self.departure_set = QCheckBox(self.tr("ثبت زمان خروج"))
        self.departure_set.setObjectName("departureSet")
        self.show_times(inspection)
        self.inspector = LineEdit(inspection.get("inspector_name") or "")
        self.inspector.setObjectName("inspectorName")
        self.rep_name = LineEdit(inspection.get("rep_name") or "")
        self.rep_name.setObjectName("repName")
        self.rep_name.setPlaceholderText(self.tr("نام نمایندهٔ دفتر"))
        self.rep_role = LineEdit(inspection.get("rep_role") or "")
        self.rep_role.setObjectName("repRole")
        self.rep_role.setPlaceholderText(self.tr("سمت (مثلاً مدیر دفتر)"))

        self._grid = grid = QGridLayout(self)
        cells: list[tuple[str | QWidget, QWidget]] = [
            (self.tr("تاریخ بازدید"), self.date_edit),
            (self.tr("ساعت ورود"), self.arrival),
            (self.departure_set, self.departure),
            (self.tr("بازرس"), self.inspector),
            (self.tr("نمایندهٔ دفتر"), self.rep_name),
            (self.tr("سمت نماینده"), self.rep_role),
        ]
        for position, (title, widget) in enumerate(cells):
            row, column = divmod(position, 3)
            label = QLabel(title) if isinstance(title, str) else title
            if isinstance(label, QLabel):
                label.setBuddy(widget)
            grid.addWidget(label, row, column * 2)
            grid.addWidget(widget, row, column * 2 + 1)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)

        self.date_edit.dateChanged.connect(lambda _d: self._times_changed(date_too=True))
        self.arrival.timeChanged.connect(lambda _t: self._times_changed())
        self.departure.timeChanged.connect(lambda _t: self._times_changed())
        self.departure_set.toggled.connect(self._departure_toggled)
        for key, edit in (
            ("inspector_name", self.inspector),
            ("rep_name", self.rep_name),
            ("rep_role", self.rep_role),
        ):
            edit.textChanged.connect(lambda text, k=key: self.typed.emit(k, {k: text.strip()}))
            edit.focus_left.connect(self.left)

    def add_line(self, *widgets: QWidget) -> None:
        """A line of its own under the fields (e.g. what a correction has changed)."""
        line = QHBoxLayout()
        for widget in widgets:
            line.addWidget(widget)
        line.addStretch(1)
        self._grid.addLayout(line, self._grid.rowCount(), 0, 1, self._grid.columnCount())

    def show_times(self, inspection: dict[str, Any]) -> None:
        """Show the stored arrival and departure (e.g. after the finalize dialog set one)."""
        edits = (self.arrival, self.departure, self.departure_set)
        for edit in edits:
            edit.blockSignals(True)
        try:
            self._set_time(self.arrival, inspection.get("arrival_at"))
            has_departure = bool(inspection.get("departure_at"))
            self.departure_set.setChecked(has_departure)
            self.departure.setEnabled(has_departure and self.departure_set.isEnabled())
            if has_departure:
                self._set_time(self.departure, inspection.get("departure_at"))
            else:
                self._set_now(self.departure)
        finally:
            for edit in edits:
                edit.blockSignals(False)

    @staticmethod
    def _set_time(edit: QTimeEdit, stored: str | None) -> None:
        if stored:
            local = to_tehran(stored)
            edit.setTime(QTime(local.hour, local.minute))

    @staticmethod
    def _set_now(edit: QTimeEdit) -> None:
        now = tehran_now()
        edit.setTime(QTime(now.hour, now.minute))

    def _moment(self, edit: QTimeEdit) -> str:
        """The shown Tehran time on the visit date, as stored (UTC)."""
        time = edit.time()
        return tehran_moment(self.date_edit.value(), time.hour(), time.minute())

    def _times_changed(self, date_too: bool = False) -> None:
        fields: dict[str, Any] = {"arrival_at": self._moment(self.arrival)}
        if date_too:
            fields["visit_date"] = self.date_edit.value().isoformat()
        if self.departure_set.isChecked():
            fields["departure_at"] = self._moment(self.departure)
        self.changed.emit(fields)

    def _departure_toggled(self, on: bool) -> None:
        self.departure.setEnabled(on and self.isEnabled())
        if on:
            self._set_now(self.departure)
        self.changed.emit({"departure_at": self._moment(self.departure) if on else None})

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.date_edit, self.arrival, self.departure, self.departure_set):
            widget.setEnabled(not read_only)
        for edit in (self.inspector, self.rep_name, self.rep_role):
            edit.setReadOnly(read_only)
