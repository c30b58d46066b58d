"""Someone who holds the database file attacks a finalized inspection with plain `sqlite3`.

Each attempt is either refused by the triggers (sqlite3.IntegrityError with the trigger's
message) or, done with the triggers lifted (dropped, the change made, put back as they were),
found by `inspector-app audit verify` (exit 1, the inspection named) and, where it can be seen
without reading photo bytes, by the check at app start (`AppContext.integrity_problems`).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from inspector_app import paths
from inspector_app.domain.canonical import canonical_json, sha256_hex
from inspector_app.services import finalize, inspection_document
from inspector_app.services.context import open_context
from inspector_app.services.signing import identity as identity_service
from inspector_app.storage import lifecycle
from tests.helpers.cli import run_cli
from tests.helpers.signing import PASSPHRASE, make_filled_draft, sign_both


@dataclass(frozen=True)
class Ids:
    finalized: str
    synced: str
    draft: str  # a draft with photos and findings of its own


IDS: dict[str, Ids] = {}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data folder with a finalized, a synced and a draft inspection, made once."""
    folder = tmp_path_factory.mktemp("tamper") / "data"
    folder.mkdir()
    context = open_context(folder)
    try:
        stored = identity_service.store(
            context.db, identity_service.create_self_signed("مریم احمدی", "۱۲۳۴۵", PASSPHRASE)
        )
        made = []
        for seed in (7, 9):
            inspection_id = make_filled_draft(context, seed=seed)
            sign_both(context, inspection_id)
            finalize.finalize(context.db, inspection_id, stored, PASSPHRASE)
            made.append(inspection_id)
        lifecycle.mark_synced(
            context.db, made[1], server="https://example.test", outcome="stored", sha256="x"
        )
        IDS["ids"] = Ids(made[0], made[1], make_filled_draft(context, seed=8))
    finally:
        context.close()
    return folder


