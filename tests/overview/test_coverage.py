"""Coverage figures by hand from the fixed registry and the shipped census file."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.errors import InvalidImport
from inspector_app.figures.coverage import compute_coverage
from inspector_app.figures.population import BUNDLED, parse
from inspector_app.figures.queries import sqlite_runner
from inspector_app.services.context import AppContext
from inspector_app.services.overview import population


def test_shipped_census_names_its_source() -> None:
    census = parse(BUNDLED)
    assert len(census.by_county) == 10
    assert census.total == 1_163_400
    assert census.by_county["بوشهر"] == 298_594
    assert "Statistical Centre of Iran" in census.source
    assert "1395" in census.source


def test_coverage_by_county(fixed: AppContext) -> None:
    cov = compute_coverage(sqlite_runner(fixed.db), population.current(fixed.db))
    rows = {c.county: c for c in cov.counties}
    bushehr = rows["بوشهر"]
    assert bushehr.active == {"pishkhan": 2, "police10": 1, "brokerage": 0}
    assert bushehr.per_100k == pytest.approx(3 * 100_000 / 298_594)
    assert bushehr.missing_types == ["brokerage"]
    dashtestan = rows["دشتستان"]
    assert (dashtestan.active_total, dashtestan.pending) == (1, 1)  # the brokerage is pending
    assert dashtestan.missing_types == ["police10", "brokerage"]
    jam = rows["جم"]
    assert (jam.active_total, jam.closed, jam.per_100k) == (0, 1, 0.0)
    assert jam.missing_types == ["pishkhan", "police10", "brokerage"]
    assert rows["گناوه"].per_100k == pytest.approx(100_000 / 102_484)
    assert (cov.active_total, cov.pending_total) == (5, 1)
    assert cov.per_100k == pytest.approx(5 * 100_000 / 1_163_400)
    # Least served first: the counties with no office, then Dashtestan (0.40), Genaveh (0.98).
    served = [c.county for c in cov.counties if c.active_total]
    assert served == ["دشتستان", "گناوه", "بوشهر"]
    assert cov.counties[0].active_total == 0
    assert cov.unknown_counties == []


def test_newer_population_file_replaces_the_census(fixed: AppContext, tmp_path: Path) -> None:
    newer = tmp_path / "pop-1405.csv"
    newer.write_text(
        "# Hypothetical 1405 figures for the test, Statistical Centre of Iran\n"
        "county_fa,population_1405\n"
        "بوشهر,۳۰۰٬۰۰۰\n"  # Persian digits and thousands separator
        'دشتستان,"260,000"\n',
        encoding="utf-8",
    )
    imported = population.import_file(fixed.db, newer, fixed.data_dir)
    assert imported.path.parent == fixed.data_dir
    assert population.current(fixed.db).by_county == {"بوشهر": 300_000, "دشتستان": 260_000}
    cov = compute_coverage(sqlite_runner(fixed.db), population.current(fixed.db))
    rows = {c.county: c for c in cov.counties}
    assert rows["بوشهر"].per_100k == pytest.approx(1.0)
    # Counties in the registry but not in the file are listed, without a rate.
    assert sorted(cov.unknown_counties) == ["جم", "گناوه"]
    assert rows["گناوه"].per_100k is None
    population.reset(fixed.db)
    assert population.current(fixed.db).path == BUNDLED


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("county_fa,population\nبوشهر,100\n", "منبع"),
        ("# source\ncounty,people\nبوشهر,100\n", "county_fa"),
        ("# source\ncounty_fa,population\nبوشهر,صد\n", "نامعتبر"),
        ("# source\ncounty_fa,population\nبوشهر,1\nبوشهر,2\n", "دو بار"),
    ],
)
def test_bad_population_files_are_refused(
    fixed: AppContext, tmp_path: Path, text: str, message: str
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidImport, match=message):
        population.import_file(fixed.db, bad, fixed.data_dir)
    assert population.current(fixed.db).path == BUNDLED
