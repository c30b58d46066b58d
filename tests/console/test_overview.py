"""The province overview page against a real server process: two enrolled laptops upload
signed inspections through real syncs, the server publishes the demo registry, and a signed-in
console user reads the page. Its figures are the ones `inspector-server summary --json` prints
(the same function as `GET /v1/summary`), unfiltered and filtered; every linked figure opens the
inspections list with that many rows; the summary PDF downloads with the page's filters."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from inspector_app.domain.jalali import jalali_date, tehran_today
from inspector_app.domain.persian import format_number, to_latin_digits, to_persian_digits
from inspector_app.domain.vocabulary import GRADE_LABELS
from inspector_app.figures.filters import OverviewFilter
from inspector_app.server.actions import open_actions, open_deadlines
from inspector_app.server.console.audit_log import page as audit_page
from inspector_app.server.database import make_engine
from inspector_app.storage import contents
from tests.console.conftest import Console
from tests.console.laptops import DEADLINE, Laptop, synced_laptop
from tests.helpers.cli import run_cli
from tests.helpers.server import ServerProcess

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def laptops(
    server: ServerProcess, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Laptop, Laptop]]:
    server.admin("publish", "--registry", str(REPO / "resources/data/offices_demo.json"))
    root = tmp_path_factory.mktemp("overview-laptops")
    first = synced_laptop(server, root / "maryam", "مریم احمدی", 3, seed=3)
    second = synced_laptop(server, root / "hasan", "حسن موسوی", 2, seed=24)
    yield first, second
    first.ctx.close()
    second.ctx.close()


class Page(HTMLParser):
    """What the page shows: each table's rows (data-key → cell texts and links) and the text
    and link of each element with an id."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tables: dict[str, dict[str, dict[str, Any]]] = {}
        self.by_id: dict[str, dict[str, Any]] = {}
        self._open: list[tuple[str, str | None]] = []  # (tag, id) of the elements open
        self._table = ""
        self._row: dict[str, Any] | None = None
        self._cell: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("br", "input", "meta", "link", "img", "meter"):
            return
        self._open.append((tag, a.get("id")))
        if a.get("id"):
            self.by_id[str(a["id"])] = {"text": "", "href": a.get("href")}
        if tag == "table":
            self._table = str(a.get("id") or "")
            self.tables[self._table] = {}
        elif tag == "tr" and self._table and a.get("data-key"):
            self._row = {"cells": [], "links": []}
            self.tables[self._table][str(a["data-key"])] = self._row
        elif tag == "td" and self._row is not None:
            self._cell = []
        elif tag == "a" and self._row is not None and a.get("href"):
            self._row["links"].append(a["href"])

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            open_tag, _ = self._open.pop()
            if open_tag == tag:
                break
        if tag == "td" and self._row is not None and self._cell is not None:
            self._row["cells"].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr":
            self._row = None
        elif tag == "table":
            self._table = ""

    def handle_data(self, data: str) -> None:
        for _, element_id in self._open:
            if element_id:
                self.by_id[element_id]["text"] += data
        if self._cell is not None:
            self._cell.append(data)

    def text(self, element_id: str) -> str:
        return " ".join(self.by_id[element_id]["text"].split())


def summary(server: ServerProcess, *args: str) -> dict[str, Any]:
    return dict(json.loads(server.admin("summary", "--json", *args)))


def fa(value: float | None, decimals: int = 0) -> str:
    return format_number(value, decimals, trim=bool(decimals))


def list_total(viewer: Console, href: str) -> int:
    """How many inspections the list behind a link holds (its «N بازرسی» line)."""
    parts = urlsplit(href)
    assert parts.path == "/console/inspections", href
    page = Page(viewer.get(parts.path, **dict(parse_qsl(parts.query))).text)
    return int(to_latin_digits(page.text("total")).split()[0])


