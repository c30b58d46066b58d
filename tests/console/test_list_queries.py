"""The console's list of inspections (server/console/inspections.py) on SQLite and PostgreSQL:
every filter, sort and page gives the rows and the count a plain sort of all rows in Python
gives, whichever index or query shape the list takes to get there."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from inspector_app.server import schema
from inspector_app.server.console import inspections
from inspector_app.server.console.review_tables import review_states_t
from inspector_app.server.database import database_url, inspections_t, make_engine
from tests.sync.pg import PgCluster

COUNTIES = ("بوشهر", "دشتستان", "گناوه")
TYPES = ("pishkhan", "police10", "brokerage")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    url = None
    if request.param == "postgres":
        cluster: PgCluster = request.getfixturevalue("pg_cluster")
        url = cluster.new_database()
    made = make_engine(database_url(tmp_path, url))
    schema.ensure_current(made)
    yield made
    made.dispose()


def _held(engine: Engine, count: int = 240) -> list[dict[str, Any]]:
    """`count` inspections (received about when visited, as in life) and their states."""
    rng = random.Random(17)
    rows, states = [], []
    for n in range(count):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(400))
        received = f"{day + dt.timedelta(days=rng.randrange(3))}T{rng.randrange(24):02d}:00:00Z"
        rows.append(
            {"id": f"i-{n:04d}", "canonical_sha256": "0" * 64, "source": "sync",
             "signer_fingerprint": "f" * 64, "signer_key_sha256": "k" * 64,
             "inspector_name": f"بازرس {n % 4}", "office_code": f"O-{n % 9}",
             "office_type": TYPES[n % 3], "county": COUNTIES[n % 5 % 3],
             "visit_date": day.isoformat(), "form_id": "f", "form_version": 1,
             "compliance": rng.choice([None, round(rng.uniform(0, 100), 1), 50.0]),
             "grade": rng.choice(["A", "B", "C", None]), "critical_failures": 0,
             "pdf_sha256": "0" * 64, "canonical_json": "{}", "received_at": received}
        )  # fmt: skip
        state = rng.choice([None, None, "reviewed", "accepted", "returned"])
        if state:
            states.append(
                {"inspection_id": rows[-1]["id"], "state": state, "comment": "", "by": "x",
                 "at": received}
            )  # fmt: skip
    with engine.begin() as conn:
        conn.execute(inspections_t.insert(), rows)
        conn.execute(review_states_t.insert(), states)
    state_of = {s["inspection_id"]: s["state"] for s in states}
    return [{**r, "state": state_of.get(r["id"], "received")} for r in rows]


def _expected(held: list[dict[str, Any]], q: inspections.ListQuery) -> list[str]:
    def keep(r: dict[str, Any]) -> bool:
        return (
            (not q.county or r["county"] == q.county)
            and (not q.office_type or r["office_type"] == q.office_type)
            and (not q.office_code or r["office_code"] == q.office_code)
            and (not q.inspector or r["inspector_name"] == q.inspector)
            and (not q.grade or r["grade"] == q.grade)
            and (not q.state or r["state"] == q.state)
            and (not q.date_from or r["visit_date"] >= q.date_from.isoformat())
            and (not q.date_to or r["visit_date"] <= q.date_to.isoformat())
        )

    column = inspections.SORTS[q.sort].name
    kept = [r for r in held if keep(r)]
    kept.sort(key=lambda r: (r[column], r["id"]))  # the sorts here have no NULLs
    if q.descending:
        kept.reverse()
    return [r["id"] for r in kept]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"page": "3"},
        {"state": "received"},
        {"state": "returned", "page": "2"},
        {"state": "reviewed", "sort": "date", "order": "asc"},
        {"from": "1403-01-01", "to": "1403-06-31"},
        {"from": "1403-01-01", "order": "asc", "page": "2"},
        {"county": "بوشهر", "office_type": "pishkhan", "to": "1403-06-31", "state": "received"},
        {"office": "O-3"},
        {"inspector": "بازرس 2", "sort": "office"},
        {"grade": "A", "sort": "inspector", "order": "asc"},
        {"sort": "date", "page": "4"},
    ],
)
def test_every_page_is_the_plain_sort(engine: Engine, params: dict[str, str]) -> None:
    held = _held(engine)
    q = inspections.parse(params)
    q = replace(q, page_size=20)
    page = inspections.list_page(engine, q, names={})
    expected = _expected(held, q)
    assert page.total == len(expected) > 0
    start = (page.query.page - 1) * q.page_size
    assert [r.id for r in page.rows] == expected[start : start + q.page_size]
    assert all(r.state == q.state for r in page.rows if q.state)
