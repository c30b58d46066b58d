"""The server's overview (SQL on its own schema, SQLite and PostgreSQL) gives the same figures
as the app's for the same inspections."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from inspector_app.domain.jalali import parse_jalali_date
from inspector_app.domain.working_days import iran_calendar
from inspector_app.figures.aggregates import compute_overview
from inspector_app.figures.coverage import compute_coverage
from inspector_app.figures.filters import OverviewFilter
from inspector_app.figures.overview import Overview
from inspector_app.figures.queries import sqlalchemy_runner, sqlite_runner
from inspector_app.figures.summary_report import render_summary
from inspector_app.server import figure_counts, replaced, schema
from inspector_app.server.database import (
    failed_answers_t,
    figure_days_t,
    figure_failed_months_t,
    inspections_t,
    make_engine,
)
from inspector_app.server.figures import _month_split, compute_server_overview, server_summary
from inspector_app.server.summary import summary_json
from inspector_app.services.context import AppContext
from inspector_app.services.overview import population
from inspector_app.storage import drafts, inspections, offices
from tests.helpers.pdf_text import assert_sentences, pdffonts
from tests.overview import dataset

AS_OF = dt.date(2024, 7, 1)


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL cluster (or BAZRES_TEST_PG_URL), one database for this module."""
    given = os.environ.get("BAZRES_TEST_PG_URL")
    if given:
        yield given
        return
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        pytest.skip("no PostgreSQL binaries and no BAZRES_TEST_PG_URL")
    bin_dir = found[-1].parent
    root = Path(tempfile.mkdtemp(prefix="bazres-overview-pg-"))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(root, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data = root / "data"
    subprocess.run(
        [
            *as_user,
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "--no-sync",
            "-E",
            "UTF8",
        ],
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [
            *as_user,
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(root / "pg.log"),
            "-w",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        import psycopg

        name = f"overview_{uuid.uuid4().hex[:8]}"
        base = f"postgresql://postgres@127.0.0.1:{port}/"
        with psycopg.connect(base + "postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        yield base + name
    finally:
        subprocess.run(
            [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'server.db'}"
    else:
        url = request.getfixturevalue("postgres_url").replace(
            "postgresql://", "postgresql+psycopg://"
        )
    engine = make_engine(url)
    schema.ensure_current(engine)
    with engine.begin() as conn:
        for table in (figure_days_t, figure_failed_months_t, failed_answers_t, inspections_t):
            conn.execute(table.delete())
    yield engine
    engine.dispose()


def _receive(engine: Engine, app: AppContext) -> list[dict[str, Any]]:
    """What the server would hold after every finished inspection of the app was synced:
    the rows ingest writes, and their share of the figures (`figure_counts.add`)."""
    rows = list(
        app.db.query(
            "SELECT i.*, o.type AS office_type, o.county FROM inspections i "
            "JOIN offices o ON o.code = i.office_code WHERE i.status <> 'draft'"
        )
    )
    # What ingest records: the yes/no checklist items each inspection answered «no».
    failed: dict[str, list[tuple[str, str]]] = {}
    texts = {i["id"]: i["text"] for i in dataset.FORM["sections"][0]["items"]}
    for answer in app.db.query(
        "SELECT a.inspection_id, a.item_id FROM answers a JOIN inspections i "
        "ON i.id = a.inspection_id WHERE i.status <> 'draft' AND a.value = '\"no\"' "
        "AND a.repeat_index = 0 AND a.item_id IN ('a', 'b', 'c') ORDER BY a.item_id"
    ):
        item = answer["item_id"]
        failed.setdefault(answer["inspection_id"], []).append((item, texts[item]))
    with engine.begin() as conn:
        for r in rows:
            row = dict(
                id=r["id"], canonical_sha256="0" * 64, source="sync",
                signer_fingerprint="f" * 64, signer_key_sha256="k" * 64,
                office_code=r["office_code"],
                office_type=r["office_type"], county=r["county"], visit_date=r["visit_date"],
                form_id=r["form_id"], form_version=r["form_version"],
                compliance=r["score"], grade=r["grade"],
                critical_failures=r["critical_failed"], satisfaction=r["satisfaction"],
                replaces=r["replaces"], pdf_sha256="0" * 64, canonical_json="{}",
                received_at="2024-07-01T00:00:00Z",
            )  # fmt: skip
            conn.execute(inspections_t.insert().values(**row))
            held = failed.get(r["id"], [])
            if held:
                conn.execute(
                    failed_answers_t.insert(),
                    [{"inspection_id": r["id"], "item_id": i, "item_text": t} for i, t in held],
                )
            figure_counts.add(conn, row, held)
            replaced.refresh(conn, [row["id"], row["replaces"]])  # as ingest does
    return list(app.db.query("SELECT * FROM offices"))


def _figures(o: Overview) -> dict[str, Any]:
    def rows(items: list[Any]) -> list[tuple[Any, ...]]:
        return [
            (r.key, r.inspections, None if r.mean_score is None else round(r.mean_score, 6),
             r.critical, r.drill)
            for r in items
        ]  # fmt: skip

    return {
        "totals": (o.inspections, o.offices_inspected, round(o.mean_score or 0, 6), o.critical),
        "county": rows(o.by_county),
        "type": rows(o.by_type),
        "month": rows(o.by_month),
        "satisfaction": [
            (r.key, r.interviewed, round(r.mean_satisfaction or 0, 6))
            for r in o.satisfaction_by_county
        ],
        "overdue": [(d.code, d.last_visit, d.days_since) for d in o.overdue],
        "failed": [(i.item_id, i.text, i.failed, i.out_of, i.drill) for i in o.failed_items],
    }


@pytest.mark.parametrize(
    "f",
    [
        OverviewFilter(),
        OverviewFilter(parse_jalali_date("1403-01-01"), parse_jalali_date("1403-06-31")),
        OverviewFilter(county="بوشهر", office_type="pishkhan"),
    ],
    ids=["all", "1403-h1", "bushehr-pishkhan"],
)
def test_server_figures_match_the_app(
    fixed: AppContext, server_engine: Engine, f: OverviewFilter
) -> None:
    offices = _receive(server_engine, fixed)
    app = compute_overview(sqlite_runner(fixed.db), f, as_of=AS_OF)
    with server_engine.connect() as conn:
        server = compute_server_overview(sqlalchemy_runner(conn), f, offices=offices, as_of=AS_OF)
    assert _figures(server) == _figures(app)
    assert server.inspections > 0 and server.failed_items


def test_server_counts_working_days_as_the_app(fixed: AppContext, server_engine: Engine) -> None:
    """With working days counted (BAZRES_SERVER_DAY_COUNT=working on the server, the setting
    on the laptop), both drop the same offices from "not inspected for 90 days" and count the
    same days since each one's last visit."""
    offices = _receive(server_engine, fixed)
    calendar = iran_calendar(AS_OF.year)
    app = compute_overview(
        sqlite_runner(fixed.db), OverviewFilter(), as_of=AS_OF, calendar=calendar
    )
    with server_engine.connect() as conn:
        server = compute_server_overview(
            sqlalchemy_runner(conn), OverviewFilter(), offices=offices, as_of=AS_OF,
            calendar=calendar,
        )  # fmt: skip
        every_day = compute_server_overview(
            sqlalchemy_runner(conn), OverviewFilter(), offices=offices, as_of=AS_OF
        )
    assert server.overdue_working_days and not every_day.overdue_working_days
    assert _figures(server)["overdue"] == _figures(app)["overdue"]
    assert {o.code for o in server.overdue} < {o.code for o in every_day.overdue}


def test_server_summary_pdf_and_json(
    fixed: AppContext, server_engine: Engine, tmp_path: Path
) -> None:
    offices = _receive(server_engine, fixed)
    registry = json.dumps({"version": 1, "offices": offices}, ensure_ascii=False).encode()
    f = OverviewFilter(parse_jalali_date("1403-01-01"), parse_jalali_date("1403-06-31"))
    with server_engine.connect() as conn:
        data = server_summary(sqlalchemy_runner(conn), f, registry=registry, as_of=AS_OF)
    figures = summary_json(data, f)  # what /v1/summary and `inspector-server summary` print
    assert figures["overview"]["inspections"] == 4
    assert figures["coverage"]["active_total"] == 5  # the same registry as the app's
    assert figures["coverage"]["pending_total"] == 1
    app_cov = compute_coverage(sqlite_runner(fixed.db), population.current(fixed.db))
    assert data.coverage.to_dict() == app_cov.to_dict()
    pdf = tmp_path / "server-summary.pdf"
    pdf.write_bytes(render_summary(data))
    assert_sentences(pdf, ["گزارش خلاصهٔ استانی", "انطباق با ضوابط به تفکیک شهرستان"])
    assert all(font["emb"] == "yes" for font in pdffonts(pdf))


@pytest.mark.parametrize(
    "f",
    [
        OverviewFilter(),
        OverviewFilter(dt.date(2024, 4, 15), dt.date(2024, 4, 30)),  # #3, not its correction
        OverviewFilter(dt.date(2024, 4, 1), dt.date(2024, 5, 31)),  # whole months
        OverviewFilter(parse_jalali_date("1403-01-01"), parse_jalali_date("1403-06-31")),
        OverviewFilter(date_to=dt.date(2024, 4, 29)),
        OverviewFilter(parse_jalali_date("1403-02-01"), parse_jalali_date("1403-02-31")),
        OverviewFilter(parse_jalali_date("1403-01-10"), parse_jalali_date("1403-03-05")),
        OverviewFilter(parse_jalali_date("1403-02-01")),
    ],
    ids=[
        "all",
        "part-of-april",
        "april-may",
        "1403-h1",
        "to-april-29",
        "ordibehesht",
        "farvardin-10-to-khordad-5",
        "from-ordibehesht",
    ],
)
def test_a_correction_and_a_dropped_inspection_match_the_app(
    fixed: AppContext, server_engine: Engine, f: OverviewFilter
) -> None:
    """Corrections are taken off when the figures are read, whole months and the days a
    range cuts add up, and an inspection taken off (a conflict settled by keeping the received
    version) leaves the figures as if it had never come."""
    office = offices.get(fixed.db, "BU-K1")
    assert office is not None
    fix = inspections.create(
        fixed.db, office=office, form_document=dataset.FORM, visit_date="2024-05-05",
        replaces="insp-3", inspection_id="insp-7",
    )  # fmt: skip
    for item, value in (("a", "no"), ("b", "yes"), ("c", "yes")):
        drafts.set_answer(fixed.db, fix, item, value)
    fixed.db.execute("UPDATE inspections SET status = 'finalized' WHERE id = ?", [fix])
    fixed.db.conn.commit()
    offices_held = _receive(server_engine, fixed)
    # Taken off and stored again, as keeping a conflict's received version does.
    with server_engine.begin() as conn:
        row = dict(
            conn.execute(select(inspections_t).where(inspections_t.c.id == "insp-2"))
            .mappings()
            .one()
        )
        failed = (
            conn.execute(
                select(failed_answers_t).where(failed_answers_t.c.inspection_id == "insp-2")
            )
            .mappings()
            .all()
        )
        figure_counts.remove(conn, "insp-2")
        conn.execute(failed_answers_t.delete().where(failed_answers_t.c.inspection_id == "insp-2"))
        conn.execute(inspections_t.delete().where(inspections_t.c.id == "insp-2"))
        conn.execute(inspections_t.insert().values(**row))
        conn.execute(failed_answers_t.insert(), [dict(a) for a in failed])
        figure_counts.add(conn, row, [(a["item_id"], a["item_text"]) for a in failed])
    app = compute_overview(sqlite_runner(fixed.db), f, as_of=AS_OF)
    with server_engine.connect() as conn:
        server = compute_server_overview(
            sqlalchemy_runner(conn), f, offices=offices_held, as_of=AS_OF
        )
    assert _figures(server) == _figures(app)


def test_a_range_of_whole_jalali_months_is_read_from_the_month_sums_alone() -> None:
    """The ranges people ask for (a month, a season, half a year) are Jalali: their «no»
    answers come from the month sums, with no day of failed answers to add."""
    h1 = (parse_jalali_date("1403-01-01"), parse_jalali_date("1403-06-31"))
    assert _month_split(*h1) == (("1403-01", "1403-06"), [])
    esfand = (parse_jalali_date("1402-12-01"), parse_jalali_date("1402-12-29"))
    assert _month_split(*esfand) == (("1402-12", "1402-12"), [])
    cut = _month_split(parse_jalali_date("1403-01-10"), parse_jalali_date("1403-03-05"))
    assert cut == (
        ("1403-02", "1403-02"),
        [
            (parse_jalali_date("1403-01-10"), parse_jalali_date("1403-01-31")),
            (parse_jalali_date("1403-03-01"), parse_jalali_date("1403-03-05")),
        ],
    )
    inside = (parse_jalali_date("1403-01-10"), parse_jalali_date("1403-01-20"))
    assert _month_split(*inside) == (None, [inside])
    assert _month_split(None, None) == ((None, None), [])
