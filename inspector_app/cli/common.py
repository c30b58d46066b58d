"""What every command shares: the data folder option, JSON output, opening the context."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from typing import TYPE_CHECKING, Any

from inspector_app import paths
from inspector_app.domain import vocabulary
from inspector_app.errors import KnownError
from inspector_app.services.context import AppContext, open_context

if TYPE_CHECKING:
    from inspector_app.figures.filters import OverviewFilter


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


def overview_filters(p: argparse.ArgumentParser, *, required: bool) -> None:
    """The overview's filters as options: Jalali dates, county, office type, drafts."""
    p.add_argument("--from", dest="date_from", required=required, metavar="YYYY-MM-DD",
                   help="first visit date, Jalali (e.g. 1403-01-01)")  # fmt: skip
    p.add_argument("--to", dest="date_to", required=required, metavar="YYYY-MM-DD",
                   help="last visit date, Jalali (e.g. 1403-06-31)")  # fmt: skip
    p.add_argument("--county", help="only this county (Persian name)")
    p.add_argument("--type", dest="office_type", choices=list(vocabulary.OFFICE_TYPES))
    p.add_argument(
        "--include-drafts", action="store_true", help="count drafts too (default: finished only)"
    )


def overview_filter(args: argparse.Namespace) -> OverviewFilter:
    """The filter of `overview_filters`' options; a bad date is a KnownError."""
    from inspector_app.figures.filters import OverviewFilter  # only for the commands that filter

    try:
        return OverviewFilter.from_jalali(
            args.date_from, args.date_to, args.county, args.office_type, args.include_drafts
        )
    except ValueError as exc:
        raise KnownError(str(exc)) from None
