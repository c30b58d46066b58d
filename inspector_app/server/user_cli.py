"""`inspector-server user add | disable | reset | list`: the console's users, from the shell.

A password is taken from $BAZRES_CONSOLE_PASSWORD (scripts) or asked twice on the terminal,
never given as an option (it would stay in the shell history and the process list). Each
change goes into the server audit log under the OS login name.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable

from inspector_app.errors import KnownError
from inspector_app.server.console import users
from inspector_app.server.console.audit_log import record, shell_user
from inspector_app.server.state import ServerState

PASSWORD_ENV = "BAZRES_CONSOLE_PASSWORD"
OpenState = Callable[[argparse.Namespace], ServerState]


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
    open_state: OpenState,
) -> None:
    # --data-dir and --db go after the action (`user list --data-dir D`), as in conflict_cli.
    group = sub.add_parser(
        "user", help="console users: add, disable, reset (new password), list"
    ).add_subparsers(dest="action", required=True, metavar="ACTION")

    p = group.add_parser("add", parents=[parent], help="add a console user")
    p.add_argument("username", help="Latin letters, digits, . _ -")
    p.add_argument("--role", required=True, choices=users.ROLES)
    p.add_argument("--name", default="", help="the name shown in the console (Persian)")
    p.set_defaults(func=lambda args: _add(open_state(args), args))

    p = group.add_parser("disable", parents=[parent], help="stop a user signing in")
    p.add_argument("username")
    p.set_defaults(func=lambda args: _disable(open_state(args), args))

    p = group.add_parser(
        "reset", parents=[parent], help="give a user a new password (their sessions end)"
    )
    p.add_argument("username")
    p.set_defaults(func=lambda args: _reset(open_state(args), args))

    p = group.add_parser("list", parents=[parent], help="the console users")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=lambda args: _list(open_state(args), args))


def read_password() -> str:
    given = os.environ.get(PASSWORD_ENV)
    if given is not None:
        users.check_password(given)
        return given
    if not sys.stdin.isatty():
        raise KnownError(f"no terminal to ask the password on: set ${PASSWORD_ENV}")
    first = getpass.getpass("New password: ")
    users.check_password(first)
    if getpass.getpass("Again: ") != first:
        raise KnownError("the two passwords differ; nothing changed")
    return first


def _add(state: ServerState, args: argparse.Namespace) -> int:
    password = read_password()
    with state.engine.begin() as conn:
        user = users.add_user(conn, args.username, args.role, password, args.name)
        record(conn, shell_user(), "user_added", user.username, {"role": user.role})
    print(f"user {user.username} added ({user.role})")
    return 0


def _disable(state: ServerState, args: argparse.Namespace) -> int:
    with state.engine.begin() as conn:
        found = users.disable(conn, args.username)
        record(conn, shell_user(), "user_disabled", found.user.username)
    print(f"user {found.user.username} disabled; their sessions have ended")
    return 0


def _reset(state: ServerState, args: argparse.Namespace) -> int:
    with state.engine.connect() as conn:
        users.find(conn, args.username)  # an unknown name is told before the password is asked
    password = read_password()
    with state.engine.begin() as conn:
        found = users.reset_password(conn, args.username, password)
        record(conn, shell_user(), "user_reset", found.user.username)
    print(f"user {found.user.username} has a new password; their sessions have ended")
    return 0


def _list(state: ServerState, args: argparse.Namespace) -> int:
    with state.engine.connect() as conn:
        found = users.list_users(conn)
    if args.json:
        json.dump([u.as_dict() for u in found], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for u in found:
        status = f"disabled {u.disabled_at}" if u.disabled_at else "active"
        # The Persian name last: a terminal without bidi keeps the Latin columns in order.
        print(f"{u.user.username}\t{u.user.role}\t{status}\t{u.user.display_name}")
    return 0
