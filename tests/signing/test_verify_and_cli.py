"""Tampering is caught (one byte, an appended update), and the commands: report, verify,
audit verify, identity, demo."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from inspector_app.cli.main import main
from inspector_app.pdf.verify import verify_pdf
from inspector_app.services.context import AppContext
from inspector_app.services.signing import placement
from inspector_app.storage import contents
from inspector_app.storage.identities import StoredIdentity
from tests.helpers.signing import PASSPHRASE, pdfsig


def _flip_byte_in_signed_content(pdf: bytes) -> bytes:
    """One byte changed inside a page's content stream (covered by the signature)."""
    start = pdf.index(b"stream\n", len(pdf) // 3) + 40
    damaged = bytearray(pdf)
    damaged[start] ^= 0x01
    return bytes(damaged)


def _append_drawing(pdf: bytes) -> bytes:
    """An incremental update after signing that draws a box on the last page."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    last = int(writer.prev.root["/Pages"]["/Count"]) - 1
    ref = writer.add_object(generic.StreamObject(stream_data=b"q 1 0 0 RG 100 300 200 80 re S Q"))
    writer.add_stream_to_page(last, ref)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_one_changed_byte_is_caught_by_pdfsig_and_verify(signed: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(_flip_byte_in_signed_content(signed.read_bytes()))
    report = pdfsig(damaged)
    assert "Signature is Valid" not in report
    assert "Digest Mismatch" in report or "Invalid" in report, report
    result = verify_pdf(damaged.read_bytes())
    assert not result.ok and not result.intact and not result.valid
    assert any("تغییر کرده" in p for p in result.problems)


def test_appended_update_is_caught_by_verify(signed: Path, tmp_path: Path) -> None:
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(_append_drawing(signed.read_bytes()))
    # pdfsig alone still calls the signature valid; it only says the whole file is not signed.
    report = pdfsig(appended)
    assert "Signature is Valid" in report and "Not total document signed" in report
    result = verify_pdf(appended.read_bytes())
    assert result.intact and result.modified_after_signing and not result.ok
    assert any("افزوده" in p for p in result.problems)
    # Bytes tacked on after the end of the file count as well.
    assert verify_pdf(signed.read_bytes() + b"\n%extra\n").modified_after_signing


def test_not_a_pdf_and_unsigned_pdf(tmp_path: Path) -> None:
    assert not verify_pdf(b"hello").ok
    unsigned = verify_pdf(b"%PDF-1.4\n%\xe2\xe3\n")
    assert not unsigned.ok and not unsigned.signed


def test_content_scan_finds_the_lowest_drawn_point() -> None:
    content = b"q 1 0 0 1 50 200 cm BT 1 0 0 1 10 20 Tm (x) Tj ET Q 0 0 m 100 30 l S"
    # Text at y = 200 + 20 (less descender) and a line reaching y = 30 (the 0,0 point is below
    # the floor and ignored).
    assert placement.lowest_drawn_y(content, floor=25) == 30
    assert placement.lowest_drawn_y(content, floor=31) == 216


def test_cli_verify_report_and_database_match(
    context: AppContext, signed: Path, ready: str, data_dir: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    # Signed by this data folder's own self-signed identity: intact, said plainly, exit 3
    # (exit 0 is only for a certificate the governorate issued, tests/signing/test_verify_trust).
    assert main(["verify", str(signed), "--data-dir", str(data_dir)]) == 3
    out = capsys.readouterr().out
    assert "مریم احمدی" in out and "با بازرسی ثبت‌شده می‌خواند" in out
    assert "نتیجه: امضا با شناسهٔ خود این رایانه (هنوز از استانداری گواهی نگرفته)" in out
    assert main(["verify", str(signed), "--json", "--data-dir", str(data_dir)]) == 3
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "own" and data["intact"] and not data["ok"]
    assert data["database"] == "match" and data["report_id"] == ready
    assert data["signing_time_jalali"] and data["modified_after_signing"] is False

    copy = tmp_path / "copy.pdf"
    assert main(["report", ready, "-o", str(copy), "--data-dir", str(data_dir)]) == 0
    assert copy.read_bytes() == signed.read_bytes()

    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(_flip_byte_in_signed_content(signed.read_bytes()))
    assert main(["verify", str(damaged), "--data-dir", str(data_dir)]) == 1
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(_append_drawing(signed.read_bytes()))
    capsys.readouterr()
    assert main(["verify", str(appended), "--json", "--data-dir", str(data_dir)]) == 1
    assert json.loads(capsys.readouterr().out)["modified_after_signing"] is True
    # A data folder where the inspection is not: verify still works, says so; there the
    # signer is nobody it knows (a self-signed key, no governorate root): untrusted.
    elsewhere = tmp_path / "elsewhere"
    assert main(["verify", str(signed), "--json", "--data-dir", str(elsewhere)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["database"] is None and data["verdict"] == "untrusted" and data["intact"]
    assert not elsewhere.exists()  # verify never creates a data folder


def test_cli_verify_sha_mismatch_with_database(
    context: AppContext, signed: Path, ready: str, data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    # The same id in this database with another hash (e.g. a different laptop's record).
    with context.db.conn:
        context.db.execute("DROP TRIGGER inspections_locked_update")
        context.db.execute("UPDATE inspections SET canonical_sha256 = ? WHERE id = ?",
                           ["0" * 64, ready])  # fmt: skip
    assert main(["verify", str(signed), "--json", "--data-dir", str(data_dir)]) == 1
    assert json.loads(capsys.readouterr().out)["database"] == "mismatch"


def test_cli_report_of_a_draft_is_unsigned(
    context: AppContext, draft: str, data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "draft.pdf"
    assert main(["report", draft, "-o", str(out), "--data-dir", str(data_dir)]) == 0
    result = verify_pdf(out.read_bytes())
    assert not result.signed and result.report_id == draft
    assert main(["verify", str(out), "--data-dir", str(data_dir)]) == 1


def test_cli_audit_verify_detects_a_broken_chain(
    context: AppContext, signed: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "verify", "--data-dir", str(data_dir)]) == 0
    assert "زنجیره درست است" in capsys.readouterr().out  # the chain holds
    # Someone with raw SQL access removes the append-only guard and edits an entry.
    with context.db.conn:
        context.db.execute("DROP TRIGGER audit_log_append_only_update")
        context.db.execute("UPDATE audit_log SET detail = '{}' WHERE action = 'finalize'")
    assert main(["audit", "verify", "--json", "--data-dir", str(data_dir)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and report["broken_at"] is not None


def test_cli_identity_commands(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    assert main(["identity", "show", "--data-dir", str(data_dir)]) == 1
    assert "گواهی" in capsys.readouterr().err
    # Nine characters: refused before any key is made (the governorate asks for ten).
    monkeypatch.setenv("BAZRES_PASSPHRASE", "nine-char")
    assert main(["identity", "create", "--name", "سارا کریمی", "--data-dir", str(data_dir)]) == 1
    assert "دست‌کم 10 نویسه" in capsys.readouterr().err
    assert main(["identity", "show", "--data-dir", str(data_dir)]) == 1
    capsys.readouterr()
    monkeypatch.setenv("BAZRES_PASSPHRASE", "long-enough-1")
    assert main(["identity", "create", "--name", "سارا کریمی", "--personnel-no", "۹۸۷",
                 "--data-dir", str(data_dir)]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["identity", "show", "--json", "--data-dir", str(data_dir)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["holder"] == "سارا کریمی" and info["self_signed"] and not info["expired"]
    cert = tmp_path / "cert.pem"
    assert main(["identity", "export-cert", "-o", str(cert), "--data-dir", str(data_dir)]) == 0
    assert cert.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    assert b"PRIVATE" not in cert.read_bytes()
    # A wrong PKCS#12 password: a clear message, exit 1, the active identity unchanged.
    bad = tmp_path / "bad.p12"
    bad.write_bytes(b"0\x82\x01\x00\x02\x01\x03" + os.urandom(200))
    monkeypatch.setenv("BAZRES_P12_PASSWORD", "nope")
    assert main(["identity", "import-p12", str(bad), "--data-dir", str(data_dir)]) == 1
    assert "PKCS#12" in capsys.readouterr().err
    assert main(["identity", "show", "--json", "--data-dir", str(data_dir)]) == 0
    assert json.loads(capsys.readouterr().out)["fingerprint_sha256"] == info["fingerprint_sha256"]


def test_cli_demo_makes_signed_inspections(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--count", "3", "--signed", "2", "--data-dir", str(data_dir)]) == 0
    captured = capsys.readouterr()
    ids = captured.out.split()
    assert len(ids) == 3 and "bazres-demo" in captured.err
    assert main(["inspections", "list", "--json", "--data-dir", str(data_dir)]) == 0
    statuses = {r["id"]: r["status"] for r in json.loads(capsys.readouterr().out)}
    assert sorted(statuses.values()) == ["draft", "finalized", "finalized"]
    finalized_id = next(i for i, s in statuses.items() if s == "finalized")
    out = tmp_path / "demo.pdf"
    assert main(["report", finalized_id, "-o", str(out), "--data-dir", str(data_dir)]) == 0
    assert "Signature is Valid" in pdfsig(out)
    # The demo identity is this laptop's own, not the governorate's.
    assert main(["verify", str(out), "--data-dir", str(data_dir)]) == 3
    assert "شناسهٔ خود این رایانه" in capsys.readouterr().out
    from inspector_app.services.context import open_context

    ctx = open_context(data_dir)
    try:
        signatures = contents.signatures_of(ctx.db, finalized_id)
        assert {s["role"] for s in signatures} == {"inspector", "representative"}
    finally:
        ctx.close()


def _one_page_pdf(lowest_y: float) -> bytes:
    from reportlab.lib.pagesizes import A4

    from inspector_app.pdf.keywords import keywords_for
    from inspector_app.pdf.rtl_flowable import draw_rtl_line, make_canvas

    out = io.BytesIO()
    canvas = make_canvas(out, pagesize=A4)
    canvas.setKeywords(keywords_for("test-report", "ab" * 32))
    y = 780.0
    while y >= lowest_y:
        draw_rtl_line(canvas, "سطری از متن گزارش که تا پایین صفحه ادامه دارد", 540, y)
        y -= 18
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.mark.parametrize(("lowest_y", "pages"), [(400.0, 1), (90.0, 2)])
def test_signature_box_goes_below_the_content_or_on_a_new_page(
    context: AppContext, identity: StoredIdentity, tmp_path: Path, lowest_y: float, pages: int
) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    from inspector_app.services.signing import identity as identity_service
    from inspector_app.services.signing import pdf_sign

    unlocked = identity_service.unlock_stored(identity, PASSPHRASE)
    signed = pdf_sign.sign_pdf(_one_page_pdf(lowest_y), unlocked)
    reader = PdfFileReader(io.BytesIO(signed))
    assert int(reader.root["/Pages"]["/Count"]) == pages
    field = reader.embedded_signatures[0].sig_field
    x1, y1, x2, y2 = (float(v) for v in field["/Rect"])
    assert y2 - y1 > 60 and x2 > x1
    if pages == 1:
        assert y2 < lowest_y - 4  # below the last line of text
    path = tmp_path / "placed.pdf"
    path.write_bytes(signed)
    assert "Signature is Valid" in pdfsig(path)
    assert verify_pdf(signed).ok


def test_demo_never_replaces_the_inspectors_own_identity(
    context: AppContext, identity: StoredIdentity, data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from inspector_app.storage import identities

    assert main(["demo", "--count", "2", "--data-dir", str(data_dir)]) == 0
    assert "not signed" in capsys.readouterr().err
    active = identities.active(context.db)
    assert active is not None and active.id == identity.id
    assert context.db["identities"].count == 1
    assert context.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
