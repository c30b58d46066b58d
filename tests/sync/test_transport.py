"""Attacks on the way between the laptop and the server, against real server processes: plain
http, a man in the middle on loopback that rewrites the server's answers, a server presenting
another certificate than the pinned one."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from inspector_app import paths
from inspector_app.domain.canonical import sha256_hex
from inspector_app.domain.jalali import from_iso
from inspector_app.services import sync_jobs
from inspector_app.services.context import AppContext
from inspector_app.services.sync import config, outbox, runner
from inspector_app.services.sync.client import CertificateChanged, InsecureTransport
from inspector_app.storage import offices, settings
from tests.helpers.cli import run_cli
from tests.helpers.server import LaptopTemplates, ServerProcess, make_server, self_signed
from tests.sync.factory import PASSPHRASE

AS_OF = "X-Bazres-Update-As-Of"
REPO = Path(__file__).resolve().parents[2]

# Laptop-side behaviour: SQLite servers only.
pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)

Rewrite = Callable[[str, bytes], bytes]  # (path, body of the server's answer) -> body sent on


class Interceptor:
    """A man in the middle on 127.0.0.1: forwards every request to the server and passes each
    answer through `rewrite` (which an attacker on plain http can do freely)."""

    def __init__(self, upstream: str, rewrite: Rewrite) -> None:
        self.upstream, self.rewrite, self.rewritten = upstream, rewrite, 0
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def _forward(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
                answer = httpx.request(
                    self.command, proxy.upstream + self.path, headers=headers, content=body
                )
                content = proxy.rewrite(self.path, answer.content)
                if content != answer.content:
                    proxy.rewritten += 1
                self.send_response(answer.status_code)
                for name, value in answer.headers.items():
                    if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            do_GET = do_PUT = do_POST = _forward

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@contextlib.contextmanager
def intercepting(upstream: str, rewrite: Rewrite) -> Iterator[Interceptor]:
    proxy = Interceptor(upstream, rewrite)
    try:
        yield proxy
    finally:
        proxy.stop()


def inject_form(path: str, body: bytes) -> bytes:
    """The attacker's change: a "newer" pishkhan form with one question reworded."""
    if not path.startswith("/v1/forms"):
        return body
    document = json.loads(body)
    original = (REPO / "forms" / "pishkhan.yaml").read_text("utf-8")
    forged = original.replace("\nversion: 2\n", "\nversion: 99\n", 1)
    document["forms"].append(
        {"name": "pishkhan-v99.yaml", "sha256": sha256_hex(forged.encode()), "content": forged}
    )
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def laptop(templates: LaptopTemplates, tmp_path: Path, name: str) -> AppContext:
    ctx, _ids = templates.clone(f"transport-{name}", 1, tmp_path / f"laptop-{name}")
    assert isinstance(ctx, AppContext)
    return ctx


def publish_forms(server: ServerProcess) -> None:
    server.admin("publish", "--form", *[str(p) for p in sorted((REPO / "forms").glob("*.yaml"))])


# --- plain http --------------------------------------------------------------------------------


def test_plain_http_is_refused_unless_allowed(
    server: ServerProcess, templates: LaptopTemplates, tmp_path: Path, backend: str | None
) -> None:
    ctx = laptop(templates, tmp_path, "http")
    with pytest.raises(InsecureTransport):
        runner.enrol(ctx, server.url, server.enrol_code(), PASSPHRASE)
    assert not config.load(ctx.db).enrolled
    ctx.close()
    folder = str(tmp_path / "laptop-http")
    done = run_cli("enrol", "--data-dir", folder, "--server", server.url, "--code", "X", ok=False)
    assert done.returncode == 1 and "--allow-insecure-http" in done.stderr

    done = run_cli(
        "enrol", "--data-dir", folder, "--server", server.url, "--code", server.enrol_code(),
        "--allow-insecure-http",
    )  # fmt: skip
    assert done.returncode == 0 and "WARNING" in done.stderr and "plain http" in done.stderr
    # Remembered for this server: sync needs no flag, and warns every time.
    done = run_cli("sync", "--data-dir", folder, "--json")
    assert json.loads(done.stdout)["ok"] and "WARNING" in done.stderr

    # The address changed to another plain http server (as a redirect would): refused.
    with intercepting(server.url, lambda _path, body: body) as proxy:
        from inspector_app.services.context import open_context

        ctx = open_context(Path(folder))
        settings.put(ctx.db, config.SERVER_URL, proxy.url)
        ctx.close()
        done = run_cli("sync", "--data-dir", folder, ok=False)
    assert done.returncode == 1 and "http" in done.stderr and "WARNING" not in done.stderr


