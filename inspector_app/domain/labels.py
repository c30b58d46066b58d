"""Persian display labels for values kept in data, shared by reports and the CLI (not Qt)."""

from __future__ import annotations

from typing import Any

from inspector_app.domain.forms import Item
from inspector_app.domain.persian import to_persian_digits

OFFICE_KINDS = {
    "pishkhan": "دفتر پیشخوان خدمات دولت",
    "police10": "دفتر خدمات الکترونیک انتظامی (پلیس \u200e+۱۰)",
    "brokerage": "دفتر کارگزاری خدمات بیمه‌ای",
}
YESNO = {"yes": "بله", "no": "خیر", "na": "مورد ندارد"}
UNANSWERED = "—"


def number(value: float, digits: int = 1) -> str:
    """«۴٫۵» / «۱۲»: a number in Persian digits with the Persian decimal separator."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    return to_persian_digits(text).replace(".", "٫")


def answer_label(item: Item, value: Any, photos: int = 0) -> str:
    """The answer as a person reads it: «بله», «۴ از ۵», «۱۲ دقیقه», option labels."""
    if item.type == "photo":
        return f"{number(photos, 0)} عکس" if photos else UNANSWERED
    if value is None or value == "" or value == []:
        return UNANSWERED
    if item.type == "yesno":
        return YESNO.get(str(value), str(value))
    if item.type == "scale":
        assert item.max is not None
        text = f"{number(float(value), 0)} از {number(item.max, 0)}"
        label = (item.labels or {}).get(int(value))
        return f"{text} ({label})" if label else text
    if item.type == "number":
        return f"{number(float(value))} {item.unit or ''}".strip()
    if item.type == "choice":
        option = item.option(str(value))
        return option.label if option else str(value)
    if item.type == "multichoice":
        return "، ".join(o.label if (o := item.option(v)) else str(v) for v in value)
    return str(value)
