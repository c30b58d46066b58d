"""Bar charts for the Overview page (Qt Charts), right to left, digits in the UI's language.

Charts read from the right: horizontal bars grow leftwards from a category axis on the right;
a time axis runs from right (oldest) to left.
Numbers on axes and bars go through the chart's locale (`localizeNumbers`), so Persian shows
Persian digits. Clicking a bar calls `on_click(index)` with the row's index as given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from inspector_app.ui.qt import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QColor,
    QFont,
    QHorizontalBarSeries,
    QLabel,
    QLocale,
    QPainter,
    QPoint,
    QPointF,
    QResizeEvent,
    Qt,
    QValueAxis,
    QWidget,
)

BAR = QColor("#2f6fad")
ALERT = QColor("#c0504d")
Rows = Sequence[tuple[str, float | None]]


class BarChart(QChartView):
    """A titled bar chart whose rows can be replaced; emits nothing, calls `on_click`."""

    def __init__(
        self,
        title: str,
        *,
        horizontal: bool = True,
        value_max: float | None = 100.0,
        decimals: int = 0,
        alert_below: float | None = None,
        on_click: Callable[[int], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._horizontal = horizontal
        self._value_max = value_max
        self._decimals = decimals
        self._alert_below = alert_below
        self._on_click = on_click
        self._count = 0
        self._values: list[float | None] = []
        chart = QChart()
        chart.setTitle(title)
        title_font = QFont(chart.titleFont())
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        chart.legend().hide()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setLocalizeNumbers(True)
        chart.setLocale(QLocale())
        chart.setBackgroundRoundness(0)
        self.setChart(chart)
        self.setMinimumHeight(220)
        # An empty frame reads as a broken chart: say there is nothing to draw.
        self.empty_label = QLabel(self.tr("برای این انتخاب داده‌ای نیست."), self)
        self.empty_label.setObjectName("emptyChart")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #666666;")
        self.empty_label.hide()

    @property
    def row_count(self) -> int:
        return self._count

    def set_rows(self, rows: Rows, tooltips: Sequence[str] | None = None) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self._count = len(rows)
        self._values = [v for _, v in rows]
        self.empty_label.setVisible(not rows)
        if not rows:
            return
        # Qt draws the first category at the bottom (horizontal) or on the left (vertical):
        # reversed, the first row is on top, or on the right. (QBarCategoryAxis.setReverse
        # does not move the bars of a bar series.)
        ordered = list(reversed(rows))
        bars = QBarSet("")
        bars.setColor(BAR)
        bars.setBorderColor(BAR)
        bars.setSelectedColor(ALERT)
        bars.setLabelColor(QColor("white") if self._horizontal else QColor("#222222"))
        for _, value in ordered:
            bars.append(round(value, self._decimals) if value is not None else 0.0)
        if self._alert_below is not None:
            weak = [
                i for i, (_, v) in enumerate(ordered) if v is not None and v < self._alert_below
            ]
            bars.selectBars(weak)
        bars.clicked.connect(self._clicked)
        if tooltips is not None:
            tips = list(reversed(tooltips))
            bars.hovered.connect(lambda on, i: self.setToolTip(tips[i] if on else ""))
        series: QAbstractBarSeries = QHorizontalBarSeries() if self._horizontal else QBarSeries()
        series.append(bars)
        series.setBarWidth(0.65)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPrecision(4)
        series.setLabelsPosition(
            QAbstractBarSeries.LabelsPosition.LabelsInsideEnd
            if self._horizontal
            else QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd
        )
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([label for label, _ in ordered])
        values = QValueAxis()
        top = self._value_max or max((v or 0.0 for _, v in rows), default=1.0) * 1.15 or 1.0
        values.setRange(0.0, top)
        values.setLabelFormat("%.0f" if top >= 5 else "%.1f")
        values.setTickCount(6)
        if self._horizontal:
            values.setReverse(True)  # bars grow leftwards from the right
            chart.addAxis(categories, Qt.AlignmentFlag.AlignRight)
            chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        else:
            categories.setLabelsAngle(-90)  # month names read whole, however many
            chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(values, Qt.AlignmentFlag.AlignRight)
        series.attachAxis(categories)
        series.attachAxis(values)
        self.setMinimumHeight(max(220, 34 * len(rows) + 90) if self._horizontal else 400)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.empty_label.setGeometry(self.rect())

    def _clicked(self, index: int) -> None:
        if self._on_click is None:
            return
        self._on_click(self._count - 1 - index)

    def bar_centre(self, index: int) -> QPoint:
        """Where on the view row `index`'s bar is drawn (to click it as a user does)."""
        chart = self.chart()
        series = chart.series()[0]
        position = self._count - 1 - index
        half = max(self._values[index] or 0.0, 0.0) / 2
        point = QPointF(half, position) if self._horizontal else QPointF(position, half)
        scene = chart.mapToScene(chart.mapToPosition(point, series))
        return self.mapFromScene(scene)
