"""What Windows does differently, tested where Linux can show it.

- A data folder whose path has Persian letters and spaces (a Windows user name often has both):
  demo, report and verify work there.
- The sync lock is filelock's (the same byte on Windows for every process): two real
  processes contend, the second is refused at once, and a killed holder frees it.
- No laptop module imports a POSIX-only standard module (fcntl, termios, pwd, ...): on Windows
  that import fails. The modules are read (ast), not imported with a patched sys.platform,
  which would only exercise filelock's own platform switch, not ours.
- Binary files written through os.open ask for O_BINARY (Windows opens descriptors in text mode
  otherwise): seen by giving `os` the flag Windows has.
- Persian output where the locale's code page has no Persian letters (cp1256 lacks «ی» and the
  Persian digits): the CLI writes UTF-8 instead of dying in UnicodeEncodeError.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app.services.sync import device_token
from inspector_app.services.sync.lock import SyncBusy, sync_lock
from tests.helpers.cli import run_cli
from tests.helpers.paths import ROOT
from tests.helpers.pdf_text import normalized_text

PERSIAN_FOLDER = "داده‌های بازرس/پوشهٔ ۱۴۰۴ کاری"
POSIX_ONLY = {"fcntl", "termios", "tty", "pty", "pwd", "grp", "resource", "posix", "syslog"}
# The server runs on Linux (deploy/); everything else runs on the inspector's laptop.
LAPTOP = [p for p in (ROOT / "inspector_app").rglob("*.py") if "server" not in p.parts]


def test_persian_folder_with_spaces_demo_report_verify(tmp_path: Path) -> None:
    data = tmp_path / PERSIAN_FOLDER
    made = run_cli("demo", "--count", "2", "--signed", "1", "--data-dir", str(data), ok=True)
    finalized = made.stdout.split()[0]
    report = data.parent / "گزارش نهایی.pdf"
    run_cli("report", finalized, "-o", str(report), "--data-dir", str(data), ok=True)
    assert "گزارش بازرسی" in normalized_text(report)
    checked = run_cli("verify", str(report), "--json", "--data-dir", str(data))
    assert checked.returncode == 3, checked  # intact, signed by this laptop's own identity
    verdict = json.loads(checked.stdout)
    assert verdict["intact"] and verdict["database"] == "match"
    assert verdict["report_id"] == finalized
    with sync_lock(data):
        assert (data / "sync.lock").exists()


HOLDER = """
import sys
from pathlib import Path
from inspector_app.services.sync.lock import SyncBusy, sync_lock
try:
    with sync_lock(Path(sys.argv[1])):
        print("held", flush=True)
        sys.stdin.readline()
except SyncBusy as exc:
    print(exc, flush=True)
    sys.exit(4)
"""


def holder(folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_sync_lock_refuses_a_second_process_and_a_killed_holder_frees_it(tmp_path: Path) -> None:
    folder = tmp_path / PERSIAN_FOLDER
    folder.mkdir(parents=True)
    first = holder(folder)
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "held"
        with pytest.raises(SyncBusy), sync_lock(folder):
            pass
        second = holder(folder)  # another process, while the first holds it
        out, _ = second.communicate(timeout=120)
        assert second.returncode == 4 and "همگام‌سازی دیگری" in out
    finally:
        first.kill()
        first.communicate(timeout=60)
    with sync_lock(folder):  # the OS dropped the dead process's lock
        refused = holder(folder)
        out, _ = refused.communicate(timeout=120)
        assert refused.returncode == 4, out
    freed = holder(folder)
    assert freed.stdout is not None and freed.stdout.readline().strip() == "held"
    freed.communicate("\n", timeout=60)
    assert freed.returncode == 0


def test_no_laptop_module_imports_a_posix_only_module() -> None:
    found = []
    for path in LAPTOP:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and node.level == 0
                else []
            )
            found += [
                f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in POSIX_ONLY
            ]
    assert found == []
    assert len(LAPTOP) > 100  # the walk saw the package


def test_token_file_is_written_in_binary_mode(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows os.open without O_BINARY is a text-mode descriptor: 0x0A becomes 0x0D 0x0A.
    Linux has no such flag, so it is given Windows' value and every opening must ask for it."""
    o_binary = 0x8000
    assert not os.O_WRONLY & o_binary and not os.O_CREAT & o_binary
    real_open = os.open
    flags_seen: list[int] = []

    def windows_like_open(path: str, flags: int, mode: int = 0o777) -> int:
        flags_seen.append(flags)
        return real_open(path, flags & ~o_binary, mode)

    monkeypatch.setenv(device_token.SECRETS_ENV, str(tmp_path / "secrets"))
    monkeypatch.setattr(os, "O_BINARY", o_binary, raising=False)
    monkeypatch.setattr(device_token, "_BINARY", o_binary, raising=False)
    monkeypatch.setattr(os, "open", windows_like_open)
    device_token._write_file(data_dir, "ref", "token\n\r\n" * 8)
    assert len(flags_seen) == 2  # the key (created) and the sealed token
    assert all(flags & o_binary for flags in flags_seen), flags_seen
    monkeypatch.setattr(os, "open", real_open)
    assert device_token._read_file(data_dir, "ref") == "token\n\r\n" * 8


def test_persian_output_survives_a_code_page_without_persian(data_dir: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "cp1256"}
    env.pop("PYTHONPATH", None)
    command = [sys.executable, "-m", "inspector_app.cli.main"]
    listed = subprocess.run(
        [*command, "forms", "list"], cwd=ROOT, env=env, capture_output=True, timeout=300
    )
    assert listed.returncode == 0, listed.stderr.decode("utf-8", "replace")
    assert "فهرست بازرسی دفاتر خدمات الکترونیک انتظامی (پلیس +۱۰)" in listed.stdout.decode()
    missing = subprocess.run(
        [*command, "report", "no-such-id", "-o", str(data_dir / "x.pdf"), "--data-dir", data_dir],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert missing.returncode == 1
    error = missing.stderr.decode()
    assert error.startswith("خطا: ") and "Traceback" not in error
