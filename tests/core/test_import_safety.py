"""Attacks on `inspector-app inspections import`: a hand-edited export file must never move,
change or half-write rows of this database; every refusal is exit 1 and one clear line."""

from __future__ import annotations

import contextlib
import copy
import json
import random
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from inspector_app.domain.canonical import canonical_sha256
from inspector_app.services import correction, demo, finalize, inspection_document
from inspector_app.services import inspections as inspections_service
from inspector_app.services.context import AppContext, open_context
from inspector_app.services.signing import identity as identity_service
from inspector_app.storage import contents, corrections
from inspector_app.storage.identities import StoredIdentity
from tests.helpers.cli import Ran, run_cli
from tests.helpers.signing import PASSPHRASE, make_filled_draft, sign_both

from .helpers import new_draft

TABLES = ("inspections", "answers", "interviews", "photos", "findings", "signatures", "audit_log")


def filled(context: AppContext, seed: int) -> str:
    inspection_id = new_draft(context, "brokerage")  # a form with photo items
    demo.fill_inspection(context, inspection_id, random.Random(seed), interviews=2)
    return inspection_id


@pytest.fixture
def two_drafts(context: AppContext) -> tuple[str, str]:
    first = filled(context, 5)
    second = filled(context, 6)
    assert contents.findings_of(context.db, first) and contents.findings_of(context.db, second)
    return first, second


def as_new(exported: dict[str, Any]) -> dict[str, Any]:
    """The export under new inspection, photo and finding ids: importable here as it is."""
    edited = copy.deepcopy(exported)
    edited["inspection"]["id"] = str(uuid.uuid4())
    for finding in edited["inspection"]["findings"]:
        finding["id"] = str(uuid.uuid4())
    for photo in edited["inspection"]["photos"]:
        old, photo["id"] = photo["id"], str(uuid.uuid4())
        edited["photo_data"][photo["id"]] = edited["photo_data"].pop(old)
        edited["thumbnail_data"][photo["id"]] = edited["thumbnail_data"].pop(old)
    return rehash(edited)


def rehash(exported: dict[str, Any]) -> dict[str, Any]:
    """What an attacker who knows the format does after an edit: recompute the sha256."""
    exported["sha256"] = canonical_sha256(exported["inspection"])
    return exported


