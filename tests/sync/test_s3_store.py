"""The S3 file store against a real S3-compatible server: moto's standalone server on
127.0.0.1 as a process of its own, and a real `inspector-server serve` configured to keep its
files there (`BAZRES_SERVER_FILE_STORE=s3://...`, credentials from a credentials file).

A laptop syncs through it: the PDF is in the bucket under its sha256, the console reads it back,
a file two inspections share is stored once (the bucket keeps versions, so a second PUT would
show), backup copies what the database names out of the bucket and restore puts it into
another. A wrong endpoint, bucket or credential stops the server at start with one line.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import httpx
import pytest

from inspector_app.server.config import Settings
from inspector_app.server.s3store import S3Store, open_s3_store
from tests.console.conftest import Console, add_user
from tests.helpers.cli import run_cli
from tests.helpers.server import BIN, SERVER, LaptopTemplates, ServerProcess, free_port, make_server
from tests.sync.test_governorate_ca import code_for, enrol, laptop

KEY_ID, SECRET = "AKIDBAZRESTEST", "bazres-test-secret"


@dataclass
class Moto:
    endpoint: str
    proc: subprocess.Popen[bytes]

    def client(self) -> Any:
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name="us-east-1",
            aws_access_key_id=KEY_ID,
            aws_secret_access_key=SECRET,
        )

    def bucket(self, name: str) -> str:
        """A new bucket that keeps every version of an object (so a rewrite shows)."""
        client = self.client()
        client.create_bucket(Bucket=name)
        client.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
        return name

    def objects(self, bucket: str) -> dict[str, bytes]:
        client = self.client()
        listed = client.list_objects_v2(Bucket=bucket).get("Contents", [])
        return {
            o["Key"]: client.get_object(Bucket=bucket, Key=o["Key"])["Body"].read() for o in listed
        }

    def versions(self, bucket: str) -> list[str]:
        found = self.client().list_object_versions(Bucket=bucket).get("Versions", [])
        return sorted(v["Key"] for v in found)


def start_moto(tmp: Path, **env: str) -> Moto:
    port = free_port()
    with open(tmp / f"moto-{port}.log", "wb") as log:
        proc = subprocess.Popen(
            [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={"PATH": str(BIN), **env},
        )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{endpoint}/moto-api/", timeout=1)
            return Moto(endpoint, proc)
        except httpx.HTTPError:
            assert proc.poll() is None, (tmp / f"moto-{port}.log").read_text()
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("moto_server did not come up")


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


@pytest.fixture(scope="module")
def moto(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Moto]:
    server = start_moto(tmp_path_factory.mktemp("moto"))
    yield server
    stop(server.proc)


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Credentials the way an admin gives them: in a credentials file, named by the standard
    variable; nothing of ~/.aws or an instance role is looked at."""
    credentials = tmp_path / "aws-credentials"
    credentials.write_text(
        f"[default]\naws_access_key_id = {KEY_ID}\naws_secret_access_key = {SECRET}\n"
    )
    credentials.chmod(0o600)
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(credentials))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    return credentials


def use_bucket(monkeypatch: pytest.MonkeyPatch, moto: Moto, url: str) -> None:
    """The file store for the server process and for admin commands run in this process."""
    monkeypatch.setenv("BAZRES_SERVER_FILE_STORE", url)
    monkeypatch.setenv("BAZRES_SERVER_S3_ENDPOINT", moto.endpoint)


def stored_files(server: ServerProcess) -> list[tuple[str, str, str]]:
    with sqlite3.connect(server.data_dir / "server.db") as conn:
        return list(conn.execute("SELECT inspection_id, name, sha256 FROM inspection_files"))


def pdf_from_console(server: ServerProcess, inspection_id: str) -> bytes:
    console = Console(server, "sara")
    try:
        reply = console.get(f"/console/inspections/{inspection_id}/report.pdf")
        assert reply.status_code == 200, reply.text
        return reply.content
    finally:
        console.close()


