"""A governorate server's database with COUNT realistic received inspections, for
bench_server_figures.py: written straight into the server's tables (SQLAlchemy Core
executemany on SQLite, COPY on PostgreSQL), seeded, so every run builds the same data.

What the province summary and the console's list read, shaped like three years of a province:
  * a published registry of ~700 offices over the demo registry's counties and types;
  * inspections over three years (2023-12-01 .. 2026-11-30) by 40 inspectors, each
    filled with its office type's bundled form (version 1 before 2025-03-21, then 2), a
    canonical JSON of the real size (the form snapshot and the answers, ~25 KB), 1% of them
    corrections replacing an earlier inspection of the same office and signer;
  * failed_answers: the yes/no items answered «no» (each item its own failure rate, ~7 per
    inspection);
  * review_states / review_events for half of them (reviewed, accepted, returned).
The database is made at schema revision 0002, before the figures summed at ingest
(figure_days, figure_failed_months): the bench's `schema.upgrade` then fills them from these
rows, as `inspector-server db upgrade` does on a server holding data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, Insert, Table, column, insert
from sqlalchemy import table as table_clause

from inspector_app.domain.canonical import canonical_json
from inspector_app.server import publish, schema
from inspector_app.server.console.review_tables import review_events_t, review_states_t
from inspector_app.server.database import failed_answers_t, inspections_t

ROOT = Path(__file__).resolve().parent.parent
FORMS = {"pishkhan": "pishkhan.yaml", "police10": "police10.yaml", "brokerage": "brokerage.yaml"}
TYPE_WEIGHTS = {"pishkhan": 0.55, "police10": 0.33, "brokerage": 0.12}
FIRST_DAY = dt.date(2023, 12, 1)  # three years up to this month
DAYS = 1096
VERSION_2_FROM = "2025-03-21"
BATCH = 5000


def _offices(rng: random.Random, count: int = 700) -> list[dict[str, Any]]:
    demo = json.loads((ROOT / "resources/data/offices_demo.json").read_text(encoding="utf-8"))
    demo_offices = demo["offices"] if isinstance(demo, dict) else demo
    counties = sorted({str(o["county"]) for o in demo_offices})
    weights = [1 + sum(o["county"] == c for o in demo_offices) for c in counties]
    types = list(TYPE_WEIGHTS)
    out = []
    for n in range(count):
        county = rng.choices(counties, weights)[0]
        kind = rng.choices(types, list(TYPE_WEIGHTS.values()))[0]
        status = rng.choices(["active", "pending", "closed"], [0.94, 0.03, 0.03])[0]
        out.append(
            {"code": f"{kind[:2].upper()}-{n:04d}", "name": f"دفتر {county} {n}", "type": kind,
             "county": county, "city": county, "status": status}
        )  # fmt: skip
    return out


def _forms() -> dict[str, tuple[str, str, list[tuple[str, str]]]]:
    """Per office type: form id, the canonical JSON's form and answers, the yes/no items."""
    out = {}
    for kind, name in FORMS.items():
        document = yaml.safe_load((ROOT / "forms" / name).read_text(encoding="utf-8"))
        items = [i for s in document["sections"] for i in s["items"]]
        yes_no = [(str(i["id"]), str(i["text"])) for i in items if i["type"] == "yesno"]
        snapshot = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        answers = json.dumps(
            [{"item_id": i["id"], "repeat_index": 0, "value": "yes", "note": ""} for i in items],
            separators=(",", ":"),
        )
        body = f'"form":{{"snapshot":{snapshot}}},"answers":{answers}'
        out[kind] = (str(document["id"]), body, yes_no)
    return out


