"""The words for values kept in data: office types and statuses, inspection statuses, signer
roles, grades.

Keys are what the database and the bundles store. Labels are Persian, the source language:
the PDFs and the CLI print them as written and the UI shows them translated (ui/labels), so
each is marked for Qt's lupdate under the translation context it is looked up in. The marker
is a plain function (inspector_app.errors): no Qt in the domain.
"""

from __future__ import annotations

from inspector_app.errors import QT_TRANSLATE_NOOP

# The left-to-right mark keeps «+10» from turning into «10+» in a right-to-left line.
OFFICE_TYPES: dict[str, str] = {
    "pishkhan": QT_TRANSLATE_NOOP("Labels", "پیشخوان خدمات دولت"),
    "police10": QT_TRANSLATE_NOOP("Labels", "پلیس \u200e+۱۰"),
    "brokerage": QT_TRANSLATE_NOOP("Labels", "کارگزاری خدمات بیمه‌ای"),
}
# Column headings, where a table has one column per office type.
OFFICE_TYPE_HEADINGS: dict[str, str] = {
    "pishkhan": QT_TRANSLATE_NOOP("Columns", "پیشخوان"),
    "police10": QT_TRANSLATE_NOOP("Columns", "پلیس \u200e+۱۰"),
    "brokerage": QT_TRANSLATE_NOOP("Columns", "کارگزاری"),
}
# The office's formal name, for the inspection report (Persian only, as it is signed).
OFFICE_TYPE_TITLES: dict[str, str] = {
    "pishkhan": "دفتر پیشخوان خدمات دولت",
    "police10": "دفتر خدمات الکترونیک انتظامی (پلیس \u200e+۱۰)",
    "brokerage": "دفتر کارگزاری خدمات بیمه‌ای",
}

OFFICE_STATUSES: dict[str, str] = {
    "active": QT_TRANSLATE_NOOP("Labels", "فعال"),
    "pending": QT_TRANSLATE_NOOP("Labels", "در انتظار مجوز"),
    "closed": QT_TRANSLATE_NOOP("Labels", "تعطیل"),
}

INSPECTION_STATUSES: dict[str, str] = {
    "draft": QT_TRANSLATE_NOOP("Labels", "پیش‌نویس"),
    "finalized": QT_TRANSLATE_NOOP("Labels", "نهایی"),
    "synced": QT_TRANSLATE_NOOP("Labels", "ارسال‌شده"),
}
# The statuses as qualifiers of counted inspections, «بازرسی‌های نهایی‌شده و ارسال‌شده»: the
# overview counts "finalized" as a state reached, hence «نهایی‌شده» rather than «نهایی».
COUNTED_STATUSES: dict[str, str] = {
    "draft": QT_TRANSLATE_NOOP("OverviewLabels", "پیش‌نویس"),
    "finalized": QT_TRANSLATE_NOOP("OverviewLabels", "نهایی‌شده"),
    "synced": QT_TRANSLATE_NOOP("OverviewLabels", "ارسال‌شده"),
}

# Who signs an inspection, as the signed report names them (Persian only).
SIGNER_ROLES: dict[str, str] = {"inspector": "بازرس", "representative": "نمایندهٔ دفتر"}

# Grades on the 0..100 compliance, best first, each with its floor.
GRADES: tuple[tuple[str, float], ...] = (("A", 90.0), ("B", 75.0), ("C", 60.0), ("D", 0.0))
GRADE_LABELS: dict[str, str] = {
    "A": QT_TRANSLATE_NOOP("Labels", "عالی"),
    "B": QT_TRANSLATE_NOOP("Labels", "خوب"),
    "C": QT_TRANSLATE_NOOP("Labels", "متوسط"),
    "D": QT_TRANSLATE_NOOP("Labels", "ضعیف"),
}
# Under grade C's floor a score is weak: the overview's charts and tables draw it in red.
WEAK_BELOW = dict(GRADES)["C"]
