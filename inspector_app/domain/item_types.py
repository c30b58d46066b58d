"""The kinds of checklist item (`type:` in a form file): each one in one place.

A kind says what its item definition must hold, which answers fit it (and their stored form),
when it counts as answered, how it scores, how its answer reads in Persian, what the demo
answers, and how the report sums up the clients' answers to it. Everything else asks `TYPES`
(via `Item.kind`) instead of comparing type names; a new kind is a class here plus its answer
control in the editor (docs/forms.md, «Adding an item type»).
"""

from __future__ import annotations

import math
import random
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from inspector_app.domain import iran_numbers
from inspector_app.domain.persian import NO_VALUE, format_number
from inspector_app.errors import FormError, InvalidAnswer

if TYPE_CHECKING:
    from inspector_app.domain.forms import Item

YESNO_VALUES = ("yes", "no", "na")
YESNO_LABELS = {"yes": "بله", "no": "خیر", "na": "مورد ندارد"}


def _refusal(item: Item, message: str) -> InvalidAnswer:
    return InvalidAnswer(message, where=f"پرسش {item.id}")


def _number(value: float, decimals: int = 1) -> str:
    """«۴٫۵», «۱۲»: an answer's number, trailing zeros dropped, not grouped."""
    return format_number(value, decimals, trim=True, group=False)


def _counted(labels: Iterable[str]) -> str:
    """«بله: ۵ — خیر: ۲»: each label with how often it occurs, the most frequent first."""
    counts = Counter(labels)
    return " — ".join(f"{label}: {_number(count, 0)}" for label, count in counts.most_common())


def is_empty(value: Any) -> bool:
    """No answer: nothing stored, an empty text or an empty option list."""
    return value is None or value == "" or value == []


class ItemType(ABC):
    """The behaviour shared by most kinds; each kind overrides what is its own."""

    name = ""
    has_options = False  # defined by `options:` (choice, multichoice)
    can_fail = True  # may score under a half, so a `finding:` text makes sense
    yes_no = False  # counted in the yes/no/N-A tally; a «خیر» is followed up in the editor
    answered_by_photos = False  # answered by attaching photos, never by a stored value
    free_text = False  # the report quotes its answers instead of summing them up

    def check_definition(self, item: Item) -> None:
        """ValueError saying what the item's keys lack or have too many for this kind."""
        if item.options is not None and not self.has_options:
            with_options = " و ".join(t.name for t in TYPES.values() if t.has_options)
            raise ValueError(f"«options» فقط برای {with_options} است، نه {item.type}")

    @abstractmethod
    def check_answer(self, item: Item, value: Any) -> Any:
        """`value` (not None) in its stored form, or InvalidAnswer saying why it does not fit."""

    def can_equal(self, item: Item, value: Any) -> bool:
        """Whether a stored answer can ever equal `value` (a `show_if` value): it must be an
        answer of this item already in its stored form."""
        try:
            return bool(self.check_answer(item, value) == value)
        except InvalidAnswer:
            return False

    def scored(self, item: Item) -> bool:
        """Whether the item counts in compliance."""
        return False

    def score(self, item: Item, value: Any) -> float | None:
        """The 0..1 score of a stored answer of a scored item; None when it does not count."""
        return None

    def is_answered(self, item: Item, value: Any, photos: int) -> bool:
        return not is_empty(value)

    def label(self, item: Item, value: Any, photos: int = 0) -> str:
        """The answer as a person reads it («بله», «۴ از ۵», option labels)."""
        return NO_VALUE if is_empty(value) else self.value_label(item, value)

    def value_label(self, item: Item, value: Any) -> str:
        return str(value)

    def demo_value(self, item: Item, rng: random.Random, texts: Sequence[str]) -> Any:
        """A plausible answer for the demo inspections (`texts`: sample free text)."""
        return None

    def interview_summary(self, item: Item, values: list[Any]) -> str:
        """One line summing up the clients' (non-empty) answers: how many gave each answer."""
        return _counted(self.label(item, v) for v in values)


class YesNo(ItemType):
    name = "yesno"
    yes_no = True

    def check_answer(self, item: Item, value: Any) -> Any:
        allowed = YESNO_VALUES if item.allow_na else ("yes", "no")
        if value not in allowed:
            raise _refusal(item, f"پاسخ باید یکی از {', '.join(allowed)} باشد، نه {value!r}")
        return value

    def scored(self, item: Item) -> bool:
        return True

    def score(self, item: Item, value: Any) -> float | None:
        return {"yes": 1.0, "no": 0.0}.get(value)

    def value_label(self, item: Item, value: Any) -> str:
        return YESNO_LABELS.get(str(value), str(value))

    def demo_value(self, item: Item, rng: random.Random, texts: Sequence[str]) -> Any:
        return rng.choices(list(YESNO_VALUES), weights=[8, 2, 1])[0]


