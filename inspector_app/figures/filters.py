"""Which inspections a figure counts, and the filter that reopens the ones behind a figure."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import asdict, dataclass, replace
from typing import Any

from inspector_app.domain import vocabulary
from inspector_app.domain.jalali import jalali_date, parse_jalali_date
from inspector_app.domain.persian import normalize_letters

# Drafts can still change; by default only finished inspections count.
COUNTED_STATUSES = ("finalized", "synced")
ALL_STATUSES = ("draft", "finalized", "synced")


@dataclass(frozen=True)
class OverviewFilter:
    """Visit dates are Gregorian calendar dates (inclusive); None means no bound."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    county: str | None = None
    office_type: str | None = None
    include_drafts: bool = False

    @classmethod
    def from_jalali(
        cls,
        date_from: str | None = None,
        date_to: str | None = None,
        county: str | None = None,
        office_type: str | None = None,
        include_drafts: bool = False,
    ) -> OverviewFilter:
        """A filter from user input (Jalali dates `1403-01-01` or `۱۴۰۳/۰۱/۰۱`); ValueError with
        a Persian message for a bad date, an empty range or an unknown office type."""
        days: list[dt.date | None] = []
        for flag, text in (("--from", date_from), ("--to", date_to)):
            if not text:
                days.append(None)
                continue
            try:
                days.append(parse_jalali_date(text))
            except ValueError:
                raise ValueError(
                    f"تاریخ {flag} باید تاریخ شمسی به شکل ۱۴۰۳-۰۱-۰۱ باشد: «{text}»"
                ) from None
        start, end = days
        if start and end and start > end:
            raise ValueError("تاریخ --from پس از تاریخ --to است")
        if office_type and office_type not in vocabulary.OFFICE_TYPES:
            raise ValueError(f"نوع دفتر ناشناخته: {office_type}")
        if county and any(unicodedata.category(c) in ("Cc", "Cs") for c in county):
            raise ValueError("نام شهرستان نویسهٔ نامعتبر دارد")
        county = normalize_letters(county.strip()) if county and county.strip() else None
        return cls(start, end, county, office_type or None, include_drafts)

    @property
    def statuses(self) -> tuple[str, ...]:
        return ALL_STATUSES if self.include_drafts else COUNTED_STATUSES

    def drill(self, **narrower: Any) -> Drilldown:
        """The filter behind one figure: this filter narrowed by the figure's own key."""
        base = Drilldown(
            statuses=self.statuses,
            date_from=self.date_from.isoformat() if self.date_from else None,
            date_to=self.date_to.isoformat() if self.date_to else None,
            county=self.county,
            office_type=self.office_type,
        )
        return replace(base, **narrower)

    def describe(self) -> str:
        """One Persian line saying what is counted (shown above the charts and in the PDF)."""
        parts = ["بازرسی‌های " + " و ".join(vocabulary.COUNTED_STATUSES[s] for s in self.statuses)]
        if self.date_from and self.date_to:
            parts.append(f"از {jalali_date(self.date_from)} تا {jalali_date(self.date_to)}")
        elif self.date_from:
            parts.append(f"از {jalali_date(self.date_from)}")
        elif self.date_to:
            parts.append(f"تا {jalali_date(self.date_to)}")
        if self.county:
            parts.append(f"شهرستان {self.county}")
        if self.office_type:
            parts.append(f"دفاتر {vocabulary.OFFICE_TYPES.get(self.office_type, self.office_type)}")
        return "، ".join(parts)


@dataclass(frozen=True)
class Drilldown:
    """Filter parameters for the Inspections page (ISO dates, as stored)."""

    statuses: tuple[str, ...] = COUNTED_STATUSES
    date_from: str | None = None
    date_to: str | None = None
    county: str | None = None
    office_type: str | None = None
    office_code: str | None = None
    failed_item: str | None = None  # a yes/no item answered «no»
    form_id: str | None = None  # with failed_item: filled with this form version
    form_version: int | None = None

    def as_params(self) -> dict[str, Any]:
        """Only the parameters that narrow something."""
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(self).items() if v}