# --- signed registry and forms on the network path ---------------------------------------------


def test_forms_injected_on_plain_http_are_refused(
    server_factory: list[ServerProcess], templates: LaptopTemplates, tmp_path: Path,
    backend: str | None,
) -> None:  # fmt: skip
    server = make_server(server_factory, tmp_path, None).start()
    publish_forms(server)
    with intercepting(server.url, inject_form) as proxy:
        ctx = laptop(templates, tmp_path, "mitm")
        runner.enrol(ctx, proxy.url, server.enrol_code(), PASSPHRASE, allow_insecure_http=True)
        report = runner.run_sync(ctx)
    assert proxy.rewritten == 1
    assert not report.ok and report.problem is not None
    assert "امضا نشده" in (report.error or "") and "forms" in (report.error or "")
    folder = paths.downloaded_forms(ctx.data_dir)
    assert not list(folder.glob("*.yaml"))  # nothing written, not even the genuine forms
    assert all(f.form.version != 99 for f in ctx.forms)
    assert outbox.counts(ctx.db) == {"done": 1}  # the upload itself went through
    assert settings.get(ctx.db, config.ETAG_FORMS) in (None, "")  # asked again next time

    # The same laptop straight to the server: the signed forms are accepted.
    settings.put(ctx.db, config.SERVER_URL, server.url)
    settings.put(ctx.db, runner.INSECURE_HTTP_SERVER, server.url)
    again = runner.run_sync(ctx)
    assert again.ok, again.as_dict()
    assert "pishkhan.yaml" in again.updates["forms_written"]
    assert not (folder / "pishkhan-v99.yaml").exists()
    ctx.close()


def test_registry_rewritten_or_unsigned_is_refused(
    server_factory: list[ServerProcess], templates: LaptopTemplates, tmp_path: Path,
    backend: str | None,
) -> None:  # fmt: skip
    server = make_server(server_factory, tmp_path, None).start()
    server.admin("publish", "--registry", str(REPO / "resources/data/offices_demo.json"))

    def rename_office(path: str, body: bytes) -> bytes:
        if not path.startswith("/v1/registry"):
            return body
        document = json.loads(body)
        document["offices"][0]["name"] = "دفتر جعلی"
        return json.dumps(document, ensure_ascii=False).encode("utf-8")

    ctx = laptop(templates, tmp_path, "registry")
    with intercepting(server.url, rename_office) as proxy:
        runner.enrol(ctx, proxy.url, server.enrol_code(), PASSPHRASE, allow_insecure_http=True)
        report = runner.run_sync(ctx)
    assert proxy.rewritten == 1 and not report.ok
    assert "registry" in (report.error or "")
    office = offices.get(ctx.db, "PK-BSH-001")
    assert office is not None and office["name"] != "دفتر جعلی"

    # A genuine answer whose signature header was stripped is refused too.
    token = config.load(ctx.db).token
    genuine = httpx.get(f"{server.url}/v1/registry", headers={"Authorization": f"Bearer {token}"})
    assert genuine.headers.get("X-Bazres-Update-Signature")
    from inspector_app.services.sync import updates

    signature, as_of = genuine.headers["X-Bazres-Update-Signature"], genuine.headers[AS_OF]
    with pytest.raises(updates.UpdateNotSigned):
        updates.check_pulled(ctx, "registry", genuine.content, None, as_of)
    updates.check_pulled(ctx, "registry", genuine.content, signature, as_of)
    with pytest.raises(updates.UpdateNotSigned):  # a registry signature does not pass for forms
        updates.check_pulled(ctx, "forms", genuine.content, signature, as_of)
    ctx.close()


