"""Shared fixtures: every test gets a fresh data folder; Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.paths import ARTIFACTS

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.helpers.strict"]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def context(data_dir: Path) -> Iterator[object]:
    from inspector_app.services.context import open_context

    ctx = open_context(data_dir)
    yield ctx
    ctx.close()


@pytest.fixture
def artifacts() -> Path:
    """Where tests leave screenshots and rendered pages for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
