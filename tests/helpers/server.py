"""The governorate server in a test: a real `inspector-server serve` process on 127.0.0.1
(SQLite or PostgreSQL), its admin commands, and laptop data folders with finalized inspections."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.helpers.cli import run_cli

# The server keeps its CA and update keys encrypted under this (server/keystore.py).
SERVER_KEY_PASSPHRASE = "server-keys-passphrase"

BIN = Path(sys.executable).parent
SERVER = str(BIN / "inspector-server")
APP = str(BIN / "inspector-app")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class ServerProcess:
    data_dir: Path
    db_url: str | None = None
    env: dict[str, str] = field(default_factory=dict)
    extra_args: list[str] = field(default_factory=list)
    port: int = 0
    scheme: str = "http"
    proc: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def db_args(self) -> list[str]:
        return ["--data-dir", str(self.data_dir), *(["--db", self.db_url] if self.db_url else [])]

    def start(self, **env: str) -> ServerProcess:
        self.port = self.port or free_port()
        self.log_path = self.data_dir.parent / f"server-{self.port}.log"
        environment = {
            "BAZRES_SERVER_KEY_PASSPHRASE": SERVER_KEY_PASSPHRASE,
            **os.environ,
            **self.env,
            **env,
        }
        command = [SERVER, "serve", *self.db_args(), "--port", str(self.port), *self.extra_args]
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, env=environment
            )
        self.wait_ready()
        return self

    def wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited early:\n{self.log()}")
            try:
                if httpx.get(f"{self.url}/health", timeout=1.0, verify=False).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server did not come up:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path else ""

    def kill(self) -> None:
        """SIGKILL: no graceful shutdown, as a crash or a power cut."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def restart(self, **env: str) -> ServerProcess:
        self.stop()
        return self.start(**env)

    def admin(self, *args: str, process: bool = False) -> str:
        """Run an `inspector-server` admin command: in a process as an operator would
        (`process=True`), else through the same `main()` in this process (saves startups)."""
        argv = [args[0], *self.db_args(), *args[1:]]
        if process:
            environment = {"BAZRES_SERVER_KEY_PASSPHRASE": SERVER_KEY_PASSPHRASE, **os.environ}
            done = subprocess.run(
                [SERVER, *argv], capture_output=True, text=True, timeout=120, env=environment
            )
            if done.returncode != 0:
                raise RuntimeError(f"{args} failed: {done.stdout}\n{done.stderr}")
            return done.stdout
        ran = run_cli(*argv, program="inspector-server")
        if ran.returncode != 0:
            raise RuntimeError(f"{args} failed ({ran.returncode}): {ran.stdout}\n{ran.stderr}")
        return ran.stdout

    def enrol_code(self, inspector: str = "مریم احمدی") -> str:
        return self.admin("enrol-code", "--inspector", inspector).strip().splitlines()[-1]

    def inspections(self) -> list[dict[str, object]]:
        import json

        return list(json.loads(self.admin("inspections", "--json")))


def make_server(
    started: list[ServerProcess], root: Path, db_url: str | None, **kwargs: object
) -> ServerProcess:
    server = ServerProcess(root / f"server-{len(started)}", db_url, **kwargs)  # type: ignore[arg-type]
    server.data_dir.mkdir(parents=True, exist_ok=True)
    started.append(server)
    return server


UPLOAD_LIMIT_MB = 1  # the shared server's limit (a test bundle is ~100 KB)


@dataclass
class LaptopTemplates:
    """Laptop data folders with finalized inspections, made once per session and copied per
    test (finalizing is the slow part). Copies share ids, so use one copy per server."""

    root: Path
    made: dict[str, tuple[Path, list[str]]] = field(default_factory=dict)

    def clone(self, name: str, count: int, dest: Path) -> tuple[object, list[str]]:
        from inspector_app.services.context import open_context
        from tests.sync.factory import make_finalized, make_laptop

        if name not in self.made:
            folder = self.root / name
            ctx = make_laptop(folder)
            ids = make_finalized(ctx, count, seed=sum(map(ord, name)))
            ctx.close()
            self.made[name] = (folder, ids)
        folder, ids = self.made[name]
        assert len(ids) == count, f"template {name} has {len(ids)} inspections"
        shutil.copytree(folder, dest)
        return open_context(dest), list(ids)


def laptop_csr(db: object, passphrase: str) -> str:
    """The CSR a laptop sends at enrolment: its active identity's key, unlocked to sign it."""
    from inspector_app.services.signing import csr
    from inspector_app.services.signing import identity as identity_service

    stored = identity_service.active_identity(db)  # type: ignore[arg-type]
    return csr.certificate_request(identity_service.unlock_stored(stored, passphrase))


def self_signed(folder: Path) -> tuple[Path, Path, str]:
    """A TLS certificate and key for a test server on localhost, and its sha256 fingerprint."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "bazres-test-server")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "server.pem", folder / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    fingerprint = hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()
    return cert_path, key_path, fingerprint
