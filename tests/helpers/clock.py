"""The machine's own time zone in a test, as a laptop set to that zone would have it."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest


def machine_zone_set_to(zone: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Set TZ for the test's process (for a fixture to yield from), and put it back after."""
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        yield zone
    finally:
        monkeypatch.undo()
        time.tzset()
