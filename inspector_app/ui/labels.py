"""Display names for values kept in data (office types, statuses), translated when shown."""

from __future__ import annotations

from inspector_app.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Labels"

OFFICE_TYPES: dict[str, str] = {
    "pishkhan": QT_TRANSLATE_NOOP("Labels", "پیشخوان خدمات دولت"),
    # The left-to-right mark keeps «+10» from turning into «10+» in a right-to-left line.
    "police10": QT_TRANSLATE_NOOP("Labels", "پلیس \u200e+۱۰"),
    "brokerage": QT_TRANSLATE_NOOP("Labels", "کارگزاری خدمات بیمه‌ای"),
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

GRADES: dict[str, str] = {
    "A": QT_TRANSLATE_NOOP("Labels", "عالی"),
    "B": QT_TRANSLATE_NOOP("Labels", "خوب"),
    "C": QT_TRANSLATE_NOOP("Labels", "متوسط"),
    "D": QT_TRANSLATE_NOOP("Labels", "ضعیف"),
}


def label(table: dict[str, str], key: str | None) -> str:
    """The translated label of `key`, or the key itself when the table does not know it."""
    if key is None:
        return "—"
    source = table.get(key)
    return QCoreApplication.translate(CONTEXT, source) if source else key
