"""`inspector-server visits import | add | list | cancel`: the visit plan from the shell, through
the functions the console's page uses (server/visits.py). Each change goes into the server
audit log under the OS login name. A refused plan file is named with its line, nothing of it
added (exit 2).

Each line carries its Persian values at its end, after the Latin ones: a terminal with bidi
support lays them out right to left, one without keeps them in reading order.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from inspector_app.domain.jalali import jalali_date
from inspector_app.domain.visit_plan import STATES
from inspector_app.server import visits
from inspector_app.server.console.audit_log import record, shell_user
from inspector_app.server.state import ServerState
from inspector_app.server.visit_csv import due_date

OpenState = Callable[[argparse.Namespace], ServerState]


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
    open_state: OpenState,
) -> None:
    # --data-dir and --db go after the action (`visits list --data-dir D`), as in conflict_cli.
    group = sub.add_parser(
        "visits", help="the visit plan: offices assigned to inspectors with a due date"
    ).add_subparsers(dest="action", required=True, metavar="ACTION")

    p = group.add_parser(
        "import",
        parents=[parent],
        help="add the assignments of a CSV plan file, all or none",
        description="Columns office_code, personnel_no, due_date, optional note and form_id "
        "(or «کد دفتر», «شماره پرسنلی», «مهلت», «یادداشت», «فرم»); due dates in Jalali "
        "(1405/09/20) or Gregorian ISO. An office the inspector has open already is passed over.",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--by", default=None, metavar="NAME", help="who assigns (default: login)")
    p.set_defaults(func=lambda args: _import(open_state(args), args))

    p = group.add_parser("add", parents=[parent], help="assign one office to an inspector")
    p.add_argument("--office", required=True, metavar="CODE", help="the office's registry code")
    p.add_argument("--personnel-no", required=True, metavar="NO", help="the inspector's number")
    p.add_argument("--due", required=True, metavar="DATE", help="Jalali 1405/09/20 or ISO date")
    p.add_argument("--form", default="", metavar="ID", help="the published form's id to use")
    p.add_argument("--note", default="", metavar="TEXT", help="a note for the inspector")
    p.add_argument("--by", default=None, metavar="NAME", help="who assigns (default: login)")
    p.set_defaults(func=lambda args: _add(open_state(args), args))

    p = group.add_parser("list", parents=[parent], help="the assignments, open ones first")
    p.add_argument("--state", choices=STATES)
    p.add_argument("--personnel-no", default=None, metavar="NO")
    p.add_argument("--county", default=None, help="one county (Persian name)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=lambda args: _list(open_state(args), args))

    p = group.add_parser("cancel", parents=[parent], help="cancel an open assignment")
    p.add_argument("id", metavar="ID", help="the assignment's id, as `visits list` shows it")
    p.set_defaults(func=lambda args: _cancel(open_state(args), args))


def _import(state: ServerState, args: argparse.Namespace) -> int:
    added = visits.import_csv(state.engine, args.file, _by(args))
    record(state.engine, shell_user(), "visits_imported", args.file.name, {"added": added})
    print(f"{args.file}: {added} assignments added")
    return 0


def _add(state: ServerState, args: argparse.Namespace) -> int:
    made = visits.add(
        state.engine,
        args.office,
        args.personnel_no,
        due_date(args.due),
        form_id=args.form,
        note=args.note,
        by=_by(args),
    )
    detail = {"office": made.office_code, "personnel_no": made.personnel_no, "due": made.due_date}
    record(state.engine, shell_user(), "visit_added", made.id, detail)
    print(f"assignment {made.id} added: office {made.office_code}, due {made.due_date}")
    return 0


def _list(state: ServerState, args: argparse.Namespace) -> int:
    rows = visits.listing(
        state.engine, state=args.state, personnel_no=args.personnel_no, county=args.county
    )
    if args.json:
        found = [
            {**asdict(r.assignment), "office_name": r.office_name, "county": r.county,
             "overdue": r.overdue}
            for r in rows
        ]  # fmt: skip
        json.dump(found, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not rows:
        print("no assignments")
    for r in rows:
        a = r.assignment
        state_text = a.state + (" overdue" if r.overdue else "")
        closed = f" by {a.closed_by}" if a.closed_by else ""
        print(
            f"{a.id}\t{state_text}{closed}\tdue {a.due_date} ({jalali_date(a.due, persian=False)})"
            f"\toffice {a.office_code}\tno {a.personnel_no}\t{r.office_name} · {a.inspector_name}"
        )
    return 0


def _cancel(state: ServerState, args: argparse.Namespace) -> int:
    cancelled = visits.cancel(state.engine, args.id, shell_user())
    detail = {"office": cancelled.office_code, "personnel_no": cancelled.personnel_no}
    record(state.engine, shell_user(), "visit_cancelled", cancelled.id, detail)
    print(f"assignment {cancelled.id} cancelled")
    return 0


def _by(args: argparse.Namespace) -> str:
    return shell_user() if args.by is None else str(args.by).strip()
