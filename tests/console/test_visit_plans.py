"""The visit plan against a real server process: a supervisor assigns offices to inspectors in
the console (one at a time, or a CSV plan file, all or nothing, a bad line named by its number)
and cancels one; `inspector-server visits` does the same from the shell; every user sees the
plan in Persian (Jalali due dates, «مهلت گذشته»), a viewer changes nothing and a forged CSRF
token changes nothing. An enrolled laptop's inspection closes its own inspector's assignment
of that office when it is stored, once (a replay changes nothing); each device gets only its
own inspector's plan from `GET /v1/visits`, signed with the update key it pinned, and the USB
updates bundle carries every open assignment."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from inspector_app.domain import signed_updates, visit_plan
from inspector_app.domain.bundle import read_updates_bundle
from inspector_app.domain.jalali import jalali_date, tehran_today
from inspector_app.domain.persian import to_persian_digits
from inspector_app.server import schema
from inspector_app.server import visits as server_visits
from inspector_app.server.console.audit_log import page as audit_page
from inspector_app.server.database import database_url, make_engine, visit_assignments_t
from inspector_app.services.context import AppContext
from inspector_app.services.sync import config, device_token, runner
from inspector_app.services.sync import visits as laptop_plan
from inspector_app.services.sync.bundles import inspection_bundle
from inspector_app.storage import settings
from tests.console.conftest import Console
from tests.helpers.cli import run_cli
from tests.helpers.server import SERVER, SERVER_KEY_PASSPHRASE, ServerProcess
from tests.sync.conftest import backend, fresh_db  # noqa: F401  (fixtures)
from tests.sync.factory import PASSPHRASE, finish_draft, make_draft, make_laptop

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "resources/data/offices_demo.json"
MARYAM, HASAN, ZAHRA = "1001", "1002", "1003"  # personnel numbers


@dataclass
class Enrolled:
    ctx: AppContext
    number: str

    @property
    def token(self) -> str:
        token = device_token.load(self.ctx.db)
        assert token
        return token

    def get(self, server: ServerProcess, path: str) -> httpx.Response:
        return httpx.get(f"{server.url}{path}", headers={"Authorization": f"Bearer {self.token}"})

    def upload(self, server: ServerProcess, inspection_id: str) -> httpx.Response:
        """PUT the inspection as the sync does (again: a replay)."""
        return httpx.put(
            f"{server.url}/v1/inspections/{inspection_id}",
            content=inspection_bundle(self.ctx.db, inspection_id),
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/zip"},
            timeout=60,
        )


def enrolled(server: ServerProcess, folder: Path, holder: str, number: str) -> Enrolled:
    """A laptop enrolled with a code that names the inspector's personnel number."""
    ctx = make_laptop(folder, holder=holder, personnel_no=number)
    made = server.admin("enrol-code", "--inspector", holder, "--personnel-no", number)
    runner.enrol(
        ctx, server.url, made.strip().splitlines()[-1], PASSPHRASE, allow_insecure_http=True
    )
    return Enrolled(ctx, number)


@pytest.fixture(scope="module")
def laptops(
    server: ServerProcess, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Enrolled, Enrolled]]:
    """Maryam's and Hasan's enrolled laptops; Zahra known only by an enrolment code; the demo
    registry and the bundled forms published."""
    server.admin(
        "publish", "--registry", str(DEMO),
        "--form", *[str(p) for p in sorted((REPO / "forms").glob("*.yaml"))],
    )  # fmt: skip
    root = tmp_path_factory.mktemp("visit-laptops")
    maryam = enrolled(server, root / "maryam", "مریم احمدی", MARYAM)
    hasan = enrolled(server, root / "hasan", "حسن موسوی", HASAN)
    server.admin("enrol-code", "--inspector", "زهرا کریمی", "--personnel-no", ZAHRA)
    yield maryam, hasan
    maryam.ctx.close()
    hasan.ctx.close()


def fa(value: object) -> str:
    return to_persian_digits(value)


