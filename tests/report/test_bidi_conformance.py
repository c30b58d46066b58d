"""The bidi step against Unicode's own conformance data (BidiCharacterTest.txt, UAX #9).

Each test line gives a text, a paragraph direction (LTR, RTL or auto), the resolved levels and
the visual order of the characters rule X9 keeps. The expected line is those characters in that
order, mirrored where their level is odd (rule L4); it must equal what pdf.uba.display draws.
The file comes with Debian's `unicode-data` package (installed by .ci/run).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bidi.algorithm import get_display as pure_python_display
from bidi.mirror import MIRRORED

from inspector_app.pdf import uba

TEST_FILE = Path("/usr/share/unicode/BidiCharacterTest.txt")
DIRECTIONS = {"0": "L", "1": "R", "2": None}
TARGET = 0.995

pytestmark = pytest.mark.skipif(
    not TEST_FILE.exists(),
    reason=f"{TEST_FILE} is missing: install Debian's unicode-data package",
)


def cases() -> list[tuple[str, str | None, str]]:
    """(text, base direction, expected display) for every test line."""
    out = []
    for raw in TEST_FILE.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        codes, direction, _resolved, levels, order = raw.split(";")
        text = "".join(chr(int(c, 16)) for c in codes.split())
        level = levels.split()
        shown = []
        for index in map(int, order.split()):
            ch = text[index]
            shown.append(MIRRORED.get(ch, ch) if int(level[index]) % 2 else ch)
        out.append((text, DIRECTIONS[direction], "".join(shown)))
    return out


def share_passing(display: object, data: list[tuple[str, str | None, str]]) -> float:
    passed = 0
    for text, base, expected in data:
        try:
            got = display(text, base_dir=base) if base else display(text)  # type: ignore[operator]
        except Exception:  # a crash on a test line counts as a failed line
            continue
        passed += got == expected
    return passed / len(data)


def test_display_conforms_to_bidi_character_test() -> None:
    data = cases()
    assert len(data) > 90_000
    share = share_passing(uba.display, data)
    print(f"\nBidiCharacterTest.txt: {share:.4%} of {len(data)} lines conform")
    assert share >= TARGET


def test_the_pure_python_algorithm_falls_short() -> None:
    """Why the bidi step changed: the former engine (no bracket pairs, rule N0) fails the data.
    Removed X9 characters are ignored in its output so that only the order is compared."""
    data = cases()[::20]
    removed = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u200b", "\u200c", "\u200d"}

    def old(text: str, base_dir: str | None = None) -> str:
        kwargs = {"base_dir": base_dir} if base_dir else {}
        shown = str(pure_python_display(text, **kwargs))
        return "".join(c for c in shown if c not in removed)

    share = share_passing(old, data)
    print(f"\npure-Python bidi.algorithm: {share:.2%} of {len(data)} sampled lines")
    assert share < TARGET