def test_an_old_signed_answer_replayed_is_refused(
    server_factory: list[ServerProcess], templates: LaptopTemplates, tmp_path: Path,
    backend: str | None,
) -> None:  # fmt: skip
    """A genuine, signed registry answer recorded on the way and given again after a newer one
    was taken (a withdrawn office would come back): refused, as is the same answer with its time
    made newer (the signature covers the time)."""
    server = make_server(server_factory, tmp_path, None).start()
    server.admin("publish", "--registry", str(REPO / "resources/data/offices_demo.json"))
    ctx = laptop(templates, tmp_path, "replay")
    runner.enrol(ctx, server.url, server.enrol_code(), PASSPHRASE, allow_insecure_http=True)
    token = config.load(ctx.db).token
    recorded = httpx.get(f"{server.url}/v1/registry", headers={"Authorization": f"Bearer {token}"})
    old = (recorded.content, recorded.headers["X-Bazres-Update-Signature"], recorded.headers[AS_OF])
    assert runner.run_sync(ctx).ok  # takes the registry, answered after the recorded one
    taken = settings.get(ctx.db, config.AS_OF["registry"])
    assert taken is not None and from_iso(taken) > from_iso(old[2])

    from inspector_app.services.sync import updates

    with pytest.raises(updates.UpdateReplayed) as refused:
        updates.check_pulled(ctx, "registry", *old)
    assert "کهنه‌تر" in refused.value.message
    with pytest.raises(updates.UpdateNotSigned):
        updates.check_pulled(ctx, "registry", old[0], old[1], "2099-01-01T00:00:00Z")

    # The same by USB: a genuine updates bundle made before the registry the laptop took.
    stick = tmp_path / "old-updates.bundle"
    server.admin("updates-bundle", "-o", str(stick))
    settings.put(ctx.db, config.ETAG_REGISTRY, "")  # asked again: a newer answer is taken
    assert runner.run_sync(ctx).ok
    done = run_cli("bundle", "import", "--data-dir", str(ctx.data_dir), str(stick))
    assert done.returncode == 1 and "کهنه‌تر" in done.stderr, done
    assert from_iso(str(settings.get(ctx.db, config.AS_OF["registry"]))) > from_iso(taken)
    ctx.close()


# --- a changed pinned certificate --------------------------------------------------------------


def test_changed_pinned_certificate_is_reported_as_interception(
    server_factory: list[ServerProcess], templates: LaptopTemplates, tmp_path: Path,
    backend: str | None,
) -> None:  # fmt: skip
    servers = []
    for name in ("real", "impostor"):
        (tmp_path / name).mkdir()
        cert, key, fingerprint = self_signed(tmp_path / name)
        server = make_server(
            server_factory,
            tmp_path,
            None,
            extra_args=["--tls-cert", str(cert), "--tls-key", str(key)],
        )
        server.scheme = "https"
        servers.append((server.start(), fingerprint))
    (real, pin), (impostor, _other) = servers
    ctx = laptop(templates, tmp_path, "pinned")
    runner.enrol(ctx, real.url, real.enrol_code(), PASSPHRASE, pin_sha256=pin)
    pem = config.load(ctx.db).server_cert_pem
    assert sync_jobs.probe(real.url, pem, False)

    # Traffic for the server now reaches another one, with another certificate.
    settings.put(ctx.db, config.SERVER_URL, impostor.url)
    with pytest.raises(CertificateChanged):
        sync_jobs.probe(impostor.url, pem, False)
    report = runner.run_sync(ctx)
    assert isinstance(report.problem, CertificateChanged)
    assert "شنود" in (report.error or "") and "در دسترس نیست" not in (report.error or "")
    assert impostor.inspections() == []
    (item,) = outbox.items(ctx.db)
    assert item.state == "failed" and "شنود" in (item.last_error or "")
    ctx.close()
    done = run_cli("sync", "--data-dir", str(tmp_path / "laptop-pinned"), ok=False)
    assert done.returncode == 1 and "شنود" in done.stdout