def day(days: int) -> dt.date:
    return tehran_today() + dt.timedelta(days=days)


def typed(days: int) -> str:
    """A due date as a person types it in the console: Jalali, Persian digits."""
    return jalali_date(day(days))


def visits(server: ServerProcess, action: str, *args: str) -> str:
    """`inspector-server visits ACTION ...` on the server's data folder; it must succeed."""
    ran = run_cli("visits", action, *server.db_args(), *args, program="inspector-server")
    assert ran.returncode == 0, ran
    return ran.stdout


def assign(server: ServerProcess, office: str, number: str, due: str, *more: str) -> str:
    return visits(server, "add", "--office", office, "--personnel-no", number, "--due", due, *more)


def plan(server: ServerProcess, *args: str) -> list[dict[str, Any]]:
    return list(json.loads(visits(server, "list", "--json", *args)))


def of(server: ServerProcess, office: str) -> list[dict[str, Any]]:
    return [a for a in plan(server) if a["office_code"] == office]


def row_of(page: httpx.Response, ident: str) -> str:
    found = re.search(rf'<tr id="visit-{ident}".*?</tr>', page.text, flags=re.S)
    assert found, page.text
    return found[0]


def add(user: Console, **fields: str) -> httpx.Response:
    user.get("/console/visits")
    return user.post("/console/visits/add", fields)


def upload_plan(user: Console, name: str, data: bytes, csrf: str | None = None) -> httpx.Response:
    user.get("/console/visits")
    return user.http.post(
        "/console/visits/import",
        data={"csrf_token": user.csrf if csrf is None else csrf},
        files={"file": (name, data, "text/csv")},
        headers={"Accept": "text/html"},
    )


def audit_actions(server: ServerProcess) -> list[str]:
    engine = make_engine(f"sqlite:///{server.data_dir / 'server.db'}")
    try:
        return [e.action for e in audit_page(engine, 1, 500)[0]]
    finally:
        engine.dispose()


def test_a_supervisor_adds_a_visit_and_every_user_sees_it_in_persian(
    server: ServerProcess, laptops: tuple[Enrolled, Enrolled], console: Callable[[str], Console]
) -> None:
    supervisor = console("sara")
    page = supervisor.get("/console/visits")
    assert page.status_code == 200 and 'dir="rtl"' in page.text
    assert 'href="/console/visits" aria-current="page">برنامهٔ بازدید' in page.text
    # the inspectors the server knows, by name and personnel number (Zahra by her code only)
    for name, number in (("مریم احمدی", MARYAM), ("حسن موسوی", HASAN), ("زهرا کریمی", ZAHRA)):
        assert f'<option value="{number}">{name} — {fa(number)}</option>' in page.text
    done = add(
        supervisor, office_code="PK-BSH-004", personnel_no=MARYAM, due=typed(10),
        form_id="pishkhan-charter", note="بازدید سرزده",
    )  # fmt: skip
    assert done.status_code == 303, done.text
    [made] = of(server, "PK-BSH-004")
    assert made["personnel_no"] == MARYAM and made["inspector_name"] == "مریم احمدی"
    assert made["due_date"] == day(10).isoformat() and made["state"] == "open"
    assert made["form_id"] == "pishkhan-charter" and made["note"] == "بازدید سرزده"
    assert made["assigned_by"] == "سارا نیک‌نام" and not made["overdue"]
    assert made["office_name"] == "پیشخوان دولت بوشهر ۲۲" and made["county"] == "بوشهر"

    viewer = console("vali")
    listed = viewer.get("/console/visits")
    assert listed.status_code == 200
    row = row_of(listed, made["id"])
    for shown in ("پیشخوان دولت بوشهر ۲۲", "PK-BSH-004", "بوشهر", "مریم احمدی", fa(MARYAM),
                  typed(10), "باز", "بازدید سرزده"):  # fmt: skip
        assert shown in row, shown
    # a viewer has no forms to change the plan
    assert 'id="add-form"' not in listed.text and 'id="import-form"' not in listed.text
    assert f"/console/visits/{made['id']}/cancel" not in listed.text
    # filtered by state and county
    assert made["id"] in viewer.get("/console/visits", state="open").text
    assert made["id"] not in viewer.get("/console/visits", state="done").text
    assert made["id"] not in viewer.get("/console/visits", county="دیر").text
    assert "visit_added" in audit_actions(server)


