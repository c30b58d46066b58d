"""`inspector-app letterhead`: the report's letterhead (governorate, unit, logo, «بسمه تعالی»)."""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector_app.cli.common import context, data_dir_parent
from inspector_app.services.report.letterhead import save_letterhead


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "letterhead",
        parents=[data_dir_parent()],
        help="the report's letterhead; with no option, print it",
    )
    p.add_argument("--governorate", metavar="NAME", help="the governorate's name, in Persian")
    p.add_argument("--unit", metavar="NAME", help="the unit under it, in Persian")
    logo = p.add_mutually_exclusive_group()
    logo.add_argument("--logo", type=Path, metavar="IMAGE", help="the logo (PNG or JPEG)")
    logo.add_argument("--bundled-logo", action="store_true", help="back to the bundled logo")
    p.add_argument(
        "--bismillah",
        action=argparse.BooleanOptionalAction,
        help="print «بسمه تعالی» above the titles (--no-bismillah: not)",
    )
    p.set_defaults(func=_letterhead)


def _letterhead(args: argparse.Namespace) -> int:
    ctx = context(args)
    head = save_letterhead(
        ctx.db,
        governorate=args.governorate,
        unit=args.unit,
        logo=args.logo,
        bundled_logo=args.bundled_logo,
        bismillah=args.bismillah,
    )
    print(f"governorate: {head.governorate}")
    print(f"unit: {head.unit}")
    print(f"logo: {f'own, {len(head.logo)} bytes' if head.logo else 'bundled'}")
    print(f"bismillah: {'yes' if head.bismillah else 'no'}")
    return 0