def assert_same_figures(page: Page, data: dict[str, Any]) -> None:
    """Everything the page shows equals the summary's figures, in Persian digits."""
    o, cov = data["overview"], data["coverage"]
    assert page.text("total") == fa(o["inspections"])
    assert page.text("offices-inspected") == fa(o["offices_inspected"])
    assert page.text("mean-score") == fa(o["mean_score"], 1)
    assert page.text("critical") == fa(o["critical"])
    assert page.text("active-offices") == fa(cov["active_total"])
    assert page.text("per-100k") == format_number(cov["per_100k"], 2)
    assert page.text("overdue-count") == fa(len(o["overdue"]))
    for table, rows in (("by-county", o["by_county"]), ("by-type", o["by_type"])):
        shown = page.tables.get(table, {})
        assert list(shown) == [r["key"] for r in rows], table  # worst first, as the PDF
        for r in rows:
            cells = shown[r["key"]]["cells"]
            assert cells[1:4] == [fa(r["inspections"]), fa(r["mean_score"], 1), fa(r["critical"])]
    satisfaction = {r["key"]: r["mean_satisfaction"] for r in o["satisfaction_by_county"]}
    for key, row in page.tables.get("by-county", {}).items():
        assert row["cells"][4] == fa(satisfaction.get(key), 1)
    months = page.tables.get("by-month", {})
    assert list(months) == [r["key"] for r in o["by_month"]]
    items = list(page.tables.get("failed-items", {}).values())  # in the summary's order
    assert len(items) == len(o["failed_items"])
    for row, r in zip(items, o["failed_items"], strict=True):
        form = f"{r['form_id']} نسخهٔ {fa(r['form_version'])}"  # forms share item ids
        assert row["cells"][:2] == [r["text"], form]
        assert row["cells"][2:] == [fa(r["failed"]), fa(r["out_of"]), fa(r["share"], 1) + "٪"]
    overdue = page.tables.get("overdue", {})
    assert list(overdue) == [r["code"] for r in o["overdue"]]
    for r in o["overdue"]:
        cells = overdue[r["code"]]["cells"]
        assert cells[4] == (jalali_date(r["last_visit"]) if r["last_visit"] else "هرگز")
        assert cells[5] == fa(r["days_since"])
    coverage = page.tables["coverage"]
    assert list(coverage) == [c["county"] for c in cov["counties"]]
    for c in cov["counties"]:
        assert coverage[c["county"]]["cells"][5] == format_number(c["per_100k"], 2)


def test_the_overview_shows_the_summary_and_every_figure_opens_its_list(
    server: ServerProcess, laptops: tuple[Laptop, Laptop], console: Callable[[str], Console]
) -> None:
    first, second = laptops
    viewer = console("vali")  # viewers read the overview, as they read the list
    response = viewer.get("/console/overview")
    assert response.status_code == 200, response.text
    assert 'dir="rtl"' in response.text
    page = Page(response.text)
    data = summary(server)
    o = data["overview"]
    assert o["inspections"] == len(first.ids) + len(second.ids)
    assert len(o["by_county"]) == 2 and len(o["by_type"]) > 1
    assert o["failed_items"] and o["overdue"], "the data should give these figures"
    assert_same_figures(page, data)
    # the failed items are shares of the inspections filled with their form
    for r in o["failed_items"]:
        assert 0 < r["failed"] <= r["out_of"] and r["share"] <= 100, r

    # every linked figure opens the list with as many inspections
    assert list_total(viewer, page.by_id["total"]["href"]) == o["inspections"]
    for table, rows in (("by-county", o["by_county"]), ("by-type", o["by_type"])):
        for r in rows:
            link = page.tables[table][r["key"]]["links"][0]
            assert list_total(viewer, link) == r["inspections"], (table, r["key"])
    for r in o["by_month"]:
        if r["inspections"]:
            link = page.tables["by-month"][r["key"]]["links"][0]
            assert list_total(viewer, link) == r["inspections"]
    grades = page.tables["grades"]
    assert list(grades) == list(GRADE_LABELS)
    counts = {g: int(to_latin_digits(row["cells"][1])) for g, row in grades.items()}
    assert sum(counts.values()) == o["inspections"]  # no corrections in this data
    for grade, row in grades.items():
        assert list_total(viewer, row["links"][0]) == counts[grade]
    held = Counter(str(i["office_code"]) for i in server.inspections())
    for r in o["overdue"]:
        link = page.tables["overdue"][r["code"]]["links"][0]
        assert list_total(viewer, link) == held[r["code"]]