def test_a_refused_visit_is_told_in_persian_and_nothing_is_added(
    server: ServerProcess, laptops: tuple[Enrolled, Enrolled], console: Callable[[str], Console]
) -> None:
    supervisor = console("sara")
    before = plan(server)
    cases = {
        "دفتری با کد «PK-NONE-9» در فهرست منتشرشده نیست": {"office_code": "PK-NONE-9"},
        "دفتر «PK-DYR-003» بسته است": {"office_code": "PK-DYR-003"},
        "بازرسی با شمارهٔ پرسنلی «9999» شناخته نیست": {"personnel_no": "9999"},
        f"مهلت {typed(-1)} گذشته است": {"due": typed(-1)},
        "تاریخ «۱۴۰۵/۱۳/۰۱» وجود ندارد": {"due": "۱۴۰۵/۱۳/۰۱"},
        "فرم «brokerage-charter» برای دفترهای این نوع نیست": {"form_id": "brokerage-charter"},
        "یادداشت بیش از ۵۰۰ نویسه است": {"note": "ن" * 501},
    }
    for message, changed in cases.items():
        fields = {"office_code": "PK-DST-002", "personnel_no": HASAN, "due": typed(5), **changed}
        refused = add(supervisor, **fields)
        assert refused.status_code == 422, message
        assert message in refused.text, (message, refused.text)
        # what was typed is kept in the form
        assert f'value="{fields["office_code"]}"' in refused.text
    assert plan(server) == before


def test_a_viewer_cannot_change_the_plan_and_a_forged_token_changes_nothing(
    server: ServerProcess, laptops: tuple[Enrolled, Enrolled], console: Callable[[str], Console]
) -> None:
    assign(server, "PK-DST-005", HASAN, day(20).isoformat())
    [held] = of(server, "PK-DST-005")
    viewer = console("vali")
    fields = {"office_code": "PK-DSH-001", "personnel_no": HASAN, "due": typed(9)}
    assert add(viewer, **fields).status_code == 403
    assert viewer.post(f"/console/visits/{held['id']}/cancel", {}).status_code == 403
    plan_file = f"office_code,personnel_no,due_date\nPK-DSH-001,{HASAN},{day(9)}\n".encode()
    assert upload_plan(viewer, "plan.csv", plan_file).status_code == 403
    supervisor = console("sara")
    supervisor.get("/console/visits")
    forged = supervisor.post("/console/visits/add", fields, csrf="forged-token")
    assert forged.status_code == 403 and "برگهٔ امنیتی" in forged.text
    missing = supervisor.post(f"/console/visits/{held['id']}/cancel", {}, csrf="")
    assert missing.status_code == 403
    assert upload_plan(supervisor, "plan.csv", plan_file, csrf="forged").status_code == 403
    assert of(server, "PK-DSH-001") == [] and of(server, "PK-DST-005")[0]["state"] == "open"
    assert audit_actions(server).count("denied") >= 3
    # the supervisor's own cancel goes through, and a second one is told there is none open
    cancelled = supervisor.post(f"/console/visits/{held['id']}/cancel", {})
    assert cancelled.status_code == 303
    [after] = of(server, "PK-DST-005")
    assert after["state"] == "cancelled" and after["closed_at"] and after["closed_by"] is None
    page = console("vali").get("/console/visits", state="cancelled")
    assert "لغوشده" in row_of(page, held["id"])
    again = supervisor.post(f"/console/visits/{held['id']}/cancel", {})
    assert again.status_code == 404 and "باز نیست" in again.text
    assert "visit_cancelled" in audit_actions(server)


