"""Client interviews: a repeating group of the form's interview items; add, edit, remove."""

from __future__ import annotations

from collections.abc import Callable

from inspector_app.ui import fmt
from inspector_app.ui.editor.items import ItemWidget
from inspector_app.ui.qt import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    Signal,
)


class InterviewsPanel(QWidget):
    add_requested = Signal()
    remove_requested = Signal(int)  # repeat index

    def __init__(
        self, title: str, min_count: int, make_items: Callable[[int], list[ItemWidget]]
    ) -> None:
        super().__init__()
        self.setObjectName("interviewsPanel")
        self._make_items = make_items
        self._min_count = min_count
        self.groups: dict[int, QGroupBox] = {}
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        self.summary = QLabel()
        self.summary.setObjectName("interviewSummary")
        self.add_button = QPushButton(self.tr("افزودن مصاحبه"))
        self.add_button.setObjectName("addInterview")
        self.add_button.clicked.connect(self.add_requested)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.summary)
        top.addWidget(self.add_button)
        self._list = QVBoxLayout()
        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(self._list)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        self._update_summary()

    def add_group(self, repeat: int) -> list[ItemWidget]:
        group = QGroupBox(self.tr("مصاحبهٔ {n}").format(n=fmt.plain_int(repeat)))
        group.setObjectName(f"interview_{repeat}")
        column = QVBoxLayout(group)
        widgets = self._make_items(repeat)
        for widget in widgets:
            column.addWidget(widget)
        remove = QPushButton(self.tr("حذف این مصاحبه"))
        remove.setObjectName("removeInterview")
        remove.clicked.connect(lambda: self.remove_requested.emit(repeat))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(remove)
        column.addLayout(row)
        self.groups[repeat] = group
        self._list.addWidget(group)
        self._update_summary()
        return widgets

    def remove_group(self, repeat: int) -> None:
        group = self.groups.pop(repeat, None)
        if group is not None:
            self._list.removeWidget(group)
            group.deleteLater()
        self._update_summary()

    def _update_summary(self) -> None:
        self.summary.setText(
            self.tr("{n} مصاحبه (دست‌کم {m})").format(
                n=fmt.plain_int(len(self.groups)), m=fmt.plain_int(self._min_count)
            )
        )

    def set_read_only(self, read_only: bool) -> None:
        self.add_button.setVisible(not read_only)
        for group in self.groups.values():
            for button in group.findChildren(QPushButton, "removeInterview"):
                button.setVisible(not read_only)