def write(tmp_path: Path, exported: dict[str, Any] | str, name: str = "edited.json") -> Path:
    path = tmp_path / name
    text = exported if isinstance(exported, str) else json.dumps(exported, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def everything(context: AppContext) -> dict[str, list[tuple[Any, ...]]]:
    return {
        table: sorted(tuple(row) for row in context.db.execute(f"SELECT * FROM {table}").fetchall())
        for table in TABLES
    }


def refused(context: AppContext, path: Path) -> Ran:
    """Import through the CLI: it must exit 1 with one line naming the file, nothing changed."""
    before = everything(context)
    ran = run_cli("inspections", "import", str(path), "--data-dir", str(context.data_dir))
    assert ran.returncode == 1, ran
    assert "Traceback" not in ran.stderr and ran.stdout == "", ran
    assert len(ran.stderr.strip().splitlines()) == 1, ran.stderr
    assert str(path) in ran.stderr, ran.stderr
    assert everything(context) == before
    return ran


def test_reused_finding_ids_do_not_empty_another_draft(
    context: AppContext, two_drafts: tuple[str, str], tmp_path: Path
) -> None:
    first, second = two_drafts
    theirs = [f["id"] for f in contents.findings_of(context.db, second)]
    edited = as_new(inspection_document.export_document(context.db, first))
    for finding, other_id in zip(edited["inspection"]["findings"], theirs, strict=False):
        finding["id"] = other_id
    ran = refused(context, write(tmp_path, rehash(edited)))
    assert theirs[0] in ran.stderr
    assert [f["id"] for f in contents.findings_of(context.db, second)] == theirs


def test_reused_photo_ids_are_refused(
    context: AppContext, two_drafts: tuple[str, str], tmp_path: Path
) -> None:
    first, second = two_drafts
    theirs = contents.photos_of(context.db, second)[0]["id"]
    edited = as_new(inspection_document.export_document(context.db, first))
    mine = edited["inspection"]["photos"][0]["id"]
    edited["inspection"]["photos"][0]["id"] = theirs
    edited["photo_data"][theirs] = edited["photo_data"].pop(mine)
    edited["thumbnail_data"][theirs] = edited["thumbnail_data"].pop(mine)
    ran = refused(context, write(tmp_path, rehash(edited)))
    assert theirs in ran.stderr


def test_an_untouched_copy_under_a_new_id_imports(
    context: AppContext, two_drafts: tuple[str, str], tmp_path: Path
) -> None:
    edited = as_new(inspection_document.export_document(context.db, two_drafts[0]))
    path = write(tmp_path, edited)
    ran = run_cli("inspections", "import", str(path), "--data-dir", str(context.data_dir))
    assert ran.returncode == 0, ran
    again = inspection_document.export_document(context.db, edited["inspection"]["id"])
    assert again["sha256"] == edited["sha256"]


# --- the hashes in the file are checked ------------------------------------------------------


@pytest.fixture
def signer(context: AppContext) -> StoredIdentity:
    made = identity_service.create_self_signed("مریم احمدی", "12345", PASSPHRASE)
    return identity_service.store(context.db, made)


def finalized(context: AppContext, signer: StoredIdentity, seed: int = 7) -> str:
    inspection_id = make_filled_draft(context, seed=seed)
    sign_both(context, inspection_id)
    finalize.finalize(context.db, inspection_id, signer, PASSPHRASE)
    return inspection_id


def test_a_finalized_inspection_keeps_its_hash_through_export_and_import(
    context: AppContext, signer: StoredIdentity, tmp_path: Path
) -> None:
    inspection_id = finalized(context, signer)
    stored = context.db.execute(
        "SELECT canonical_sha256 FROM inspection_documents WHERE inspection_id = ?", [inspection_id]
    ).fetchone()[0]
    exported = inspection_document.export_document(context.db, inspection_id)
    assert exported["sha256"] == stored and exported["inspection"]["signatures"]
    other = open_context(tmp_path / "other")
    try:
        assert inspection_document.import_file(other.db, write(tmp_path, exported)) == inspection_id
        again = inspection_document.export_document(other.db, inspection_id)
        # Signature times and photo order kept. The audit anchor is the first laptop's log's
        # head, no row of the inspection: the copy here is a draft that has none until it is
        # finalized on this laptop.
        unanchored = {k: v for k, v in exported["inspection"].items() if k != "audit_anchor"}
        assert exported["inspection"]["audit_anchor"]
        assert again["inspection"] == unanchored
        assert again["sha256"] == canonical_sha256(unanchored) != stored
        assert again["signature_data"] == exported["signature_data"]
    finally:
        other.close()


def test_content_edited_without_its_sha256_is_refused(
    context: AppContext, two_drafts: tuple[str, str], tmp_path: Path
) -> None:
    edited = as_new(inspection_document.export_document(context.db, two_drafts[0]))
    edited["inspection"]["representative"]["name"] = "کس دیگری"
    assert "sha256" in refused(context, write(tmp_path, edited)).stderr
    del edited["sha256"]
    assert "sha256" in refused(context, write(tmp_path, edited)).stderr


def test_a_swapped_signature_image_is_refused(
    context: AppContext, signer: StoredIdentity, tmp_path: Path
) -> None:
    exported = inspection_document.export_document(context.db, finalized(context, signer))
    edited = as_new(exported)
    pngs = edited["signature_data"]
    pngs["inspector"]["png"] = pngs["representative"]["png"]  # outside the hashed part
    ran = refused(context, write(tmp_path, edited))
    assert "inspector" in ran.stderr


def test_an_edited_score_with_a_recomputed_sha256_is_refused(
    context: AppContext, two_drafts: tuple[str, str], tmp_path: Path
) -> None:
    edited = as_new(inspection_document.export_document(context.db, two_drafts[0]))
    edited["inspection"]["score"]["yes"] += 1
    assert "score" in refused(context, write(tmp_path, rehash(edited))).stderr


# --- a correction stays a correction -----------------------------------------------------------


def test_replaces_survives_export_and_import(
    context: AppContext, signer: StoredIdentity, tmp_path: Path
) -> None:
    old_id = finalized(context, signer)
    new_id = correction.start_correction(context, old_id)
    exported = inspection_document.export_document(context.db, new_id)
    assert exported["inspection"]["replaces"] == old_id
    path = write(tmp_path, exported)
    elsewhere = open_context(tmp_path / "elsewhere")  # the replaced inspection is not there
    try:
        ran = run_cli("inspections", "import", str(path), "--data-dir", str(elsewhere.data_dir))
        assert ran.returncode == 1 and old_id in ran.stderr, ran
        assert elsewhere.db.execute("SELECT count(*) FROM inspections").fetchone()[0] == 0
    finally:
        elsewhere.close()
    other = as_new(exported)  # a second correction of the same inspection
    assert new_id in refused(context, write(tmp_path, other, "second.json")).stderr
    inspections_service.delete_draft(context.db, new_id)
    assert inspection_document.import_file(context.db, path) == new_id
    assert corrections.replaced_id(context.db, new_id) == old_id
    again = inspection_document.export_document(context.db, new_id)
    assert again["sha256"] == exported["sha256"]


# --- broken files: one clear line, nothing changed ----------------------------------------------


def _deep(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(exported: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = exported["inspection"]
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = value

    return edit


def _repeat(part: str) -> Callable[[dict[str, Any]], None]:
    def edit(exported: dict[str, Any]) -> None:
        items = exported["inspection"][part]
        items.append(copy.deepcopy(items[0]))

    return edit


EDITS: dict[str, Callable[[dict[str, Any]], None]] = {
    "wrong-type-answers": _set("answers", 5),
    "wrong-type-width": _set("photos.0.width", "wide"),
    "wrong-type-office": _set("office", []),
    "office-without-code": _set("office", {}),
    "bad-iso-date": _set("visit_date", "2024-13-40"),
    "jalali-visit-date": _set("visit_date", "1403-01-15"),
    "persian-digits-deadline": _set("findings.0.deadline", "۱۴۰۳/۰۲/۰۱"),
    "bad-created-at": _set("created_at", "yesterday"),
    "arrival-without-time": _set("arrival_at", "2024-03-20"),
    "duplicate-finding": _repeat("findings"),
    "duplicate-photo": _repeat("photos"),
    "duplicate-answer": _repeat("answers"),
    "duplicate-interview": _set("interviews", [1, 1]),
    "huge-repeat-index": _set("answers.0.repeat_index", 10**30),
    "huge-width": _set("photos.0.width", 2**62),
    "deep-value": _set("answers.0.value", _deep(900)),
    "replaces-unknown": _set("replaces", str(uuid.uuid4())),
    "unsorted-answers": lambda e: e["inspection"]["answers"].reverse(),
}

TEXTS: dict[str, Callable[[str], str]] = {
    "truncated": lambda text: text[: len(text) // 2],
    "deep-nesting": lambda _text: "[" * 100_000 + "]" * 100_000,
    "nan": lambda text: text.replace('"elapsed_seconds": ', '"elapsed_seconds": NaN, "x": ', 1),
    "infinite": lambda text: text.replace(
        '"elapsed_seconds": ', '"elapsed_seconds": 1e400, "x": ', 1
    ),
    "five-thousand-digits": lambda text: text.replace(
        '"elapsed_seconds": ', '"elapsed_seconds": ' + "9" * 5000 + ', "x": ', 1
    ),
    "not-utf8": lambda text: text.encode("utf-16").decode("latin-1"),
    "a-list": lambda _text: "[1, 2, 3]",
    "lone-surrogate": lambda text: text.replace('"caption": "', '"caption": "\\ud800', 1),
}


@pytest.mark.parametrize("how", sorted(EDITS))
def test_a_broken_document_is_one_clear_line(
    context: AppContext, two_drafts: tuple[str, str], tmp_path: Path, how: str
) -> None:
    edited = as_new(inspection_document.export_document(context.db, two_drafts[0]))
    EDITS[how](edited)
    # Rehashed, so the check behind the hash is the one that must refuse; a value with no
    # canonical form is left to the hash check.
    with contextlib.suppress(ValueError, RecursionError):
        rehash(edited)
    refused(context, write(tmp_path, edited))


@pytest.mark.parametrize("how", sorted(TEXTS))
def test_a_broken_file_is_one_clear_line(
    context: AppContext, two_drafts: tuple[str, str], tmp_path: Path, how: str
) -> None:
    edited = as_new(inspection_document.export_document(context.db, two_drafts[0]))
    text = json.dumps(edited, ensure_ascii=False)
    refused(context, write(tmp_path, TEXTS[how](text)))
