"""The deployment files in deploy/ name what exists: the Dockerfile's COPY sources (and its
build context lets them through), its command, compose's and the systemd unit's ExecStart are
`inspector-server` commands this version parses, the environment they set is what the server
reads, compose publishes only the TLS proxy, whose address is the one the server trusts, and
hands every secret over as a file; `caddy validate` accepts the Caddyfile with a certificate
and `systemd-analyze verify` the unit. Docker itself cannot run here: the compose file is checked
as data, and the proxy (Caddy, as compose runs it) in front of a real server process."""

from __future__ import annotations

import ipaddress
import json
import os
import re
import shlex
import shutil
import sqlite3
import ssl
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from inspector_app.server.api.routes import health
from inspector_app.server.cli import build_parser
from inspector_app.server.config import DATA_ENV, DB_ENV
from inspector_app.server.keystore import PASSPHRASE_FILE_ENV
from tests.helpers.cli import run_cli
from tests.helpers.server import ServerProcess, free_port, make_server, self_signed

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SCRIPTS = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]


def instructions(name: str) -> list[str]:
    """The Dockerfile's `name` instructions, continuation lines joined."""
    text = re.sub(r"\\\n", " ", (DEPLOY / "Dockerfile").read_text())
    return [line.split(None, 1)[1] for line in text.splitlines() if line.startswith(name + " ")]


def parses(argv: list[str]) -> str:
    """The command `inspector-server argv` would run (argparse exits on anything unknown)."""
    return str(build_parser().parse_args(argv).command)


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
    assert parses(command) == "serve"
    assert "/health" in instructions("HEALTHCHECK")[0]
    assert "/health" in {getattr(r, "path", "") for r in health.router.routes}


def compose() -> dict[str, Any]:
    return dict(yaml.safe_load((DEPLOY / "compose.yaml").read_text()))


def option(argv: list[str], name: str) -> str:
    return argv[argv.index(name) + 1]


def test_compose_publishes_only_the_proxy_which_the_server_alone_trusts() -> None:
    spec = compose()
    services = spec["services"]
    assert set(services) == {"proxy", "server", "db"}
    proxy, server, db = services["proxy"], services["server"], services["db"]
    # Images pinned to a release, not a moving tag.
    assert re.fullmatch(r"caddy:\d+\.\d+\.\d+", proxy["image"]), proxy["image"]
    assert re.fullmatch(r"postgres:17\.\d+", db["image"]), db["image"]  # pg_dump 17 in the image
    assert (DEPLOY / server["build"]["context"] / server["build"]["dockerfile"]).is_file()
    # Only the proxy is reachable from outside; the server listens where the proxy forwards.
    assert "ports" not in server and "ports" not in db
    assert [p.split(":") for p in proxy["ports"]] == [["8443", "8443"]]
    command = server["command"]
    assert parses(command) == "serve"
    port = option(command, "--port")
    assert server["expose"] == [port]
    assert proxy["environment"]["BAZRES_UPSTREAM"] == f"server:{port}"
    assert f"127.0.0.1:{port}/health" in " ".join(server["healthcheck"]["test"])
    # The one address the server believes X-Forwarded-* from is the proxy's, on its network.
    (network,) = proxy["networks"]
    address = proxy["networks"][network]["ipv4_address"]
    assert option(command, "--trusted-proxies") == address
    subnet = spec["networks"][network]["ipam"]["config"][0]["subnet"]
    assert ipaddress.ip_address(address) in ipaddress.ip_network(subnet)
    assert network in server["networks"] and network in db["networks"]
    assert "./Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]


def test_compose_hands_every_secret_over_as_a_file() -> None:
    spec = compose()
    defined = spec["secrets"]
    for name, service in spec["services"].items():
        for secret in service.get("secrets", []):
            assert secret in defined, (name, secret)
        for key, value in service.get("environment", {}).items():
            # A secret's path, never its value: no password in a URL, no passphrase inline.
            assert not re.search(r"://[^/@]*:[^/@]*@", str(value)), (name, key)
            assert "PASSWORD" not in key or key.endswith("_FILE"), (name, key)
            if str(value).startswith("/run/secrets/"):
                assert value.removeprefix("/run/secrets/") in service["secrets"], (name, key)
    for secret in defined.values():
        assert secret["file"].startswith("./secrets/")
    server, db, proxy = (spec["services"][n] for n in ("server", "db", "proxy"))
    env = server["environment"]
    assert env[PASSPHRASE_FILE_ENV] == "/run/secrets/key_passphrase"
    assert env["PGPASSFILE"] == "/run/secrets/db_pgpass"
    assert env[DB_ENV] == "postgresql://bazres@db:5432/bazres"
    assert env[DATA_ENV] == "/var/lib/bazres"
    assert db["environment"]["POSTGRES_PASSWORD_FILE"] == "/run/secrets/db_password"
    assert proxy["environment"]["BAZRES_TLS_CERT"] == "/run/secrets/tls_cert"
    assert proxy["environment"]["BAZRES_TLS_KEY"] == "/run/secrets/tls_key"
    assert not (DEPLOY / "docker-compose.yml").exists()  # one compose file, the one documented


