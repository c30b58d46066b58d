"""Fixtures for the overview tests: a real data folder holding the fixed dataset."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector_app.services.context import AppContext, open_context
from tests.helpers.paths import ROOT
from tests.overview import dataset

ARTIFACTS = ROOT / "artifacts" / "overview"


@pytest.fixture
def fixed(data_dir: Path) -> Iterator[AppContext]:
    """An app context (no demo registry) holding the fixed dataset."""
    ctx = open_context(data_dir, seed_demo=False)
    dataset.build(ctx.db)
    yield ctx
    ctx.close()


@pytest.fixture
def overview_artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
