"""One way to run a command-line command in a test: through `main()` in this process.

The command code is the same as `inspector-app ...` / `inspector-server ...`; the interpreter
start (seconds on a busy machine) is saved. Tests that need a real separate process (locks,
kill -9, concurrency) start one themselves, on purpose.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Ran:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str


def _entry(program: str) -> Callable[[list[str]], int]:
    if program == "inspector-server":
        from inspector_app.server.cli import main as server_main

        return server_main
    from inspector_app.cli.main import main as app_main

    return app_main


def run_cli(
    *args: str,
    program: Literal["inspector-app", "inspector-server"] = "inspector-app",
    ok: bool | None = None,
) -> Ran:
    """Run one command; with ok=True assert it exited 0, with ok=False assert it did not."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = _entry(program)(list(args))
        except SystemExit as stop:  # argparse: --help, a usage error
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
    ran = Ran(list(args), code, out.getvalue(), err.getvalue())
    if ok is not None:
        assert (code == 0) is ok, ran
    return ran