def caddy_env(tmp_path: Path, **env: str) -> dict[str, str]:
    cert, key, _ = self_signed(tmp_path)
    return {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "BAZRES_TLS_CERT": str(cert),
        "BAZRES_TLS_KEY": str(key),
        **env,
    }


needs_caddy = pytest.mark.skipif(shutil.which("caddy") is None, reason="no caddy (Debian: caddy)")


@needs_caddy
def test_caddy_validates_the_caddyfile_with_a_certificate(tmp_path: Path) -> None:
    command = ["caddy", "validate", "--config", str(DEPLOY / "Caddyfile"), "--adapter", "caddyfile"]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=60, env=caddy_env(tmp_path)
    )
    assert done.returncode == 0, done.stderr
    # A missing certificate file is an error, not a proxy serving something else.
    broken = caddy_env(tmp_path, BAZRES_TLS_CERT=str(tmp_path / "missing.pem"))
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, env=broken)
    assert done.returncode != 0 and "missing.pem" in done.stderr


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
    assert parses([a.replace("%d", "/run/credentials/x") for a in args]) == "serve"
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


# --- the proxy headers, with real processes ----------------------------------------------------

FORGED = {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"}


def failed_login(base: str, *, verify: Any = False, source: str = "127.0.0.1") -> httpx.Response:
    """A wrong password at the console's login, with forged forwarding headers; the login
    page's Set-Cookie is returned (Secure only when the server takes the request as https)."""
    transport = httpx.HTTPTransport(local_address=source, verify=verify)
    with httpx.Client(base_url=base, transport=transport, timeout=30) as client:
        page = client.get("/console/login", headers=FORGED)
        assert page.status_code == 200, page.text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert token
        client.post(
            "/console/login",
            data={"csrf_token": token[1], "username": "nobody", "password": "wrong password"},
            headers=FORGED,
        )
        return page


def login_addresses(server: ServerProcess) -> list[str]:
    with sqlite3.connect(server.data_dir / "server.db") as conn:
        rows = conn.execute(
            "SELECT detail FROM server_audit_log WHERE action = 'login_failed' ORDER BY id"
        ).fetchall()
    return [json.loads(detail)["address"] for (detail,) in rows]


def test_a_server_without_a_proxy_believes_no_forwarded_header(
    server_factory: list[ServerProcess], tmp_path: Path
) -> None:
    """uvicorn on its own trusts X-Forwarded-* from 127.0.0.1: any local process could pass
    for another client (to dodge the login throttle, to fake the audit log) or for https."""
    server = make_server(server_factory, tmp_path, None).start()
    page = failed_login(server.url)
    assert "secure" not in page.headers["set-cookie"].lower()
    assert login_addresses(server) == ["127.0.0.1"]


@needs_caddy
def test_behind_caddy_the_server_believes_the_proxy_and_nobody_else(
    server_factory: list[ServerProcess], tmp_path: Path
) -> None:
    server = make_server(
        server_factory, tmp_path, None, extra_args=["--trusted-proxies", "127.0.0.1"]
    ).start()
    port = free_port()
    env = caddy_env(
        tmp_path, BAZRES_PROXY_PORT=str(port), BAZRES_UPSTREAM=f"127.0.0.1:{server.port}"
    )
    command = ["caddy", "run", "--config", str(DEPLOY / "Caddyfile"), "--adapter", "caddyfile"]
    with open(tmp_path / "caddy.log", "wb") as log:
        caddy = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        base = f"https://localhost:{port}"
        trust = ssl.create_default_context(cafile=env["BAZRES_TLS_CERT"])
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{base}/health", verify=trust, timeout=2)
                break
            except httpx.HTTPError:
                assert caddy.poll() is None, (tmp_path / "caddy.log").read_text()
                assert time.monotonic() < deadline, (tmp_path / "caddy.log").read_text()
                time.sleep(0.2)
        # Through the proxy, with the certificate checked: https, and the client's own address
        # (the proxy drops the X-Forwarded-For the client forged).
        page = failed_login(base, verify=trust)
        assert "secure" in page.headers["set-cookie"].lower()
        # Straight to the server from another address than the proxy's: not believed.
        page = failed_login(server.url, source="127.0.0.2")
        assert "secure" not in page.headers["set-cookie"].lower()
        assert login_addresses(server) == ["127.0.0.1", "127.0.0.2"]
    finally:
        caddy.terminate()
        caddy.wait(10)


def test_trusted_proxies_must_be_addresses() -> None:
    ran = run_cli("serve", "--trusted-proxies", "proxy.example", program="inspector-server")
    assert ran.returncode == 1 and "not an IP address or network" in ran.stderr