def test_a_plan_file_is_taken_whole_or_not_at_all(
    server: ServerProcess, laptops: tuple[Enrolled, Enrolled], console: Callable[[str], Console]
) -> None:
    supervisor = console("sara")
    assign(server, "PK-GNV-002", MARYAM, typed(12))
    long_code = "X" * 80
    bad = (
        "کد دفتر,شمارهٔ پرسنلی,مهلت\n"
        f"PK-JAM-002,{MARYAM},{typed(15)}\n"
        f"{long_code},{MARYAM},{typed(15)}\n"
    ).encode()
    refused = upload_plan(supervisor, "plan-bad.csv", bad)
    assert refused.status_code == 422
    assert "«plan-bad.csv»" in refused.text and f"سطر {fa(3)}" in refused.text
    assert f"«{'X' * 40}…»" in refused.text and long_code not in refused.text
    assert of(server, "PK-JAM-002") == []  # the good line before it is not added either

    # a BOM, the Persian headers, Persian digits, Jalali with - or /, a Gregorian date, a
    # multi-line note, an empty line, a column of its own; the open assignment passed over
    good = (
        "\ufeffکد دفتر,شماره پرسنلی,مهلت,یادداشت,فرم,نام دفتر\n"
        f'PK-JAM-002,{fa(MARYAM)},{typed(15)},"دو\nسطر",pishkhan-charter,ریز\n'
        "\n"
        f"PK-KNG-003,{HASAN},{jalali_date(day(16), persian=False).replace('/', '-')},,,\n"
        f"PK-TNG-003,{ZAHRA},{day(17).isoformat()},,,\n"
        f"PK-GNV-002,{MARYAM},{typed(30)},دوباره,,\n"
    ).encode()
    taken = upload_plan(supervisor, "plan.csv", good)
    assert taken.status_code == 303 and taken.headers["location"].endswith("imported=3")
    notice = supervisor.get("/console/visits", imported="3")
    assert f"{fa(3)} بازدید از پرونده به برنامه افزوده شد" in notice.text
    [jam] = of(server, "PK-JAM-002")
    assert jam["personnel_no"] == MARYAM and jam["note"] == "دو\nسطر"
    assert jam["form_id"] == "pishkhan-charter" and jam["due_date"] == day(15).isoformat()
    assert of(server, "PK-KNG-003")[0]["due_date"] == day(16).isoformat()
    assert of(server, "PK-TNG-003")[0]["inspector_name"] == "زهرا کریمی"
    [gnv] = of(server, "PK-GNV-002")
    assert gnv["due_date"] == day(12).isoformat() and gnv["note"] == ""  # kept as it was
    assert "visits_imported" in audit_actions(server)


