"""A Jalali date picker: QCalendarWidget on Qt's Jalali calendar, set up for Iran.

Qt's defaults fit Europe: Saturday and Sunday as the weekend, week numbers, and full day names
that get cut. Here Friday is the weekend, no week numbers, single-letter day names.
"""

from __future__ import annotations

import datetime as dt

from inspector_app.domain.jalali import tehran_today
from inspector_app.ui import fmt
from inspector_app.ui.qt import (
    QCalendarWidget,
    QColor,
    QDate,
    QDateEdit,
    QGuiApplication,
    QLocale,
    QPainter,
    QPalette,
    QRect,
    QSize,
    Qt,
    QTableView,
    QTextCharFormat,
    QWidget,
)

WEEKEND_COLOR = QColor("#b3261e")


class JalaliCalendar(QCalendarWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendar(fmt.JALALI)
        self.setLocale(QLocale())
        self.setFirstDayOfWeek(Qt.DayOfWeek.Saturday)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.SingleLetterDayNames)
        self.setGridVisible(False)
        self.setDateEditEnabled(False)
        weekday = QTextCharFormat()
        weekday.setForeground(self.palette().text())
        weekend = QTextCharFormat()
        weekend.setForeground(WEEKEND_COLOR)
        for day in Qt.DayOfWeek:
            self.setWeekdayTextFormat(day, weekend if day == Qt.DayOfWeek.Friday else weekday)

    def sizeHint(self) -> QSize:
        return self._fitting(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._fitting(super().minimumSizeHint())

    def _fitting(self, hint: QSize) -> QSize:
        """At least room for the day-name row and six weeks at their smallest.

        Qt's own hint reckons rows from the font's height, but the table's rows cannot shrink
        below the header's minimum section size: with Vazirmatn's tall line the popup, sized
        by the hint, cut off the last week.
        """
        view = self.findChild(QTableView)
        navigation = self.findChild(QWidget, "qt_calendar_navigationbar")
        if view is None or navigation is None:
            return hint
        frame = 2 * view.frameWidth()
        cell_height = view.verticalHeader().minimumSectionSize() + 2
        day = self.fontMetrics().horizontalAdvance(fmt.digits("30")) + 16
        cell_width = max(view.horizontalHeader().minimumSectionSize(), day)
        height = navigation.sizeHint().height() + 7 * cell_height + frame
        width = max(navigation.sizeHint().width(), 7 * cell_width) + frame
        return hint.expandedTo(QSize(width, height))

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        # Qt draws today's cell with Latin digits whatever the locale; draw every day here,
        # in the locale's digits, with the same colours as the rest of the month.
        painter.save()
        palette = self.palette()
        parts = self.calendar().partsFromDate(date)
        shown_month = parts.month == self.monthShown() and parts.year == self.yearShown()
        if date == self.selectedDate():
            painter.fillRect(rect, palette.highlight())
            painter.setPen(palette.highlightedText().color())
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, fmt.digits(str(parts.day)))
            painter.restore()
            return
        painter.fillRect(rect, palette.base())  # over whatever Qt drew for the cell
        if not shown_month:
            painter.setPen(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        else:
            color = self.weekdayTextFormat(Qt.DayOfWeek(date.dayOfWeek())).foreground().color()
            painter.setPen(color)
        font = painter.font()
        font.setBold(date == fmt.qdate(tehran_today()))  # today in Bushehr, not the machine
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, fmt.digits(str(parts.day)))
        painter.restore()


class JalaliDateEdit(QDateEdit):
    """A date field shown and picked in the Jalali calendar; read it with `value()`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendar(fmt.JALALI)
        self.setLocale(QLocale())
        self.setDisplayFormat(fmt.edit_format(fmt.DATE_FORMAT))
        self.setCalendarPopup(True)
        calendar = JalaliCalendar(self)
        calendar.setLayoutDirection(QGuiApplication.layoutDirection())
        self.setCalendarWidget(calendar)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setDate(fmt.qdate(tehran_today()))

    def value(self) -> dt.date:
        # date(), never text(): the text of a right-to-left date edit can come back reordered.
        return fmt.pydate(self.date())

    def set_value(self, value: dt.date | str | None) -> None:
        if isinstance(value, str) and value:
            value = dt.date.fromisoformat(value[:10])
        if isinstance(value, dt.date):
            self.setDate(fmt.qdate(value))
