"""Bar charts for the summary PDF (reportlab.graphics), laid out right to left.

Category labels are shaped and reordered with the report's Persian text helpers (reportlab
draws glyphs left to right and knows no Arabic joining); numbers use Persian digits. Charts
read from the right: horizontal bars grow leftwards from a category axis on the right, and a
time axis runs from right (oldest) to left (newest).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from inspector_app.domain.persian import format_number
from inspector_app.pdf import persian_text
from inspector_app.pdf.rtl_flowable import (
    FONT_BOLD,
    FONT_REGULAR,
    register_fonts,
    text_width,
    visual_line,
)

BAR = colors.HexColor("#2f6fad")
ALERT = colors.HexColor("#c0504d")
AXIS = colors.HexColor("#6b7785")
GRIDLINE = colors.HexColor("#dde3ea")


def shaped(text: str, font: str = FONT_REGULAR) -> str:
    """Persian text as the glyph string reportlab draws (one line)."""
    return visual_line(persian_text.prepare(text), font)


def _drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    # The renderer's starting font would otherwise be Helvetica, listed unembedded in the PDF.
    drawing.initialFontName = FONT_REGULAR
    return drawing


def _title(drawing: Drawing, text: str, width: float, height: float) -> None:
    drawing.add(
        String(
            width,
            height - 12,
            shaped(text, FONT_BOLD),
            fontName=FONT_BOLD,
            fontSize=10,
            textAnchor="end",
            fillColor=colors.HexColor("#16365c"),
        )
    )


def horizontal_bars(
    rows: Sequence[tuple[str, float | None]],
    *,
    title: str,
    width: float,
    value_max: float = 100.0,
    decimals: int = 0,
    highlight_below: float | None = None,
    bar_height: float = 16.0,
) -> Drawing:
    """One bar per row (label, value), first row at the top; None draws no bar («—»)."""
    register_fonts()
    labels = [label for label, _ in rows]
    label_width = max((text_width(x, FONT_REGULAR, 8.5) for x in labels), default=0.0) + 8
    plot_height = max(len(rows), 1) * bar_height
    height = plot_height + 48
    drawing = _drawing(width, height)
    _title(drawing, title, width, height)
    chart = HorizontalBarChart()
    chart.x = 14
    chart.y = 20
    chart.width = width - label_width - chart.x - 20
    chart.height = plot_height
    # reportlab draws the first category at the bottom; the first row belongs on top.
    chart.data = [[v for _, v in reversed(rows)]]  # None: no bar, no label
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    if highlight_below is not None:
        for index, (_, v) in enumerate(reversed(rows)):
            if v is not None and v < highlight_below:
                chart.bars[(0, index)].fillColor = ALERT
    chart.barWidth = bar_height * 0.6
    chart.groupSpacing = bar_height * 0.4
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = value_max
    chart.valueAxis.reverseDirection = 1  # bars grow leftwards
    chart.valueAxis.labels.fontName = FONT_REGULAR
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labelTextFormat = lambda v: format_number(v)
    chart.valueAxis.strokeColor = AXIS
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = GRIDLINE
    chart.categoryAxis.joinAxisMode = "right"
    chart.categoryAxis.labelAxisMode = "high"
    chart.categoryAxis.categoryNames = [shaped(x) for x in reversed(labels)]
    chart.categoryAxis.labels.fontName = FONT_REGULAR
    chart.categoryAxis.labels.fontSize = 8.5
    chart.categoryAxis.labels.boxAnchor = "w"
    chart.categoryAxis.labels.dx = 6
    chart.categoryAxis.strokeColor = AXIS
    chart.categoryAxis.tickLeft = 0
    chart.categoryAxis.tickRight = 0
    chart.barLabelFormat = lambda v: format_number(v, decimals, trim=True)
    chart.barLabels.fontName = FONT_REGULAR
    chart.barLabels.fontSize = 7.5
    chart.barLabels.boxAnchor = "e"  # just left of the bar's end
    chart.barLabels.dx = -3
    drawing.add(chart)
    # Bars with no value say so: a zero-length bar would read as «0».
    for index, (_, v) in enumerate(reversed(rows)):
        if v is None:
            y = chart.y + (index + 0.5) * plot_height / len(rows) - 3
            drawing.add(
                String(chart.x + chart.width - 4, y, "—", fontName=FONT_REGULAR, fontSize=8,
                       textAnchor="end", fillColor=AXIS)
            )  # fmt: skip
    return drawing


def vertical_bars(
    rows: Sequence[tuple[str, float | None]],
    *,
    title: str,
    width: float,
    height: float = 170.0,
    value_max: float = 100.0,
    decimals: int = 0,
) -> Drawing:
    """Bars over time: the first row (the oldest) on the right."""
    register_fonts()
    drawing = _drawing(width, height)
    _title(drawing, title, width, height)
    chart = VerticalBarChart()
    chart.x = 10
    chart.y = 52
    chart.width = width - 40
    chart.height = height - 52 - 26
    chart.data = [[v for _, v in rows]]
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.categoryAxis.reverseDirection = 1  # time runs from right to left
    chart.categoryAxis.categoryNames = [shaped(label) for label, _ in rows]
    chart.categoryAxis.labels.fontName = FONT_REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.angle = 45
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.categoryAxis.labels.dy = -4
    chart.categoryAxis.strokeColor = AXIS
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = value_max
    chart.valueAxis.joinAxisMode = "right"
    chart.valueAxis.labels.fontName = FONT_REGULAR
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.boxAnchor = "w"
    chart.valueAxis.labels.dx = 14
    chart.valueAxis.labelTextFormat = lambda v: format_number(v)
    chart.valueAxis.strokeColor = AXIS
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = GRIDLINE
    chart.barLabelFormat = lambda v: format_number(v, decimals, trim=True)
    chart.barLabels.fontName = FONT_REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing
