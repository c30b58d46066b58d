"""Coverage of the province: offices per 100,000 people, per type, pending licences, gaps.

Counts come from the office registry in SQL; populations from the census file. Only active
offices serve people; pending ones are licences waiting to open, counted apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from inspector_app.domain.forms import OFFICE_TYPES
from inspector_app.domain.persian import normalize_letters
from inspector_app.figures.population import Population
from inspector_app.figures.queries import Runner


@dataclass(frozen=True)
class CountyCoverage:
    county: str
    population: int | None  # None: county missing from the population file
    active: dict[str, int]  # office type → active offices
    pending: int  # offices whose licence is pending
    closed: int

    @property
    def active_total(self) -> int:
        return sum(self.active.values())

    @property
    def per_100k(self) -> float | None:
        if not self.population:
            return None
        return 100_000 * self.active_total / self.population

    @property
    def missing_types(self) -> list[str]:
        """Office types with no active office in the county: where a new office is needed."""
        return [t for t in OFFICE_TYPES if not self.active.get(t)]


@dataclass(frozen=True)
class Coverage:
    counties: list[CountyCoverage]
    population_source: str
    population_total: int
    unknown_counties: list[str] = field(default_factory=list)  # in the registry, no population

    @property
    def active_total(self) -> int:
        return sum(c.active_total for c in self.counties)

    @property
    def pending_total(self) -> int:
        return sum(c.pending for c in self.counties)

    @property
    def per_100k(self) -> float | None:
        if not self.population_total:
            return None
        return 100_000 * self.active_total / self.population_total

    def to_dict(self) -> dict[str, Any]:
        return {
            "population_source": self.population_source,
            "population_total": self.population_total,
            "active_total": self.active_total,
            "pending_total": self.pending_total,
            "per_100k": self.per_100k,
            "unknown_counties": self.unknown_counties,
            "counties": [
                {
                    "county": c.county,
                    "population": c.population,
                    "active": c.active,
                    "active_total": c.active_total,
                    "per_100k": c.per_100k,
                    "pending": c.pending,
                    "closed": c.closed,
                    "missing_types": c.missing_types,
                }
                for c in self.counties
            ],
        }


def compute_coverage(run: Runner, population: Population) -> Coverage:
    """Coverage of every county in the population file or the registry, least served first."""
    counts = run(
        "SELECT county, type, status, COUNT(*) FROM offices GROUP BY county, type, status", {}
    )
    return coverage_from_counts(
        ((str(c), str(t), str(s), int(n)) for c, t, s, n in counts), population
    )


def coverage_from_offices(offices: Iterable[Mapping[str, Any]], population: Population) -> Coverage:
    """The same from a list of offices (the registry the server publishes)."""
    tally: Counter[tuple[str, str, str]] = Counter(
        (str(o.get("county", "")), str(o.get("type", "")), str(o.get("status", "active")))
        for o in offices
    )
    return coverage_from_counts(((*key, n) for key, n in tally.items()), population)


def coverage_from_counts(
    counts: Iterable[tuple[str, str, str, int]], population: Population
) -> Coverage:
    by_county: dict[str, dict[tuple[str, str], int]] = defaultdict(dict)
    for county, office_type, status, n in counts:
        bucket = by_county[normalize_letters(county)]
        bucket[(office_type, status)] = bucket.get((office_type, status), 0) + n
    names = sorted(set(population.by_county) | set(by_county))
    counties = []
    for name in names:
        c = by_county.get(name, {})
        counties.append(
            CountyCoverage(
                county=name,
                population=population.by_county.get(name),
                active={t: c.get((t, "active"), 0) for t in OFFICE_TYPES},
                pending=sum(n for (_, s), n in c.items() if s == "pending"),
                closed=sum(n for (_, s), n in c.items() if s == "closed"),
            )
        )
    counties.sort(key=lambda c: (c.per_100k is None, c.per_100k or 0.0, c.county))
    return Coverage(
        counties=counties,
        population_source=population.source,
        population_total=population.total,
        unknown_counties=[n for n in names if n not in population.by_county],
    )