class _Numeric(ItemType):
    """A number within the item's `min`..`max`; the report gives the clients' mean."""

    def check_answer(self, item: Item, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _refusal(item, f"پاسخ باید عدد باشد، نه {value!r}")
        if not math.isfinite(value):
            raise _refusal(item, "پاسخ باید عددی متناهی باشد")
        if item.min is not None and value < item.min:
            raise _refusal(item, f"پاسخ {value} کمتر از کمینهٔ {item.min:g} است")
        if item.max is not None and value > item.max:
            raise _refusal(item, f"پاسخ {value} بیشتر از بیشینهٔ {item.max:g} است")
        return int(value) if value == int(value) else float(value)

    def interview_summary(self, item: Item, values: list[Any]) -> str:
        mean = sum(float(v) for v in values) / len(values)
        return f"میانگین {_number(mean)}{self.summary_suffix(item)}".strip()

    def summary_suffix(self, item: Item) -> str:
        return ""


class Scale(_Numeric):
    name = "scale"

    def check_definition(self, item: Item) -> None:
        if item.min is None or item.max is None or item.min >= item.max:
            raise ValueError("مقیاس باید «min» و «max» با min < max داشته باشد")
        super().check_definition(item)

    def check_answer(self, item: Item, value: Any) -> Any:
        checked = super().check_answer(item, value)
        if isinstance(checked, float):
            raise _refusal(item, "پاسخ مقیاس باید عدد صحیح باشد")
        return checked

    def scored(self, item: Item) -> bool:
        return True

    def score(self, item: Item, value: Any) -> float | None:
        assert item.min is not None and item.max is not None
        return (float(value) - item.min) / (item.max - item.min)

    def value_label(self, item: Item, value: Any) -> str:
        assert item.max is not None
        text = f"{_number(float(value), 0)} از {_number(item.max, 0)}"
        caption = (item.labels or {}).get(int(value))
        return f"{text} ({caption})" if caption else text

    def demo_value(self, item: Item, rng: random.Random, texts: Sequence[str]) -> Any:
        assert item.min is not None and item.max is not None
        return rng.randint(int(item.min), int(item.max))

    def summary_suffix(self, item: Item) -> str:
        return f" از {_number(item.max or 0, 0)}"


class Number(_Numeric):
    name = "number"

    def check_definition(self, item: Item) -> None:
        super().check_definition(item)
        if item.min is not None and item.max is not None and item.min > item.max:
            raise ValueError("در پرسش عددی min از max بزرگ‌تر است")

    def scored(self, item: Item) -> bool:
        return item.compliant_min is not None or item.compliant_max is not None

    def score(self, item: Item, value: Any) -> float | None:
        low = item.compliant_min if item.compliant_min is not None else float("-inf")
        high = item.compliant_max if item.compliant_max is not None else float("inf")
        return 1.0 if low <= float(value) <= high else 0.0

    def value_label(self, item: Item, value: Any) -> str:
        return f"{_number(float(value))} {item.unit or ''}".strip()

    def demo_value(self, item: Item, rng: random.Random, texts: Sequence[str]) -> Any:
        low = item.min if item.min is not None else 0
        high = item.max if item.max is not None else low + 20
        return rng.randint(int(low), int(min(high, low + 30)))

    def summary_suffix(self, item: Item) -> str:
        return f" {item.unit or ''}"


class Text(ItemType):
    name = "text"
    can_fail = False
    free_text = True

    def check_answer(self, item: Item, value: Any) -> Any:
        if not isinstance(value, str):
            raise _refusal(item, "پاسخ باید متن باشد")
        return value

    def demo_value(self, item: Item, rng: random.Random, texts: Sequence[str]) -> Any:
        return rng.choice(texts)


class _Options(ItemType):
    """Answered with option ids of the item's `options:`, scored by the options' scores."""

    has_options = True

    def check_definition(self, item: Item) -> None:
        if not item.options:
            raise ValueError("گزینه‌ها («options») برای پرسش چندگزینه‌ای لازم است")
        ids = [o.id for o in item.options]
        if len(set(ids)) != len(ids):
            raise ValueError("شناسهٔ گزینه‌ها تکراری است")

    def scored(self, item: Item) -> bool:
        return any(o.score is not None for o in item.options or [])

    def option_label(self, item: Item, option_id: Any) -> str:
        option = item.option(str(option_id))
        return option.label if option else str(option_id)


class Choice(_Options):
    name = "choice"

    def check_answer(self, item: Item, value: Any) -> Any:
        if not isinstance(value, str) or item.option(value) is None:
            raise _refusal(item, f"گزینهٔ ناشناخته: {value!r}")
        return value

    def score(self, item: Item, value: Any) -> float | None:
        option = item.option(value)
        return option.score if option is not None else None

    def value_label(self, item: Item, value: Any) -> str:
        return self.option_label(item, value)

    def demo_value(self, item: Item, rng: random.Random, texts: Sequence[str]) -> Any:
        return rng.choice(item.options or []).id


class MultiChoice(_Options):
    name = "multichoice"

    def check_answer(self, item: Item, value: Any) -> Any:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _refusal(item, "پاسخ باید فهرستی از گزینه‌ها باشد")
        unknown = [v for v in value if item.option(v) is None]
        if unknown:
            raise _refusal(item, f"گزینهٔ ناشناخته: {', '.join(unknown)}")
        return sorted(set(value), key=[o.id for o in item.options or []].index)

    def can_equal(self, item: Item, value: Any) -> bool:
        return isinstance(value, str) and item.option(value) is not None  # held when chosen

    def score(self, item: Item, value: Any) -> float | None:
        scores = [o.score for v in value if (o := item.option(v)) and o.score is not None]
        return min(1.0, sum(scores)) if scores else None

    def value_label(self, item: Item, value: Any) -> str:
        return "، ".join(self.option_label(item, v) for v in value)

    def demo_value(self, item: Item, rng: random.Random, texts: Sequence[str]) -> Any:
        options = item.options or []
        return sorted({o.id for o in rng.sample(options, k=min(2, len(options)))})

    def interview_summary(self, item: Item, values: list[Any]) -> str:
        """How many clients chose each option."""
        return _counted(self.option_label(item, v) for chosen in values for v in chosen)


class Photo(ItemType):
    name = "photo"
    can_fail = False
    answered_by_photos = True

    def check_answer(self, item: Item, value: Any) -> Any:
        raise _refusal(item, "برای پرسش عکس، عکس پیوست کنید؛ پاسخ متنی ندارد")

    def is_answered(self, item: Item, value: Any, photos: int) -> bool:
        return photos >= max(item.min_photos, 1)

    def label(self, item: Item, value: Any, photos: int = 0) -> str:
        return f"{_number(photos, 0)} عکس" if photos else NO_VALUE


Reader = Callable[[str], str]
Shower = Callable[..., str]  # (stored value, *, persian: bool) -> the text shown


class Typed(ItemType):
    """A value typed as text and read by a rule of domain/iran_numbers.py: stored in one
    spelling with Latin digits, shown with Persian ones; quoted, not counted, in the report.
    A new kind of it is one entry in TYPES: its name, its rule and a sample answer."""

    can_fail = False
    free_text = True

    def __init__(
        self,
        name: str,
        read: Reader,
        sample: str,
        *,
        stored: Reader | None = None,
        shown: Shower = iran_numbers.shown_digits,
    ) -> None:
        self.name = name
        self.read = read  # typed text → stored form, or iran_numbers.NotValid
        self.sample = sample  # the demo's answer, in its stored form
        self._stored = stored or read  # a stored (or imported) value checked
        self._shown = shown

    def as_typed(self, value: str, *, persian: bool = True) -> str:
        """A stored value written as an inspector types it: Persian digits or Latin ones."""
        return self._shown(value, persian=persian)

    def check_answer(self, item: Item, value: Any) -> Any:
        if not isinstance(value, str):
            raise _refusal(item, "پاسخ باید متن باشد")
        try:
            return self._stored(value)
        except iran_numbers.NotValid as exc:
            raise _refusal(item, exc.message) from None

    def value_label(self, item: Item, value: Any) -> str:
        return self.as_typed(str(value))

    def demo_value(self, item: Item, rng: random.Random, texts: Sequence[str]) -> Any:
        return self.sample


# In the order the schema lists them (and the unknown-type message names them).
TYPES: dict[str, ItemType] = {
    t.name: t
    for t in (
        *(YesNo(), Scale(), Number(), Text(), Choice(), MultiChoice(), Photo()),
        Typed("national_code", iran_numbers.national_code, "0013542419"),
        Typed("mobile", iran_numbers.mobile, "09171234567"),
        Typed("landline", iran_numbers.landline, "07733441122", shown=iran_numbers.shown_phone),
        Typed("postal_code", iran_numbers.postal_code, "7514763487"),
        Typed(
            "jalali_date",
            iran_numbers.jalali_day,  # typed in Jalali, stored as the ISO Gregorian day
            "2025-03-20",
            stored=iran_numbers.stored_day,
            shown=iran_numbers.shown_day,
        ),
        Typed(
            "gps_point", iran_numbers.gps_point, "28.9234,50.8203", shown=iran_numbers.shown_point
        ),
    )
}


def unknown_type_message() -> str:
    """What a form is told for a `type:` that is none of ours (pydantic's wording of a choice)."""
    names = [repr(name) for name in TYPES]
    return f"Input should be {', '.join(names[:-1])} or {names[-1]}"


def type_named(name: object) -> ItemType:
    """The kind called `name`; FormError naming the known kinds otherwise."""
    kind = TYPES.get(name) if isinstance(name, str) else None
    if kind is None:
        raise FormError(unknown_type_message())
    return kind


def answer_label(item: Item, value: Any, photos: int = 0) -> str:
    """The answer as a person reads it: «بله», «۴ از ۵», «۱۲ دقیقه», option labels, «۲ عکس»."""
    return item.kind.label(item, value, photos)
