"""Finalize: checks, one transaction, a signed PDF poppler accepts, locked records, failures
that leave a draft."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from inspector_app.domain.canonical import canonical_json, sha256_hex
from inspector_app.domain.inspection_document import AuditAnchor
from inspector_app.errors import RecordLocked
from inspector_app.pdf.verify import verify_pdf
from inspector_app.services import correction, finalize, inspection_document
from inspector_app.services.context import AppContext
from inspector_app.services.signing import identity as identity_service
from inspector_app.services.signing import keys
from inspector_app.storage import audit, contents, drafts, inspections
from inspector_app.storage.identities import StoredIdentity
from tests.helpers.pdf_text import pdffonts
from tests.helpers.signing import PASSPHRASE, pdfsig, render_last_page, sign_both


def _nothing_finalized(context: AppContext, inspection_id: str) -> None:
    db = context.db
    assert inspections.get(db, inspection_id)["status"] == "draft"
    assert inspections.get(db, inspection_id)["canonical_sha256"] is None
    assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM inspection_documents").fetchone()[0] == 0
    assert "finalize" not in [e["action"] for e in audit.entries(db, inspection_id)]
    # Still a draft in every sense: it can be edited.
    inspections.update_header(db, inspection_id, rep_role="مدیر")


def test_check_ready_lists_what_is_missing(context: AppContext, identity: StoredIdentity) -> None:
    from tests.core.helpers import new_draft

    inspection_id = new_draft(context)
    problems = finalize.check_ready(context.db, inspection_id)
    codes = {p.code for p in problems}
    assert codes == {"required_item", "inspector_signature", "representative_signature",
                     "departure"}  # fmt: skip
    items = [p for p in problems if p.code == "required_item"]
    form = inspections.form_of(context.db, inspection_id)
    assert {p.item_id for p in items} == {
        key[0] for key in contents.score_of(context.db, inspection_id).open_required
    }
    assert all(p.item_id and form.item(p.item_id).text in p.message for p in items)
    with pytest.raises(finalize.NotReady) as caught:
        finalize.finalize(context.db, inspection_id, identity, PASSPHRASE)
    assert "امضای بازرس" in caught.value.message
    _nothing_finalized(context, inspection_id)


def test_representative_may_decline_with_a_reason(
    context: AppContext, draft: str, identity: StoredIdentity
) -> None:
    sign_both(context, draft, rep_declines=True)
    assert finalize.check_ready(context.db, draft) == []
    finalize.finalize(context.db, draft, identity, PASSPHRASE)
    assert inspections.get(context.db, draft)["status"] == "finalized"


def test_finalize_end_to_end(
    context: AppContext, ready: str, identity: StoredIdentity, tmp_path: Path
) -> None:
    db = context.db
    # The draft's document with the audit log's head when it is hashed, as finalize adds it.
    head = AuditAnchor(**audit.head(db).as_dict())
    document = inspection_document.canonical_document(db, ready, audit_anchor=head)
    expected = sha256_hex(canonical_json(document))
    result = finalize.finalize(db, ready, identity, PASSPHRASE)
    assert result.canonical_sha256 == expected

    row = inspections.get(db, ready)
    assert row["status"] == "finalized"
    assert row["canonical_sha256"] == expected
    assert row["finalized_at"] == result.finalized_at
    stored = db["inspection_documents"].get(ready)
    assert stored["canonical_sha256"] == expected
    assert sha256_hex(canonical_json(json.loads(stored["canonical_json"]))) == expected
    outbox = list(db.query("SELECT * FROM outbox"))
    assert [(o["inspection_id"], o["state"]) for o in outbox] == [(ready, "pending")]
    entry = audit.entries(db, ready)[-1]
    assert entry["action"] == "finalize"
    assert json.loads(entry["detail"])["sha256"] == expected
    assert audit.verify_chain(db).ok

    pdf = finalize.signed_pdf(db, ready)
    path = tmp_path / "signed.pdf"
    path.write_bytes(pdf)
    report = pdfsig(path)
    assert "Signature is Valid" in report, report
    assert "Total document signed" in report
    assert "مریم احمدی" in report

    verdict = verify_pdf(pdf, identity_service.public_certificate_pem(identity))
    assert verdict.ok, verdict.problems
    assert verdict.trusted is True
    assert verdict.report_id == ready
    assert verdict.embedded_sha256 == expected
    assert verdict.fingerprint_sha256 == identity.fingerprint_sha256
    assert verdict.signing_time_utc == result.signing_time
    png = render_last_page(path, "finalized-last-page")
    assert png.stat().st_size > 10_000


def test_signed_report_embeds_each_font_once(
    context: AppContext, ready: str, identity: StoredIdentity, tmp_path: Path
) -> None:
    """The signature box is drawn as outlines: as text it carried a second copy of the font
    subsets, under the same names as the report's own."""
    finalize.finalize(context.db, ready, identity, PASSPHRASE)
    pdf = tmp_path / "signed.pdf"
    pdf.write_bytes(finalize.signed_pdf(context.db, ready))
    names = [font["name"] for font in pdffonts(pdf)]
    assert names and len(names) == len(set(names)), names
    assert all(font["emb"] == "yes" for font in pdffonts(pdf))


