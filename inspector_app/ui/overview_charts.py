"""The Overview page's key figures and bar charts, filled from one dashboard.

A click on a bar calls `on_drill(figure, index)`, `figure` naming the Overview's rows behind
the chart (e.g. "by_county"), or `on_item(index)` for the most-failed items.
"""

from __future__ import annotations

from collections.abc import Callable

from inspector_app.domain import vocabulary
from inspector_app.figures.overview import FailedItem
from inspector_app.services.overview.dashboard import Dashboard
from inspector_app.ui import fmt, overview_labels
from inspector_app.ui.charts import BarChart
from inspector_app.ui.overview_tables import office_type_label
from inspector_app.ui.qt import QFrame, QHBoxLayout, QLabel, QObject, Qt, QVBoxLayout


def _card(title: str, name: str) -> tuple[QFrame, QLabel]:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    value = QLabel("—")
    value.setObjectName(name)
    value.setAlignment(Qt.AlignmentFlag.AlignCenter)
    font = value.font()
    font.setPointSize(font.pointSize() + 6)
    font.setBold(True)
    value.setFont(font)
    caption = QLabel(title)
    caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
    caption.setWordWrap(True)
    layout.addWidget(value)
    layout.addWidget(caption)
    return frame, value


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class OverviewCharts(QObject):
    """The row of key figures (`cards`) and the six charts; the page lays them out."""

    def __init__(
        self, on_drill: Callable[[str, int], None], on_item: Callable[[int], None]
    ) -> None:
        super().__init__()
        self.cards = QHBoxLayout()
        self.figures: dict[str, QLabel] = {}
        for key, title in (
            ("inspections", self.tr("بازرسی")),
            ("mean", self.tr("میانگین درصد انطباق")),
            ("critical", self.tr("بازرسی دارای تخلف حیاتی")),
            ("overdue", self.tr("دفتر بی‌بازرسی در دورهٔ مقرر")),
            ("actions", self.tr("اقدام اصلاحی با مهلت گذشته")),
            ("per100k", self.tr("دفتر فعال در هر ۱۰۰ هزار نفر")),
            ("pending", self.tr("مجوز در انتظار")),
        ):
            frame, value = _card(title, f"figure_{key}")
            self.figures[key] = value
            self.cards.addWidget(frame)

        self.county_chart = BarChart(
            self.tr("میانگین انطباق به تفکیک شهرستان"),
            alert_below=vocabulary.WEAK_BELOW,
            on_click=lambda i: on_drill("by_county", i),
        )
        self.type_chart = BarChart(
            self.tr("میانگین انطباق به تفکیک نوع دفتر"),
            alert_below=vocabulary.WEAK_BELOW,
            on_click=lambda i: on_drill("by_type", i),
        )
        self.month_chart = BarChart(
            self.tr("روند ماهانهٔ انطباق"),
            horizontal=False,
            on_click=lambda i: on_drill("by_month", i),
        )
        self._items_title = self.tr("پرسش‌هایی که بیش از همه «خیر» گرفته‌اند (درصد بازرسی‌ها)")
        self.items_chart = BarChart(self._items_title, decimals=1, on_click=on_item)
        self.satisfaction_chart = BarChart(
            self.tr("رضایت مراجعان به تفکیک شهرستان"),
            on_click=lambda i: on_drill("satisfaction_by_county", i),
        )
        self.coverage_chart = BarChart(
            self.tr("دفتر فعال در هر ۱۰۰ هزار نفر"), value_max=None, decimals=2
        )
        for name, chart in (
            ("countyChart", self.county_chart),
            ("typeChart", self.type_chart),
            ("monthChart", self.month_chart),
            ("itemsChart", self.items_chart),
            ("satisfactionChart", self.satisfaction_chart),
            ("coverageChart", self.coverage_chart),
        ):
            chart.setObjectName(name)

    def show(self, dashboard: Dashboard) -> None:
        """Every figure but the most-failed items, which load after (see `show_items`)."""
        o, cov = dashboard.overview, dashboard.coverage
        self.figures["inspections"].setText(fmt.number(o.inspections))
        self.figures["mean"].setText(fmt.number(o.mean_score, 1))
        self.figures["critical"].setText(fmt.number(o.critical))
        self.figures["overdue"].setText(fmt.number(len(o.overdue)))
        self.figures["actions"].setText(fmt.number(dashboard.overdue_actions))
        self.figures["per100k"].setText(fmt.number(cov.per_100k, 2))
        self.figures["pending"].setText(fmt.number(cov.pending_total))
        self.county_chart.set_rows([(r.label, r.mean_score) for r in o.by_county])
        self.type_chart.set_rows([(office_type_label(r.key), r.mean_score) for r in o.by_type])
        self.month_chart.set_rows(
            [(overview_labels.month(r.key), r.mean_score) for r in o.by_month]
        )
        self.satisfaction_chart.set_rows(
            [(r.label, r.mean_satisfaction) for r in o.satisfaction_by_county]
        )
        self.coverage_chart.set_rows([(c.county, c.per_100k) for c in cov.counties])

    def items_pending(self) -> None:
        self.items_chart.chart().setTitle(self._items_title + " — " + self.tr("در حال محاسبه…"))

    def show_items(self, items: list[FailedItem]) -> None:
        self.items_chart.chart().setTitle(self._items_title)
        self.items_chart.set_rows(
            [(_short(i.text), i.share) for i in items], tooltips=[i.text for i in items]
        )
