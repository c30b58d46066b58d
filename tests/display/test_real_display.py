"""The real app on a real X display (Xvfb + openbox), driven with real X input (xdotool):
one whole inspection visit at each screen size, with a kill -9 mid-visit, then the stored
inspection is checked against every answer given. Screenshots: artifacts/screens/display/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.display.driver import ROOT
from tests.display.visit import SIZES, Size, Visit
from tests.display.xdisplay import missing_tools

MISSING = missing_tools()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        bool(MISSING), reason=f"not installed: {', '.join(MISSING)} (.ci/run installs them)"
    ),
]


@pytest.mark.timeout(420)
@pytest.mark.parametrize("size", SIZES, ids=[s.label for s in SIZES])
def test_whole_visit_on_a_real_display(size: Size, tmp_path: Path) -> None:
    shots = ROOT / "artifacts" / "screens" / "display" / size.label
    shutil.rmtree(shots, ignore_errors=True)
    outcome = Visit(size, tmp_path, shots).run()
    assert outcome.inspection_id
    assert outcome.keyboard >= 5 and outcome.mouse >= 5
    for note in outcome.notes:
        print(f"{size.label}: {note}")
