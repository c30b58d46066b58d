"""The audit log cut short or rewritten, with plain `sqlite3`, by whoever holds the data folder.

Each finalized inspection's signed document holds the log's head when it was finalized
(`audit_anchor`): `inspector-app audit verify` and the check at app start must find any cut
or rewrite up to the last one, name it in Persian and say from which entry. What lies after
the last finalize is the server's to catch (tests/sync/test_audit_anchor.py).
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
from inspector_app.domain.canonical import canonical_json, canonical_sha256, sha256_hex
from inspector_app.domain.inspection_document import InspectionDocument
from inspector_app.services import finalize
from inspector_app.services.context import open_context
from inspector_app.services.signing import identity as identity_service
from inspector_app.storage import audit, drafts, inspections, lifecycle
from tests.helpers.cli import run_cli
from tests.helpers.signing import PASSPHRASE, make_filled_draft, sign_both
from tests.sync.factory import quick_render

GENESIS = "0" * 64


@dataclass(frozen=True)
class Log:
    first: str  # finalized
    second: str  # finalized later, then synced
    draft: str  # edited after the last finalize
    first_anchor: int  # the seq each signed document anchors
    second_anchor: int
    second_finalize: int  # the seq of the second one's finalize entry
    last: int  # the log's last entry


LOGS: dict[str, Log] = {}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("anchor") / "data"
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
            finalize.finalize(context.db, inspection_id, stored, PASSPHRASE, render=quick_render)
            made.append(inspection_id)
        lifecycle.mark_synced(
            context.db, made[1], server="https://example.test", outcome="stored", sha256="x"
        )
        draft = make_filled_draft(context, seed=8)  # entries after the last finalize
    finally:
        context.close()
    conn = sqlite3.connect(paths.database_path(folder))
    try:
        finalizes = [
            int(str(one(conn, "SELECT seq FROM audit_log WHERE action = 'finalize' "
                              "AND inspection_id = ?", i)))
            for i in made
        ]  # fmt: skip
        last = int(str(one(conn, "SELECT max(seq) FROM audit_log")))
    finally:
        conn.close()
    # The entry before each finalize is the head its document was hashed with.
    LOGS["log"] = Log(made[0], made[1], draft, finalizes[0] - 1, finalizes[1] - 1, finalizes[1],
                      last)  # fmt: skip
    return folder


@pytest.fixture
def data_dir(template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(template, folder)
    return folder


@pytest.fixture
def log(template: Path) -> Log:
    return LOGS["log"]


@pytest.fixture
def raw(data_dir: Path) -> Iterator[sqlite3.Connection]:
    """The attacker's connection: plain sqlite3, autocommit."""
    conn = sqlite3.connect(paths.database_path(data_dir), isolation_level=None)
    yield conn
    conn.close()


def one(conn: sqlite3.Connection, sql: str, *params: object) -> object:
    row = conn.execute(sql, params).fetchone()
    assert row is not None, sql
    return row[0]


def anchor_of(conn: sqlite3.Connection, inspection_id: str) -> dict[str, object]:
    text = one(conn, "SELECT canonical_json FROM inspection_documents WHERE inspection_id = ?",
               inspection_id)  # fmt: skip
    anchor = json.loads(str(text))["audit_anchor"]
    assert isinstance(anchor, dict)
    return anchor


@contextmanager
def guards_lifted(conn: sqlite3.Connection) -> Iterator[None]:
    """Drop every trigger, and put them back exactly as they were afterwards."""
    saved = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _ in saved:
        conn.execute(f"DROP TRIGGER {name}")
    yield
    for _, sql in saved:
        conn.execute(sql)


def entry_hash(prev: str, at: str, action: str, inspection_id: str | None, detail: str) -> str:
    """The chain's hash, as anyone reading the source can compute it."""
    return canonical_sha256(
        {"prev": prev, "at": at, "action": action, "inspection": inspection_id, "detail": detail}
    )


def rewrite_from(conn: sqlite3.Connection, seq: int, detail: str | None) -> None:
    """Give entry `seq` another detail (None: keep it) and recompute every hash from it on,
    each entry put back with INSERT OR REPLACE: the chain is consistent again to its end."""
    before = conn.execute(
        "SELECT hash FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT 1", [seq]
    ).fetchone()
    prev = str(before[0]) if before else GENESIS
    rows = conn.execute(
        "SELECT seq, at, action, inspection_id, detail FROM audit_log WHERE seq >= ? ORDER BY seq",
        [seq],
    ).fetchall()
    for number, at, action, inspection_id, old in rows:
        text = detail if number == seq and detail is not None else old
        digest = entry_hash(prev, at, action, inspection_id, text)
        conn.execute(
            "INSERT OR REPLACE INTO audit_log (seq, at, action, inspection_id, detail, prev_hash, "
            "hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [number, at, action, inspection_id, text, prev, digest],
        )
        prev = digest