def test_sync_stores_in_the_bucket_and_backup_restores_into_another(
    moto: Moto,
    aws_env: Path,
    monkeypatch: pytest.MonkeyPatch,
    server_factory: list[ServerProcess],
    templates: LaptopTemplates,
    tmp_path: Path,
) -> None:
    bucket = moto.bucket("bazres-files")
    use_bucket(monkeypatch, moto, f"s3://{bucket}/governorate-a")
    server = make_server(server_factory, tmp_path, None).start()
    folder = tmp_path / "laptop"
    ids = laptop(templates, "s3", 2, folder)
    enrol(folder, server, code_for(server, "مریم احمدی"))
    synced = json.loads(run_cli("sync", "--data-dir", str(folder), "--json", ok=True).stdout)
    assert sorted(synced["sent"]) == sorted(ids)

    # Every file the database names is in the bucket, keyed by its sha256, and nowhere else.
    objects = moto.objects(bucket)
    rows = stored_files(server)
    assert {f"governorate-a/{d[:2]}/{d}" for _, _, d in rows} == set(objects)
    for key, data in objects.items():
        assert key.rsplit("/", 1)[1] == hashlib.sha256(data).hexdigest()
    assert not any(p.is_file() for p in (server.data_dir / "files").rglob("*"))
    pdfs = {i: d for i, name, d in rows if name == "report.pdf"}
    assert set(pdfs) == set(ids)

    # The console reads the signed PDF back out of the bucket.
    add_user(server, "sara", "supervisor", "سارا نیک‌نام")
    first = sorted(ids)[0]
    pdf = pdf_from_console(server, first)
    assert pdf.startswith(b"%PDF") and hashlib.sha256(pdf).hexdigest() == pdfs[first]

    # Each object was written once (the bucket keeps every version of a key).
    assert moto.versions(bucket) == sorted(objects)

    # Backup copies out of the bucket what the database names; restore into a new data folder
    # and another bucket; the restored server reads the PDF from there.
    backup = tmp_path / "backup"
    run_cli("backup", *server.db_args(), "--output", str(backup), program="inspector-server",
            ok=True)  # fmt: skip
    manifest = json.loads((backup / "manifest.json").read_text())
    backed = {p.rsplit("/", 1)[1] for p in manifest["entries"] if p.startswith("files/")}
    assert backed == {d for _, _, d in rows}
    server.stop()
    other = moto.bucket("bazres-restored")
    use_bucket(monkeypatch, moto, f"s3://{other}")
    restored = make_server(server_factory, tmp_path, None)
    restored.data_dir.rmdir()
    done = run_cli("restore", *restored.db_args(), str(backup), program="inspector-server", ok=True)
    assert "checked against the manifest" in done.stdout
    assert set(moto.objects(other)) == {f"{d[:2]}/{d}" for d in backed}
    assert not (restored.data_dir / "files").exists()
    # Restored once more over it: every file is there already, so nothing new is stored.
    run_cli("restore", "--force", *restored.db_args(), str(backup), program="inspector-server",
            ok=True)  # fmt: skip
    assert moto.versions(other) == sorted(f"{d[:2]}/{d}" for d in backed)
    restored.start()
    assert pdf_from_console(restored, first) == pdf


def test_backup_refuses_when_the_bucket_lost_a_file(
    moto: Moto,
    aws_env: Path,
    monkeypatch: pytest.MonkeyPatch,
    server_factory: list[ServerProcess],
    templates: LaptopTemplates,
    tmp_path: Path,
) -> None:
    bucket = moto.bucket("bazres-damaged")
    use_bucket(monkeypatch, moto, f"s3://{bucket}")
    server = make_server(server_factory, tmp_path, None).start()
    folder = tmp_path / "laptop"
    laptop(templates, "s3-damaged", 1, folder)
    enrol(folder, server, code_for(server, "علی رضایی"))
    run_cli("sync", "--data-dir", str(folder), ok=True)
    pdf = next(d for _, name, d in stored_files(server) if name == "report.pdf")
    moto.client().delete_object(Bucket=bucket, Key=f"{pdf[:2]}/{pdf}")
    backup = tmp_path / "backup"
    refused = run_cli("backup", *server.db_args(), "--output", str(backup),
                      program="inspector-server", ok=False)  # fmt: skip
    assert "lacks 1 file(s)" in refused.stderr and pdf in refused.stderr
    assert not backup.exists()


