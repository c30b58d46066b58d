"""The first window loads only what it shows: the libraries of the PDF report, the signing,
sync, spreadsheets and holidays come in when they are used (each costs a tenth of a second or
more at every start; bench/bench_startup.py measures the start)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.helpers.paths import ROOT

LATER = ["reportlab", "openpyxl", "holidays", "pyhanko", "httpx", "sqlalchemy", "fastapi"]


def test_the_first_page_does_not_import_what_it_does_not_use() -> None:
    code = (
        "import json, sys\n"
        "import inspector_app.ui.app, inspector_app.ui.main_window, inspector_app.ui.pages\n"
        "import inspector_app.ui.offices_page\n"
        f"print(json.dumps([m for m in {LATER!r} if m in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
