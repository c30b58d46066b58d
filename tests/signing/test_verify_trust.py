"""`verify` calls a report valid only when its signer's certificate chains to the governorate's
root and is not revoked; a key made on another laptop with the inspector's name, or a
certificate of another CA with the same names, is refused; the laptop's own identity is said
so plainly (exit 3)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.reader import PdfFileReader

from inspector_app.services import finalize
from inspector_app.services.context import AppContext, open_context
from inspector_app.services.signing import identity as identity_service
from inspector_app.services.signing.keys import seal_key
from inspector_app.services.sync.config import CA_ROOT, CRL
from inspector_app.storage import settings
from inspector_app.storage.identities import StoredIdentity
from inspector_app.ui.finalize.verify_dialog import VerifyDialog
from inspector_app.ui.qt import QFileDialog, QPushButton, Qt
from tests.helpers.cli import run_cli
from tests.helpers.gui import Gui
from tests.helpers.signing import PASSPHRASE, make_filled_draft, pdfsig, sign_both

HOLDER = "مریم احمدی"
PERSONNEL_NO = "۱۲۳۴۵"
ROOT_NAME = "مرکز صدور گواهی استانداری بوشهر"
PEM = serialization.Encoding.PEM
NOW = dt.datetime.now(dt.UTC)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def holder_subject() -> x509.Name:
    """The subject a self-signed identity of the inspector has (so the names are the same)."""
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "IR"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, identity_service.GOVERNORATE),
            x509.NameAttribute(NameOID.COMMON_NAME, HOLDER),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, "12345"),
        ]
    )


@dataclass
class CA:
    """A governorate-style certificate authority: a root and the leaves and CRLs it signs."""

    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate

    @classmethod
    def make(cls, name: str = ROOT_NAME) -> CA:
        key = ec.generate_private_key(ec.SECP256R1())
        cert = (
            x509.CertificateBuilder()
            .subject_name(_name(name))
            .issuer_name(_name(name))
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOW - dt.timedelta(days=30))
            .not_valid_after(NOW + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=1), critical=True)
            .add_extension(
                x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                critical=True,
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
            .sign(key, hashes.SHA256())
        )
        return cls(key, cert)

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(PEM)

    def issue(
        self, public_key: ec.EllipticCurvePublicKey, subject: x509.Name, *, ca: bool = False
    ) -> x509.Certificate:
        usage = (
            x509.KeyUsage(False, False, False, False, False, True, True, False, False)
            if ca  # keyCertSign, cRLSign
            else x509.KeyUsage(True, True, False, False, False, False, False, False, False)
        )  # digitalSignature, nonRepudiation
        builder = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(self.cert.subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOW - dt.timedelta(days=1))
            .not_valid_after(NOW + dt.timedelta(days=365))
            .add_extension(usage, critical=True)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), False
            )
        )
        if ca:
            builder = builder.add_extension(
                x509.BasicConstraints(ca=True, path_length=0), critical=True
            ).add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), False)
        return builder.sign(self.key, hashes.SHA256())

    def crl(self, *revoked: tuple[int, dt.datetime]) -> bytes:
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.cert.subject)
            .last_update(NOW)
            .next_update(NOW + dt.timedelta(days=7))
        )
        for serial, when in revoked:
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when).build()
            )
        return builder.sign(self.key, hashes.SHA256()).public_bytes(PEM)


def store_issued(
    context: AppContext, issuer: CA, *, chain: tuple[x509.Certificate, ...] = ()
) -> tuple[StoredIdentity, x509.Certificate]:
    """An identity whose leaf `issuer` signed (as enrolment leaves it: leaf, then its chain)."""
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = issuer.issue(key.public_key(), holder_subject())
    new = identity_service.NewIdentity(
        holder_name=HOLDER,
        personnel_no=PERSONNEL_NO,
        cert_pem=leaf.public_bytes(PEM),
        key_encrypted=seal_key(key, PASSPHRASE.encode("utf-8")),
        chain_pem=b"".join(c.public_bytes(PEM) for c in (*chain, issuer.cert)),
    )
    return identity_service.store(context.db, new, source="pkcs12"), leaf


def signed_report(context: AppContext, identity: StoredIdentity, path: Path) -> Path:
    """A complete inspection of `context`, finalized and signed by `identity`, as a file."""
    inspection_id = make_filled_draft(context)
    sign_both(context, inspection_id)
    finalize.finalize(context.db, inspection_id, identity, PASSPHRASE)
    path.write_bytes(finalize.signed_pdf(context.db, inspection_id))
    return path


@pytest.fixture(scope="module")
def governorate() -> CA:
    return CA.make()


@pytest.fixture
def enrolled(context: AppContext, governorate: CA) -> tuple[StoredIdentity, x509.Certificate]:
    """This laptop after enrolment: the root and an empty CRL pinned, a governorate leaf."""
    settings.put(context.db, CA_ROOT, governorate.pem.decode("ascii"))
    settings.put(context.db, CRL, governorate.crl().decode("ascii"))
    return store_issued(context, governorate)


@pytest.fixture
def other_laptop(tmp_path: Path) -> Iterator[AppContext]:
    folder = tmp_path / "other-laptop"
    folder.mkdir()
    ctx = open_context(folder)
    yield ctx
    ctx.close()


def verify_json(report: Path, data_dir: Path, *extra: str) -> tuple[int, dict[str, object]]:
    ran = run_cli("verify", str(report), "--json", "--data-dir", str(data_dir), *extra)
    return ran.returncode, json.loads(ran.stdout)


def test_governorate_signed_report_is_valid(
    context: AppContext, enrolled: tuple[StoredIdentity, x509.Certificate], data_dir: Path,
    governorate: CA, tmp_path: Path,
) -> None:  # fmt: skip
    identity, leaf = enrolled
    report = signed_report(context, identity, tmp_path / "report.pdf")
    assert "Signature is Valid" in pdfsig(report)
    ran = run_cli("verify", str(report), "--data-dir", str(data_dir))
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "نتیجه: معتبر؛ صادرشده از استانداری بوشهر" in ran.stdout
    code, data = verify_json(report, data_dir)
    assert code == 0 and data["ok"] is True
    assert data["verdict"] == "governorate" and data["issued_by_root"] is True
    assert data["revoked"] is False and data["own_identity"] is True
    spki = leaf.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    assert data["signer_key_sha256"] == hashlib.sha256(spki).hexdigest()
    assert data["database"] == "match"
    # Anyone holding only the governorate's root checks it the same way, offline.
    root = tmp_path / "root.pem"
    root.write_bytes(governorate.pem)
    code, data = verify_json(report, tmp_path / "nowhere", "--root", str(root))
    assert code == 0 and data["verdict"] == "governorate" and data["own_identity"] is False


def test_the_signature_carries_the_issuer_chain(
    context: AppContext, data_dir: Path, governorate: CA, tmp_path: Path
) -> None:
    """An inspector certificate issued by an intermediate CA: the report carries that CA's
    certificate, so a verifier holding only the root builds the path offline."""
    key = ec.generate_private_key(ec.SECP256R1())
    cert = governorate.issue(key.public_key(), _name("مرکز صدور گواهی بازرسان"), ca=True)
    intermediate = CA(key, cert)
    identity, _ = store_issued(context, intermediate, chain=(governorate.cert,))
    assert identity.cert_pem.count(b"BEGIN CERTIFICATE") == 3  # leaf, intermediate, root
    report = signed_report(context, identity, tmp_path / "report.pdf")
    signature = PdfFileReader(io.BytesIO(report.read_bytes())).embedded_signatures[0]
    embedded = {c.chosen.subject.human_friendly for c in signature.signed_data["certificates"]}
    assert any("مرکز صدور گواهی بازرسان" in name for name in embedded)
    root = tmp_path / "root.pem"
    root.write_bytes(governorate.pem)
    code, data = verify_json(report, tmp_path / "nowhere", "--root", str(root))
    assert code == 0 and data["verdict"] == "governorate"
    # Revoking the intermediate revokes what it issued.
    revoked = tmp_path / "root.crl"
    revoked.write_bytes(governorate.crl((cert.serial_number, NOW)))
    code, data = verify_json(
        report, tmp_path / "nowhere", "--root", str(root), "--crl", str(revoked)
    )
    assert code == 1 and data["verdict"] == "revoked"


def test_a_second_key_with_the_same_holder_name_is_untrusted(
    context: AppContext, enrolled: tuple[StoredIdentity, x509.Certificate], data_dir: Path,
    other_laptop: AppContext, tmp_path: Path,
) -> None:  # fmt: skip
    # Made on another laptop: a self-signed key under the inspector's own name and number.
    forged = identity_service.store(
        other_laptop.db, identity_service.create_self_signed(HOLDER, PERSONNEL_NO, PASSPHRASE)
    )
    report = signed_report(other_laptop, forged, tmp_path / "forged.pdf")
    assert "Signature is Valid" in pdfsig(report)  # the bytes are perfectly signed
    ran = run_cli("verify", str(report), "--data-dir", str(data_dir))
    assert ran.returncode == 1
    assert "سالم ولی امضاکننده را استانداری صادر نکرده است" in ran.stdout
    code, data = verify_json(report, data_dir)
    assert code == 1 and data["verdict"] == "untrusted" and data["ok"] is False
    assert data["intact"] is True and data["issued_by_root"] is False
    assert data["signer_name"] == HOLDER


def test_a_leaf_of_another_ca_with_the_same_names_is_untrusted(
    context: AppContext, enrolled: tuple[StoredIdentity, x509.Certificate], data_dir: Path,
    other_laptop: AppContext, tmp_path: Path,
) -> None:  # fmt: skip
    impostor_ca = CA.make(ROOT_NAME)  # the governorate's name, another key
    forged, _ = store_issued(other_laptop, impostor_ca)
    report = signed_report(other_laptop, forged, tmp_path / "other-ca.pdf")
    code, data = verify_json(report, data_dir)
    assert code == 1 and data["verdict"] == "untrusted" and data["issued_by_root"] is False
    # The forged leaf is well formed and does chain to its own CA: it is refused for who
    # issued it, nothing else.
    impostor_root = tmp_path / "impostor-root.pem"
    impostor_root.write_bytes(impostor_ca.pem)
    code, data = verify_json(report, tmp_path / "nowhere", "--root", str(impostor_root))
    assert code == 0 and data["verdict"] == "governorate"


@pytest.mark.parametrize("revoked_days_after_signing", [-1, 2])
def test_a_revoked_leaf_fails_whatever_the_revocation_date(
    context: AppContext, enrolled: tuple[StoredIdentity, x509.Certificate], data_dir: Path,
    governorate: CA, tmp_path: Path, revoked_days_after_signing: int,
) -> None:  # fmt: skip
    identity, leaf = enrolled
    report = signed_report(context, identity, tmp_path / "report.pdf")
    assert verify_json(report, data_dir)[0] == 0
    # The laptop is stolen; the governorate revokes the leaf. A revocation dated after the
    # claimed signing time counts too: that time is the signer's own claim, no timestamp.
    when = NOW + dt.timedelta(days=revoked_days_after_signing)
    crl = governorate.crl((leaf.serial_number, when))
    settings.put(context.db, CRL, crl.decode("ascii"))
    ran = run_cli("verify", str(report), "--data-dir", str(data_dir))
    assert ran.returncode == 1
    assert "گواهی امضاکننده باطل شده است" in ran.stdout
    code, data = verify_json(report, data_dir)
    assert code == 1 and data["verdict"] == "revoked" and data["revoked"] is True
    # The same CRL given on the command line, to a verifier with only the root.
    root, crl_file = tmp_path / "root.pem", tmp_path / "list.crl"
    root.write_bytes(governorate.pem)
    crl_file.write_bytes(crl)
    nowhere = tmp_path / "nowhere"
    assert verify_json(report, nowhere, "--root", str(root))[0] == 0
    code, data = verify_json(report, nowhere, "--root", str(root), "--crl", str(crl_file))
    assert code == 1 and data["verdict"] == "revoked"


def test_a_crl_signed_by_another_key_revokes_nothing(
    context: AppContext, enrolled: tuple[StoredIdentity, x509.Certificate], data_dir: Path,
    tmp_path: Path,
) -> None:  # fmt: skip
    identity, leaf = enrolled
    report = signed_report(context, identity, tmp_path / "report.pdf")
    forged_list = CA.make(ROOT_NAME).crl((leaf.serial_number, NOW))
    settings.put(context.db, CRL, forged_list.decode("ascii"))
    code, data = verify_json(report, data_dir)
    assert code == 0 and data["verdict"] == "governorate" and data["revoked"] is False


def test_the_laptops_own_identity_is_said_plainly(
    context: AppContext, identity: StoredIdentity, data_dir: Path, governorate: CA,
    tmp_path: Path,
) -> None:  # fmt: skip
    report = signed_report(context, identity, tmp_path / "own.pdf")
    ran = run_cli("verify", str(report), "--data-dir", str(data_dir))
    assert ran.returncode == 3, ran.stdout + ran.stderr
    assert "امضا با شناسهٔ خود این رایانه (هنوز از استانداری گواهی نگرفته)" in ran.stdout
    assert "دست‌نخورده" in ran.stdout
    code, data = verify_json(report, data_dir)
    assert code == 3 and data["verdict"] == "own" and data["own_identity"] is True
    assert data["issued_by_root"] is None and data["ok"] is False  # no root pinned yet
    # After enrolment the report signed before it is still the laptop's own, not the
    # governorate's.
    settings.put(context.db, CA_ROOT, governorate.pem.decode("ascii"))
    store_issued(context, governorate)
    code, data = verify_json(report, data_dir)
    assert code == 3 and data["verdict"] == "own" and data["issued_by_root"] is False
    # Another data folder does not know this identity: a stranger's self-signed key.
    code, data = verify_json(report, tmp_path / "nowhere")
    assert code == 1 and data["verdict"] == "untrusted"


def test_a_tampered_governorate_report_is_invalid(
    context: AppContext, enrolled: tuple[StoredIdentity, x509.Certificate], data_dir: Path,
    tmp_path: Path,
) -> None:  # fmt: skip
    identity, _ = enrolled
    report = signed_report(context, identity, tmp_path / "report.pdf")
    pdf = bytearray(report.read_bytes())
    start = pdf.index(b"stream\n", len(pdf) // 3) + 40
    pdf[start] ^= 0x01
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(bytes(pdf))
    assert "Signature is Valid" not in pdfsig(damaged)
    ran = run_cli("verify", str(damaged), "--data-dir", str(data_dir))
    assert ran.returncode == 1 and "نتیجه: نامعتبر" in ran.stdout
    code, data = verify_json(damaged, data_dir)
    assert code == 1 and data["verdict"] == "invalid" and data["intact"] is False


def test_bad_trust_files_are_usage_errors(
    context: AppContext, identity: StoredIdentity, data_dir: Path, tmp_path: Path
) -> None:
    report = signed_report(context, identity, tmp_path / "own.pdf")
    junk = tmp_path / "junk.pem"
    junk.write_bytes(b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
    ran = run_cli("verify", str(report), "--root", str(junk), "--data-dir", str(data_dir))
    assert ran.returncode == 2 and "گواهی X.509 نیست" in ran.stderr
    ran = run_cli("verify", str(report), "--crl", str(report), "--data-dir", str(data_dir))
    assert ran.returncode == 2 and "CRL" in ran.stderr


def test_the_verify_dialog_shows_the_verdict(
    qtbot: Any, data_dir: Path, governorate: CA, other_laptop: AppContext, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    ctx = open_context(data_dir)
    try:
        settings.put(ctx.db, CA_ROOT, governorate.pem.decode("ascii"))
        settings.put(ctx.db, CRL, governorate.crl().decode("ascii"))
        identity, _ = store_issued(ctx, governorate)
        issued = signed_report(ctx, identity, tmp_path / "issued.pdf")
    finally:
        ctx.close()
    forged = identity_service.store(
        other_laptop.db, identity_service.create_self_signed(HOLDER, PERSONNEL_NO, PASSPHRASE)
    )
    stranger = signed_report(other_laptop, forged, tmp_path / "forged.pdf")
    running = Gui(qtbot, data_dir)
    window = running.start()
    try:
        window.show_page("settings")
        page = window.pages["settings"]
        qtbot.mouseClick(page.findChild(QPushButton, "verifyPdf"), Qt.MouseButton.LeftButton)
        dialog = page.findChild(VerifyDialog, "verifyDialog")
        qtbot.waitUntil(dialog.isVisible, timeout=5000)
        chosen = {"path": issued}
        monkeypatch.setattr(  # the system's file dialog is the one thing not clicked through
            QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(chosen["path"]), ""))
        )
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        assert dialog.verdict.text() == "✔ معتبر؛ صادرشده از استانداری بوشهر."
        assert dialog.verdict.property("verdict") == "good"
        assert dialog.fields["issued"].text() == "بله"
        assert dialog.fields["database"].text() == "با بازرسی ثبت‌شده می‌خواند"
        chosen["path"] = stranger
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        assert dialog.verdict.text() == "✘ سالم ولی امضاکننده را استانداری صادر نکرده است."
        assert dialog.verdict.property("verdict") == "bad"
        assert dialog.fields["signer"].text() == HOLDER and dialog.fields["intact"].text() == "بله"
        assert dialog.fields["issued"].text() == "خیر"
        qtbot.mouseClick(dialog.findChild(QPushButton, "closeVerify"), Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()
    finally:
        running.stop()
