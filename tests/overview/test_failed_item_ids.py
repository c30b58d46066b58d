"""The failed item ids each inspection's row keeps for the most-failed items: they follow the
answers, freeze with the inspection, are filled in for a database from before them, and a
rewrite by hand (triggers dropped) is found by the full check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from inspector_app import paths
from inspector_app.services import integrity
from inspector_app.services.context import AppContext, open_context
from inspector_app.storage import drafts, inspections, offices
from inspector_app.storage.migrations import SCHEMA_VERSION, _locked_update_sql
from tests.overview import dataset


def _kept(ctx: AppContext, iid: str) -> list[str]:
    row = ctx.db.execute("SELECT failed_item_ids FROM inspections WHERE id = ?", [iid]).fetchone()
    return sorted(str(row[0]).split())


def test_they_follow_the_answers(fixed: AppContext) -> None:
    office = offices.get(fixed.db, "BU-P1")
    assert office is not None
    iid = inspections.create(
        fixed.db, office=office, form_document=dataset.FORM, visit_date="2024-06-01"
    )
    assert _kept(fixed, iid) == []
    drafts.set_answer(fixed.db, iid, "a", "no")
    drafts.set_answer(fixed.db, iid, "b", "no")
    assert _kept(fixed, iid) == ["a", "b"]
    drafts.set_answer(fixed.db, iid, "a", "yes")
    drafts.set_answer(fixed.db, iid, "b", None)
    drafts.set_answer(fixed.db, iid, "c", "no")
    assert _kept(fixed, iid) == ["c"]
    # The dataset's ones, answered the same way: #3 failed b and c, #4 a and b.
    assert _kept(fixed, "insp-3") == ["b", "c"] and _kept(fixed, "insp-4") == ["a", "b"]


def test_they_freeze_with_the_inspection(fixed: AppContext) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="finalized"):
        fixed.db.execute("UPDATE inspections SET failed_item_ids = '' WHERE id = 'insp-3'")
    # Nor can they change on the way to synced.
    with pytest.raises(sqlite3.IntegrityError, match="finalized"):
        fixed.db.execute(
            "UPDATE inspections SET status = 'synced', failed_item_ids = '' WHERE id = 'insp-3'"
        )
    fixed.db.conn.rollback()
    assert _kept(fixed, "insp-3") == ["b", "c"]


def test_a_rewrite_by_hand_is_found_by_the_full_check(fixed: AppContext) -> None:
    """Someone with the file drops the lock, hides a failure from the figures and puts the lock
    back exactly as it was: the start's quick check cannot see it, the full check can."""
    db = fixed.db
    trigger = db.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'inspections_locked_update'"
    ).fetchone()[0]
    with db.conn:
        db.execute("DROP TRIGGER inspections_locked_update")
        db.execute("UPDATE inspections SET failed_item_ids = 'b' WHERE id = 'insp-3'")
        db.execute(trigger)
    assert not [p for p in integrity.quick_check(db) if p.kind == "failed_items_differ"]
    _, problems = integrity.full_check(db)
    assert [(p.inspection_id, p.kind) for p in problems if p.kind == "failed_items_differ"] == [
        ("insp-3", "failed_items_differ")
    ]


def test_a_database_from_before_them_gets_them(data_dir: Path) -> None:
    ctx = open_context(data_dir, seed_demo=False)
    dataset.build(ctx.db)
    ctx.close()
    # Back to the schema before migration 0010: no column, the overview index and the lock
    # as they were, the step not recorded.
    conn = sqlite3.connect(paths.database_path(data_dir))
    with conn:
        conn.execute("DROP TRIGGER inspections_locked_update")
        conn.execute("DROP INDEX inspections_overview")
        conn.execute("ALTER TABLE inspections DROP COLUMN failed_item_ids")
        conn.execute(
            "CREATE INDEX inspections_overview ON inspections (status, visit_date, office_code, "
            "score, satisfaction, critical_failed, form_id, form_version, id)"
        )
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0010_failed_item_ids'")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.close()
    old = Database(paths.database_path(data_dir))
    with old.conn:
        old.execute(_locked_update_sql(old))
    old.close()

    ctx = open_context(data_dir, seed_demo=False)
    try:
        # Filled in for the finalized and synced ones as for the draft, and locked again.
        assert _kept(ctx, "insp-2") == ["a"] and _kept(ctx, "insp-3") == ["b", "c"]
        assert _kept(ctx, "insp-5") == ["a", "b", "c"]
        # The choice option «no» is kept too; counting leaves out what is not a yes/no item.
        assert _kept(ctx, "insp-1") == ["kind"]
        # The lock is as a new database has it (the dataset's rows, finalized by hand, have
        # no documents: those problems are not this test's).
        assert not [p for p in integrity.quick_check(ctx.db) if p.inspection_id is None]
        with pytest.raises(sqlite3.IntegrityError, match="finalized"):
            ctx.db.execute("UPDATE inspections SET failed_item_ids = '' WHERE id = 'insp-3'")
        ctx.db.conn.rollback()
        plan = ctx.db.execute(
            "EXPLAIN QUERY PLAN SELECT form_id, form_version, id, failed_item_ids "
            "FROM inspections WHERE status = 'finalized'"
        ).fetchall()
        assert "COVERING INDEX inspections_overview" in str(plan)
    finally:
        ctx.close()
