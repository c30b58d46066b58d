"""Finalize and sign in a test: a filled draft, both signatures, a governorate certificate."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import subprocess
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from inspector_app.services import demo, demo_signed
from inspector_app.services.context import AppContext
from inspector_app.services.workflow import start_inspection
from inspector_app.storage import drafts, inspections, offices, settings
from tests.helpers.paths import ROOT

ARTIFACTS = ROOT / "artifacts" / "signing"
PASSPHRASE = "correct-horse-1404"


def pdfsig(path: Path) -> str:
    """pdfsig's report (stdout and stderr); its exit status is not a verdict on its own."""
    tool = shutil.which("pdfsig")
    if tool is None:
        raise RuntimeError("pdfsig (poppler-utils) is not installed")
    done = subprocess.run([tool, str(path)], capture_output=True, text=True, check=False)
    return done.stdout + done.stderr


def render_last_page(pdf: Path, name: str, resolution: int = 80) -> Path:
    """The last page as PNG under artifacts/signing/ (to look at)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = next(int(line.split()[-1]) for line in info.stdout.splitlines() if "Pages:" in line)
    prefix = ARTIFACTS / name
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(resolution), "-f", str(pages), "-l", str(pages),
         "-singlefile", str(pdf), str(prefix)],
        check=True,
    )  # fmt: skip
    return prefix.with_suffix(".png")


def governorate_p12(password: bytes, *, expired: bool = False) -> tuple[bytes, bytes, bytes]:
    """A CA and an inspector certificate it issued, as the governorate would hand them out."""
    now = dt.datetime.now(dt.UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "مرکز صدور گواهی استانداری")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=400))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    start, end = (
        (now - dt.timedelta(days=400), now - dt.timedelta(days=30))
        if expired
        else (now - dt.timedelta(days=1), now + dt.timedelta(days=365))
    )
    leaf = (
        x509.CertificateBuilder()
        .subject_name(
            x509.Name(
                [
                    x509.NameAttribute(NameOID.COMMON_NAME, "علی رضایی"),
                    x509.NameAttribute(NameOID.SERIAL_NUMBER, "54321"),
                ]
            )
        )
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    p12 = pkcs12.serialize_key_and_certificates(
        b"inspector", key, leaf, [ca], serialization.BestAvailableEncryption(password)
    )
    pem = serialization.Encoding.PEM
    return p12, leaf.public_bytes(pem), ca.public_bytes(pem)


def make_filled_draft(context: AppContext, *, seed: int = 7, office_type: str = "pishkhan") -> str:
    """A draft with every item answered, photos, interviews, findings and the header filled."""
    rng = random.Random(seed)
    if not settings.inspector_profile(context.db).name:
        settings.save_inspector_profile(context.db, demo.DEMO_INSPECTOR)
    office = next(
        o for o in offices.list_offices(context.db, status="active") if o["type"] == office_type
    )
    inspection_id = start_inspection(context, str(office["code"]))
    inspections.update_header(
        context.db,
        inspection_id,
        arrival_at="2026-11-29T06:45:00Z",  # a visit of its own day, whatever the clock says
        departure_at="2026-11-29T08:30:00Z",
        rep_name="زهرا محمدی",
        rep_role="مدیر دفتر",
    )
    demo.fill_inspection(context, inspection_id, rng, interviews=2)
    return inspection_id


def sign_both(context: AppContext, inspection_id: str, *, rep_declines: bool = False) -> None:
    rng = random.Random(3)
    strokes = demo_signed.demo_strokes(rng)
    drafts.save_signature(
        context.db,
        inspection_id,
        "inspector",
        signer_name="مریم احمدی",
        strokes=strokes,
        png=demo_signed.strokes_png(strokes),
    )
    if rep_declines:
        drafts.save_signature(
            context.db,
            inspection_id,
            "representative",
            signer_name="زهرا محمدی",
            declined_reason="با نتیجهٔ بازرسی موافق نبود",
        )
    else:
        rep = demo_signed.demo_strokes(rng)
        drafts.save_signature(
            context.db,
            inspection_id,
            "representative",
            signer_name="زهرا محمدی",
            strokes=rep,
            png=demo_signed.strokes_png(rep),
        )
