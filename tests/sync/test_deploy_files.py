"""The deployment files in deploy/ name what exists: the Dockerfile's COPY sources (and its
build context lets them through), its command and the systemd unit's ExecStart are
`inspector-server` commands this version parses, the environment they set is what the server
reads, and `systemd-analyze verify` accepts the unit. (Docker itself cannot run here.)"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from inspector_app.server.api.routes import health
from inspector_app.server.cli import build_parser
from inspector_app.server.config import DATA_ENV, DB_ENV
from inspector_app.server.keystore import PASSPHRASE_FILE_ENV

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SCRIPTS = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]


def instructions(name: str) -> list[str]:
    """The Dockerfile's `name` instructions, continuation lines joined."""
    text = re.sub(r"\\\n", " ", (DEPLOY / "Dockerfile").read_text())
    return [line.split(None, 1)[1] for line in text.splitlines() if line.startswith(name + " ")]


def parses(argv: list[str]) -> str:
    """The handler `inspector-server argv` would run (argparse exits on anything unknown)."""
    return str(build_parser().parse_args(argv).func.__name__)


def test_dockerfile_copies_what_exists_and_runs_the_server() -> None:
    assert instructions("FROM")[0].startswith("python:3.11-slim")
    allowed = (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines()
    sources = [
        part
        for copy in instructions("COPY")
        if not copy.startswith("--from")
        for part in copy.split()[:-1]
    ]
    assert {"inspector_app", "resources", "forms", "uv.lock"} <= set(sources)
    for source in sources:
        assert (ROOT / source).exists(), source
        assert f"!{source}" in allowed or f"!{source}/" in allowed, source
    assert instructions("USER") == ["bazres"]
    (entrypoint,) = (json.loads(i) for i in instructions("ENTRYPOINT"))
    (command,) = (json.loads(i) for i in instructions("CMD"))
    assert entrypoint == ["inspector-server"] and "inspector-server" in SCRIPTS
    assert parses(command) == "_serve"
    assert "/health" in instructions("HEALTHCHECK")[0]
    assert "/health" in {getattr(r, "path", "") for r in health.router.routes}


def test_compose_gives_the_server_its_database_and_passphrase_file() -> None:
    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    server = compose["services"]["server"]
    assert (DEPLOY / server["build"]["context"] / server["build"]["dockerfile"]).is_file()
    env = server["environment"]
    assert env[PASSPHRASE_FILE_ENV] == "/run/secrets/key_passphrase"
    assert env[DB_ENV].startswith("postgresql://") and "@db:5432/" in env[DB_ENV]
    assert env[DATA_ENV] == "/var/lib/bazres"
    assert {"key_passphrase", "tls_cert", "tls_key"} <= set(server["secrets"])
    (command,) = (json.loads(i) for i in instructions("CMD"))
    for secret in ("tls_cert", "tls_key"):
        assert f"/run/secrets/{secret}" in command
    assert compose["services"]["db"]["image"].startswith("postgres:")
    assert set(compose["secrets"]) >= {"db_password", "key_passphrase", "tls_cert", "tls_key"}


def unit() -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for line in (DEPLOY / "bazres-server.service").read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            values.setdefault(key, []).append(value)
    return values


def test_systemd_unit_runs_the_server_with_the_passphrase_as_a_credential() -> None:
    values = unit()
    program, *args = shlex.split(values["ExecStart"][0])
    assert Path(program).name in SCRIPTS
    assert parses([a.replace("%d", "/run/credentials/x") for a in args]) == "_serve"
    credentials = dict(v.split(":", 1) for v in values["LoadCredential"])
    assert f"{PASSPHRASE_FILE_ENV}=%d/key-passphrase" in values["Environment"]
    assert {"key-passphrase", "tls-cert", "tls-key"} == set(credentials)
    assert f"{DATA_ENV}=/var/lib/bazres" in values["Environment"]
    assert values["ReadWritePaths"] == ["/var/lib/bazres"]
    assert values["ProtectSystem"] == ["strict"] and values["NoNewPrivileges"] == ["yes"]
    assert values["User"] == ["bazres"]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze")
def test_systemd_analyze_verifies_the_unit(tmp_path: Path) -> None:
    here = Path(sys.executable).parent / "inspector-server"  # the script the unit runs
    text = (DEPLOY / "bazres-server.service").read_text()
    copy = tmp_path / "bazres-server.service"
    copy.write_text(text.replace("/opt/bazres/.venv/bin/inspector-server", str(here)))
    done = subprocess.run(
        ["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr
