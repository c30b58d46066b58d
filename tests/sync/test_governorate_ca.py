"""The governorate CA end to end, with a real server process and laptops driven by their
commands: enrolment turns a CSR into the inspector's certificate (in the name the code was
issued for), reports signed after it verify as governorate-issued, re-enrolment and revocation
reach the revocation list, and the server's keys rest encrypted.

Each attack here (a CSR without proof of possession, a revoked device's USB bundle, an old
revocation list replayed, the key files read without the passphrase) must be refused.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import sqlite3
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from inspector_app.domain.bundle import read_updates_bundle
from inspector_app.services.context import AppContext, open_context
from inspector_app.services.signing import identity as identity_service
from inspector_app.services.sync import config
from inspector_app.storage import settings
from tests.helpers.cli import Ran, run_cli
from tests.helpers.server import LaptopTemplates, ServerProcess, make_server
from tests.sync.factory import make_finalized

sqlite_server = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


def laptop(templates: LaptopTemplates, name: str, count: int, dest: Path) -> list[str]:
    ctx, ids = templates.clone(name, count, dest)
    assert isinstance(ctx, AppContext)
    ctx.close()
    return ids


def enrol(folder: Path, server: ServerProcess, code: str, *, ok: bool | None = True) -> Ran:
    return run_cli(
        "enrol", "--data-dir", str(folder), "--server", server.url, "--code", code,
        "--allow-insecure-http", "--json", ok=ok,
    )  # fmt: skip


def server_cli(server: ServerProcess, *args: str, ok: bool | None = True) -> Ran:
    return run_cli(*args, *server.db_args(), program="inspector-server", ok=ok)


def code_for(server: ServerProcess, name: str, personnel_no: str = "") -> str:
    extra = ["--personnel-no", personnel_no] if personnel_no else []
    return server.admin("enrol-code", "--inspector", name, *extra).strip().splitlines()[-1]


def finalize_one(folder: Path, seed: int) -> str:
    ctx = open_context(folder)
    try:
        return make_finalized(ctx, 1, seed=seed)[0]
    finally:
        ctx.close()


def report(folder: Path, inspection_id: str, dest: Path) -> Path:
    run_cli("report", "--data-dir", str(folder), inspection_id, "-o", str(dest), ok=True)
    return dest


def certificates(server: ServerProcess) -> list[dict[str, object]]:
    return list(json.loads(server_cli(server, "ca", "certificates", "--json").stdout))


def server_rows(server: ServerProcess) -> dict[str, sqlite3.Row]:
    with sqlite3.connect(server.data_dir / "server.db") as conn:
        conn.row_factory = sqlite3.Row
        rows = conn.execute("SELECT id, signer_issued, signer_key_sha256 FROM inspections")
        return {row["id"]: row for row in rows}


@sqlite_server
def test_enrolment_issues_the_certificate_in_the_codes_name(
    server: ServerProcess, templates: LaptopTemplates, tmp_path: Path
) -> None:
    folder = tmp_path / "laptop"
    before_enrolment = laptop(templates, "ca-issue", 2, folder)
    ctx = open_context(folder)
    own = identity_service.active_identity(ctx.db)
    ctx.close()

    # The code is for «زهرا کریمی»: the certificate names her, whatever the laptop's CSR says.
    done = enrol(folder, server, code_for(server, "زهرا کریمی", "۴۴۱۱"))
    assert json.loads(done.stdout)["inspector_name"] == "زهرا کریمی"
    ctx = open_context(folder)
    issued = identity_service.active_identity(ctx.db)
    root_pem = settings.get(ctx.db, config.CA_ROOT) or ""
    crl_pem = settings.get(ctx.db, config.CRL) or ""
    ctx.close()
    leaf = x509.load_pem_x509_certificates(issued.cert_pem)[0]
    root = x509.load_pem_x509_certificate(root_pem.encode("ascii"))
    assert leaf.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "زهرا کریمی"
    assert leaf.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)[0].value == "4411"
    leaf.verify_directly_issued_by(root)
    assert root_pem.strip() == server_cli(server, "ca", "root").stdout.strip()
    assert x509.load_pem_x509_crl(crl_pem.encode("ascii")).is_signature_valid(root.public_key())
    # The same key, now certified: the key stays encrypted as it was.
    assert issued.key_encrypted == own.key_encrypted and issued.id != own.id

    after = finalize_one(folder, seed=41)
    pdf = report(folder, after, tmp_path / "after.pdf")
    verdict = json.loads(
        run_cli("verify", "--data-dir", str(folder), str(pdf), "--json", ok=True).stdout
    )
    assert verdict["verdict"] == "governorate"
    # A report the laptop signed before enrolling: its own identity, said so (exit 3).
    early = report(folder, before_enrolment[0], tmp_path / "before.pdf")
    assert run_cli("verify", "--data-dir", str(folder), str(early)).returncode == 3

    synced = json.loads(run_cli("sync", "--data-dir", str(folder), "--json", ok=True).stdout)
    assert sorted(synced["sent"]) == sorted([*before_enrolment, after])
    rows = server_rows(server)
    assert rows[after]["signer_issued"] == 1
    assert {rows[i]["signer_issued"] for i in before_enrolment} == {0}
    assert len({rows[i]["signer_key_sha256"] for i in [*before_enrolment, after]}) == 1


@sqlite_server
def test_enrolment_without_proof_of_possession_is_refused(
    server: ServerProcess, tmp_path: Path
) -> None:
    code = code_for(server, "علی رضایی")
    key, other = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Ali Rezaei")])
    good = x509.CertificateSigningRequestBuilder().subject_name(name).sign(key, hashes.SHA256())
    der = bytearray(good.public_bytes(serialization.Encoding.DER))
    der[-5] ^= 0xFF  # inside the signature: the request no longer proves who holds the key
    forged = (
        b"-----BEGIN CERTIFICATE REQUEST-----\n"
        + base64.encodebytes(bytes(der))
        + b"-----END CERTIFICATE REQUEST-----\n"
    ).decode("ascii")
    # A certificate of someone else's key, as the old enrolment took it, is no CSR either.
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(other.public_key())
        .serial_number(1)
        .not_valid_before(dt.datetime(2026, 1, 1))
        .not_valid_after(dt.datetime(2030, 1, 1))
        .sign(other, hashes.SHA256())
    )
    for csr_pem in (forged, cert.public_bytes(serialization.Encoding.PEM).decode("ascii")):
        answer = httpx.post(
            f"{server.url}/v1/enrol", json={"code": code, "csr_pem": csr_pem}, timeout=30
        )
        assert answer.status_code == 422, answer.text
    # The code was not used up by the refusals.
    answer = httpx.post(
        f"{server.url}/v1/enrol",
        json={"code": code, "csr_pem": good.public_bytes(serialization.Encoding.PEM).decode()},
        timeout=30,
    )
    assert answer.status_code == 201, answer.text
    issued = x509.load_pem_x509_certificate(answer.json()["certificate_pem"].encode("ascii"))
    assert issued.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "علی رضایی"


@sqlite_server
def test_reenrolment_retires_the_old_device(
    server: ServerProcess, templates: LaptopTemplates, tmp_path: Path
) -> None:
    folder = tmp_path / "laptop"
    laptop(templates, "ca-reenrol", 1, folder)
    first = json.loads(enrol(folder, server, code_for(server, "مریم احمدی")).stdout)
    ctx = open_context(folder)
    old_token = config.load(ctx.db).token
    ctx.close()
    signed_with_first = finalize_one(folder, seed=52)  # still in the outbox when re-enrolling

    second = json.loads(enrol(folder, server, code_for(server, "مریم احمدی")).stdout)
    assert second["device_id"] != first["device_id"]
    answer = httpx.get(
        f"{server.url}/v1/device", headers={"Authorization": f"Bearer {old_token}"}, timeout=30
    )
    assert answer.status_code == 401
    by_device = {c["device_id"]: c for c in certificates(server)}
    assert by_device[first["device_id"]]["revocation_reason"] == "superseded"
    assert by_device[second["device_id"]]["revoked_at"] is None
    ctx = open_context(folder)
    crl = x509.load_pem_x509_crl((settings.get(ctx.db, config.CRL) or "").encode("ascii"))
    ctx.close()
    serial = int(str(by_device[first["device_id"]]["serial"]), 16)
    assert crl.get_revoked_certificate_by_serial_number(serial) is not None
    # What the first certificate signed is still this inspector's work: it is taken.
    synced = json.loads(run_cli("sync", "--data-dir", str(folder), "--json", ok=True).stdout)
    assert signed_with_first in synced["sent"]


@sqlite_server
def test_a_revoked_device_is_refused_and_its_reports_fail_elsewhere(
    server: ServerProcess, templates: LaptopTemplates, tmp_path: Path
) -> None:
    stolen, colleague = tmp_path / "stolen", tmp_path / "colleague"
    laptop(templates, "ca-stolen", 1, stolen)
    laptop(templates, "ca-colleague", 1, colleague)
    device = json.loads(enrol(stolen, server, code_for(server, "حسن موسوی")).stdout)
    enrol(colleague, server, code_for(server, "سارا نوری"))
    late = finalize_one(stolen, seed=63)
    pdf = report(stolen, late, tmp_path / "late.pdf")
    stick = tmp_path / "stick.bundle"
    run_cli("bundle", "export", "--data-dir", str(stolen), "-o", str(stick), ok=True)

    server_cli(server, "revoke", device["device_id"])
    done = server_cli(server, "import", str(stick), "--json", ok=False)
    assert "refused" in done.stdout and "unrevoked" in done.stdout, done
    assert late not in server_rows(server)

    # The colleague's laptop learns of the revocation with its next sync and then refuses the
    # stolen laptop's report, though the signature is intact and governorate-issued.
    run_cli("sync", "--data-dir", str(colleague), ok=True)
    checked = run_cli("verify", "--data-dir", str(colleague), str(pdf), "--json")
    assert checked.returncode == 1 and json.loads(checked.stdout)["verdict"] == "revoked"


def test_an_older_revocation_list_is_not_taken_back(
    server_factory: list[ServerProcess], templates: LaptopTemplates, tmp_path: Path
) -> None:
    # A server of its own: its updates bundle carries no registry or forms, only the CRL.
    server = make_server(server_factory, tmp_path, None).start()
    folder, other = tmp_path / "laptop", tmp_path / "other"
    laptop(templates, "ca-replay", 1, folder)
    laptop(templates, "ca-replay-other", 1, other)
    enrol(folder, server, code_for(server, "مریم احمدی"))
    victim = json.loads(enrol(other, server, code_for(server, "رضا کاظمی")).stdout)
    old_bundle = tmp_path / "old-updates.bundle"
    server_cli(server, "updates-bundle", "-o", str(old_bundle))
    server_cli(server, "revoke", victim["device_id"])
    run_cli("sync", "--data-dir", str(folder), ok=True)
    ctx = open_context(folder)
    newer = settings.get(ctx.db, config.CRL)
    ctx.close()

    # The bundle made before the revocation is genuine and signed, but its list is older.
    assert read_updates_bundle(old_bundle.read_bytes()).revocations is not None
    done = run_cli("bundle", "import", "--data-dir", str(folder), str(old_bundle), "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["crl_updated"] is False
    ctx = open_context(folder)
    assert settings.get(ctx.db, config.CRL) == newer
    ctx.close()


def test_server_keys_rest_encrypted(server_factory: list[ServerProcess], tmp_path: Path) -> None:
    fresh = make_server(server_factory, tmp_path, None)
    # Keys left as plain PEM by an earlier version are taken over and the plain file removed.
    old = Ed25519PrivateKey.generate()
    keys = fresh.data_dir / "keys"
    keys.mkdir(mode=0o700)
    (keys / "update-signing.pem").write_bytes(
        old.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    bundle = tmp_path / "u.bundle"
    server_cli(fresh, "updates-bundle", "-o", str(bundle))
    server_cli(fresh, "ca", "root")
    names = sorted(p.name for p in keys.iterdir())
    assert names == ["governorate-ca.p12", "update-signing.p12"], names
    public = old.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    assert read_updates_bundle(bundle.read_bytes()).signing_key == public.hex()
    for path in keys.iterdir():
        assert path.stat().st_mode & 0o777 == 0o600
        data = path.read_bytes()
        assert b"PRIVATE KEY" not in data
        for guess in (None, b"", b"password"):
            with pytest.raises(ValueError):
                pkcs12.load_key_and_certificates(data, guess)

    # Without the passphrase, or with a wrong one, nothing starts and nothing is printed.
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("BAZRES_SERVER_KEY_PASSPHRASE")
        done = server_cli(fresh, "ca", "root", ok=False)
        assert "BAZRES_SERVER_KEY_PASSPHRASE" in done.stderr and "Traceback" not in done.stderr
        patch.setenv("BAZRES_SERVER_KEY_PASSPHRASE", "not-the-passphrase")
        done = server_cli(fresh, "ca", "root", ok=False)
        assert "passphrase" in done.stderr and "BEGIN CERTIFICATE" not in done.stdout
