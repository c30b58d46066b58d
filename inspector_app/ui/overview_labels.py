"""The Overview page's words for what inspector_app.figures computes: the line saying what is
counted, Jalali month names, and the label of a bar, all in the UI's language.

inspector_app.figures writes these in Persian for the CLI and the summary PDF; the page builds
its own from the same fields, so English shows English.
"""

from __future__ import annotations

from typing import Any

from inspector_app.figures.filters import OverviewFilter
from inspector_app.ui import fmt, labels
from inspector_app.ui.qt import QCoreApplication, QLocale


def describe(f: OverviewFilter) -> str:
    """One line saying which inspections the figures count."""
    statuses = QCoreApplication.translate("OverviewLabels", " و ").join(
        labels.counted_status(s) for s in f.statuses
    )
    parts = [
        QCoreApplication.translate("OverviewLabels", "بازرسی‌های {statuses}").format(
            statuses=statuses
        )
    ]
    if f.date_from and f.date_to:
        parts.append(
            QCoreApplication.translate("OverviewLabels", "از {start} تا {end}").format(
                start=fmt.jalali(f.date_from), end=fmt.jalali(f.date_to)
            )
        )
    elif f.date_from:
        parts.append(
            QCoreApplication.translate("OverviewLabels", "از {start}").format(
                start=fmt.jalali(f.date_from)
            )
        )
    elif f.date_to:
        parts.append(
            QCoreApplication.translate("OverviewLabels", "تا {end}").format(
                end=fmt.jalali(f.date_to)
            )
        )
    if f.county:
        parts.append(
            QCoreApplication.translate("OverviewLabels", "شهرستان {county}").format(county=f.county)
        )
    if f.office_type:
        office_type = labels.office_type(f.office_type)
        parts.append(
            QCoreApplication.translate("OverviewLabels", "دفاتر {type}").format(type=office_type)
        )
    return QCoreApplication.translate("OverviewLabels", "، ").join(parts)


def month(key: str) -> str:
    """`1403-01` as «فروردین ۱۴۰۳» (Persian) or «Farvardin 1403» (English)."""
    year, number = (int(p) for p in key.split("-"))
    return f"{fmt.JALALI.monthName(QLocale(), number, year)} {fmt.digits(str(year))}"


def row_label(figure: str, row: Any) -> str:
    """The label of one bar of `figure` (an attribute of the overview)."""
    if figure == "by_type":
        return labels.office_type(row.key)
    if figure == "by_month":
        return month(row.key)
    return str(getattr(row, "label", None) or getattr(row, "text", ""))
