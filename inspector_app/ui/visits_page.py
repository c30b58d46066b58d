"""My visits page: the offices the governorate assigned to this inspector with their due dates,
and the offices suggested because none of their inspections is recent; each starts an
inspection from here."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from inspector_app.services import my_visits, workflow
from inspector_app.services.my_visits import MyVisit
from inspector_app.services.overview.local import overdue_days_of
from inspector_app.services.working_calendar import day_count_of
from inspector_app.ui import fmt
from inspector_app.ui.background import Changes, run_write
from inspector_app.ui.env import PageEnv
from inspector_app.ui.inspections_table import InspectionsTable
from inspector_app.ui.overview_tables import OVERDUE_COLUMNS
from inspector_app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from inspector_app.ui.reload_when_shown import ReloadWhenShown
from inspector_app.ui.table_models import ALIGN_CENTER, Column, Row, field_column

log = logging.getLogger(__name__)

STANDINGS = {
    "open": QT_TRANSLATE_NOOP("Visits", "باز"),
    "overdue": QT_TRANSLATE_NOOP("Visits", "مهلت گذشته"),
    "started": QT_TRANSLATE_NOOP("Visits", "در جریان"),
    "done": QT_TRANSLATE_NOOP("Visits", "انجام‌شده"),
    "cancelled": QT_TRANSLATE_NOOP("Visits", "لغوشده"),
}
TODAY = QT_TRANSLATE_NOOP("Visits", "امروز")
DAYS_LEFT = QT_TRANSLATE_NOOP("Visits", "{n} روز مانده")
DAYS_PAST = QT_TRANSLATE_NOOP("Visits", "{n} روز گذشته")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Visits", text)


def _left(row: Row) -> str:
    """«۳ روز مانده», «امروز», «۲ روز گذشته»: for open assignments only."""
    if row["standing"] not in ("open", "overdue"):
        return ""
    days = int(row["days_left"])
    if days == 0:
        return _tr(TODAY)
    return _tr(DAYS_LEFT if days > 0 else DAYS_PAST).format(n=fmt.number(abs(days)))


PLAN_COLUMNS = [
    Column(
        str(QT_TRANSLATE_NOOP("Columns", "دفتر")),
        lambda r: fmt.digits(r["office_name"] or r["office_code"]),
        lambda r: r["office_name"],
        width=0,
    ),
    field_column(str(QT_TRANSLATE_NOOP("Columns", "شهرستان")), "county"),
    Column(
        str(QT_TRANSLATE_NOOP("Columns", "مهلت")),
        lambda r: fmt.jalali(r["due_date"]),
        lambda r: r["due_date"],
        ALIGN_CENTER,
        100,
    ),
    Column(
        str(QT_TRANSLATE_NOOP("Columns", "مانده")),
        _left,
        lambda r: r["days_left"],
        ALIGN_CENTER,
        110,
    ),
    Column(
        str(QT_TRANSLATE_NOOP("Columns", "وضعیت")),
        lambda r: _tr(STANDINGS[r["standing"]]),
        lambda r: r["standing"],
        ALIGN_CENTER,
        100,
    ),
    field_column(str(QT_TRANSLATE_NOOP("Columns", "یادداشت")), "note", fmt.digits, width=0),
]


# The Overview's overdue columns, laid out for a narrower table: the office's name takes the room.
SUGGESTED_COLUMNS = [
    replace(column, width=width)
    for column, width in zip(OVERDUE_COLUMNS, (110, 0, 110, 170, 110, 90), strict=True)
]


def plan_row(v: MyVisit) -> Row:
    a = v.assignment
    return {
        "id": a.id,
        "office_code": a.office_code,
        "office_name": v.office_name,
        "county": v.county,
        "due_date": a.due_date,
        "days_left": v.days_left,
        "standing": v.standing,
        "note": a.note,
        "inspection_id": v.inspection_id,
        "can_start": v.can_start,
    }


class VisitsPage(ReloadWhenShown, QWidget):
    def __init__(self, env: PageEnv) -> None:
        super().__init__()
        self.setObjectName("visitsPage")
        self._env = env
        self._dirty = True
        self._rows: dict[str, Row] = {}

        self.plan = InspectionsTable(PLAN_COLUMNS)
        self.plan.view.setObjectName("visitPlan")
        self.plan.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.plan.view.doubleClicked.connect(lambda _index: self._open_or_start())
        self.plan_empty = QLabel(
            self.tr(
                "استانداری هنوز بازدیدی به شما نسپرده است. برنامه با همگام‌سازی یا بستهٔ "
                "به‌روزرسانی می‌رسد."
            )
        )
        self.plan_empty.setObjectName("planEmpty")
        self.plan_empty.setWordWrap(True)
        self.start_button = QPushButton(self.tr("شروع بازرسی"))
        self.start_button.setObjectName("startVisit")
        self.start_button.clicked.connect(self.start_assigned)
        self.open_button = QPushButton(self.tr("باز کردن بازرسی"))
        self.open_button.setObjectName("openVisitInspection")
        self.open_button.clicked.connect(self.open_inspection)
        self.plan_count = QLabel()
        self.plan_count.setObjectName("planCount")
        plan_buttons = QHBoxLayout()
        plan_buttons.addWidget(self.start_button)
        plan_buttons.addWidget(self.open_button)
        plan_buttons.addStretch(1)
        plan_buttons.addWidget(self.plan_count)
        plan_box = QGroupBox(self.tr("بازدیدهای سپرده به شما"))
        plan_layout = QVBoxLayout(plan_box)
        plan_layout.addWidget(self.plan_empty)
        plan_layout.addWidget(self.plan, 1)
        plan_layout.addLayout(plan_buttons)

        self.suggested = InspectionsTable(SUGGESTED_COLUMNS)
        self.suggested.view.setObjectName("suggestedVisits")
        self.suggested.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.suggested.view.doubleClicked.connect(lambda _index: self.start_suggested())
        self.suggest_button = QPushButton(self.tr("شروع بازرسی"))
        self.suggest_button.setObjectName("startSuggested")
        self.suggest_button.clicked.connect(self.start_suggested)
        suggest_buttons = QHBoxLayout()
        suggest_buttons.addWidget(self.suggest_button)
        suggest_buttons.addStretch(1)
        self.suggest_box = QGroupBox()
        suggest_layout = QVBoxLayout(self.suggest_box)
        suggest_layout.addWidget(self.suggested, 1)
        suggest_layout.addLayout(suggest_buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(plan_box, 3)
        layout.addWidget(self.suggest_box, 2)
        env.events.inspection_changed.connect(self._mark_dirty)
        env.events.offices_changed.connect(self._mark_dirty)
        env.events.settings_changed.connect(self._mark_dirty)
        self._update_buttons()

    def reload(self) -> None:
        self._dirty = False
        context = self._env.context
        rows = [plan_row(v) for v in my_visits.my_visits(context)]
        self._rows = {r["id"]: r for r in rows}
        self.plan.set_rows(rows)
        self.plan_empty.setVisible(not rows)
        self.plan.setVisible(bool(rows))
        still_open = sum(1 for r in rows if r["standing"] in ("open", "overdue"))
        late = sum(1 for r in rows if r["standing"] == "overdue")
        self.plan_count.setText(
            self.tr("{open} بازدید باز، {late} با مهلت گذشته").format(
                open=fmt.number(still_open), late=fmt.number(late)
            )
        )
        days = fmt.number(overdue_days_of(context.db))
        title = (
            self.tr("پیشنهاد: دفترهایی که {n} روز کاری بازرسی نشده‌اند")
            if day_count_of(context.db) != "calendar"
            else self.tr("پیشنهاد: دفترهایی که {n} روز بازرسی نشده‌اند")
        )
        self.suggest_box.setTitle(title.format(n=days))
        self.suggested.set_rows(
            [
                {
                    "id": o.code,
                    "code": o.code,
                    "name": o.name,
                    "county": o.county,
                    "office_type": o.office_type,
                    "last_visit": o.last_visit,
                    "days_since": o.days_since,
                }
                for o in my_visits.suggestions(context)
            ]
        )
        self._update_buttons()

    def _current(self) -> Row | None:
        key = self.plan.current_key()
        return self._rows.get(key) if key else None

    def _update_buttons(self, *_args: Any) -> None:
        row = self._current()
        self.start_button.setEnabled(bool(row and row["can_start"]))
        self.open_button.setEnabled(bool(row and row["inspection_id"]))
        self.suggest_button.setEnabled(self.suggested.current_key() is not None)

    def _open_or_start(self) -> None:
        row = self._current()
        if row and row["inspection_id"]:
            self.open_inspection()
        elif row and row["can_start"]:
            self.start_assigned()

    def open_inspection(self) -> None:
        row = self._current()
        if row and row["inspection_id"]:
            self._env.router.open_inspection(str(row["inspection_id"]))

    def start_assigned(self) -> None:
        row = self._current()
        if row and row["can_start"]:
            self._start(my_visits.start_visit, str(row["id"]))

    def start_suggested(self) -> None:
        code = self.suggested.current_key()
        if code:
            self._start(workflow.start_inspection, code)

    def _start(self, op: Any, key: str) -> None:
        def started(inspection_id: str) -> None:
            log.info("inspection %s started from my visits (%s)", inspection_id, key)
            self._env.router.open_inspection(inspection_id)

        run_write(
            self,
            self._env.events,
            op,
            self._env.context,
            key,
            changes=Changes.INSPECTION,
            inspection_id=str,
            on_success=started,
        )