def test_finalized_record_refuses_every_change(
    context: AppContext, ready: str, identity: StoredIdentity
) -> None:
    db = context.db
    finalize.finalize(db, ready, identity, PASSPHRASE)
    statements = [
        ("UPDATE inspections SET rep_name = 'x' WHERE id = ?", [ready]),
        ("UPDATE inspections SET status = 'draft' WHERE id = ?", [ready]),
        ("DELETE FROM inspections WHERE id = ?", [ready]),
        ("UPDATE answers SET value = '\"no\"' WHERE inspection_id = ?", [ready]),
        ("DELETE FROM answers WHERE inspection_id = ?", [ready]),
        ("INSERT INTO answers (inspection_id, item_id, repeat_index, value, updated_at) "
         "VALUES (?, 'new', 0, 'null', 'now')", [ready]),
        ("UPDATE photos SET caption = 'x' WHERE inspection_id = ?", [ready]),
        ("DELETE FROM photos WHERE inspection_id = ?", [ready]),
        ("DELETE FROM interviews WHERE inspection_id = ?", [ready]),
        ("UPDATE signatures SET signer_name = 'x' WHERE inspection_id = ?", [ready]),
        ("UPDATE inspection_documents SET signed_pdf = x'00' WHERE inspection_id = ?", [ready]),
        ("DELETE FROM inspection_documents WHERE inspection_id = ?", [ready]),
    ]  # fmt: skip
    assert db.execute("SELECT count(*) FROM photos WHERE inspection_id = ?", [ready]).fetchone()[0]
    before = inspection_document.canonical_document(db, ready)
    for sql, params in statements:
        with pytest.raises(sqlite3.IntegrityError, match="finalized"):
            db.execute(sql, params)
    assert inspection_document.canonical_document(db, ready) == before
    with pytest.raises(RecordLocked):
        inspections.update_header(db, ready, rep_name="x")
    with pytest.raises(RecordLocked):
        drafts.set_answer(db, ready, before["answers"][0]["item_id"], None)
    # The one move allowed: finalized -> synced, without touching anything else.
    with db.conn:
        db.execute("UPDATE inspections SET status = 'synced', synced_at = 'now' WHERE id = ?",
                   [ready])  # fmt: skip
    assert inspections.get(db, ready)["status"] == "synced"


def test_wrong_passphrase_leaves_a_draft(
    context: AppContext, ready: str, identity: StoredIdentity
) -> None:
    with pytest.raises(keys.WrongPassphrase, match="گذرواژه درست نیست"):
        finalize.finalize(context.db, ready, identity, "not-my-passphrase")
    _nothing_finalized(context, ready)
    # The right one then works.
    finalize.finalize(context.db, ready, identity, PASSPHRASE)


def test_corrupt_key_blob_leaves_a_draft(
    context: AppContext, ready: str, identity: StoredIdentity
) -> None:
    with context.db.conn:
        context.db.execute("UPDATE identities SET key_encrypted = x'3003020100'")
    stored = identity_service.active_identity(context.db)
    with pytest.raises(keys.CorruptKey, match="خراب"):
        finalize.finalize(context.db, ready, stored, PASSPHRASE)
    _nothing_finalized(context, ready)


def test_expired_certificate_leaves_a_draft(context: AppContext, ready: str) -> None:
    old = identity_service.create_self_signed(
        "مریم احمدی", "", PASSPHRASE, valid_days=30,
        not_before=dt.datetime(2021, 3, 1, tzinfo=dt.UTC),
    )  # fmt: skip
    stored = identity_service.store(context.db, old)
    with pytest.raises(identity_service.CertificateExpired, match="معتبر نیست"):
        finalize.finalize(context.db, ready, stored, PASSPHRASE)
    _nothing_finalized(context, ready)


def test_a_change_during_finalizing_aborts_it(
    context: AppContext, ready: str, identity: StoredIdentity
) -> None:
    def render_and_edit(db: object, inspection_id: str, digest: str) -> bytes:
        pdf = finalize.default_renderer(context.db, inspection_id, digest)
        inspections.update_header(context.db, inspection_id, rep_role="معاون دفتر")
        return pdf

    with pytest.raises(finalize.ChangedWhileFinalizing):
        finalize.finalize(context.db, ready, identity, PASSPHRASE, render=render_and_edit)
    assert inspections.get(context.db, ready)["status"] == "draft"
    assert context.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0


def test_correction_is_a_new_draft_that_names_the_old_one(
    context: AppContext, ready: str, identity: StoredIdentity
) -> None:
    finalize.finalize(context.db, ready, identity, PASSPHRASE)
    new_id = correction.start_correction(context, ready)
    row = inspections.get(context.db, new_id)
    assert row["status"] == "draft" and row["replaces"] == ready
    assert row["office_code"] == inspections.get(context.db, ready)["office_code"]
    with pytest.raises(Exception, match="اصلاحیه"):
        correction.start_correction(context, new_id)
