"""Every command of both programs is documented: named in the README, and its --help in
docs/cli.md as generated (a command added or changed without docs fails here)."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest

from tests.helpers.paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "cli_reference", ROOT / "scripts/cli_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("program", ["inspector-app", "inspector-server"])
def test_every_command_is_in_the_readme(program: str) -> None:
    reference = _reference()
    parser = dict(reference.programs())[program]
    leaves = [
        path
        for path, sub in reference.commands(parser)
        if path
        and not any(p[: len(path)] == path and p != path for p, _ in reference.commands(parser))
    ]
    assert len(leaves) > 5
    missing = [" ".join(c) for c in leaves if f"{program} {' '.join(c)}" not in README]
    assert not missing, f"undocumented {program} commands: {missing}"


def test_the_cli_reference_is_generated_from_help(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    expected = _reference().reference()
    written = (ROOT / "docs/cli.md").read_text(encoding="utf-8")
    assert written == expected, "docs/cli.md is out of date: uv run python scripts/cli_reference.py"
    assert "### `inspector-server serve`" in written and "### `inspector-app sync`" in written


def test_readme_quick_start_has_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    block = quick.split("```sh", 1)[1].split("```", 1)[0]
    lines = [line for line in block.strip().splitlines() if line.strip()]
    assert [line.split()[0] for line in lines] == ["./start", "./run-tests"]
