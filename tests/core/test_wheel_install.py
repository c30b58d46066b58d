"""The package as an inspector or the governorate's IT installs it: the built wheel in a fresh
virtual environment, run from another folder, reads nothing from this repository.

The desktop install (no extra) lists the bundled forms, makes demo inspections, writes the
report and the province summary (the population file is found); `inspector-server` says which
extra is missing. Installing `bazres[server]` from the same wheel makes the server work: its
database is made by the Alembic migrations inside the package.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from inspector_app.server.entry import SERVER_MODULES
from tests.helpers.cli import run_cli
from tests.helpers.paths import ROOT
from tests.helpers.pdf_text import normalized_text

UV = shutil.which("uv") or str(Path.home() / ".local" / "bin" / "uv")
SERVER_HINT = "pip install 'bazres[server]'"


def run(*args: str | Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, (done.args, done.stdout, done.stderr)
    return done.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`uv build`: the sdist, then the wheel built from that sdist (so the sdist is complete)."""
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [UV, "build", "--quiet", "--out-dir", str(out)], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert len(list(out.glob("bazres-*.tar.gz"))) == 1
    (wheel,) = out.glob("bazres-*.whl")
    return wheel


def test_the_wheel_carries_resources_forms_and_the_server_files(built: Path) -> None:
    names = set(zipfile.ZipFile(built).namelist())
    bundled = "inspector_app/_bundled/"
    for path in (ROOT / "resources").rglob("*"):
        if path.is_file():
            assert bundled + path.relative_to(ROOT).as_posix() in names
    for path in (ROOT / "forms").glob("*.yaml"):
        assert f"{bundled}forms/{path.name}" in names
    package = ROOT / "inspector_app"
    for folder in ("server/console/static", "server/console/templates", "server/migrations"):
        for path in (package / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                assert path.relative_to(ROOT).as_posix() in names


@pytest.mark.slow
def test_installed_wheel_works_from_anywhere(built: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.pop("INSPECTOR_APP_DATA", None)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    venv = tmp_path / "venv"
    ok(run(UV, "venv", "--quiet", "--python", "3.11", venv, cwd=elsewhere, env=env))
    python, bin_dir = venv / "bin" / "python", venv / "bin"
    ok(run(UV, "pip", "install", "--quiet", "--python", python, built, cwd=elsewhere, env=env))

    where = json.loads(
        ok(
            run(
                python,
                "-c",
                "import json, inspector_app.paths as p; "
                "print(json.dumps([str(p.resource()), str(p.BUNDLED_FORMS), p.__file__]))",
                cwd=elsewhere,
                env=env,
            )
        )
    )
    for path in where:
        assert Path(path).resolve().is_relative_to(venv.resolve()), where
        assert not Path(path).resolve().is_relative_to(ROOT), where

    app = bin_dir / "inspector-app"
    listed = ok(run(app, "forms", "list", cwd=elsewhere, env=env))
    for form_id in ("pishkhan-charter", "police10-charter", "brokerage-charter"):
        assert form_id in listed

    data = tmp_path / "data"
    ids = ok(run(app, "demo", "--data-dir", data, cwd=elsewhere, env=env)).split()
    assert len(ids) == 4

    report = tmp_path / "report.pdf"
    ok(run(app, "report", ids[0], "--data-dir", data, "-o", report, cwd=elsewhere, env=env))
    assert "گزارش بازرسی" in normalized_text(report)

    summary = tmp_path / "summary.pdf"
    period = ["--from", "1400-01-01", "--to", "1420-12-29", "--include-drafts"]
    ok(run(app, "summary", "--data-dir", data, *period, "-o", summary, cwd=elsewhere, env=env))
    assert "گزارش خلاصهٔ استانی" in normalized_text(summary)

    # The desktop install carries none of the server's packages, not even indirectly.
    present = ok(
        run(
            python,
            "-c",
            "from importlib.util import find_spec; "
            f"print([m for m in {list(SERVER_MODULES)!r} if find_spec(m)])",
            cwd=elsewhere,
            env=env,
        )
    )
    assert present == "[]\n"
    refused = run(bin_dir / "inspector-server", "--help", cwd=elsewhere, env=env)
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert refused.stderr.count("\n") == 1 and SERVER_HINT in refused.stderr
    assert "Traceback" not in refused.stderr

    with_server = f"bazres[server] @ {built.as_uri()}"
    ok(
        run(
            UV, "pip", "install", "--quiet", "--python", python, with_server, cwd=elsewhere, env=env
        )
    )
    server = bin_dir / "inspector-server"
    assert "usage: inspector-server" in ok(run(server, "--help", cwd=elsewhere, env=env))
    # A new server database, built by the migrations the wheel carries, is at their head.
    state = tmp_path / "server"
    ok(run(server, "inspections", "--data-dir", state, cwd=elsewhere, env=env))
    current = ok(run(server, "db", "current", "--data-dir", state, cwd=elsewhere, env=env))
    revisions = re.fullmatch(r"database revision (\w+), this version needs (\w+)\n", current)
    assert revisions and revisions[1] == revisions[2], current


def test_demo_that_makes_nothing_fails(data_dir: Path, tmp_path: Path) -> None:
    """A registry without one active office of a known type: the demo cannot make an
    inspection, and says so instead of reporting «0 inspections» as a success."""
    registry = json.loads((ROOT / "resources" / "data" / "offices_demo.json").read_text("utf-8"))
    for office in registry["offices"]:
        office["status"] = "closed"
    closed = tmp_path / "closed.json"
    closed.write_text(json.dumps(registry, ensure_ascii=False), "utf-8")
    run_cli("offices", "import", str(closed), "--data-dir", str(data_dir), ok=True)
    ran = run_cli("demo", "--data-dir", str(data_dir), ok=False)
    assert ran.returncode == 1 and ran.stdout == ""
    assert "نمونه‌ای ساخته نشد" in ran.stderr and "Traceback" not in ran.stderr
    listed = run_cli("inspections", "list", "--json", "--data-dir", str(data_dir), ok=True)
    assert json.loads(listed.stdout) == []