def verify(data_dir: Path) -> dict[str, object]:
    ran = run_cli("audit", "verify", "--json", "--data-dir", str(data_dir))
    report = json.loads(ran.stdout)
    assert (ran.returncode == 0) is report["ok"], ran
    return dict(report)


def problems(report: dict[str, object]) -> dict[str, dict[str, str]]:
    listed = report["problems"]
    assert isinstance(listed, list)
    return {p["kind"]: p for p in listed}


def start_problems(data_dir: Path) -> dict[str, dict[str, str | None]]:
    context = open_context(data_dir)
    try:
        return {p.kind: p.as_dict() for p in context.integrity_problems}
    finally:
        context.close()


def test_the_signed_document_anchors_the_entry_before_its_finalize(
    raw: sqlite3.Connection, log: Log, data_dir: Path
) -> None:
    assert log.first_anchor < log.second_anchor < log.last
    for inspection_id, seq in ((log.first, log.first_anchor), (log.second, log.second_anchor)):
        anchor = anchor_of(raw, inspection_id)
        assert anchor == {
            "seq": seq,
            "hash": one(raw, "SELECT hash FROM audit_log WHERE seq = ?", seq),
        }
        # The anchor is inside the hash that is stored, signed and printed.
        text = str(one(raw, "SELECT canonical_json FROM inspection_documents "
                            "WHERE inspection_id = ?", inspection_id))  # fmt: skip
        assert sha256_hex(text.encode()) == one(
            raw, "SELECT canonical_sha256 FROM inspections WHERE id = ?", inspection_id
        )
    report = verify(data_dir)
    assert report["ok"] and report["problems"] == [], report
    assert start_problems(data_dir) == {}


def test_a_document_without_an_anchor_parses_and_hashes_as_before(
    raw: sqlite3.Connection, log: Log
) -> None:
    text = str(one(raw, "SELECT canonical_json FROM inspection_documents "
                        "WHERE inspection_id = ?", log.first))  # fmt: skip
    older = json.loads(text)
    del older["audit_anchor"]
    parsed = InspectionDocument.parse(older)
    assert parsed.audit_anchor is None
    assert canonical_json(parsed.to_dict()) == canonical_json(older)
    assert "audit_anchor" not in parsed.to_dict()
    with pytest.raises(ValueError, match="audit_anchor"):
        InspectionDocument.parse({**older, "audit_anchor": {"seq": -1, "hash": GENESIS}})


Attack = Callable[[sqlite3.Connection, Log], None]


def _cut(keep: Callable[[Log], int]) -> Attack:
    return lambda c, log: c.execute("DELETE FROM audit_log WHERE seq > ?", [keep(log)])


# attempt -> (the change, (kind, where the message says it starts) for each problem expected)
ATTACKS: dict[str, tuple[Attack, Callable[[Log], dict[str, str]]]] = {
    "the last entries cut, back past the last anchor": (
        _cut(lambda log: log.second_anchor - 3),
        lambda log: {"audit_cut": f"رویدادهای {log.second_anchor - 2} به بعد",
                     "finalize_entry_missing": "نهایی‌سازی", "sync_entry_missing": "همگام"}),
    "only the last finalize and what came after it cut": (
        _cut(lambda log: log.second_finalize - 1),
        lambda log: {"finalize_entry_missing": "نهایی‌سازی", "sync_entry_missing": "همگام"}),
    "every entry deleted": (
        lambda c, log: c.execute("DELETE FROM audit_log"),
        lambda log: {"audit_empty": "همهٔ رویدادها", "finalize_entry_missing": "نهایی‌سازی",
                     "sync_entry_missing": "همگام"}),
    "rewritten with recomputed hashes from the second entry": (
        lambda c, log: rewrite_from(c, 2, '{"forged": true}'),
        lambda log: {"audit_rewritten": f"میان رویداد 1 و رویداد {log.first_anchor} "}),
    "rewritten with recomputed hashes between the two anchors": (
        lambda c, log: rewrite_from(c, log.first_anchor + 3, '{"forged": true}'),
        lambda log: {"audit_rewritten":
                     f"میان رویداد {log.first_anchor + 1} و رویداد {log.second_anchor} "}),
    # The chain's walk already finds the seq missing; the anchors say which signed one it was.
    "an anchored entry deleted, the rest re-chained over it": (
        lambda c, log: (c.execute("DELETE FROM audit_log WHERE seq = ?", [log.first_anchor]),
                        rewrite_from(c, log.first_anchor + 1, None)),
        lambda log: {"audit_gap": f"رویداد {log.first_anchor}،",
                     "audit_rewritten": f"و رویداد {log.second_anchor} "}),
}  # fmt: skip


