"""`inspector-server conflicts list | show | extract | resolve`: a person settles the uploads
refused because the server already held the same inspection id with other content.

Each line carries at most one Persian value, at its end, after a Latin label: a terminal with
bidi support lays it out right to left, one without keeps it in reading order.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from inspector_app.server import conflicts
from inspector_app.server.conflict_diff import lines
from inspector_app.server.conflicts import Conflict
from inspector_app.server.console.audit_log import record, shell_user
from inspector_app.server.state import ServerState

OpenState = Callable[[argparse.Namespace], ServerState]
ID_HELP = "the conflict's number, as `conflicts list` shows it"


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
    open_state: OpenState,
) -> None:
    # --data-dir and --db go after the action (`conflicts list --data-dir D`): given on both
    # levels, argparse would let the action's defaults overwrite what came before it.
    group = sub.add_parser(
        "conflicts", help="uploads refused as conflicts: list, show, extract, resolve"
    ).add_subparsers(dest="action", required=True, metavar="ACTION")

    p = group.add_parser("list", parents=[parent], help="open and resolved conflicts")
    p.add_argument("--open", action="store_true", help="only those not resolved yet")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=lambda args: _list(open_state(args), args))

    p = group.add_parser("show", parents=[parent], help="what differs between the two versions")
    p.add_argument("conflict_id", type=int, metavar="ID", help=ID_HELP)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=lambda args: _show(open_state(args), args))

    p = group.add_parser(
        "extract", parents=[parent], help="write both versions (canonical JSON, signed PDF)"
    )
    p.add_argument("conflict_id", type=int, metavar="ID", help=ID_HELP)
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    p.set_defaults(func=lambda args: _extract(open_state(args), args))

    p = group.add_parser("resolve", parents=[parent], help="settle a conflict, once and for good")
    p.add_argument("conflict_id", type=int, metavar="ID", help=ID_HELP)
    p.add_argument(
        "--keep",
        required=True,
        choices=conflicts.KEEPS,
        help="stored: the held version stays; received: it replaces the held one; "
        "both: it is kept as a separate inspection <ID>-c<conflict>",
    )
    p.add_argument("--reason", required=True, help="why (kept with the resolution)")
    p.add_argument("--by", default=None, metavar="NAME", help="who decides (default: login)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=lambda args: _resolve(open_state(args), args))


def _card(c: Conflict) -> Iterator[str]:
    r = c.resolution
    state = f"resolved: kept {r.keep}" if r else "open"
    yield f"conflict {c.id} · {state}"
    yield f"  inspection: {c.inspection_id}"
    yield f"  office:     {c.office_code}"
    if c.office_name:
        yield f"  office name: {c.office_name}"
    yield f"  inspector:  {c.inspector_name}"
    yield f"  stored:     {c.stored_sha256}"
    yield f"  received:   {c.received_sha256}"
    yield f"  from:       {c.source}, device {c.device_id or '—'}, at {c.received_at}"
    if r:
        if r.new_inspection_id:
            yield f"  held as:    {r.new_inspection_id}"
        yield f"  resolved:   {r.resolved_at} by {r.resolved_by}"
        yield f"  reason:     {r.reason}"


def _list(state: ServerState, args: argparse.Namespace) -> int:
    found = [c for c in conflicts.list_conflicts(state.engine) if not (args.open and c.resolution)]
    if args.json:
        _print_json([c.as_dict() for c in found])
        return 0
    if not found:
        print("no conflicts" if not args.open else "no open conflicts")
    for c in found:
        _print_lines(_card(c))
    return 0


def _show(state: ServerState, args: argparse.Namespace) -> int:
    conflict = conflicts.get(state.engine, args.conflict_id)
    diff = conflicts.difference(state.engine, state.files, conflict)
    if args.json:
        _print_json({**conflict.as_dict(), "difference": diff.as_dict()})
        return 0
    _print_lines(_card(conflict))
    print("(- the stored version, + the received one)")
    _print_lines(lines(diff))
    return 0


def _extract(state: ServerState, args: argparse.Namespace) -> int:
    conflict = conflicts.get(state.engine, args.conflict_id)
    for path in conflicts.extract(state.engine, state.files, conflict, args.out):
        print(path)
    return 0


def _resolve(state: ServerState, args: argparse.Namespace) -> int:
    by = shell_user() if args.by is None else args.by
    resolved = conflicts.resolve(
        state.engine, state.files, args.conflict_id, args.keep, reason=args.reason, by=by
    )
    detail = {"keep": args.keep, "reason": args.reason, "by": by}
    record(state.engine, shell_user(), "conflict_resolved", str(args.conflict_id), detail)
    if args.json:
        _print_json(resolved.as_dict())
    else:
        _print_lines(_card(resolved))
    return 0


def _print_lines(text: Iterator[str]) -> None:
    for line in text:
        print(line)


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
