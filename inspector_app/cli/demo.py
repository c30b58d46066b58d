"""`inspector-app demo`: fill the data folder with realistic sample inspections."""

from __future__ import annotations

import argparse

from inspector_app.cli.common import context, data_dir_parent
from inspector_app.services.demo import make_demo


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "demo", parents=[data_dir_parent()], help="add sample inspections to try the app"
    )
    p.add_argument("--count", type=int, default=4, help="how many draft inspections (default 4)")
    p.set_defaults(func=_demo)


def _demo(args: argparse.Namespace) -> int:
    ctx = context(args)
    for inspection_id in make_demo(ctx, count=args.count):
        print(inspection_id)
    return 0