def test_the_commands_and_a_bad_plan_file_named_by_its_line(
    server: ServerProcess, laptops: tuple[Enrolled, Enrolled], tmp_path: Path
) -> None:
    out = assign(server, "PL-GNV-001", "۱۰۰۲", typed(8), "--note", "پیگیری شکایت")
    [made] = of(server, "PL-GNV-001")
    assert made["id"] in out and made["personnel_no"] == HASAN
    assert made["note"] == "پیگیری شکایت" and made["assigned_by"]  # the login name
    listed = visits(server, "list", "--state", "open", "--personnel-no", HASAN)
    assert made["id"] in listed and "PL-GNV-001" in listed
    assert all(a["state"] == "open" for a in plan(server, "--state", "open"))

    again = run_cli(
        "visits", "add", *server.db_args(), "--office", "PL-GNV-001", "--personnel-no", HASAN,
        "--due", typed(9), program="inspector-server",
    )  # fmt: skip
    assert again.returncode == 2 and "هنوز باز است" in again.stderr

    plan_file = tmp_path / "plan.csv"
    plan_file.write_text(
        "office_code,personnel_no,due_date,note\n"
        f"PL-KNG-001,{HASAN},{typed(8)},\n"
        f"PL-ASL-002,{HASAN},{typed(8)},\n"
        f"PL-ASL-002,{HASAN},1405/02/31x,\n",
        encoding="utf-8",
    )
    environment = {**os.environ, "BAZRES_SERVER_KEY_PASSPHRASE": SERVER_KEY_PASSPHRASE}
    ran = subprocess.run(
        [SERVER, "visits", "import", *server.db_args(), str(plan_file)],
        capture_output=True, text=True, timeout=120, env=environment,
    )  # fmt: skip
    assert ran.returncode == 2, ran
    assert ran.stderr.startswith(f"error: {plan_file}:4: مهلت «1405/02/31x» تاریخ نیست")
    assert "Traceback" not in ran.stderr
    assert of(server, "PL-KNG-001") == []

    plan_file.write_text(plan_file.read_text("utf-8").rsplit("PL-ASL-002", 1)[0], "utf-8")
    assert "2 assignments added" in visits(server, "import", str(plan_file))
    visits(server, "cancel", made["id"])
    assert of(server, "PL-GNV-001")[0]["state"] == "cancelled"
    gone = run_cli("visits", "cancel", *server.db_args(), made["id"], program="inspector-server")
    assert gone.returncode == 2 and "باز نیست" in gone.stderr


def test_an_inspection_closes_its_own_inspectors_assignment_once(
    server: ServerProcess, laptops: tuple[Enrolled, Enrolled], console: Callable[[str], Console]
) -> None:
    maryam, _hasan = laptops
    office = "PK-DLM-001"
    for number in (MARYAM, HASAN):
        assign(server, office, number, typed(0))
    assign(server, "PK-DYR-001", MARYAM, typed(3))
    inspection = make_draft(maryam.ctx, random.Random(5), office, full=False)
    finish_draft(maryam.ctx, inspection)
    stored = maryam.upload(server, inspection)
    assert stored.status_code == 201, stored.text

    closed = {a["personnel_no"]: a for a in of(server, office)}
    assert closed[MARYAM]["state"] == "done" and closed[MARYAM]["closed_by"] == inspection
    assert closed[MARYAM]["closed_at"]
    assert closed[HASAN]["state"] == "open"  # another inspector's assignment of the office
    assert of(server, "PK-DYR-001")[0]["state"] == "open"  # her other office

    # assigned again after the visit was stored: the same upload, replayed, closes nothing
    assign(server, office, MARYAM, typed(7))
    replay = maryam.upload(server, inspection)
    assert replay.status_code == 200, replay.text
    now = {(a["personnel_no"], a["state"]): a for a in of(server, office)}
    assert (MARYAM, "open") in now
    assert now[(MARYAM, "done")]["closed_at"] == closed[MARYAM]["closed_at"]

    page = console("vali").get("/console/visits", state="done")
    row = row_of(page, closed[MARYAM]["id"])
    assert "انجام‌شده" in row and f'href="/console/inspections/{inspection}"' in row


