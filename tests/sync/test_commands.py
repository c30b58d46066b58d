"""Driven only by the commands: two laptops and one server (also across a server restart),
USB bundles both ways, and TLS with a pinned certificate."""

from __future__ import annotations

import functools
import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from inspector_app import paths
from inspector_app.services.context import AppContext, open_context
from inspector_app.storage import inspections, offices
from tests.helpers.cli import Ran, run_cli
from tests.helpers.paths import ROOT
from tests.helpers.server import APP, LaptopTemplates, ServerProcess, make_server, self_signed
from tests.sync.factory import make_finalized


def app(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    """`inspector-app ARGS` in a process of its own, as a person runs it."""
    done = subprocess.run([APP, *args], capture_output=True, text=True, timeout=180)
    if ok:
        assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done


def apps(*commands: list[str]) -> list[subprocess.CompletedProcess[str]]:
    """Several `inspector-app` processes at once (two laptops at the same time)."""
    procs = [
        subprocess.Popen([APP, *c], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c in commands
    ]
    # Every process is waited for before any is judged: one failing must not leave the
    # others running with open pipes.
    outputs = [proc.communicate(timeout=180) for proc in procs]
    done = [
        subprocess.CompletedProcess(c, proc.returncode, out, err)
        for c, proc, (out, err) in zip(commands, procs, outputs, strict=True)
    ]
    for ran in done:
        assert ran.returncode == 0, (ran.args, ran.stdout, ran.stderr)
    return done


# In-process (tests/helpers/cli): exit 0 is asserted unless ok=False, which asserts a refusal.
cli = functools.partial(run_cli, ok=True)


def copy_laptop(templates: LaptopTemplates, name: str, count: int, dest: Path) -> list[str]:
    ctx, ids = templates.clone(name, count, dest)
    assert isinstance(ctx, AppContext)
    ctx.close()
    return ids


def test_two_laptops_one_server_by_commands(
    server_factory: list[ServerProcess], templates: LaptopTemplates, tmp_path: Path,
    fresh_db: str | None,
) -> None:  # fmt: skip
    server = make_server(server_factory, tmp_path, fresh_db).start()
    folders = {name: tmp_path / f"laptop-{name}" for name in ("a", "b")}
    ids = {n: copy_laptop(templates, f"fault-{n}-4", 4, folder) for n, folder in folders.items()}
    codes = [
        server.admin("enrol-code", "--inspector", "علی رضایی", process=True).split()[-1],
        server.enrol_code(),
    ]
    apps(
        *[
            [
                "enrol",
                "--data-dir",
                str(folder),
                "--server",
                server.url,
                "--code",
                code,
                "--allow-insecure-http",
            ]
            for folder, code in zip(folders.values(), codes, strict=True)
        ]
    )
    for done in apps(*[["sync", "--data-dir", str(f), "--json"] for f in folders.values()]):
        report = json.loads(done.stdout)
        assert report["ok"] and len(report["sent"]) == 4

    server.restart()
    ctx = open_context(folders["a"])
    ids["a"] += make_finalized(ctx, 1, seed=99)
    ctx.close()
    apps(*[["sync", "--data-dir", str(f)] for f in folders.values()])
    status = json.loads(cli("sync", "--data-dir", str(folders["a"]), "--status", "--json").stdout)
    assert {i["state"] for i in status["items"]} == {"done"} and len(status["items"]) == 5

    listed = json.loads(server.admin("inspections", "--json", process=True))
    held = [row["id"] for row in listed]
    assert sorted(held) == sorted(ids["a"] + ids["b"])  # each exactly once


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_usb_bundle_to_server(
    server: ServerProcess, templates: LaptopTemplates, tmp_path: Path
) -> None:
    folder = tmp_path / "laptop"
    ids = copy_laptop(templates, "usb", 3, folder)
    code = server.enrol_code()
    cli(
        "enrol", "--data-dir", str(folder), "--server", server.url, "--code", code,
        "--allow-insecure-http",
    )  # fmt: skip
    stick = tmp_path / "stick" / "bazres.bundle"
    cli("bundle", "export", "--data-dir", str(folder), "-o", str(stick), "--ids", *ids[:2])

    # Tampered on the way: refused whole, nothing stored.
    raw = stick.read_bytes()
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    victim = next(n for n in members if n.startswith("inspections/"))
    members[victim] = members[victim][:-10] + b"0123456789"
    bad = tmp_path / "bad.bundle"
    with zipfile.ZipFile(bad, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    done = server_cli(server, "import", str(bad))
    assert done.returncode == 1 and "sha256" in done.stderr
    assert not set(ids) & {r["id"] for r in server.inspections()}

    out = server.admin("import", str(stick), "--json", process=True)  # as an operator would
    assert [r["status"] for r in json.loads(out)] == ["stored", "stored"]
    out = server.admin("import", str(stick), "--json")
    assert [r["status"] for r in json.loads(out)] == ["already_there", "already_there"]
    # The laptop's later sync finds the two there and sends the third.
    report = json.loads(cli("sync", "--data-dir", str(folder), "--json").stdout)
    assert sorted(report["already_there"]) == sorted(ids[:2]) and report["sent"] == [ids[2]]
    assert [r["id"] for r in server.inspections()].count(ids[0]) == 1


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_usb_bundle_from_unknown_inspector_is_refused(
    server: ServerProcess, templates: LaptopTemplates, tmp_path: Path
) -> None:
    folder = tmp_path / "stranger"
    ids = copy_laptop(templates, "usb-stranger", 1, folder)
    stick = tmp_path / "s.bundle"
    cli("bundle", "export", "--data-dir", str(folder), "-o", str(stick))
    done = server_cli(server, "import", str(stick))
    assert done.returncode == 1 and "refused" in done.stdout
    assert ids[0] not in {r["id"] for r in server.inspections()}


def server_cli(server: ServerProcess, command: str, *args: str) -> Ran:
    return run_cli(command, *server.db_args(), *args, program="inspector-server")


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_updates_bundle_to_laptop(server: ServerProcess, tmp_path: Path) -> None:
    registry = json.loads((ROOT / "resources/data/offices_demo.json").read_text("utf-8"))
    registry["offices"].append(
        {**registry["offices"][0], "code": "PK-USB-777", "name": "دفتر تازه"}
    )
    (tmp_path / "registry.json").write_text(json.dumps(registry, ensure_ascii=False), "utf-8")
    form = (ROOT / "forms/pishkhan.yaml").read_text("utf-8")
    (tmp_path / "pishkhan-extra.yaml").write_text(form, "utf-8")
    server.admin("publish", "--registry", str(tmp_path / "registry.json"))
    server.admin("publish", "--form", str(tmp_path / "pishkhan-extra.yaml"))
    bundle = tmp_path / "updates.bundle"
    server.admin("updates-bundle", "-o", str(bundle))
    laptop = tmp_path / "laptop"
    cli("offices", "list", "--data-dir", str(laptop))  # first start: demo registry

    # Tampered: a form changed inside, or the manifest edited: refused, nothing changed.
    with zipfile.ZipFile(bundle) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    for target, change in (
        ("forms/pishkhan-extra.yaml", lambda b: b.replace(b"version", b"versiom", 1)),
        ("manifest.json", lambda b: b.replace(b'"created_at": "', b'"created_at": "1', 1)),
    ):
        bad = tmp_path / "bad.bundle"
        with zipfile.ZipFile(bad, "w") as archive:
            for name, data in members.items():
                archive.writestr(name, change(data) if name == target else data)
        done = cli("bundle", "import", "--data-dir", str(laptop), str(bad), ok=False)
        assert done.returncode == 1 and "چیزی تغییر نکرد" in done.stderr, done.stderr
        ctx = open_context(laptop)
        assert offices.get(ctx.db, "PK-USB-777") is None
        assert not paths.downloaded_forms(laptop).exists()
        ctx.close()

    out = json.loads(
        cli("bundle", "import", "--data-dir", str(laptop), str(bundle), "--json").stdout
    )
    assert out["registry_added"] == 1 and out["forms_written"] == ["pishkhan-extra.yaml"]
    ctx = open_context(laptop)
    assert offices.get(ctx.db, "PK-USB-777") is not None
    assert (paths.downloaded_forms(laptop) / "pishkhan-extra.yaml").read_text("utf-8") == form
    ctx.close()

    # A bundle signed by another server's key is refused now that the key is pinned.
    other = tmp_path / "other-server"
    other.mkdir()
    stranger = ServerProcess(other)
    stranger.admin("publish", "--registry", str(tmp_path / "registry.json"))
    stranger.admin("updates-bundle", "-o", str(tmp_path / "other.bundle"))
    done = cli(
        "bundle", "import", "--data-dir", str(laptop), str(tmp_path / "other.bundle"), ok=False
    )
    assert done.returncode == 1 and "کلید" in done.stderr


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_tls_with_pinned_certificate(
    server_factory: list[ServerProcess], templates: LaptopTemplates, tmp_path: Path,
    backend: str | None,
) -> None:  # fmt: skip
    cert, key, fingerprint = self_signed(tmp_path)
    server = make_server(
        server_factory, tmp_path, None, extra_args=["--tls-cert", str(cert), "--tls-key", str(key)]
    )
    server.scheme = "https"
    server.start()
    folder = tmp_path / "laptop"
    ids = copy_laptop(templates, "tls", 1, folder)
    wrong = "ab" * 32
    done = cli(
        "enrol", "--data-dir", str(folder), "--server", server.url, "--code",
        server.enrol_code(), "--pin-sha256", wrong, ok=False,
    )  # fmt: skip
    assert done.returncode == 1 and fingerprint in done.stderr
    # Without a pin the self-signed certificate is not trusted at all.
    done = cli("enrol", "--data-dir", str(folder), "--server", server.url, "--code", "X", ok=False)
    assert done.returncode == 1
    grouped = ":".join(fingerprint[i : i + 2] for i in range(0, 64, 2)).upper()
    cli(
        "enrol", "--data-dir", str(folder), "--server", server.url, "--code",
        server.enrol_code(), "--pin-sha256", grouped,
    )  # fmt: skip
    report = json.loads(cli("sync", "--data-dir", str(folder), "--json").stdout)
    assert report["sent"] == ids
    ctx = open_context(folder)
    assert inspections.get(ctx.db, ids[0])["status"] == "synced"
    ctx.close()