def test_a_filtered_overview_is_the_filtered_summary(
    server: ServerProcess, laptops: tuple[Laptop, Laptop], console: Callable[[str], Console]
) -> None:
    supervisor = console("sara")
    everything = summary(server)["overview"]
    county = everything["by_county"][0]["key"]
    office_type = summary(server, "--county", county)["overview"]["by_type"][0]["key"]
    visit = str(server.inspections()[0]["visit_date"])
    day = jalali_date(visit, persian=False).replace("/", "-")
    # the dates as a person types them: Persian digits, slashes
    params = {"county": county, "office_type": office_type, "from": jalali_date(visit)}
    params["to"] = params["from"]
    page = Page(supervisor.get("/console/overview", **params).text)
    data = summary(server, "--county", county, "--type", office_type, "--from", day, "--to", day)
    assert 0 < data["overview"]["inspections"] < everything["inspections"]
    assert_same_figures(page, data)
    # the form shows the filter back, and every link keeps it
    assert county in page.text("described")
    link = dict(parse_qsl(urlsplit(page.by_id["total"]["href"]).query))
    typed = jalali_date(visit, persian=False)
    assert link == {"county": county, "office_type": office_type, "from": typed, "to": typed}
    assert list_total(supervisor, page.by_id["total"]["href"]) == data["overview"]["inspections"]
    # a range with no visits: nothing, said so
    empty = Page(
        supervisor.get("/console/overview", **{"from": "1390-01-01", "to": "1390-12-29"}).text
    )
    assert empty.text("total") == to_persian_digits("0")
    assert "by-county" not in empty.tables and "failed-items" not in empty.tables
    # a bad date is named and filters nothing; an unknown office type too
    bad = supervisor.get("/console/overview", **{"from": "1403-13-45", "office_type": "bank"})
    assert bad.status_code == 200
    assert "تاریخ شمسی" in bad.text and "نوع دفتر ناشناخته" in bad.text
    assert Page(bad.text).text("total") == fa(everything["inspections"])