# --- rotating the pin by a signed update -------------------------------------------------------


def test_pin_rotates_only_by_a_correctly_signed_update(
    server_factory: list[ServerProcess], templates: LaptopTemplates, tmp_path: Path,
    backend: str | None,
) -> None:  # fmt: skip
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    old_cert, old_key, old_pin = self_signed(tmp_path / "old")
    new_cert, new_key, new_pin = self_signed(tmp_path / "new")
    server = make_server(
        server_factory,
        tmp_path,
        None,
        extra_args=["--tls-cert", str(old_cert), "--tls-key", str(old_key)],
    )
    server.scheme = "https"
    server.start()
    ctx = laptop(templates, tmp_path, "rotate")
    runner.enrol(ctx, server.url, server.enrol_code(), PASSPHRASE, pin_sha256=old_pin)
    folder = str(tmp_path / "laptop-rotate")
    ctx.close()

    def pins() -> tuple[str | None, str | None]:
        from inspector_app.services.context import open_context

        opened = open_context(Path(folder))
        try:
            return settings.get(opened.db, config.SERVER_PIN), config.load(
                opened.db
            ).server_cert_pem
        finally:
            opened.close()

    before = pins()
    # A bundle carrying the attacker's certificate, signed by another key: refused.
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from inspector_app.domain.bundle import build_updates_bundle

    forged = tmp_path / "forged.bundle"
    forged.write_bytes(
        build_updates_bundle(None, {}, {}, Ed25519PrivateKey.generate(), new_cert.read_bytes())
    )
    done = run_cli("bundle", "import", "--data-dir", folder, str(forged), ok=False)
    assert "امضا نشده" in done.stderr and pins() == before

    # The genuine bundle with one byte of the certificates changed: refused.
    genuine = tmp_path / "rotation.bundle"
    server.admin(
        "updates-bundle", "-o", str(genuine), "--server-cert", str(old_cert), str(new_cert)
    )
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(genuine.read_bytes())) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members["server-certificates.pem"] = new_cert.read_bytes() * 2
    tampered = tmp_path / "tampered.bundle"
    with zipfile.ZipFile(tampered, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    run_cli("bundle", "import", "--data-dir", folder, str(tampered), ok=False)
    assert pins() == before

    # Without the rotation, the server's new certificate reads as an interception.
    server.extra_args = ["--tls-cert", str(new_cert), "--tls-key", str(new_key)]
    server.restart()
    done = run_cli("sync", "--data-dir", folder, ok=False)
    assert "شنود" in done.stdout

    # The signed rotation: both pinned; the new certificate is accepted, and so is the old.
    done = run_cli("bundle", "import", "--data-dir", folder, str(genuine), "--json")
    assert json.loads(done.stdout)["server_pins"] == [old_pin, new_pin]
    assert pins()[0] == f"{old_pin},{new_pin}"
    done = run_cli("sync", "--data-dir", folder, "--json")
    assert json.loads(done.stdout)["ok"]
    server.extra_args = ["--tls-cert", str(old_cert), "--tls-key", str(old_key)]
    server.restart()
    run_cli("sync", "--data-dir", folder, "--json", ok=True)


def test_the_server_warns_when_it_serves_plain_http(server: ServerProcess) -> None:
    assert "WARNING: serving plain http" in server.log()
