"""`inspector-app demo`: fill the data folder with realistic sample inspections."""

from __future__ import annotations

import argparse
import sys

from inspector_app.cli.common import context, data_dir_parent
from inspector_app.services.demo import make_demo
from inspector_app.services.demo_signed import DEMO_PASSPHRASE, finalize_demo


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "demo", parents=[data_dir_parent()], help="add sample inspections to try the app"
    )
    p.add_argument("--count", type=int, default=4, help="how many draft inspections (default 4)")
    p.add_argument(
        "--signed",
        type=int,
        default=2,
        help="how many of them to sign and finalize with the demo identity (default 2; "
        f"demo passphrase «{DEMO_PASSPHRASE}»)",
    )
    p.set_defaults(func=_demo)


def _demo(args: argparse.Namespace) -> int:
    ctx = context(args)
    created = make_demo(ctx, count=args.count)
    signed = finalize_demo(ctx, created[: max(args.signed, 0)])
    for inspection_id in created:
        print(inspection_id)
    note = (
        f"demo identity passphrase: {DEMO_PASSPHRASE}"
        if signed or not args.signed
        else "not signed: this data folder has its own signing identity"
    )
    print(
        f"{len(created)} inspections, {len(signed)} finalized and signed ({note})", file=sys.stderr
    )
    return 0
