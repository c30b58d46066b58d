"""The overview's figures, and how grouped sums fold into them.

The laptop's SQL (aggregates) and the server's (server/figures.py) read different tables but
hand the same grouped sums to `assemble`: per (county, office type) and per visit date.
Folding sums and counts keeps every mean exact (a mean of inspections, never a mean of means);
Jalali months are folded here because they do not map onto SQL date functions. Every row
carries its `Drilldown`: the filter that lists the inspections behind it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from inspector_app.domain.jalali import (
    jalali_month,
    jalali_month_bounds,
    jalali_month_label,
)
from inspector_app.domain.vocabulary import OFFICE_TYPES
from inspector_app.figures.filters import Drilldown, OverviewFilter

DEFAULT_OVERDUE_DAYS = 90
TOP_ITEMS = 10
Figures = tuple[Any, ...]  # the six sums of _FIGURES, in order


@dataclass(frozen=True)
class ComplianceRow:
    key: str  # county name, office type or Jalali month `1403-01`
    label: str  # Persian, for display
    inspections: int
    scored: int  # inspections with a compliance score
    mean_score: float | None  # 0..100 over the scored inspections
    critical: int  # inspections with at least one failed critical item
    drill: Drilldown


@dataclass(frozen=True)
class SatisfactionRow:
    key: str
    label: str
    interviewed: int  # inspections with a satisfaction index
    mean_satisfaction: float | None  # 0..100
    drill: Drilldown


@dataclass(frozen=True)
class FailedItem:
    """One item of one form version: forms share item ids, and a version may reuse an id."""

    form_id: str
    form_version: int
    item_id: str
    text: str
    failed: int  # inspections that answered «no»
    out_of: int  # inspections filled against this form version
    drill: Drilldown

    @property
    def share(self) -> float:
        return 100.0 * self.failed / self.out_of if self.out_of else 0.0


FailedKey = tuple[str, int, str]  # form id, form version, item id


def rank_failed(key: FailedKey, failed: int, out_of: int) -> tuple[Any, ...]:
    """Most failures first; ties by share of inspections, then a stable order (laptop and
    server rank alike)."""
    return (-failed, -failed / (out_of or 1), key[2], key[0], key[1])


def failed_item(
    f: OverviewFilter, key: FailedKey, text: str, failed: int, out_of: int
) -> FailedItem:
    form_id, version, item_id = key
    drill = f.drill(failed_item=item_id, form_id=form_id, form_version=version)
    return FailedItem(form_id, version, item_id, text, failed, out_of, drill)


@dataclass(frozen=True)
class OverdueOffice:
    code: str
    name: str
    office_type: str
    county: str
    city: str
    last_visit: str | None  # ISO date of the last counted inspection, None if never
    days_since: int | None
    drill: Drilldown


@dataclass(frozen=True)
class Overview:
    filter: OverviewFilter
    as_of: dt.date
    overdue_days: int
    inspections: int
    offices_inspected: int
    mean_score: float | None
    critical: int
    by_county: list[ComplianceRow] = field(default_factory=list)
    by_type: list[ComplianceRow] = field(default_factory=list)
    by_month: list[ComplianceRow] = field(default_factory=list)
    satisfaction_by_county: list[SatisfactionRow] = field(default_factory=list)
    failed_items: list[FailedItem] = field(default_factory=list)
    overdue: list[OverdueOffice] = field(default_factory=list)
    # Whether overdue_days (and each office's days since) count working days, not every day.
    overdue_working_days: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (dates ISO, drilldowns as parameter dicts)."""

        def clean(value: Any) -> Any:
            if isinstance(value, dict):
                if "statuses" in value and "failed_item" in value:  # a Drilldown
                    return Drilldown(**{**value, "statuses": tuple(value["statuses"])}).as_params()
                return {k: clean(v) for k, v in value.items()}
            if isinstance(value, list | tuple):
                return [clean(v) for v in value]
            if isinstance(value, dt.date):
                return value.isoformat()
            return value

        data: dict[str, Any] = clean(asdict(self))
        data["filter"]["statuses"] = list(self.filter.statuses)
        data["filter"]["description"] = self.filter.describe()
        for row, item in zip(data["failed_items"], self.failed_items, strict=True):
            row["share"] = round(item.share, 2)
        return data


