"""`inspector-app inspections ...`: list, export and import inspections."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from inspector_app.cli.common import context, data_dir_parent, json_flag, print_json, print_table
from inspector_app.services import inspection_document
from inspector_app.services.exports import record_export
from inspector_app.storage import inspections

COLUMNS = ["id", "office_code", "office_name", "status", "visit_date", "score", "grade"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("inspections", help="inspections in this data folder").add_subparsers(
        dest="action", required=True
    )
    parent = data_dir_parent()
    p = group.add_parser("list", parents=[parent], help="list inspections, newest first")
    p.add_argument("--status", choices=["draft", "finalized", "synced"])
    json_flag(p)
    p.set_defaults(func=_list)
    p = group.add_parser("export", parents=[parent], help="the whole inspection as JSON")
    p.add_argument("id")
    p.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    p.set_defaults(func=_export)
    p = group.add_parser(
        "import", parents=[parent], help="create an inspection from an export file"
    )
    p.add_argument("file", type=Path)
    p.set_defaults(func=_import)


def _list(args: argparse.Namespace) -> int:
    ctx = context(args)
    rows = inspections.list_inspections(ctx.db, status=args.status)
    print_json(rows) if args.json else print_table(rows, COLUMNS)
    return 0


def _export(args: argparse.Namespace) -> int:
    ctx = context(args)
    document = inspection_document.export_document(ctx.db, args.id)
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    record_export(ctx.db, args.id, "json")
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(args.output)
    else:
        print(text, end="")
    return 0


def _import(args: argparse.Namespace) -> int:
    ctx = context(args)
    print(inspection_document.import_file(ctx.db, args.file))
    return 0
