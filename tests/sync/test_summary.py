"""The province summary on the server: all inspectors' data aggregated in SQL (SQLite and
PostgreSQL), through `/v1/summary` and `inspector-server summary`."""

from __future__ import annotations

import json
import random
import subprocess
import unicodedata
from pathlib import Path

import httpx
import pytest

from inspector_app.figures.aggregates import compute_overview
from inspector_app.figures.queries import sqlite_runner
from inspector_app.services import finalize
from inspector_app.services.context import AppContext
from inspector_app.services.signing import identity as identity_service
from inspector_app.services.sync import config, runner
from inspector_app.storage import contents, inspections
from tests.helpers.server import LaptopTemplates, ServerProcess, make_server
from tests.sync.factory import PASSPHRASE, make_draft, make_laptop, quick_render

REPO = Path(__file__).resolve().parents[2]


def test_summary_counts_what_the_laptops_sent(
    templates: LaptopTemplates,
    server_factory: list[ServerProcess],
    fresh_db: str | None,
    tmp_path: Path,
) -> None:
    server = make_server(server_factory, tmp_path, fresh_db)
    server.start()
    server.admin("publish", "--registry", str(REPO / "resources/data/offices_demo.json"))
    ctx, ids = templates.clone("summary", 3, tmp_path / "laptop")
    assert isinstance(ctx, AppContext)
    runner.enrol(ctx, server.url, server.enrol_code(), PASSPHRASE, allow_insecure_http=True)
    assert runner.run_sync(ctx).ok
    rows = [inspections.get(ctx.db, i) for i in ids]
    by_county: dict[str, list[float]] = {}
    for row in rows:
        by_county.setdefault(row["office"]["county"], []).append(row["score"])
    failed: dict[str, int] = {}
    for inspection_id in ids:
        form = inspections.form_of(ctx.db, inspection_id)
        answers = contents.answers_of(ctx.db, inspection_id)
        for item in form.checklist_items():
            if item.type == "yesno" and answers.get((item.id, 0)) == "no":
                failed[item.id] = failed.get(item.id, 0) + 1
    token = config.load(ctx.db).token
    ctx.close()

    # A laptop's token reads nothing province-wide; the governorate reads it on the server.
    refused = httpx.get(f"{server.url}/v1/summary", headers={"Authorization": f"Bearer {token}"})
    assert refused.status_code == 403, refused.text
    assert httpx.get(f"{server.url}/v1/summary").status_code == 401
    printed = json.loads(server.admin("summary", "--json"))
    overview = printed["overview"]
    assert overview["inspections"] == 3
    got = {row["key"]: row for row in overview["by_county"]}
    for county, scores in by_county.items():
        assert got[county]["inspections"] == len(scores)
        # the server holds the canonical score, rounded to 4 decimals
        assert abs(got[county]["mean_score"] - sum(scores) / len(scores)) < 1e-3
    # items answered «no», counted in SQL from what ingest recorded
    assert failed, "the template inspections have failed items"
    top = {row["item_id"]: row["failed"] for row in overview["failed_items"]}
    assert top and all(failed[item] == count for item, count in top.items())
    assert max(top.values()) == max(failed.values())
    # coverage comes from the registry the server publishes
    assert printed["coverage"]

    # The Persian PDF.
    pdf = tmp_path / "summary.pdf"
    server.admin("summary", "-o", str(pdf))
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "استانداری بوشهر" in unicodedata.normalize("NFKC", text)  # presentation forms

    # A filter that leaves nothing, and a bad date.
    empty = json.loads(
        server.admin("summary", "--json", "--from", "1390-01-01", "--to", "1390-12-29")
    )
    assert empty["overview"]["inspections"] == 0
    with pytest.raises(RuntimeError, match="failed"):
        server.admin("summary", "--from", "1403-13-45")


def test_failed_items_are_per_form_and_match_the_laptop(
    server_factory: list[ServerProcess], fresh_db: str | None, tmp_path: Path
) -> None:
    """The pishkhan and police +10 forms share item ids: an item failed in both is two
    figures, each out of its own form's inspections, as the laptop shows them."""
    server = make_server(server_factory, tmp_path, fresh_db)
    server.start()
    ctx = make_laptop(tmp_path / "laptop")
    rng = random.Random(14)
    stored = identity_service.active_identity(ctx.db)
    for code in ("PK-BSH-001", "PK-BSH-002", "PL-BSH-001", "PL-BSH-002"):
        inspection_id = make_draft(ctx, rng, code, full=False)
        finalize.finalize(ctx.db, inspection_id, stored, PASSPHRASE, render=quick_render)
    runner.enrol(ctx, server.url, server.enrol_code(), PASSPHRASE, allow_insecure_http=True)
    assert runner.run_sync(ctx).ok
    laptop = compute_overview(sqlite_runner(ctx.db)).to_dict()["failed_items"]
    ctx.close()

    served = json.loads(server.admin("summary", "--json"))["overview"]["failed_items"]
    forms_of: dict[str, set[str]] = {}
    for row in served:
        forms_of.setdefault(row["item_id"], set()).add(row["form_id"])
    assert {"pishkhan-charter", "police10-charter"} <= {r["form_id"] for r in served}
    assert any(len(forms) == 2 for forms in forms_of.values()), "an id failed in both forms"
    assert all(0 < row["failed"] <= row["out_of"] == 2 for row in served)
    assert all(row["share"] <= 100 for row in served)
    assert served == laptop
