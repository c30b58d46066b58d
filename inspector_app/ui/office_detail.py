"""The chosen office on the Offices page: its details, its inspection history, and the button
that starts an inspection of it."""

from __future__ import annotations

import logging

from inspector_app.services import inspections, workflow
from inspector_app.ui import fmt, labels
from inspector_app.ui.background import Changes, run_write
from inspector_app.ui.env import PageEnv
from inspector_app.ui.inspections_table import InspectionsTable, history_columns
from inspector_app.ui.qt import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QModelIndex,
    QPushButton,
    Qt,
    QVBoxLayout,
)
from inspector_app.ui.table_models import Row

log = logging.getLogger(__name__)


class OfficeDetail(QGroupBox):
    """The chosen office: its details, its inspection history and the start button."""

    def __init__(self, env: PageEnv) -> None:
        super().__init__()
        self.setObjectName("officeDetail")
        self._env = env
        self._code: str | None = None
        self._fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        for key, title in (
            ("code", self.tr("کد")),
            ("type", self.tr("نوع")),
            ("place", self.tr("شهرستان / شهر")),
            ("address", self.tr("نشانی")),
            ("phone", self.tr("تلفن")),
            ("manager", self.tr("مدیر")),
            ("licence_no", self.tr("شمارهٔ پروانه")),
            ("status", self.tr("وضعیت")),
            ("location", self.tr("عرض، طول")),
            ("last_visit", self.tr("آخرین بازرسی")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"detail_{key}")
            # The UI's leading edge whatever the text's script: a label aligns Latin text (a
            # code, a phone number) by the text's own direction unless told absolutely.
            value.setAlignment(fmt.leading_edge() | Qt.AlignmentFlag.AlignVCenter)
            self._fields[key] = value
            form.addRow(title, value)
        self.history = InspectionsTable(history_columns())
        self.history.setObjectName("officeHistory")
        self.history.view.doubleClicked.connect(self._open_history)
        self.start_button = QPushButton(self.tr("شروع بازرسی"))
        self.start_button.setObjectName("startInspection")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start_inspection)
        self.open_button = QPushButton(self.tr("باز کردن بازرسی"))
        self.open_button.setObjectName("openHistory")
        self.open_button.clicked.connect(lambda: self._open_history(self.history.current_index()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("سابقهٔ بازرسی‌ها")))
        layout.addWidget(self.history, 1)
        layout.addLayout(buttons)
        self.show_office(None)

    def show_office(self, row: Row | None) -> None:
        self._code = row["code"] if row else None
        self.setTitle(fmt.digits(row["name"]) if row else self.tr("دفتری انتخاب نشده است"))
        values = self._values(row) if row else dict.fromkeys(self._fields, "")
        for key, label in self._fields.items():
            label.setText(values[key])
        history = (
            inspections.list_inspections(self._env.context.db, office_code=self._code)
            if self._code
            else []
        )
        self.history.set_rows(history)
        self.start_button.setEnabled(row is not None and row["status"] != "closed")
        self.open_button.setEnabled(bool(history))

    def _values(self, row: Row) -> dict[str, str]:
        """The office's details as shown: labels translated, every number in the UI's digits."""
        values = {
            "code": row["code"],
            "type": labels.office_type(row["type"]),
            "place": f"{row['county']} / {row['city']}",
            "address": row.get("address") or "",
            "phone": row.get("phone") or "",
            "manager": row.get("manager") or "",
            "licence_no": row.get("licence_no") or "",
            "status": labels.office_status(row["status"]),
            "location": "",
            "last_visit": "",
        }
        lat, lon = row.get("lat"), row.get("lon")
        if lat is not None and lon is not None:
            values["location"] = self.tr("{lat}، {lon}").format(
                lat=fmt.number(float(lat), 4), lon=fmt.number(float(lon), 4)
            )
        if row.get("last_visit"):
            values["last_visit"] = self.tr("{date}، امتیاز {score}").format(
                date=fmt.jalali(row["last_visit"]), score=fmt.percent(row.get("last_score"))
            )
        for key in ("code", "address", "phone", "licence_no"):
            values[key] = fmt.digits(values[key])
        for key in ("code", "phone", "licence_no"):
            if values[key]:  # written left to right, e.g. «1234-ب/56»: keep it in that order
                values[key] = fmt.ltr(values[key])
        return values

    def start_inspection(self) -> None:
        if self._code is None:
            return
        code = self._code

        def started(inspection_id: str) -> None:
            log.info("inspection %s started for %s", inspection_id, code)
            self._env.router.open_inspection(inspection_id)

        run_write(
            self,
            self._env.events,
            workflow.start_inspection,
            self._env.context,
            code,
            changes=Changes.INSPECTION,
            inspection_id=str,
            on_success=started,
        )

    def _open_history(self, index: QModelIndex) -> None:
        key = self.history.key_at(index)
        if key:
            self._env.router.open_inspection(key)
