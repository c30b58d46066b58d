"""Aggregates against figures computed by hand from the fixed dataset (see dataset.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from inspector_app.domain.jalali import parse_jalali_date
from inspector_app.figures.aggregates import compute_overview, inspections_behind
from inspector_app.figures.filters import OverviewFilter
from inspector_app.figures.overview import Overview
from inspector_app.figures.queries import sqlite_runner
from inspector_app.services.context import AppContext
from inspector_app.services.overview.local import OVERDUE_SETTING, overdue_days_of, overview_of
from inspector_app.storage import drafts, inspections, offices, settings
from tests.overview import dataset

AS_OF = dt.date(2024, 7, 1)


def _overview(ctx: AppContext, f: OverviewFilter | None = None) -> Overview:
    return compute_overview(sqlite_runner(ctx.db), f, as_of=AS_OF)


def test_totals_count_finalized_and_synced_only(fixed: AppContext) -> None:
    o = _overview(fixed)
    assert o.inspections == 5  # #1-4 and #6; the draft #5 is left out
    assert o.offices_inspected == 4
    assert o.mean_score == pytest.approx((100 + 75 + 25 + 50 + 100) / 5)
    assert o.critical == 1  # #3


def test_compliance_by_county_worst_first(fixed: AppContext) -> None:
    rows = _overview(fixed).by_county
    assert [(r.key, r.inspections, r.critical) for r in rows] == [
        ("دشتستان", 1, 0),
        ("بوشهر", 4, 1),
    ]
    assert rows[0].mean_score == pytest.approx(50.0)
    assert rows[1].mean_score == pytest.approx((100 + 75 + 25 + 100) / 4)


def test_compliance_by_office_type(fixed: AppContext) -> None:
    rows = {r.key: r for r in _overview(fixed).by_type}
    assert set(rows) == {"pishkhan", "police10"}
    assert rows["pishkhan"].mean_score == pytest.approx((100 + 75 + 50 + 100) / 4)
    assert rows["police10"].mean_score == pytest.approx(25.0)
    assert rows["police10"].label == "پلیس \u200e+۱۰"


def test_trend_by_jalali_month_fills_gaps(fixed: AppContext) -> None:
    months = _overview(fixed).by_month
    # Dey 1401 (#6) to Ordibehesht 1403: 3 + 12 + 2 months, the empty ones included.
    assert len(months) == 17
    assert (months[0].key, months[0].inspections, months[0].label) == ("1401-10", 1, "دی ۱۴۰۱")
    by_key = {m.key: m for m in months}
    assert by_key["1402-05"].inspections == 0 and by_key["1402-05"].mean_score is None
    assert by_key["1403-01"].inspections == 2  # #1 (1403-01-06) and #4 (1403-01-02)
    assert by_key["1403-01"].mean_score == pytest.approx((100 + 50) / 2)
    assert by_key["1403-02"].mean_score == pytest.approx((75 + 25) / 2)
    # The month's drilldown spans exactly that Jalali month.
    assert by_key["1403-02"].drill.date_from == "2024-04-20"
    assert by_key["1403-02"].drill.date_to == "2024-05-20"


def test_period_filter_with_jalali_bounds(fixed: AppContext) -> None:
    f = OverviewFilter(
        date_from=parse_jalali_date("1403-01-01"), date_to=parse_jalali_date("1403-06-31")
    )
    o = _overview(fixed, f)
    assert o.inspections == 4
    assert o.mean_score == pytest.approx((100 + 75 + 25 + 50) / 4)
    assert [m.key for m in o.by_month] == ["1403-01", "1403-02"]
    assert o.by_month[0].drill.date_from == "2024-03-20"  # clipped to the period


def test_including_drafts(fixed: AppContext) -> None:
    f = OverviewFilter(
        date_from=parse_jalali_date("1403-01-01"),
        date_to=parse_jalali_date("1403-06-31"),
        include_drafts=True,
    )
    o = _overview(fixed, f)
    assert o.inspections == 5
    assert o.mean_score == pytest.approx((100 + 75 + 25 + 50 + 0) / 5)
    assert o.critical == 2
    assert [(m.key, m.inspections) for m in o.by_month] == [
        ("1403-01", 2),
        ("1403-02", 2),
        ("1403-03", 0),
        ("1403-04", 1),
    ]
    assert "پیش‌نویس" in f.describe()


def test_county_and_type_filters(fixed: AppContext) -> None:
    o = _overview(fixed, OverviewFilter(county="بوشهر", office_type="pishkhan"))
    assert o.inspections == 3  # #1, #2, #6
    assert o.mean_score == pytest.approx((100 + 75 + 100) / 3)
    assert [r.key for r in o.by_county] == ["بوشهر"]
    assert o.by_county[0].drill.as_params() == {
        "statuses": ["finalized", "synced"],
        "county": "بوشهر",
        "office_type": "pishkhan",
    }


def test_satisfaction_by_county(fixed: AppContext) -> None:
    rows = {r.key: r for r in _overview(fixed).satisfaction_by_county}
    assert rows["بوشهر"].interviewed == 3  # #3 had no interview
    assert rows["بوشهر"].mean_satisfaction == pytest.approx((100 + 50 + 25) / 3)
    assert rows["دشتستان"].mean_satisfaction == pytest.approx(75.0)


def test_most_failed_items_with_their_text(fixed: AppContext) -> None:
    items = _overview(fixed).failed_items
    # a: #2, #4; b: #3, #4; c: #3. The choice option «no» in #1 is not a failure.
    assert [(i.item_id, i.failed, i.out_of) for i in items] == [
        ("a", 2, 5),
        ("b", 2, 5),
        ("c", 1, 5),
    ]
    assert items[0].text == "آیا تابلوی تعرفه نصب شده است؟"
    assert items[0].share == pytest.approx(40.0)
    with_drafts = _overview(fixed, OverviewFilter(include_drafts=True)).failed_items
    assert [(i.item_id, i.failed, i.out_of) for i in with_drafts] == [
        ("a", 3, 6),
        ("b", 3, 6),
        ("c", 2, 6),
    ]


def test_overdue_offices(fixed: AppContext) -> None:
    overdue = _overview(fixed).overdue
    # Cut-off 2024-04-02. Never visited first, then the longest waiting; pending and closed
    # offices are not expected to be inspected.
    assert [(o.code, o.last_visit, o.days_since) for o in overdue] == [
        ("GE-P1", None, None),
        ("BU-P2", "2023-01-10", 538),
        ("DA-P1", "2024-03-21", 102),
    ]
    # A draft counts as a visit only when drafts are included.
    with_drafts = _overview(fixed, OverviewFilter(include_drafts=True)).overdue
    assert [o.code for o in with_drafts] == ["GE-P1", "BU-P2"]
    longer = compute_overview(sqlite_runner(fixed.db), as_of=AS_OF, overdue_days=120).overdue
    assert [o.code for o in longer] == ["GE-P1", "BU-P2"]


def test_overdue_days_setting(fixed: AppContext) -> None:
    assert overdue_days_of(fixed.db) == 90
    settings.put(fixed.db, OVERDUE_SETTING, "120")
    assert overdue_days_of(fixed.db) == 120
    assert [o.code for o in overview_of(fixed.db, as_of=AS_OF).overdue] == ["GE-P1", "BU-P2"]
    settings.put(fixed.db, OVERDUE_SETTING, "نود")
    assert overdue_days_of(fixed.db) == 90


def test_drilldowns_reopen_the_inspections_behind_a_figure(fixed: AppContext) -> None:
    run = sqlite_runner(fixed.db)
    o = _overview(fixed)
    county = {r.key: r for r in o.by_county}["بوشهر"]
    behind = inspections_behind(run, county.drill)
    assert sorted(r["id"] for r in behind) == ["insp-1", "insp-2", "insp-3", "insp-6"]
    assert len(behind) == county.inspections
    failed_a = inspections_behind(run, o.failed_items[0].drill)
    assert sorted(r["id"] for r in failed_a) == ["insp-2", "insp-4"]
    month = {m.key: m for m in o.by_month}["1403-02"]
    assert sorted(r["id"] for r in inspections_behind(run, month.drill)) == ["insp-2", "insp-3"]
    overdue = inspections_behind(run, o.overdue[2].drill)
    assert [r["id"] for r in overdue] == ["insp-4"]


def test_json_form_is_plain_data(fixed: AppContext) -> None:
    data = _overview(fixed).to_dict()
    assert data["as_of"] == "2024-07-01"
    assert data["filter"]["statuses"] == ["finalized", "synced"]
    assert data["by_county"][0]["drill"] == {
        "statuses": ["finalized", "synced"],
        "county": "دشتستان",
    }
    assert data["failed_items"][0]["share"] == 40.0


def test_empty_database(data_dir) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services.context import open_context

    ctx = open_context(data_dir, seed_demo=False)
    try:
        o = _overview(ctx)
    finally:
        ctx.close()
    assert (o.inspections, o.mean_score, o.by_month, o.failed_items, o.overdue) == (
        0,
        None,
        [],
        [],
        [],
    )


def test_a_correction_counts_instead_of_the_inspection_it_replaces(fixed: AppContext) -> None:
    office = offices.get(fixed.db, "BU-K1")
    assert office is not None
    fix = inspections.create(
        fixed.db,
        office=office,
        form_document=dataset.FORM,
        visit_date="2024-05-05",
        replaces="insp-3",
        inspection_id="insp-7",
    )
    for item in ("a", "b", "c"):
        drafts.set_answer(fixed.db, fix, item, "yes")
    # While the correction is a draft, the original still counts (drafts are not counted).
    assert _overview(fixed).mean_score == pytest.approx(70.0)
    fixed.db.execute("UPDATE inspections SET status = 'finalized' WHERE id = ?", [fix])
    fixed.db.conn.commit()
    o = _overview(fixed)
    assert o.inspections == 5  # #3 is replaced by #7
    assert o.mean_score == pytest.approx((100 + 75 + 100 + 50 + 100) / 5)
    assert o.critical == 0
    assert {r.key: r.mean_score for r in o.by_type}["police10"] == pytest.approx(100.0)
    months = {m.key: m for m in o.by_month}
    assert months["1403-02"].inspections == 2  # #2 and #7; #3 is gone
    assert months["1403-02"].mean_score == pytest.approx((75 + 100) / 2)
    assert [(i.item_id, i.failed) for i in o.failed_items] == [("a", 2), ("b", 1)]
    run = sqlite_runner(fixed.db)
    behind = inspections_behind(run, {r.key: r for r in o.by_type}["police10"].drill)
    assert [r["id"] for r in behind] == ["insp-7"]