def _rows(count: int, seed: int) -> Iterator[tuple[str, dict[str, Any], list[tuple[str, str]]]]:
    """("inspections", row, failed (id, text)) for every inspection, then ("review", row, [])
    for the half that a supervisor reviewed."""
    rng = random.Random(seed)
    offices = _offices(random.Random(seed))
    forms = _forms()
    rates = {kind: [rng.uniform(0.02, 0.4) for _ in form[2]] for kind, form in forms.items()}
    inspectors = [(f"بازرس {n}", hashlib.sha256(f"key{n}".encode()).hexdigest()) for n in range(40)]
    recent: list[dict[str, Any]] = []
    for _ in range(count):
        if recent and rng.random() < 0.01:  # a correction of an earlier inspection
            old = rng.choice(recent)
            office = next(o for o in offices if o["code"] == old["office_code"])
            inspector = (old["inspector_name"], old["signer_key_sha256"])
            replaces = old["id"]
        else:
            office, inspector, replaces = rng.choice(offices), rng.choice(inspectors), None
        kind = office["type"]
        form_id, body, yes_no = forms[kind]
        day = (FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))).isoformat()
        inspection_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        failed = [
            item for item, rate in zip(yes_no, rates[kind], strict=True) if rng.random() < rate
        ]
        compliance = round(100.0 * (1 - len(failed) / len(yes_no)), 4)
        critical = sum(1 for _ in failed[:3] if rng.random() < 0.2)
        satisfaction = round(rng.uniform(20, 100), 4) if rng.random() < 0.8 else None
        grade = (
            "A"
            if compliance >= 90
            else "B"
            if compliance >= 75
            else "C"
            if compliance >= 50
            else "D"
        )
        row_key = inspection_id.encode()
        row = {
            "id": inspection_id, "canonical_sha256": hashlib.sha256(row_key).hexdigest(),
            "source": "sync", "device_id": None, "signer_fingerprint": inspector[1],
            "signer_key_sha256": inspector[1], "signer_issued": True,
            "inspector_name": inspector[0], "office_code": office["code"], "office_type": kind,
            "county": office["county"], "visit_date": day, "form_id": form_id,
            "form_version": 1 if day < VERSION_2_FROM else 2, "compliance": compliance,
            "grade": grade, "critical_failures": critical, "satisfaction": satisfaction,
            "replaces": replaces, "pdf_sha256": "0" * 64,
            "canonical_json": f'{{"id":"{inspection_id}",{body}}}',
            "received_at": f"{day}T{rng.randrange(6, 20):02d}:{rng.randrange(60):02d}:00Z",
        }  # fmt: skip
        recent = [*recent[-999:], row]
        yield "inspections", row, failed
        state = rng.choices([None, "reviewed", "accepted", "returned"], [0.5, 0.2, 0.25, 0.05])[0]
        if state:
            review = {"inspection_id": inspection_id, "state": state, "comment": "",
                      "by": "supervisor", "at": row["received_at"]}  # fmt: skip
            yield "review", review, []


BUILT_AT = "0002"


def build(engine: Engine, count: int, seed: int = 14) -> None:
    """Make an empty server database at revision BUILT_AT and fill it with `count`
    inspections and the registry."""
    with engine.begin() as conn:
        config = Config()
        config.set_main_option("script_location", str(schema.MIGRATIONS))
        config.attributes["connection"] = conn
        command.upgrade(config, BUILT_AT)
    rng = random.Random(seed)
    registry = {"format": publish.REGISTRY_FORMAT, "version": "bench", "offices": _offices(rng)}
    publish.put_registry(engine, canonical_json(registry))
    batches: dict[Table, list[dict[str, Any]]] = {
        inspections_t: [], failed_answers_t: [], review_states_t: [], review_events_t: []
    }  # fmt: skip
    with engine.begin() as conn:
        write = _copy_writer(conn) if engine.dialect.name == "postgresql" else None
        for kind, row, failed in _rows(count, seed):
            if kind == "inspections":
                batches[inspections_t].append(row)
                batches[failed_answers_t] += [
                    {"inspection_id": row["id"], "item_id": i, "item_text": t} for i, t in failed
                ]
            else:
                batches[review_states_t].append(row)
                batches[review_events_t].append(row)
            if len(batches[inspections_t]) >= BATCH:
                _flush(conn, batches, write)
        _flush(conn, batches, write)


def _flush(conn: Any, batches: dict[Table, list[dict[str, Any]]], write: Any) -> None:
    for table, rows in batches.items():  # inspections first: the others refer to them
        if rows:
            if write is not None:
                write(table, rows)
            else:
                conn.execute(_as_built(table, rows[0]), rows)
            rows.clear()


def _as_built(table: Table, row: dict[str, Any]) -> Insert:
    """An INSERT of the row's own columns only: the tables are at BUILT_AT, and the columns
    later revisions add (with the defaults the current Table gives them) are not there yet."""
    return insert(table_clause(table.name, *(column(name) for name in row)))


def _copy_writer(conn: Any) -> Any:
    """COPY ... FROM STDIN on the connection's own psycopg connection (same transaction)."""
    raw = conn.connection.driver_connection

    def write(table: Table, rows: list[dict[str, Any]]) -> None:
        columns = [c.name for c in table.columns if c.name in rows[0]]
        quoted = ", ".join(f'"{c}"' for c in columns)
        with (
            raw.cursor() as cursor,
            cursor.copy(f"COPY {table.name} ({quoted}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row([row[c] for c in columns])

    return write