@pytest.fixture
def data_dir(template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(template, folder)
    return folder


@pytest.fixture
def ids(template: Path) -> Ids:
    return IDS["ids"]


@pytest.fixture
def raw(data_dir: Path) -> Iterator[sqlite3.Connection]:
    """The attacker's connection: plain sqlite3, autocommit, foreign keys off (the default)."""
    conn = sqlite3.connect(paths.database_path(data_dir), isolation_level=None)
    yield conn
    conn.close()


def one(conn: sqlite3.Connection, sql: str, *params: object) -> object:
    row = conn.execute(sql, params).fetchone()
    assert row is not None, sql
    return row[0]


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def copy_row(
    conn: sqlite3.Connection, verb: str, table: str, where: str, params: list[object], **set_: str
) -> None:
    """`verb INTO table` a copy of the rows matched, with some columns set to SQL expressions."""
    cols = columns(conn, table)
    values = ", ".join(set_.get(c, c) for c in cols)
    conn.execute(
        f"{verb} INTO {table} ({', '.join(cols)}) SELECT {values} FROM {table} WHERE {where}",
        params,
    )


def back_to_draft(conn: sqlite3.Connection, inspection_id: str) -> None:
    copy_row(
        conn, "INSERT OR REPLACE", "inspections", "id = ?", [inspection_id],
        status="'draft'", canonical_sha256="NULL", finalized_at="NULL", synced_at="NULL",
    )  # fmt: skip


def no_to_yes(conn: sqlite3.Connection, inspection_id: str) -> None:
    assert one(conn, "SELECT count(*) FROM answers WHERE inspection_id = ? AND value = '\"no\"'",
               inspection_id)  # fmt: skip
    conn.execute(
        "UPDATE answers SET value = '\"yes\"' WHERE inspection_id = ? AND value = '\"no\"'",
        [inspection_id],
    )


def first_id(conn: sqlite3.Connection, table: str, inspection_id: str) -> str:
    return str(one(conn, f"SELECT id FROM {table} WHERE inspection_id = ? LIMIT 1", inspection_id))


Attack = Callable[[sqlite3.Connection, Ids], None]


def _recursive_replace(conn: sqlite3.Connection, ids: Ids) -> None:
    conn.execute("PRAGMA recursive_triggers = ON")
    back_to_draft(conn, ids.finalized)


def _recursive_replace_off(conn: sqlite3.Connection, ids: Ids) -> None:
    conn.execute("PRAGMA recursive_triggers = OFF")
    back_to_draft(conn, ids.finalized)


def _replace_then_flip(conn: sqlite3.Connection, ids: Ids) -> None:
    back_to_draft(conn, ids.finalized)
    no_to_yes(conn, ids.finalized)


REFUSED: dict[str, tuple[Attack, str]] = {
    "INSERT OR REPLACE the finalized row back to draft, then «no» to «yes»": (
        _replace_then_flip, "finalized and cannot change"),
    "the same with PRAGMA recursive_triggers = ON": (
        _recursive_replace, "finalized and cannot"),
    "the same with PRAGMA recursive_triggers = OFF": (
        _recursive_replace_off, "finalized and cannot change"),
    "INSERT OR REPLACE the synced row back to draft": (
        lambda c, i: back_to_draft(c, i.synced), "finalized and cannot change"),
    "UPDATE OR REPLACE a draft's id onto the finalized one": (
        lambda c, i: c.execute("UPDATE OR REPLACE inspections SET id = ? WHERE id = ?",
                               [i.finalized, i.draft]), "finalized and cannot change"),
    "INSERT a forged inspection as finalized": (
        lambda c, i: copy_row(c, "INSERT", "inspections", "id = ?", [i.finalized],
                              id="'forged'"), "finalized only by finalizing"),
    "REPLACE an answer «no» with «yes»": (
        lambda c, i: copy_row(c, "INSERT OR REPLACE", "answers",
                              "inspection_id = ? AND value = '\"no\"'", [i.finalized],
                              value="'\"yes\"'"), "finalized and cannot change"),
    "REPLACE a photo in place (another caption)": (
        lambda c, i: copy_row(c, "INSERT OR REPLACE", "photos", "inspection_id = ?",
                              [i.finalized], caption="'x'"), "finalized and cannot change"),
    "REPLACE a photo into a draft (takes it out of the finalized one)": (
        lambda c, i: copy_row(c, "INSERT OR REPLACE", "photos", "id = ?",
                              [first_id(c, "photos", i.finalized)], inspection_id=f"'{i.draft}'"),
        "finalized and cannot change"),
    "UPDATE OR REPLACE a draft's photo onto a finalized photo's id": (
        lambda c, i: c.execute("UPDATE OR REPLACE photos SET id = ? WHERE id = ?",
                               [first_id(c, "photos", i.finalized),
                                first_id(c, "photos", i.draft)]),
        "finalized and cannot change"),
    "REPLACE a finding into a draft": (
        lambda c, i: copy_row(c, "INSERT OR REPLACE", "findings", "id = ?",
                              [first_id(c, "findings", i.finalized)],
                              inspection_id=f"'{i.draft}'"), "finalized and cannot change"),
    "UPDATE OR REPLACE a draft's finding onto a finalized finding's id": (
        lambda c, i: c.execute("UPDATE OR REPLACE findings SET id = ? WHERE id = ?",
                               [first_id(c, "findings", i.finalized),
                                first_id(c, "findings", i.draft)]), "finalized and cannot change"),
    "REPLACE the representative's signature with a refusal": (
        lambda c, i: copy_row(c, "INSERT OR REPLACE", "signatures",
                              "inspection_id = ? AND role = 'representative'", [i.finalized],
                              png="NULL", declined_reason="'x'"), "finalized and cannot change"),
    "REPLACE the stored document with another hash": (
        lambda c, i: copy_row(c, "INSERT OR REPLACE", "inspection_documents",
                              "inspection_id = ?", [i.finalized],
                              canonical_sha256=f"'{'0' * 64}'"), "finalized and cannot change"),
    "UPDATE its form snapshot": (
        lambda c, i: c.execute("UPDATE form_snapshots SET document = '{}'"),
        "a form snapshot never changes"),
    "REPLACE its form snapshot with other content": (
        lambda c, i: copy_row(c, "INSERT OR REPLACE", "form_snapshots", "1", [],
                              document="document || ' '"), "a form snapshot never changes"),
    "DELETE its form snapshot": (
        lambda c, i: c.execute("DELETE FROM form_snapshots"), "needs this form snapshot"),
    "DELETE its office": (
        lambda c, i: c.execute(
            "DELETE FROM offices WHERE code = (SELECT office_code FROM inspections WHERE id = ?)",
            [i.finalized]), "needs this office"),
    "UPDATE its office's code": (
        lambda c, i: c.execute(
            "UPDATE offices SET code = 'gone' "
            "WHERE code = (SELECT office_code FROM inspections WHERE id = ?)", [i.finalized]),
        "needs this office"),
    "DELETE its outbox row": (
        lambda c, i: c.execute("DELETE FROM outbox WHERE inspection_id = ?", [i.finalized]),
        "needs its outbox entry"),
    "DELETE the synced one's outbox row": (
        lambda c, i: c.execute("DELETE FROM outbox WHERE inspection_id = ?", [i.synced]),
        "needs its outbox entry"),
    "REPLACE its outbox row as done": (
        lambda c, i: copy_row(c, "INSERT OR REPLACE", "outbox", "inspection_id = ?",
                              [i.finalized], state="'done'"), "needs its outbox entry"),
    "UPDATE its outbox row to done (never sent)": (
        lambda c, i: c.execute("UPDATE outbox SET state = 'done' WHERE inspection_id = ?",
                               [i.finalized]), "stays in the outbox until it is synced"),
    "UPDATE its outbox row onto another inspection": (
        lambda c, i: c.execute("UPDATE outbox SET inspection_id = ? WHERE inspection_id = ?",
                               [i.draft, i.finalized]), "needs its outbox entry"),
    "REPLACE its finalize audit entry (rewriting the chain)": (
        lambda c, i: copy_row(c, "INSERT OR REPLACE", "audit_log",
                              "action = 'finalize' AND inspection_id = ?", [i.finalized],
                              detail="'{}'"), "append-only"),
}  # fmt: skip


@pytest.mark.parametrize("attempt", list(REFUSED))
def test_attack_is_refused(raw: sqlite3.Connection, ids: Ids, attempt: str) -> None:
    attack, message = REFUSED[attempt]
    with pytest.raises(sqlite3.IntegrityError, match=message):
        attack(raw, ids)
    assert one(raw, "SELECT status FROM inspections WHERE id = ?", ids.finalized) == "finalized"


@contextmanager
def guards_lifted(conn: sqlite3.Connection) -> Iterator[None]:
    """Drop every trigger, and put them back exactly as they were afterwards (so the start-up
    check cannot tell from the triggers alone)."""
    saved = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _ in saved:
        conn.execute(f"DROP TRIGGER {name}")
    yield
    for _, sql in saved:
        conn.execute(sql)


def audit_problems(data_dir: Path) -> list[dict[str, str]]:
    ran = run_cli("audit", "verify", "--json", "--data-dir", str(data_dir))
    report = json.loads(ran.stdout)
    assert (ran.returncode == 0) is report["ok"], ran
    return list(report["problems"])


def start_problems(data_dir: Path) -> list[dict[str, str | None]]:
    context = open_context(data_dir)
    try:
        return [p.as_dict() for p in context.integrity_problems]
    finally:
        context.close()


def _rehash_consistently(conn: sqlite3.Connection, ids: Ids, data_dir: Path) -> None:
    """Flip answers and rewrite the stored document and hashes to match: only the signed PDF
    and the audit log still know the old content."""
    no_to_yes(conn, ids.finalized)
    context = open_context(data_dir)
    try:
        data = canonical_json(inspection_document.canonical_document(context.db, ids.finalized))
    finally:
        context.close()
    digest = sha256_hex(data)
    conn.execute(
        "UPDATE inspection_documents SET canonical_json = ?, canonical_sha256 = ? "
        "WHERE inspection_id = ?",
        [data.decode("utf-8"), digest, ids.finalized],
    )
    conn.execute(
        "UPDATE inspections SET canonical_sha256 = ? WHERE id = ?", [digest, ids.finalized]
    )


def _delete_office(conn: sqlite3.Connection, ids: Ids, data_dir: Path) -> None:
    conn.execute(
        "DELETE FROM offices WHERE code = (SELECT office_code FROM inspections WHERE id = ?)",
        [ids.finalized],
    )


def _uncritical_form(conn: sqlite3.Connection, ids: Ids, data_dir: Path) -> None:
    critical = "'%\"critical\": true%'"
    assert one(conn, f"SELECT count(*) FROM form_snapshots WHERE document LIKE {critical}")
    conn.execute(
        "UPDATE form_snapshots SET document = "
        "replace(document, '\"critical\": true', '\"critical\": false')"
    )


Tamper = Callable[[sqlite3.Connection, Ids, Path], None]

# attempt -> (the change, the problem kind named for the finalized inspection, seen at start)
DETECTED: dict[str, tuple[Tamper, str, bool]] = {
    "REPLACE back to draft, «no» to «yes»": (
        lambda c, i, d: (back_to_draft(c, i.finalized), no_to_yes(c, i.finalized)),
        "back_to_draft", True),
    "«no» to «yes» in place": (
        lambda c, i, d: no_to_yes(c, i.finalized), "document_differs", False),
    "photo bytes changed": (
        lambda c, i, d: c.execute("UPDATE photos SET jpeg = x'00' WHERE inspection_id = ?",
                                  [i.finalized]), "document_differs", False),
    "representative's name changed on the row": (
        lambda c, i, d: c.execute("UPDATE inspections SET rep_name = 'x' WHERE id = ?",
                                  [i.finalized]), "header_differs", True),
    "answers flipped, stored document and hashes rewritten to match": (
        _rehash_consistently, "finalize_entry_hash", True),
    "the same, seen in the signed PDF": (_rehash_consistently, "pdf_hash", False),
    "signed PDF swapped for another inspection's": (
        lambda c, i, d: c.execute(
            "UPDATE inspection_documents SET signed_pdf = (SELECT signed_pdf FROM "
            "inspection_documents WHERE inspection_id = ?) WHERE inspection_id = ?",
            [i.synced, i.finalized]), "pdf_id", False),
    "signed PDF swapped, seen in the audit log": (
        lambda c, i, d: c.execute(
            "UPDATE inspection_documents SET signed_pdf = (SELECT signed_pdf FROM "
            "inspection_documents WHERE inspection_id = ?) WHERE inspection_id = ?",
            [i.synced, i.finalized]), "finalize_entry_pdf", True),
    "form snapshot edited (its critical items made ordinary)": (
        _uncritical_form, "form_snapshot_changed", True),
    "form snapshot edited, seen in the rebuilt document": (
        _uncritical_form, "document_differs", False),
    "form snapshot deleted": (
        lambda c, i, d: c.execute("DELETE FROM form_snapshots"), "form_snapshot_missing", True),
    "office deleted": (_delete_office, "office_missing", True),
    "outbox row deleted": (
        lambda c, i, d: c.execute("DELETE FROM outbox WHERE inspection_id = ?", [i.finalized]),
        "outbox_missing", True),
    "outbox row closed though never sent": (
        lambda c, i, d: c.execute("UPDATE outbox SET state = 'done' WHERE inspection_id = ?",
                                  [i.finalized]), "outbox_done", True),
    "the finalized inspection deleted": (
        lambda c, i, d: c.execute("DELETE FROM inspections WHERE id = ?", [i.finalized]),
        "finalized_gone", True),
}  # fmt: skip


@pytest.mark.parametrize("attempt", list(DETECTED))
def test_attack_with_triggers_lifted_is_detected(
    raw: sqlite3.Connection, ids: Ids, data_dir: Path, attempt: str
) -> None:
    tamper, kind, at_start = DETECTED[attempt]
    with guards_lifted(raw):
        tamper(raw, ids, data_dir)
    named = {(p["inspection_id"], p["kind"]) for p in audit_problems(data_dir)}
    assert (ids.finalized, kind) in named, named
    assert ((ids.finalized, kind) in {
        (p["inspection_id"], p["kind"]) for p in start_problems(data_dir)}) is at_start  # fmt: skip
    # The triggers are back as they were, so only rows are blamed, and never the draft (the
    # synced inspection shares the form snapshot and office, so it may be named with them).
    assert {i for i, _ in named} <= {ids.finalized, ids.synced}


def test_refinalizing_an_edited_record_is_detected(
    raw: sqlite3.Connection, ids: Ids, data_dir: Path
) -> None:
    """Put back to draft, answers changed, finalized again with the inspector's own key: the
    new record is self-consistent, but the audit log's first finalize names another hash."""
    with guards_lifted(raw):
        back_to_draft(raw, ids.finalized)
        for table in ("inspection_documents", "outbox"):
            raw.execute(f"DELETE FROM {table} WHERE inspection_id = ?", [ids.finalized])
        no_to_yes(raw, ids.finalized)
    context = open_context(data_dir)
    try:
        stored = identity_service.active_identity(context.db)
        finalize.finalize(context.db, ids.finalized, stored, PASSPHRASE)
    finally:
        context.close()
    problems = audit_problems(data_dir)
    assert {(p["inspection_id"], p["kind"]) for p in problems} == {
        (ids.finalized, "finalize_entry_hash"),
        (ids.finalized, "finalize_entry_pdf"),
    }
    assert start_problems(data_dir) == problems


def test_dropped_triggers_are_reported_at_start(raw: sqlite3.Connection, data_dir: Path) -> None:
    raw.execute("DROP TRIGGER inspections_locked_replace")
    raw.execute("DROP TRIGGER answers_locked_update")
    raw.execute("CREATE TRIGGER answers_locked_update BEFORE UPDATE ON answers BEGIN SELECT 1; END")
    problems = {(p["kind"], p["detail"]) for p in start_problems(data_dir)}
    missing = "the guard trigger inspections_locked_replace is missing"
    assert ("missing_trigger", missing) in problems
    assert ("changed_trigger", "the guard trigger answers_locked_update was changed") in problems
    ran = run_cli("audit", "verify", "--data-dir", str(data_dir))
    assert ran.returncode == 1 and "inspections_locked_replace is missing" in ran.stderr


def test_untouched_finalized_and_synced_pass(data_dir: Path, ids: Ids) -> None:
    ran = run_cli("audit", "verify", "--json", "--data-dir", str(data_dir), ok=True)
    report = json.loads(ran.stdout)
    assert report["ok"] and report["problems"] == [] and report["inspections_checked"] == 2
    assert start_problems(data_dir) == []
    ran = run_cli("audit", "verify", "--data-dir", str(data_dir), ok=True)
    assert "2 بازرسی" in ran.stdout


def test_the_one_allowed_change_still_works(data_dir: Path, ids: Ids) -> None:
    """finalized → synced, its outbox entry done: allowed, and it still checks out."""
    context = open_context(data_dir)
    try:
        lifecycle.mark_synced(
            context.db, ids.finalized, server="https://example.test", outcome="stored", sha256="x"
        )
        row = context.db.execute(
            "SELECT i.status, o.state FROM inspections i JOIN outbox o ON o.inspection_id = i.id "
            "WHERE i.id = ?",
            [ids.finalized],
        ).fetchone()
    finally:
        context.close()
    assert tuple(row) == ("synced", "done")
    assert audit_problems(data_dir) == []
