"""One clock for visit times: entered and shown on Tehran's wall clock, stored in UTC, whatever
zone the machine runs in; a departure before the arrival stops finalizing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from inspector_app.domain import jalali
from inspector_app.services import demo, finalize
from inspector_app.services.context import AppContext
from inspector_app.services.signing import identity as identity_service
from inspector_app.storage import audit, contents, inspections
from tests.core.helpers import new_draft
from tests.helpers.clock import machine_zone_set_to
from tests.helpers.signing import PASSPHRASE, make_filled_draft, sign_both

TEHRAN_OFFSET = 3 * 3600 + 30 * 60  # no daylight saving since 2022


@pytest.fixture(params=["UTC", "America/New_York", "Asia/Tehran"])
def machine_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The machine's own zone, as a laptop set to it would have it."""
    yield from machine_zone_set_to(request.param, monkeypatch)


def test_the_machine_zone_really_changes(machine_zone: str) -> None:
    local_offset = dt.datetime.now().astimezone().utcoffset()
    assert local_offset is not None
    assert (local_offset.total_seconds() == TEHRAN_OFFSET) == (machine_zone == "Asia/Tehran")


def test_tehran_wall_clock_to_utc_and_back(machine_zone: str) -> None:
    day = dt.date(2026, 7, 1)  # summer: Tehran kept +03:30 (it used to be +04:30)
    assert jalali.tehran_moment(day, 9, 30) == "2026-07-01T06:00:00Z"
    assert jalali.tehran_moment(day, 11, 15) == "2026-07-01T07:45:00Z"
    assert jalali.tehran_moment(dt.date(2026, 12, 1), 1, 0) == "2026-11-30T21:30:00Z"
    assert jalali.clock_time("2026-07-01T06:00:00Z") == "۰۹:۳۰"
    assert jalali.clock_time("2026-07-01T07:45:00Z") == "۱۱:۱۵"
    now = jalali.tehran_now()
    assert now.utcoffset() == dt.timedelta(seconds=TEHRAN_OFFSET)
    assert abs((now - jalali.utc_now()).total_seconds()) < 5
    assert jalali.tehran_today() == now.date()


def test_departure_now_is_tehran_clock_on_the_visit_date(
    context: AppContext, machine_zone: str
) -> None:
    inspection_id = new_draft(context)
    inspections.update_header(context.db, inspection_id, visit_date="2026-07-01")
    moment = dt.datetime(2026, 9, 20, 8, 5, 42, tzinfo=dt.UTC)  # 11:35 in Tehran
    stamp = finalize.set_departure_now(context.db, inspection_id, now=moment)
    assert stamp == "2026-07-01T08:05:00Z"
    assert inspections.get(context.db, inspection_id)["departure_at"] == stamp
    assert jalali.clock_time(stamp) == "۱۱:۳۵"

    # A visit past Tehran's midnight: arrival 23:50 on the visit date, «now» 00:10 the next day.
    inspections.update_header(
        context.db, inspection_id, visit_date="2026-07-01", arrival_at="2026-07-01T20:20:00Z"
    )
    after_midnight = dt.datetime(2026, 7, 1, 20, 40, 10, tzinfo=dt.UTC)
    stamp = finalize.set_departure_now(context.db, inspection_id, now=after_midnight)
    assert stamp == "2026-07-01T20:40:00Z" and jalali.clock_time(stamp) == "۰۰:۱۰"
    codes = {p.code for p in finalize.check_ready(context.db, inspection_id)}
    assert "departure_before_arrival" not in codes

    # «Now» in the very minute of an arrival stored with seconds: not before the arrival.
    inspections.update_header(context.db, inspection_id, arrival_at="2026-07-01T08:05:40Z")
    same_minute = dt.datetime(2026, 7, 1, 8, 5, 50, tzinfo=dt.UTC)
    stamp = finalize.set_departure_now(context.db, inspection_id, now=same_minute)
    assert stamp == "2026-07-01T08:05:40Z" and jalali.clock_time(stamp) == "۱۱:۳۵"
    codes = {p.code for p in finalize.check_ready(context.db, inspection_id)}
    assert "departure_before_arrival" not in codes


def test_departure_before_arrival_is_refused_naming_both_times(
    context: AppContext, machine_zone: str
) -> None:
    made = identity_service.create_self_signed("مریم احمدی", "12345", PASSPHRASE)
    identity = identity_service.store(context.db, made)
    inspection_id = make_filled_draft(context)
    sign_both(context, inspection_id)
    # The signed report that started this: «۲۲:۴۹ تا ۱۹:۳۳».
    inspections.update_header(
        context.db,
        inspection_id,
        visit_date="2026-11-29",
        arrival_at="2026-11-29T19:19:00Z",
        departure_at="2026-11-29T16:03:00Z",
    )
    problems = finalize.check_ready(context.db, inspection_id)
    assert [p.code for p in problems] == ["departure_before_arrival"]
    message = problems[0].message
    assert "۱۹:۳۳" in message and "۲۲:۴۹" in message
    assert message.index("۱۹:۳۳") < message.index("۲۲:۴۹")  # «خروج (…) پیش از ورود (…)»
    assert "خروج" in message and "ورود" in message
    with pytest.raises(finalize.NotReady) as refused:
        finalize.finalize(context.db, inspection_id, identity, PASSPHRASE)
    assert "۲۲:۴۹" in refused.value.message
    assert inspections.get(context.db, inspection_id)["status"] == "draft"
    assert "finalize" not in [e["action"] for e in audit.entries(context.db, inspection_id)]

    # Set right, it finalizes; a departure in the arrival's minute is no problem either.
    inspections.update_header(context.db, inspection_id, departure_at="2026-11-29T19:19:00Z")
    assert finalize.check_ready(context.db, inspection_id) == []
    inspections.update_header(context.db, inspection_id, departure_at="2026-11-29T20:40:00Z")
    result = finalize.finalize(context.db, inspection_id, identity, PASSPHRASE)
    assert inspections.get(context.db, inspection_id)["canonical_sha256"] == result.canonical_sha256


def test_demo_visits_are_on_tehrans_clock(context: AppContext, machine_zone: str) -> None:
    for inspection_id in demo.make_demo(context, count=3):
        row = inspections.get(context.db, inspection_id)
        arrival = jalali.to_tehran(row["arrival_at"])
        departure = jalali.to_tehran(row["departure_at"])
        assert arrival.date().isoformat() == row["visit_date"] == jalali.tehran_today().isoformat()
        assert arrival.hour == 9 and arrival.minute <= 40
        assert dt.timedelta(minutes=45) <= departure - arrival <= dt.timedelta(minutes=120)
        codes = {p.code for p in finalize.check_ready(context.db, inspection_id)}
        assert not codes & {"departure", "departure_before_arrival"}
        for finding in contents.findings_of(context.db, inspection_id):
            deadline = dt.date.fromisoformat(finding["deadline"])
            assert deadline == jalali.tehran_today() + dt.timedelta(days=30)
