"""`inspector-app forms ...`: list the loaded forms, validate form files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspector_app.cli.common import context, data_dir_parent, json_flag, print_json, print_table
from inspector_app.domain.forms import load_form
from inspector_app.errors import FormError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("forms", help="checklist forms").add_subparsers(
        dest="action", required=True
    )
    parent = data_dir_parent()
    p = group.add_parser("list", parents=[parent], help="forms in use (bundled and received)")
    json_flag(p)
    p.set_defaults(func=_list)
    p = group.add_parser(
        "validate", parents=[parent], help="check form files; exit 1 if any is invalid"
    )
    p.add_argument("files", nargs="+", type=Path)
    p.set_defaults(func=_validate)


def _list(args: argparse.Namespace) -> int:
    ctx = context(args)
    rows = [
        {
            "id": f.form.id,
            "version": f.form.version,
            "title": f.form.title,
            "office_types": ",".join(f.form.office_types),
            "items": sum(1 for _ in f.form.checklist_items()),
            "sections": len(f.form.sections),
            "sha256": f.sha256,
            "path": str(f.path),
        }
        for f in ctx.forms
    ]
    print_json(rows) if args.json else print_table(
        rows, ["id", "version", "office_types", "items", "title"]
    )
    for error in ctx.form_errors:
        print(f"skipped: {error}", file=sys.stderr)
    return 0


def _validate(args: argparse.Namespace) -> int:
    failed = 0
    for path in args.files:
        try:
            loaded = load_form(path)
        except FormError as exc:
            failed += 1
            print(f"{exc}", file=sys.stderr)
            continue
        items = sum(1 for _ in loaded.form.all_items())
        print(f"{path}: ok ({loaded.form.id} v{loaded.form.version}, {items} items)")
    return 1 if failed else 0
