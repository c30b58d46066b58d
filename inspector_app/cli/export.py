"""`inspector-app export KIND -o FILE`: spreadsheets of this laptop's inspections, their
answers and findings, or the overview figures (CSV or XLSX, Persian headers, Jalali dates)."""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector_app.cli.common import context, data_dir_parent, overview_filter, overview_filters
from inspector_app.domain import vocabulary
from inspector_app.errors import KnownError

KINDS = ("inspections", "answers", "findings", "overview")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export",
        parents=[data_dir_parent()],
        help="spreadsheets (CSV, XLSX) of inspections, answers, findings or the overview",
        description="Write a spreadsheet of the inspections the filters select (finished "
        "ones unless --include-drafts or --status says otherwise): one row per inspection, "
        "per answer or per finding, or the overview's figures one sheet each.",
    )
    p.add_argument("kind", choices=KINDS)
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="FILE.xlsx or FILE.csv"
    )
    p.add_argument(
        "--format", choices=("csv", "xlsx"), help="the file's format (default: its extension)"
    )
    overview_filters(p, required=False)
    p.add_argument("--status", choices=list(vocabulary.INSPECTION_STATUSES))
    p.set_defaults(func=_export)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = args.output.suffix.lower().lstrip(".")
    if suffix in ("csv", "xlsx"):
        return suffix
    raise KnownError(
        "قالب پرونده روشن نیست: نام پرونده را با .xlsx یا .csv بدهید یا --format را بگذارید",
        where=str(args.output),
    )


def _export(args: argparse.Namespace) -> int:
    from inspector_app.services.spreadsheet_export import ExportRequest, export

    if args.status and args.kind == "overview":
        raise KnownError(
            "--status با نمای کلی به کار نمی‌رود (نمای کلی بازرسی‌های پایان‌یافته را می‌شمارد)"
        )
    request = ExportRequest(args.kind, _format(args), overview_filter(args), args.status)
    ctx = context(args)
    count = export(ctx.db, request, args.output)
    print(f"{args.output}: {args.kind}, {count} inspections")
    return 0
