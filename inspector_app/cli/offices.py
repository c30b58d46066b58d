"""`inspector-app offices ...`: list, search and import the office registry."""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector_app.cli.common import context, data_dir_parent, json_flag, print_json, print_table
from inspector_app.domain.search import OfficeIndex
from inspector_app.services import registry
from inspector_app.storage import offices

COLUMNS = [
    "code", "name", "type", "county", "city", "status", "last_visit", "last_score",
    "overdue_actions",
]  # fmt: skip


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("offices", help="the office registry").add_subparsers(
        dest="action", required=True
    )
    parent = data_dir_parent()
    p = group.add_parser("list", parents=[parent], help="list offices")
    p.add_argument("--type", choices=["pishkhan", "police10", "brokerage"])
    p.add_argument("--county")
    p.add_argument("--status", choices=["active", "pending", "closed"])
    json_flag(p)
    p.set_defaults(func=_list)
    p = group.add_parser("search", parents=[parent], help="search by name, code, city or county")
    p.add_argument("query")
    json_flag(p)
    p.set_defaults(func=_search)
    p = group.add_parser("import", parents=[parent], help="import registry updates (CSV or JSON)")
    p.add_argument("file", type=Path)
    p.set_defaults(func=_import)


def _list(args: argparse.Namespace) -> int:
    ctx = context(args)
    rows = registry.list_offices(
        ctx.db, office_type=args.type, county=args.county, status=args.status
    )
    print_json(rows) if args.json else print_table(rows, COLUMNS)
    return 0


def _search(args: argparse.Namespace) -> int:
    ctx = context(args)
    rows = {r["code"]: r for r in offices.list_offices(ctx.db)}
    found = [rows[code] for code in OfficeIndex(rows.values()).search(args.query)]
    print_json(found) if args.json else print_table(found, COLUMNS)
    return 0


def _import(args: argparse.Namespace) -> int:
    ctx = context(args)
    report = offices.import_file(ctx.db, args.file)
    print(f"{args.file}: {report.summary()}")
    for code in report.added:
        print(f"  + {code}")
    for code in report.changed:
        print(f"  ~ {code}")
    return 0