@pytest.mark.parametrize("attempt", list(ATTACKS))
def test_cut_or_rewritten_log_is_detected(
    raw: sqlite3.Connection, log: Log, data_dir: Path, attempt: str
) -> None:
    attack, expected = ATTACKS[attempt]
    with guards_lifted(raw):
        attack(raw, log)
    context = open_context(data_dir)
    try:
        assert audit.verify_chain(context.db).ok or attempt.startswith("an anchored entry")
    finally:
        context.close()
    report = verify(data_dir)
    found = problems(report)
    assert not report["ok"]
    for kind, words in expected(log).items():
        assert kind in found, (kind, found)
        assert words in found[kind]["detail"], found[kind]["detail"]
    assert set(start_problems(data_dir)) >= set(expected(log))
    ran = run_cli("audit", "verify", "--data-dir", str(data_dir))
    assert ran.returncode == 1
    assert found[next(iter(expected(log)))]["detail"] in ran.stderr


def test_cut_then_used_again_is_detected(raw: sqlite3.Connection, log: Log, data_dir: Path) -> None:
    """The seqs cut off are used again by the app's next entries, with other hashes: the
    second inspection's anchor now names an entry that says something else."""
    with guards_lifted(raw):  # back to the first inspection's finalize entry
        raw.execute("DELETE FROM audit_log WHERE seq > ?", [log.first_anchor + 1])
    context = open_context(data_dir)
    try:
        form = inspections.form_of(context.db, log.draft)
        item = next(i for i in form.checklist_items() if i.type == "yesno")
        for index in range(log.last - log.first_anchor):
            drafts.set_answer(context.db, log.draft, item.id, ("yes", "no")[index % 2])
        assert audit.head(context.db).seq > log.last
    finally:
        context.close()
    found = problems(verify(data_dir))
    assert "audit_rewritten" in found, found
    wanted = f"میان رویداد {log.first_anchor + 1} و رویداد {log.second_anchor} "
    assert wanted in found["audit_rewritten"]["detail"]
    assert found["audit_rewritten"]["inspection_id"] == log.second


def test_rewritten_with_the_anchors_edited_to_match_is_caught_by_the_signed_pdf(
    raw: sqlite3.Connection, log: Log, data_dir: Path
) -> None:
    """The attacker rewrites the log from the start, then edits both signed documents'
    anchors (and every stored hash, and the finalize entries, to match, re-chaining again):
    only the signed PDF still knows the document's hash."""
    with guards_lifted(raw):
        rewrite_from(raw, 1, '{"forged": true}')
        for inspection_id in (log.first, log.second):
            text = str(one(raw, "SELECT canonical_json FROM inspection_documents "
                                "WHERE inspection_id = ?", inspection_id))  # fmt: skip
            document = json.loads(text)
            seq = document["audit_anchor"]["seq"]
            document["audit_anchor"]["hash"] = one(
                raw, "SELECT hash FROM audit_log WHERE seq = ?", seq
            )
            data = canonical_json(document)
            digest = sha256_hex(data)
            raw.execute(
                "UPDATE inspection_documents SET canonical_json = ?, canonical_sha256 = ? "
                "WHERE inspection_id = ?",
                [data.decode(), digest, inspection_id],
            )
            raw.execute(
                "UPDATE inspections SET canonical_sha256 = ? WHERE id = ?", [digest, inspection_id]
            )
            finalize_seq = int(str(one(
                raw, "SELECT seq FROM audit_log WHERE action = 'finalize' AND inspection_id = ?",
                inspection_id)))  # fmt: skip
            detail = json.loads(str(one(raw, "SELECT detail FROM audit_log WHERE seq = ?",
                                        finalize_seq)))  # fmt: skip
            detail["sha256"] = digest
            rewrite_from(raw, finalize_seq, json.dumps(detail, ensure_ascii=False, sort_keys=True))
    assert start_problems(data_dir) == {}  # consistent in the database: only the PDFs differ
    found = {(p["inspection_id"], p["kind"]) for p in verify(data_dir)["problems"]}  # type: ignore[union-attr]
    assert (log.first, "pdf_hash") in found and (log.second, "pdf_hash") in found, found
