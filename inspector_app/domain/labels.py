"""Persian display labels for values kept in data, shared by reports and the CLI (not Qt)."""

from __future__ import annotations

OFFICE_KINDS = {
    "pishkhan": "دفتر پیشخوان خدمات دولت",
    "police10": "دفتر خدمات الکترونیک انتظامی (پلیس \u200e+۱۰)",
    "brokerage": "دفتر کارگزاری خدمات بیمه‌ای",
}
UNANSWERED = "—"