def test_each_device_gets_only_its_own_inspectors_plan_signed(
    server: ServerProcess, laptops: tuple[Enrolled, Enrolled], tmp_path: Path
) -> None:
    for laptop in laptops:
        assign(server, "PL-DSH-002", laptop.number, typed(4))
    open_ids: set[str] = set()
    for laptop in laptops:
        answer = laptop.get(server, "/v1/visits")
        assert answer.status_code == 200, answer.text
        as_of = answer.headers[signed_updates.AS_OF_HEADER]
        key = settings.get(laptop.ctx.db, config.UPDATE_KEY)  # pinned at enrolment
        signed_updates.verify(
            "visits", answer.content, answer.headers[signed_updates.SIGNATURE_HEADER], key, as_of
        )
        with pytest.raises(signed_updates.SignatureInvalid):  # not a registry answer
            signed_updates.verify(
                "registry", answer.content, answer.headers[signed_updates.SIGNATURE_HEADER],
                key, as_of,
            )  # fmt: skip
        assert json.loads(answer.content)["as_of"] == as_of
        mine = visit_plan.parse(answer.content)
        assert mine and {a.personnel_no for a in mine} == {laptop.number}
        assert "PL-DSH-002" in {a.office_code for a in mine if a.state == "open"}
        open_ids |= {a.id for a in mine if a.state == "open"}
    # not enrolled: no plan at all
    assert httpx.get(f"{server.url}/v1/visits").status_code == 401
    # the laptop's own sync takes its plan, checked with the key it pinned
    maryam = laptops[0]
    report = runner.run_sync(maryam.ctx)
    assert report.ok, report.as_dict()
    expected = {a.id for a in visit_plan.parse(maryam.get(server, "/v1/visits").content)}
    assert {a.id for a in laptop_plan.kept(maryam.ctx.db)} == expected

    bundle = tmp_path / "updates.zip"
    server.admin("updates-bundle", "-o", str(bundle))
    updates = read_updates_bundle(bundle.read_bytes())
    assert updates.visits is not None
    carried = json.loads(updates.visits)
    assert carried["as_of"] == updates.created_at
    everyone = visit_plan.parse(updates.visits)
    assert {a.state for a in everyone} == {"open"}
    assert {a.id for a in everyone} == {a["id"] for a in plan(server, "--state", "open")}
    assert open_ids <= {a.id for a in everyone}
    assert {MARYAM, HASAN} <= {a.personnel_no for a in everyone}


def test_the_closing_rule_and_what_a_laptop_is_sent(
    fresh_db: str | None,  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    """In the server's code, on SQLite and PostgreSQL: an inspection closes the open
    assignments of its inspector and office assigned on or before its visit day, once; none
    without a personnel number; a laptop is sent the open ones and those closed in the last 30
    days; the console lists the open ones first, then the latest closed."""
    engine = make_engine(database_url(tmp_path, fresh_db))
    schema.upgrade(engine)
    now = dt.datetime.now(dt.UTC)

    def at(days: int) -> str:
        return (now + dt.timedelta(days=days)).isoformat()

    rows = {
        "before": ("PK-1", "7", at(-10), "open", None),
        "after": ("PK-1", "7", at(-2), "open", None),  # assigned after the visit below
        "other": ("PK-1", "8", at(-10), "open", None),  # another inspector's
        "old": ("PK-2", "7", at(-60), "done", at(-40)),
        "recent": ("PK-2", "7", at(-60), "cancelled", at(-5)),
    }
    with engine.begin() as conn:
        for ident, (office, number, assigned, state, closed) in rows.items():
            conn.execute(
                visit_assignments_t.insert().values(
                    id=ident, office_code=office, personnel_no=number, inspector_name="",
                    due_date=day(5).isoformat(), form_id="", note="", assigned_at=assigned,
                    assigned_by="", state=state, closed_at=closed,
                )
            )  # fmt: skip
    visit = at(-5)[:10]
    with engine.begin() as conn:
        assert server_visits.close_for_inspection(conn, "", "PK-1", visit, "i-0", at(0)) == 0
        assert server_visits.close_for_inspection(conn, "۷", "PK-1", visit, "i-1", at(0)) == 1
        assert server_visits.close_for_inspection(conn, "7", "PK-1", visit, "i-2", at(0)) == 0
    sent = {a.id: a for a in server_visits.for_personnel(engine, "7")}
    assert set(sent) == {"before", "after", "recent"}
    assert sent["before"].state == "done" and sent["before"].closed_by == "i-1"
    assert sent["after"].state == "open" and sent["recent"].state == "cancelled"
    assert [a.id for a in server_visits.all_open(engine)] == ["after", "other"]
    assert server_visits.for_personnel(engine, "") == []
    listed = [r.assignment.id for r in server_visits.listing(engine)]
    assert listed == ["other", "after", "before", "recent", "old"]
    assert server_visits.listing(engine, county="بوشهر") == []  # no registry published
    engine.dispose()