@dataclass
class _Sums:
    """Running sums for exact means when folding grouped rows."""

    inspections: int = 0
    scored: int = 0
    score_sum: float = 0.0
    critical: int = 0
    interviewed: int = 0
    satisfaction_sum: float = 0.0

    def add(self, row: Figures) -> None:
        n, scored, score_sum, critical, interviewed, satisfaction_sum = row
        self.inspections += int(n)
        self.scored += int(scored or 0)
        self.score_sum += float(score_sum or 0.0)
        self.critical += int(critical or 0)
        self.interviewed += int(interviewed or 0)
        self.satisfaction_sum += float(satisfaction_sum or 0.0)

    @property
    def mean_score(self) -> float | None:
        return self.score_sum / self.scored if self.scored else None

    @property
    def mean_satisfaction(self) -> float | None:
        return self.satisfaction_sum / self.interviewed if self.interviewed else None


def assemble(
    f: OverviewFilter,
    groups: Iterable[tuple[str, str, Figures]],
    days: Iterable[tuple[str, Figures]],
    *,
    offices_inspected: int,
    failed: list[FailedItem],
    overdue: list[OverdueOffice],
    overdue_days: int,
    as_of: dt.date,
    overdue_working_days: bool = False,
) -> Overview:
    """The overview from grouped sums: `groups` per (county, office type, ...), `days` per
    visit date. Shared by the app and the server, whose tables differ but whose figures don't."""
    total = _Sums()
    counties: dict[str, _Sums] = defaultdict(_Sums)
    types: dict[str, _Sums] = defaultdict(_Sums)
    for county, office_type, figures in groups:
        for bucket in (total, counties[county], types[office_type]):
            bucket.add(figures)
    months: dict[str, _Sums] = defaultdict(_Sums)
    for visit_date, figures in days:
        months[jalali_month(visit_date)].add(figures)

    by_county = [
        _compliance(c, c, s, f.drill(county=c))
        for c, s in sorted(counties.items(), key=lambda kv: _rank(kv[1].mean_score, kv[0]))
    ]
    by_type = [
        _compliance(t, OFFICE_TYPES.get(t, t), s, f.drill(office_type=t))
        for t, s in sorted(types.items(), key=lambda kv: _rank(kv[1].mean_score, kv[0]))
    ]
    by_month = [
        _compliance(m, jalali_month_label(m), months.get(m, _Sums()), _month_drill(f, m))
        for m in _month_span(months)
    ]
    satisfaction = [
        SatisfactionRow(c, c, s.interviewed, s.mean_satisfaction, f.drill(county=c))
        for c, s in sorted(counties.items(), key=lambda kv: _rank(kv[1].mean_satisfaction, kv[0]))
    ]
    return Overview(
        filter=f,
        as_of=as_of,
        overdue_days=overdue_days,
        inspections=total.inspections,
        offices_inspected=offices_inspected,
        mean_score=total.mean_score,
        critical=total.critical,
        by_county=by_county,
        by_type=by_type,
        by_month=by_month,
        satisfaction_by_county=satisfaction,
        failed_items=failed,
        overdue=overdue,
        overdue_working_days=overdue_working_days,
    )


def _rank(mean: float | None, key: str) -> tuple[float, str]:
    """Worst first (where attention is needed), unscored last, then by name."""
    return (mean if mean is not None else float("inf"), key)


def _compliance(key: str, label: str, s: _Sums, drill: Drilldown) -> ComplianceRow:
    return ComplianceRow(key, label, s.inspections, s.scored, s.mean_score, s.critical, drill)


def _month_span(months: Mapping[str, Any]) -> list[str]:
    """Every Jalali month from the first to the last one seen, gaps included (a trend line)."""
    if not months:
        return []
    first, last = min(months), max(months)
    year, month = (int(p) for p in first.split("-"))
    out = []
    while (key := f"{year:04d}-{month:02d}") <= last:
        out.append(key)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _month_drill(f: OverviewFilter, key: str) -> Drilldown:
    start, end = jalali_month_bounds(key)
    if f.date_from:
        start = max(start, f.date_from)
    if f.date_to:
        end = min(end, f.date_to)
    return f.drill(date_from=start.isoformat(), date_to=end.isoformat())