def test_the_summary_pdf_downloads_with_the_pages_filters(
    server: ServerProcess,
    laptops: tuple[Laptop, Laptop],
    console: Callable[[str], Console],
    tmp_path: Path,
) -> None:
    supervisor = console("sara")
    county = summary(server)["overview"]["by_county"][0]["key"]
    page = Page(supervisor.get("/console/overview", county=county).text)
    href = page.by_id["summary-pdf"]["href"]
    parts = urlsplit(href)
    assert dict(parse_qsl(parts.query)) == {"county": county}
    pdf = supervisor.http.get(parts.path, params=dict(parse_qsl(parts.query)))
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"].startswith("attachment")
    (tmp_path / "summary.pdf").write_bytes(pdf.content)
    text = unicodedata.normalize(
        "NFKC",
        subprocess.run(
            ["pdftotext", str(tmp_path / "summary.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout,
    )
    assert "استانداری بوشهر" in text and county in text
    # a bad date gets no PDF; no session gets none either
    assert supervisor.http.get(parts.path, params={"from": "1403-13-45"}).status_code == 422
    anonymous = httpx.get(f"{server.url}{parts.path}", follow_redirects=False)
    assert anonymous.status_code == 303 and "/console/login" in anonymous.headers["location"]
    # the download is in the audit log, with its filter
    entries, _ = audit_page(make_engine(f"sqlite:///{server.data_dir / 'server.db'}"), 1)
    assert any(
        e.action == "export" and e.target == "summary.pdf" and e.detail == {"county": county}
        for e in entries
    )


def test_open_corrective_actions_per_county_and_office(
    server: ServerProcess, laptops: tuple[Laptop, Laptop], console: Callable[[str], Console]
) -> None:
    """Each synced inspection is its office's latest and left its findings open (one due
    DEADLINE, tests/console/laptops.py, and those its failed answers gave): each counts, overdue
    once its deadline has passed."""
    held = {str(i["office_code"]): str(i["county"]) for i in server.inspections()}
    first, second = laptops
    assert len(held) == len(first.ids) + len(second.ids)  # one inspection an office: its latest
    deadlines = [
        f["deadline"]
        for laptop in laptops
        for iid in laptop.ids
        for f in contents.findings_of(laptop.ctx.db, iid)
    ]
    assert DEADLINE in deadlines
    engine = make_engine(f"sqlite:///{server.data_dir / 'server.db'}")
    before = open_actions(engine, OverviewFilter(), dt.date(2000, 1, 1))
    assert (before.open, before.overdue, before.offices) == (len(deadlines), 0, [])
    after = open_actions(engine, OverviewFilter(), dt.date(2100, 1, 1))
    assert after.open == len(deadlines)
    assert after.overdue == sum(1 for d in deadlines if d)
    assert {o.code for o in after.offices} == set(held)  # each has its finding due DEADLINE
    assert sum(c.offices for c in after.by_county) == len(held)

    viewer = console("vali")
    page = Page(viewer.get("/console/overview").text)
    today = open_actions(engine, OverviewFilter(), tehran_today())
    assert set(page.tables["actions-by-county"]) == set(held.values())
    assert page.by_id["actions-open"]["text"].strip() == fa(today.open)
    assert page.by_id["actions-overdue"]["text"].strip() == fa(today.overdue)
    assert page.by_id["actions-offices"]["text"].strip() == fa(len(held))
    county = sorted(set(held.values()))[0]
    filtered = Page(viewer.get("/console/overview", county=county).text)
    assert list(filtered.tables["actions-by-county"]) == [county]
    in_county = open_actions(engine, OverviewFilter(county=county), tehran_today())
    assert filtered.by_id["actions-open"]["text"].strip() == fa(in_county.open)
    assert 0 < in_county.open < today.open


def test_an_action_followed_up_as_done_or_not_applicable_is_closed() -> None:
    document = {
        "findings": [{"deadline": "2026-01-01"}, {"deadline": None}],
        "followups": [
            {"outcome": "done", "deadline": "2025-01-01"},
            {"outcome": "not_applicable", "deadline": "2025-01-01"},
            {"outcome": "not_done", "deadline": "2025-02-01"},
            {"outcome": None, "deadline": "2025-03-01"},
        ],
    }
    assert open_deadlines(document) == ["2026-01-01", None, "2025-02-01", "2025-03-01"]


def test_the_server_counts_working_days_when_told(
    server: ServerProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    """BAZRES_SERVER_DAY_COUNT chooses how the server counts "overdue"; a value it does not
    know stops the command with a message naming the variable, no traceback."""

    def summary() -> Any:
        return run_cli("summary", *server.db_args(), "--json", program="inspector-server")

    every_day = json.loads(summary().stdout)["overview"]
    assert every_day["overdue_working_days"] is False
    monkeypatch.setenv("BAZRES_SERVER_DAY_COUNT", "working")
    working = json.loads(summary().stdout)["overview"]
    assert working["overdue_working_days"] is True
    assert working["overdue_days"] == every_day["overdue_days"]
    since = {o["code"]: o["days_since"] for o in every_day["overdue"]}
    for office in working["overdue"]:  # fewer working days than days have passed
        if office["days_since"] is not None:
            assert office["days_since"] <= since[office["code"]]
    monkeypatch.setenv("BAZRES_SERVER_DAY_COUNT", "weekdays")
    refused = summary()
    assert refused.returncode == 2 and "BAZRES_SERVER_DAY_COUNT" in refused.stderr
    assert "Traceback" not in refused.stderr