def serve_refused(tmp_path: Path, env: dict[str, str]) -> str:
    """`inspector-server serve` with these settings: it must stop at once, with one line."""
    data = tmp_path / f"data-{len(list(tmp_path.iterdir()))}"
    done = subprocess.run(
        [SERVER, "serve", "--data-dir", str(data), "--port", str(free_port())],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )
    assert done.returncode == 1, done
    assert "Traceback" not in done.stderr, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, done.stderr
    return errors[0]


def test_bad_configuration_stops_the_server_with_one_line(
    moto: Moto, aws_env: Path, tmp_path: Path
) -> None:
    store = {"BAZRES_SERVER_S3_ENDPOINT": moto.endpoint}
    nowhere = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    line = serve_refused(
        tmp_path,
        {"BAZRES_SERVER_FILE_STORE": "s3://bazres-files", "BAZRES_SERVER_S3_ENDPOINT": nowhere},
    )
    assert "cannot be reached" in line and nowhere in line
    line = serve_refused(tmp_path, {**store, "BAZRES_SERVER_FILE_STORE": "s3://no-such-bucket"})
    assert "there is no bucket 'no-such-bucket'" in line
    line = serve_refused(tmp_path, {**store, "BAZRES_SERVER_FILE_STORE": "s3://Bad_Name/../x"})
    assert "is not s3://BUCKET" in line
    no_credentials = {"AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none")}
    line = serve_refused(
        tmp_path, {**store, **no_credentials, "BAZRES_SERVER_FILE_STORE": "s3://bazres-files"}
    )
    assert "no S3 credentials" in line

    # A store that checks credentials (moto with its IAM on): ours are unknown to it.
    strict = start_moto(tmp_path, INITIAL_NO_AUTH_ACTION_COUNT="0")
    try:
        line = serve_refused(
            tmp_path,
            {
                "BAZRES_SERVER_S3_ENDPOINT": strict.endpoint,
                "BAZRES_SERVER_FILE_STORE": "s3://bazres-files",
            },
        )
    finally:
        stop(strict.proc)
    assert "credentials were refused" in line


def test_keys_are_only_sha256_we_computed(moto: Moto, aws_env: Path) -> None:
    bucket = moto.bucket("bazres-unit")
    settings = Settings(
        Path("/nonexistent"), file_store=f"s3://{bucket}/p", s3_endpoint=moto.endpoint
    )
    store = open_s3_store(settings)
    assert isinstance(store, S3Store)
    data = b"%PDF-1.7 a report"
    digest = store.put(data)
    assert digest == hashlib.sha256(data).hexdigest()
    assert store.put(data) == digest  # again: nothing new stored
    assert moto.versions(bucket) == [f"p/{digest[:2]}/{digest}"]
    assert store.get(digest) == data
    # Anything but a lower-case sha256 is refused before a request is made.
    for bad in ("../../etc/passwd", digest.upper(), digest[:-1], f"{digest}/x", "", "a" * 65):
        with pytest.raises(ValueError):
            store.get(bad)
        with pytest.raises(ValueError):
            store.key(bad)
    assert moto.versions(bucket) == [f"p/{digest[:2]}/{digest}"]
    with pytest.raises(FileNotFoundError):
        store.get("0" * 64)
    # An object changed in the bucket behind the server's back is not served as the file.
    moto.client().put_object(Bucket=bucket, Key=f"p/{digest[:2]}/{digest}", Body=b"changed")
    with pytest.raises(OSError, match="does not match its sha256"):
        store.get(digest)
