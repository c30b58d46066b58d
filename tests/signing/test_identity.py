"""The signing identity: encrypted key, passphrase, corrupt blobs, expiry, PKCS#12 import."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from asn1crypto import keys as asn1_keys
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID
from reportlab.lib.pagesizes import A4

from inspector_app.pdf.rtl_flowable import draw_rtl_line, make_canvas
from inspector_app.pdf.verify import verify_pdf
from inspector_app.services.context import AppContext
from inspector_app.services.signing import identity as identity_service
from inspector_app.services.signing import keys, pdf_sign
from inspector_app.storage import audit
from tests.helpers.signing import PASSPHRASE, governorate_p12


def _pdf() -> bytes:
    out = io.BytesIO()
    canvas = make_canvas(out, pagesize=A4)
    draw_rtl_line(canvas, "گزارش آزمایشی برای امضا", 500, 700, font_size=16)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_key_is_stored_only_encrypted(context: AppContext) -> None:
    new = identity_service.create_self_signed("مریم احمدی", "۱۲۳۴۵", PASSPHRASE)
    stored = identity_service.store(context.db, new)
    blob = context.db.execute("SELECT key_encrypted FROM identities").fetchone()[0]
    # An EncryptedPrivateKeyInfo (PBES2) and not a plain PrivateKeyInfo.
    parsed = asn1_keys.EncryptedPrivateKeyInfo.load(bytes(blob))
    assert parsed["encryption_algorithm"]["algorithm"].native == "pbes2"
    with pytest.raises(ValueError):
        asn1_keys.PrivateKeyInfo.load(bytes(blob)).native  # noqa: B018
    unlocked = identity_service.unlock_stored(stored, PASSPHRASE)
    plain = unlocked.private_key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    assert plain not in bytes(blob)
    assert stored.fingerprint_sha256 == unlocked.fingerprint_sha256
    assert [e["action"] for e in audit.entries(context.db)][-1] == "identity"


def test_subject_names_keep_one_script_each() -> None:
    new = identity_service.create_self_signed("مریم احمدی", "۱۲۳۴۵", PASSPHRASE)
    cert = x509.load_pem_x509_certificate(new.cert_pem)
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "مریم احمدی"
    assert cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)[0].value == "12345"
    info = new.info
    assert info.holder == "مریم احمدی" and info.self_signed
    assert len(info.fingerprint_sha256) == 64
    assert info.not_after_jalali.startswith("۱۴")


def test_wrong_passphrase_is_refused_clearly() -> None:
    new = identity_service.create_self_signed("مریم احمدی", "", PASSPHRASE)
    with pytest.raises(keys.WrongPassphrase, match="گذرواژه درست نیست"):
        keys.unlock(new.cert_pem, new.key_encrypted, "not-the-passphrase")


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],  # truncated
        lambda blob: b"\x00" * 16 + blob[16:],  # header overwritten
        lambda blob: b"",  # emptied
        lambda blob: blob[:300] + bytes([blob[300] ^ 0xFF]) + blob[301:],  # ciphertext byte
    ],
)
def test_corrupt_key_blob_is_reported(damage: object) -> None:
    new = identity_service.create_self_signed("مریم احمدی", "", PASSPHRASE)
    broken = damage(new.key_encrypted)  # type: ignore[operator]
    with pytest.raises(identity_service.IdentityError) as caught:
        keys.unlock(new.cert_pem, broken, PASSPHRASE)
    # Damage inside the ciphertext can look exactly like a wrong passphrase; either way the
    # message is clear and nothing was signed.
    assert isinstance(caught.value, keys.CorruptKey | keys.WrongPassphrase)
    assert "چیزی نهایی نشد" in caught.value.message


def test_expired_and_not_yet_valid_certificates() -> None:
    old = identity_service.create_self_signed(
        "مریم احمدی",
        "",
        PASSPHRASE,
        valid_days=30,
        not_before=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
    )
    with pytest.raises(identity_service.CertificateExpired, match="معتبر نیست"):
        keys.unlock(old.cert_pem, old.key_encrypted, PASSPHRASE)
    # The same key is fine at a moment inside the validity period.
    keys.unlock(
        old.cert_pem, old.key_encrypted, PASSPHRASE, at=dt.datetime(2020, 1, 10, tzinfo=dt.UTC)
    )


def test_passphrase_too_short_and_empty_name() -> None:
    assert identity_service.MIN_PASSPHRASE == 10  # the governorate's rule
    for short in ("123", "nine-char"):
        assert identity_service.passphrase_problem(short) is not None
        with pytest.raises(identity_service.IdentityError, match="دست‌کم 10 نویسه"):
            identity_service.create_self_signed("مریم احمدی", "", short)
    assert identity_service.passphrase_problem("ten-chars!") is None
    made = identity_service.create_self_signed("مریم احمدی", "", "ten-chars!")
    keys.unlock(made.cert_pem, made.key_encrypted, "ten-chars!")
    with pytest.raises(identity_service.IdentityError, match="نام"):
        identity_service.create_self_signed("  ", "", PASSPHRASE)


def test_pkcs12_wrong_password_changes_nothing(context: AppContext) -> None:
    p12, _, _ = governorate_p12(b"p12-secret")
    with pytest.raises(identity_service.IdentityError, match="رمز پروندهٔ PKCS#12 درست نیست"):
        identity_service.import_pkcs12(p12, "wrong", PASSPHRASE)
    with pytest.raises(identity_service.IdentityError, match="PKCS#12"):
        identity_service.import_pkcs12(b"%PDF-1.4 not a p12 at all", "x", PASSPHRASE)
    # The new local passphrase is checked first, even with the right file password.
    with pytest.raises(identity_service.IdentityError, match="دست‌کم"):
        identity_service.import_pkcs12(p12, "p12-secret", "short-one")
    assert context.db["identities"].count == 0


def test_make_identity_from_a_request(context: AppContext, tmp_path: Path) -> None:
    p12, _, _ = governorate_p12(b"p12-secret")
    path = tmp_path / "inspector.p12"
    path.write_bytes(p12)
    request = identity_service.IdentityRequest(PASSPHRASE, path, "p12-secret")
    assert request.source == "pkcs12"
    imported = identity_service.make_identity(request, "ignored for a PKCS#12", "")
    assert imported.info.holder == "علی رضایی"
    missing = identity_service.IdentityRequest(PASSPHRASE, tmp_path / "gone.p12", "p12-secret")
    with pytest.raises(identity_service.IdentityError, match="خوانده نشد"):
        identity_service.make_identity(missing, "", "")
    created = identity_service.make_identity(
        identity_service.IdentityRequest(PASSPHRASE), "مریم احمدی", "۱۲۳"
    )
    assert created.personnel_no == "123" and created.info.self_signed
    assert context.db["identities"].count == 0  # nothing is stored until asked


def test_pkcs12_expired_certificate_is_refused() -> None:
    p12, _, _ = governorate_p12(b"p12-secret", expired=True)
    with pytest.raises(identity_service.CertificateExpired):
        identity_service.import_pkcs12(p12, "p12-secret", PASSPHRASE)


def test_pkcs12_import_signs_and_verifies_against_its_certificate(context: AppContext) -> None:
    p12, leaf_pem, ca_pem = governorate_p12(b"p12-secret")
    new = identity_service.import_pkcs12(p12, "p12-secret", PASSPHRASE)
    stored = identity_service.store(context.db, new, source="pkcs12")
    info = identity_service.certificate_info(stored.cert_pem)
    assert info.holder == "علی رضایی"
    assert info.issuer == "مرکز صدور گواهی استانداری"
    assert not info.self_signed
    assert stored.personnel_no == "54321"
    assert identity_service.public_certificate_pem(stored) == leaf_pem
    unlocked = identity_service.unlock_stored(stored, PASSPHRASE)
    assert len(unlocked.chain) == 1  # the CA travels with the signature
    signed = pdf_sign.sign_pdf(_pdf(), unlocked)
    result = verify_pdf(signed, leaf_pem)
    assert result.valid and result.intact and result.trusted is True
    assert result.signer_name == "علی رضایی"
    other = verify_pdf(signed, ca_pem)  # a different certificate than the signer's
    assert other.trusted is False and not other.ok


@pytest.mark.parametrize("name", ["بازرس ۱", "مریم Ahmadi", "۱۲ مریم"])
def test_names_no_validator_could_match_are_refused(name: str) -> None:
    # Such a name signs, but pyHanko could never match the certificate again (RFC 3454 bidi).
    with pytest.raises(identity_service.IdentityError, match="حرف آغاز و پایان"):
        identity_service.create_self_signed(name, "12", PASSPHRASE)


def test_names_with_hamza_and_zwnj_sign_and_verify() -> None:
    for name in ("زهرهٔ کاظمی", "علی‌رضا محمدی"):
        created = identity_service.create_self_signed(name, "77", PASSPHRASE)
        unlocked = keys.unlock(created.cert_pem, created.key_encrypted, PASSPHRASE)
        buffer = io.BytesIO()
        canvas = make_canvas(buffer, pagesize=A4)
        draw_rtl_line(canvas, "آزمون", 500, 700, font_name="Vazirmatn", font_size=12)
        canvas.showPage()
        canvas.save()
        result = verify_pdf(pdf_sign.sign_pdf(buffer.getvalue(), unlocked))
        assert result.valid and result.intact, (name, result.problems)
