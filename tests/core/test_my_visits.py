"""The visit plan on the laptop: only this inspector's assignments are kept, from a signed USB
updates bundle as from the network; an old bundle's plan is not taken back, and one whose plan
is not a plan changes nothing; each assignment's standing and days left; an inspection started
from one uses the form it names; suggested offices leave out those already assigned."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspector_app.domain import visit_plan
from inspector_app.domain.bundle import build_updates_bundle
from inspector_app.domain.jalali import utc_now
from inspector_app.errors import NotFound
from inspector_app.services import my_visits, workflow, working_calendar
from inspector_app.services.context import AppContext
from inspector_app.services.signing import identity
from inspector_app.services.sync import updates, visits
from inspector_app.storage import inspections, offices
from tests.helpers.cli import run_cli
from tests.helpers.visit_plan import assignment, keep_plan
from tests.sync.factory import PASSPHRASE, finish_draft

MINE = "44556"


@pytest.fixture
def ctx(context: AppContext) -> AppContext:
    identity.ensure_identity(context.db, "مریم احمدی", MINE, PASSPHRASE)
    return context


def _codes(ctx: AppContext, n: int) -> list[str]:
    return [o["code"] for o in offices.list_offices(ctx.db, office_type="pishkhan")[:n]]


def _bundle(
    key: Ed25519PrivateKey, plan: list[visit_plan.VisitAssignment], at: dt.datetime
) -> bytes:
    as_of = at.isoformat()
    return build_updates_bundle(
        None, {}, {"created_at": as_of}, key, visits=visit_plan.document(plan, as_of)
    )


def test_a_usb_plan_keeps_only_this_inspectors_assignments(ctx: AppContext, tmp_path: Path) -> None:
    a, b = _codes(ctx, 2)
    key = Ed25519PrivateKey.generate()
    now = utc_now()
    plan = [assignment("v1", a, 4, MINE), assignment("v2", b, 4, "99999", note="دیگری")]
    path = tmp_path / "updates.zip"
    path.write_bytes(_bundle(key, plan, now))
    report, _key = updates.import_updates_bundle(ctx, path)
    assert report.visits == 1
    assert [v.id for v in visits.kept(ctx.db)] == ["v1"]

    # An older bundle's plan (a replay) is not taken back; a plan that is no plan is refused.
    old = tmp_path / "old.zip"
    old.write_bytes(_bundle(key, [assignment("v9", b, 4, MINE)], now - dt.timedelta(hours=1)))
    assert updates.import_updates_bundle(ctx, old)[0].visits is None
    assert [v.id for v in visits.kept(ctx.db)] == ["v1"]
    broken = tmp_path / "broken.zip"
    as_of = (now + dt.timedelta(hours=1)).isoformat()
    broken.write_bytes(
        build_updates_bundle(None, {}, {"created_at": as_of}, key, visits=b'{"format": "x"}')
    )
    with pytest.raises(updates.PlanUnreadable):
        updates.import_updates_bundle(ctx, broken)
    assert [v.id for v in visits.kept(ctx.db)] == ["v1"]

    # A bundle signed by another key is refused once a key is pinned.
    forged = tmp_path / "forged.zip"
    later = now + dt.timedelta(hours=2)
    forged.write_bytes(_bundle(Ed25519PrivateKey.generate(), [], later))
    with pytest.raises(updates.UpdateNotSigned):
        updates.import_updates_bundle(ctx, forged)
    assert [v.id for v in visits.kept(ctx.db)] == ["v1"]


def test_malformed_entries_are_dropped_not_the_plan() -> None:
    good = assignment("v1", "PK-1", 3, MINE)
    body = visit_plan.document([good], "2026-12-01T00:00:00+00:00")
    text = body.decode().replace('"visits":[', '"visits":[{"id":"x","state":"open"},7,')
    assert visit_plan.parse(text.encode()) == [good]
    with pytest.raises(visit_plan.PlanInvalid):
        visit_plan.parse(b"[]")


def test_standing_and_days_left(ctx: AppContext) -> None:
    # Seen on a fixed Sunday: the week after it holds a Friday and a holiday (13 Rajab, the
    # birthday of Imam Ali, on Wednesday 2026-12-23), whatever day the test runs on.
    day = dt.date(2026, 12, 20)
    a, b, c = _codes(ctx, 3)
    keep_plan(
        ctx.db,
        [
            assignment("late", a, -3, MINE, from_day=day),
            assignment("soon", b, 7, MINE, from_day=day),
            assignment("gone", c, 7, MINE, from_day=day, state="cancelled"),
        ],
    )
    seen = {v.assignment.id: v for v in my_visits.my_visits(ctx, day)}
    assert [v.assignment.id for v in my_visits.my_visits(ctx, day)] == ["late", "soon", "gone"]
    assert (seen["late"].standing, seen["late"].days_left) == ("overdue", -3)
    assert (seen["soon"].standing, seen["soon"].days_left) == ("open", 7)
    assert seen["gone"].standing == "cancelled" and not seen["gone"].can_start

    # Counted in working days: the Friday and the holiday are left out of the seven.
    working_calendar.set_day_count(ctx.db, "working")
    soon = next(v for v in my_visits.my_visits(ctx, day) if v.assignment.id == "soon")
    assert soon.days_left == 5

    started = my_visits.start_visit(ctx, "soon")
    soon = next(v for v in my_visits.my_visits(ctx) if v.assignment.id == "soon")
    assert (soon.standing, soon.inspection_id) == ("started", started)
    finish_draft(ctx, started)
    soon = next(v for v in my_visits.my_visits(ctx) if v.assignment.id == "soon")
    assert (soon.standing, soon.inspection_id) == ("done", started)
    with pytest.raises(NotFound):
        my_visits.start_visit(ctx, "not-in-the-plan")


def test_an_inspection_before_the_assignment_does_not_close_it(ctx: AppContext) -> None:
    [code] = _codes(ctx, 1)
    draft = workflow.start_inspection(ctx, code)
    yesterday = (my_visits.today() - dt.timedelta(days=1)).isoformat()
    with ctx.db.conn:
        ctx.db.execute("UPDATE inspections SET visit_date = ? WHERE id = ?", [yesterday, draft])
    keep_plan(ctx.db, [assignment("v", code, 5, MINE)])
    [v] = my_visits.my_visits(ctx)
    assert v.standing == "open" and v.inspection_id is None


def test_the_day_assigned_is_tehrans_day() -> None:
    """Visit dates are Tehran days; an assignment made at 21:00 UTC was made on the next Tehran
    day, so an inspection on its UTC date (the day before, in Tehran) does not close it."""
    late_evening = replace(assignment("v", "X-1", 5, MINE), assigned_at="2026-12-01T21:00:00Z")
    assert late_evening.assigned_day == "2026-12-02"
    assert not late_evening.closed_by_visit("X-1", "2026-12-01")
    assert late_evening.closed_by_visit("X-1", "2026-12-02")
    morning = replace(late_evening, assigned_at="2026-12-01T05:00:00Z")
    assert morning.assigned_day == "2026-12-01"


def test_the_assignments_form_is_used(ctx: AppContext) -> None:
    [code] = _codes(ctx, 1)
    office_type = offices.get(ctx.db, code)["type"]  # type: ignore[index]
    fitting = [f for f in ctx.forms if office_type in f.form.office_types]
    assert fitting
    oldest = min(fitting, key=lambda f: f.form.version)
    keep_plan(
        ctx.db,
        [
            assignment("named", code, 5, MINE, form_id=oldest.form.id),
            assignment("unknown", code, 5, MINE, form_id="no-such-form"),
        ],
    )
    named = my_visits.start_visit(ctx, "named")
    assert inspections.form_of(ctx.db, named).id == oldest.form.id
    fallback = my_visits.start_visit(ctx, "unknown")
    newest = ctx.form_for(office_type)
    assert inspections.form_of(ctx.db, fallback).id == newest.form.id


def test_suggestions_leave_out_assigned_offices(ctx: AppContext) -> None:
    before = [o.code for o in my_visits.suggestions(ctx)]
    assert before
    keep_plan(ctx.db, [assignment("v", before[0], 5, MINE)])
    after = [o.code for o in my_visits.suggestions(ctx)]
    assert before[0] not in after and after == before[1:]


def test_the_cli_lists_suggests_and_starts(ctx: AppContext, data_dir: Path) -> None:
    a, b = _codes(ctx, 2)
    keep_plan(ctx.db, [assignment("v-a", a, -2, MINE), assignment("v-b", b, 10, MINE)])
    listed = run_cli("visits", "list", "--data-dir", str(data_dir), "--json", ok=True)
    rows = json.loads(listed.stdout)
    assert [(r["id"], r["standing"], r["days_left"]) for r in rows] == [
        ("v-a", "overdue", -2),
        ("v-b", "open", 10),
    ]
    table = run_cli("visits", "list", "--data-dir", str(data_dir), ok=True).stdout.splitlines()
    assert table[0].split("\t")[:3] == ["id", "office_code", "office_name"]
    started = run_cli("visits", "start", "v-b", "--data-dir", str(data_dir), ok=True)
    new_id = started.stdout.strip()
    assert inspections.get(ctx.db, new_id)["office_code"] == b
    rows = json.loads(run_cli("visits", "list", "--data-dir", str(data_dir), "--json").stdout)
    assert rows[1]["standing"] == "started" and rows[1]["inspection_id"] == new_id
    suggested = json.loads(
        run_cli("visits", "suggested", "--data-dir", str(data_dir), "--json", ok=True).stdout
    )
    assert suggested and {a, b}.isdisjoint(r["office_code"] for r in suggested)
    refused = run_cli("visits", "start", "nope", "--data-dir", str(data_dir), ok=False)
    assert "این بازدید در برنامهٔ شما نیست" in refused.stderr
    assert "Traceback" not in refused.stderr
