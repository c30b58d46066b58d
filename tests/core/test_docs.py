"""Every CLI command is documented in the README (a command added without docs fails here)."""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector_app.cli.main import build_parser

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def commands(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                path = (*prefix, name)
                nested = commands(sub, path)
                found.extend(nested or [path])
    return found


def test_every_command_is_in_the_readme() -> None:
    listed = commands(build_parser())
    assert ("offices", "search") in listed
    missing = [" ".join(c) for c in listed if f"inspector-app {' '.join(c)}" not in README]
    assert not missing, f"undocumented commands: {missing}"


def test_readme_quick_start_has_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    block = quick.split("```sh", 1)[1].split("```", 1)[0]
    lines = [line for line in block.strip().splitlines() if line.strip()]
    assert [line.split()[0] for line in lines] == ["./start", "./run-tests"]
