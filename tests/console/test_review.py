"""Reviewing received inspections in the console, against a real server process: two enrolled
laptops upload signed inspections through the API; console users filter the list, open one
(its PDF, photos, signature check, failed answers, findings), review it (received → reviewed →
accepted or returned, with a comment), resolve a conflict and export; a returned inspection's
comment reaches its own laptop at the next sync and shows on the Sync page."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from inspector_app.domain.bundle import read_inspection_bundle
from inspector_app.domain.jalali import jalali_date
from inspector_app.server.console.audit_log import page as audit_page
from inspector_app.server.console.review_tables import review_events_t
from inspector_app.server.database import failed_answers_t, make_engine
from inspector_app.services.sync import device_token, reviews, runner
from inspector_app.services.sync.bundles import inspection_bundle
from tests.console.conftest import Console
from tests.console.laptops import CORRECTIVE, DEADLINE, FINDING, Laptop, synced_laptop
from tests.helpers.server import ServerProcess
from tests.sync.test_conflicts import admin as conflicts_admin


@pytest.fixture(scope="module")
def laptops(
    server: ServerProcess, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Laptop, Laptop]]:
    root = tmp_path_factory.mktemp("laptops")
    first = synced_laptop(server, root / "maryam", "مریم احمدی", 3, seed=3)
    second = synced_laptop(server, root / "hasan", "حسن موسوی", 2, seed=11)
    yield first, second
    first.ctx.close()
    second.ctx.close()


def held(server: ServerProcess) -> dict[str, dict[str, Any]]:
    return {str(i["id"]): i for i in server.inspections()}


def row_ids(page: httpx.Response) -> list[str]:
    return re.findall(r'<tr data-id="([^"]+)">', page.text)


def engine_of(server: ServerProcess) -> Any:
    return make_engine(f"sqlite:///{server.data_dir / 'server.db'}")


def test_list_filters_sorts_and_refuses_bad_input(
    server: ServerProcess, laptops: tuple[Laptop, Laptop], console: Callable[[str], Console]
) -> None:
    first, second = laptops
    viewer = console("vali")
    everything = viewer.get("/console/inspections")
    assert everything.status_code == 200
    assert 'dir="rtl"' in everything.text
    assert set(first.ids + second.ids) <= set(row_ids(everything))
    rows = held(server)
    # by inspector
    mine = viewer.get("/console/inspections", inspector="حسن موسوی")
    assert sorted(row_ids(mine)) == sorted(second.ids)
    # by office
    office = str(rows[first.ids[0]]["office_code"])
    by_office = viewer.get("/console/inspections", office=office)
    assert set(row_ids(by_office)) == {i for i, r in rows.items() if r["office_code"] == office}
    # a Jalali range holding the visits (in Persian digits, as typed), and one that does not
    day = jalali_date(str(rows[first.ids[0]]["visit_date"]))
    assert set(row_ids(viewer.get("/console/inspections", **{"from": day, "to": day}))) >= set(
        first.ids
    )
    assert (
        row_ids(viewer.get("/console/inspections", **{"from": "1404-01-01", "to": "1404-01-31"}))
        == []
    )
    # sorted by score, ascending: the order of the held scores
    by_score = row_ids(viewer.get("/console/inspections", sort="score", order="asc"))
    scores = [rows[i]["compliance"] for i in by_score if i in rows]
    assert scores == sorted(scores)
    # the count is Persian digits
    assert f"{len(rows)}".translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) in everything.text
    # bad input: named, and the list is not filtered by it
    bad = viewer.get("/console/inspections", **{"from": "1405-13-40", "grade": "Z", "state": "x"})
    assert bad.status_code == 200
    assert "تاریخ شمسی" in bad.text and "رتبه ناشناخته" in bad.text
    assert set(row_ids(bad)) == set(row_ids(everything))
    # not signed in: sent to the login page; a device token opens nothing here
    anonymous = httpx.get(f"{server.url}/console/inspections", follow_redirects=False)
    assert anonymous.status_code == 303 and "/console/login" in anonymous.headers["location"]
    token = device_token.load(first.ctx.db)
    assert token
    as_device = httpx.get(
        f"{server.url}/console/inspections",
        headers={"Authorization": f"Bearer {token}"},
        follow_redirects=False,
    )
    assert as_device.status_code == 303


def test_one_inspection_its_pdf_photos_signature_and_findings(
    server: ServerProcess, laptops: tuple[Laptop, Laptop], console: Callable[[str], Console]
) -> None:
    first, _ = laptops
    inspection_id = first.ids[0]
    viewer = console("vali")
    page = viewer.get(f"/console/inspections/{inspection_id}")
    assert page.status_code == 200, page.text
    text = page.text
    assert "مریم احمدی" in text
    assert 'id="sig-intact"' in text and 'id="sig-issued"' in text
    assert f'src="/console/inspections/{inspection_id}/report.pdf"' in text
    # findings with their deadline in Jalali, Persian digits
    assert FINDING in text and CORRECTIVE in text and jalali_date(DEADLINE) in text
    # failed answers: the server's failed_answers rows for this inspection, each shown
    engine = engine_of(server)
    with engine.connect() as conn:
        failed = (
            conn.execute(
                select(failed_answers_t.c.item_text).where(
                    failed_answers_t.c.inspection_id == inspection_id
                )
            )
            .scalars()
            .all()
        )
    engine.dispose()
    assert failed, "the factory answers some yes/no items «no»"
    table = text[text.index('id="failed"') :]
    assert all(item_text in table for item_text in failed)
    # the signed PDF, inline, the very bytes the laptop signed
    pdf = viewer.http.get(f"/console/inspections/{inspection_id}/report.pdf")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"].startswith("inline")
    signed = read_inspection_bundle(inspection_bundle(first.ctx.db, inspection_id)).parts
    assert pdf.content == signed.signed_pdf
    # photos, served the same way
    photo_ids = re.findall(
        rf"/console/inspections/{inspection_id}/photos/([A-Za-z0-9_-]+)\.jpg", text
    )
    for photo_id in set(photo_ids):
        jpeg = viewer.http.get(f"/console/inspections/{inspection_id}/photos/{photo_id}.jpg")
        assert jpeg.status_code == 200 and jpeg.headers["content-type"] == "image/jpeg"
        assert jpeg.content.startswith(b"\xff\xd8")
    # no path from the request reaches the file store
    assert viewer.http.get(
        f"/console/inspections/{inspection_id}/photos/..%2Fserver.jpg"
    ).status_code in (404, 422)
    assert viewer.http.get("/console/inspections/no-such-id").status_code == 404


def test_review_steps_refusals_and_the_laptop_learns(
    server: ServerProcess,
    laptops: tuple[Laptop, Laptop],
    console: Callable[[str], Console],
    qtbot: Any,
    tmp_path: Path,
) -> None:
    first, second = laptops
    accepted, returned = first.ids[1], first.ids[2]
    supervisor, viewer = console("sara"), console("vali")
    path = f"/console/inspections/{returned}"

    # a viewer reads but may not review (403, logged); a forged CSRF token changes nothing
    viewer.get(path)
    assert 'id="review-form"' not in viewer.get(path).text
    denied = viewer.post(f"{path}/review", {"seen": "received", "to": "reviewed"})
    assert denied.status_code == 403
    supervisor.get(path)
    forged = supervisor.post(
        f"{path}/review", {"seen": "received", "to": "reviewed"}, csrf="x" * 43
    )
    assert forged.status_code == 403
    # a step the state does not allow, and a return with no comment
    skip = supervisor.post(f"{path}/review", {"seen": "received", "to": "accepted"})
    assert skip.status_code == 409 and "نمی‌توان" in skip.text

    for inspection_id in (accepted, returned):
        done = supervisor.post(
            f"/console/inspections/{inspection_id}/review", {"seen": "received", "to": "reviewed"}
        )
        assert done.status_code == 303, done.text
    # the same step again from a page that still shows "received": refused, not doubled
    stale = supervisor.post(f"{path}/review", {"seen": "received", "to": "reviewed"})
    assert stale.status_code == 409
    empty = supervisor.post(
        f"{path}/review", {"seen": "reviewed", "to": "returned", "comment": " "}
    )
    assert empty.status_code == 409 and "توضیح" in empty.text
    comment = "عکس تابلوی نرخ‌ها خوانا نیست؛ دوباره بگیرید و گزارش را اصلاح کنید."
    assert (
        supervisor.post(
            f"{path}/review", {"seen": "reviewed", "to": "returned", "comment": comment}
        ).status_code
        == 303
    )
    assert (
        supervisor.post(
            f"/console/inspections/{accepted}/review", {"seen": "reviewed", "to": "accepted"}
        ).status_code
        == 303
    )
    shown = viewer.get(path).text
    assert "بازگردانده" in shown and comment in shown and "sara" in shown

    # each step in the review table and the server's audit log, with who and the comment
    engine = engine_of(server)
    with engine.connect() as conn:
        steps = conn.execute(
            select(review_events_t.c.state, review_events_t.c.by, review_events_t.c.comment)
            .where(review_events_t.c.inspection_id == returned)
            .order_by(review_events_t.c.id)
        ).all()
    assert [tuple(s) for s in steps] == [("reviewed", "sara", ""), ("returned", "sara", comment)]
    entries, _total = audit_page(engine, 1, 200)
    assert any(
        e.action == "review" and e.target == returned and e.detail["comment"] == comment
        for e in entries
    )
    assert any(e.action == "denied" and e.actor == "vali" for e in entries)
    engine.dispose()

    # the list filters by review state
    returned_rows = row_ids(viewer.get("/console/inspections", state="returned"))
    assert returned_rows == [returned]
    assert returned not in row_ids(viewer.get("/console/inspections", state="received"))

    # the laptop's next sync takes the decisions on its own inspections only
    report = runner.run_sync(first.ctx)
    assert report.ok, report.as_dict()
    kept = reviews.kept(first.ctx.db)
    assert kept[returned].state == "returned" and kept[returned].comment == comment
    assert kept[accepted].state == "accepted"
    assert runner.run_sync(second.ctx).ok
    assert reviews.kept(second.ctx.db) == {}
    # GET /v1/reviews answers a device about its own key's inspections, and needs a token
    assert httpx.get(f"{server.url}/v1/reviews").status_code == 401

    # the Sync page shows it in the queue, after a real click on "Sync now"
    from inspector_app.ui import i18n
    from inspector_app.ui.env import PageEnv
    from inspector_app.ui.events import DataEvents
    from inspector_app.ui.qt import QApplication, QSettings, Qt
    from inspector_app.ui.sync_page import SyncPage
    from tests.helpers.gui import wait_for_background

    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    i18n.apply_language(qapp, "fa")
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    page = SyncPage(
        PageEnv(first.ctx, DataEvents(), settings, _Router(), _App()), probe_interval_ms=60_000
    )
    qtbot.addWidget(page)
    page.resize(1200, 640)
    page.show()
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    wait_for_background(qtbot)
    column = [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())
    ].index("بررسی استانداری")
    shown_rows = {
        r["inspection_id"]: page.model.data(page.model.index(n, column))
        for n, r in enumerate(page.model.rows())
    }
    assert shown_rows[returned] == f"بازگردانده شد: {comment}"
    assert shown_rows[accepted] == "پذیرفته شد"
    assert shown_rows[first.ids[0]] == ""


class _Router:
    def open_inspection(self, inspection_id: str) -> None:
        pass

    def show_page(self, key: str) -> None:
        pass


class _App:
    def set_language(self, language: str) -> None:
        pass

    def reload_database(self) -> None:
        pass


def test_resolve_a_conflict_in_the_console(
    server: ServerProcess, conflicting: Any, console: Callable[[str], Console]
) -> None:
    pair = conflicting(77)
    assert runner.run_sync(pair.b, pull_updates=False).conflicts == [pair.inspection_id]
    supervisor, viewer = console("sara"), console("vali")
    assert viewer.get("/console/conflicts").status_code == 403
    listing = supervisor.get("/console/conflicts")
    [conflict_id] = [
        c
        for c in re.findall(r'<tr data-id="(\d+)">', listing.text)
        if pair.inspection_id in supervisor.get(f"/console/conflicts/{c}").text
    ]
    shown = supervisor.get(f"/console/conflicts/{conflict_id}")
    answer = re.search(rf'<tr data-item="{pair.item_id}">(.*?)</tr>', shown.text, re.S)
    assert answer, shown.text
    cells = re.findall(r'<td class="(stored|received)">([^<]*)', answer[1])
    assert cells == [("stored", "بله"), ("received", "خیر")]
    # no reason: refused, nothing settled
    no_reason = supervisor.post(
        f"/console/conflicts/{conflict_id}/resolve", {"keep": "both", "reason": ""}
    )
    assert no_reason.status_code == 422
    done = supervisor.post(
        f"/console/conflicts/{conflict_id}/resolve",
        {"keep": "both", "reason": "دو بازدید جدا در یک روز بوده است"},
    )
    assert done.status_code == 303, done.text
    after = supervisor.get(f"/console/conflicts/{conflict_id}").text
    assert "نگه‌داشتن هر دو" in after and 'id="resolve-form"' not in after
    listed = json.loads(conflicts_admin(server, "conflicts", "list", "--json").stdout)
    [row] = [c for c in listed if str(c["id"]) == conflict_id]
    assert row["resolution"]["keep"] == "both" and row["resolution"]["resolved_by"] == "sara"
    again = supervisor.post(
        f"/console/conflicts/{conflict_id}/resolve", {"keep": "stored", "reason": "x"}
    )
    assert again.status_code == 409
    # the laptop learns: its next upload is answered "already there"
    assert runner.run_sync(pair.b, pull_updates=False).conflicts == []


def test_exports_csv_and_xlsx_with_the_lists_filters(
    server: ServerProcess, laptops: tuple[Laptop, Laptop], console: Callable[[str], Console]
) -> None:
    _, second = laptops
    supervisor, viewer = console("sara"), console("vali")
    assert viewer.http.get("/console/exports/inspections.xlsx").status_code == 403
    params = {"inspector": "حسن موسوی"}
    book = supervisor.http.get("/console/exports/inspections.xlsx", params=params)
    assert book.status_code == 200 and "attachment" in book.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(book.content)).worksheets[0]
    assert sheet.title == "بازرسی‌ها" and sheet.sheet_view.rightToLeft
    values = list(sheet.values)
    assert values[0][:3] == ("شناسه", "تاریخ بازدید", "شهرستان")
    assert sorted(r[0] for r in values[1:]) == sorted(second.ids)
    visits = {str(i["id"]): str(i["visit_date"]) for i in server.inspections()}
    assert all(r[1] == jalali_date(visits[r[0]], persian=False) for r in values[1:])
    # CSV: a byte order mark for spreadsheet programs, the same rows
    text = supervisor.http.get("/console/exports/inspections.csv", params=params).content
    assert text.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    assert rows[0][0] == "شناسه" and sorted(r[0] for r in rows[1:]) == sorted(second.ids)
    # findings with their Jalali deadline, answers with the question's text
    findings = list(
        load_workbook(
            io.BytesIO(supervisor.http.get("/console/exports/findings.xlsx", params=params).content)
        )
        .worksheets[0]
        .values
    )
    ours = [r for r in findings[1:] if r[6] == FINDING]
    assert sorted(r[0] for r in ours) == sorted(second.ids)
    assert all(r[7] == CORRECTIVE and r[8] == jalali_date(DEADLINE, persian=False) for r in ours)
    assert {r[0] for r in findings[1:]} == set(second.ids)
    answers = load_workbook(
        io.BytesIO(supervisor.http.get("/console/exports/answers.xlsx", params=params).content)
    ).worksheets[0]
    assert answers.title == "پاسخ‌ها" and answers.max_row > 1 + len(second.ids)
    # the overview: the province figures, one sheet each
    overview = load_workbook(
        io.BytesIO(supervisor.http.get("/console/exports/overview.xlsx").content)
    )
    assert overview.sheetnames[:2] == ["خلاصه", "به تفکیک شهرستان"]
    summary = dict(list(overview["خلاصه"].values)[1:])
    assert summary["تعداد بازرسی"] == int(
        json.loads(server.admin("summary", "--json"))["overview"]["inspections"]
    )
    assert all(ws.sheet_view.rightToLeft for ws in overview.worksheets)
    # a bad filter exports nothing
    assert (
        supervisor.http.get("/console/exports/inspections.csv", params={"from": "x"}).status_code
        == 422
    )
    engine = engine_of(server)
    entries, _ = audit_page(engine, 1, 200)
    engine.dispose()
    assert any(e.action == "export" and e.actor == "sara" for e in entries)


def test_a_report_changed_in_the_file_store_shows_as_broken(
    server: ServerProcess, laptops: tuple[Laptop, Laptop], console: Callable[[str], Console]
) -> None:
    """The signature is checked again on each view, on the bytes held now: a PDF altered on
    the server's disk after it was received is shown as not intact, not as ingest found it."""
    _, second = laptops
    inspection_id = second.ids[0]
    viewer = console("vali")
    assert 'id="sig-intact"' in viewer.get(f"/console/inspections/{inspection_id}").text
    signed = read_inspection_bundle(inspection_bundle(second.ctx.db, inspection_id)).parts
    digest = hashlib.sha256(signed.signed_pdf).hexdigest()
    path = server.data_dir / "files" / digest[:2] / digest
    original = path.read_bytes()
    at = original.index(b"/Producer")  # a byte inside the signed range, outside any stream
    path.chmod(0o600)
    path.write_bytes(original[:at] + b"/Pxoducer" + original[at + 9 :])
    try:
        page = viewer.get(f"/console/inspections/{inspection_id}").text
        assert 'id="sig-broken"' in page and 'id="sig-intact"' not in page
    finally:
        path.write_bytes(original)
