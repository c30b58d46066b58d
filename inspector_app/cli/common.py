"""What every command shares: the data folder option, JSON output, opening the context."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from typing import Any

from inspector_app import paths
from inspector_app.services.context import AppContext, open_context


def data_dir_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"data folder (default: ${paths.DATA_ENV} or the per-user data folder)",
    )
    return parent


def json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def context(args: argparse.Namespace) -> AppContext:
    return open_context(paths.data_dir(args.data_dir))


PASSPHRASE_ENV = "BAZRES_PASSPHRASE"


def passphrase(prompt: str) -> str:
    """The key's passphrase: from $BAZRES_PASSPHRASE, else asked on the terminal, else one
    line of stdin."""
    value = os.environ.get(PASSPHRASE_ENV)
    if value is not None:
        return value
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\n")


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    """A plain tab-separated table (header first), easy to read and to pipe."""
    print("\t".join(columns))
    for row in rows:
        print("\t".join("" if row.get(c) is None else str(row.get(c)) for c in columns))
