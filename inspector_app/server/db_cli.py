"""`inspector-server db upgrade | current`: the database's schema revision (server/schema.py).

Every other command refuses a database that is not at this version's revision, naming `db
upgrade`; `db upgrade` is the one way forward, run by the admin after a backup, never by `serve`
on its own: a package upgrade should not change the data until the admin says so, and several
workers or servers may share one database. There is no `db downgrade`: the way back is the
backup taken before the upgrade (`inspector-server restore`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from sqlalchemy import Engine

from inspector_app.errors import KnownError
from inspector_app.server import schema
from inspector_app.server.config import Settings
from inspector_app.server.database import SQLITE_FILE, make_engine

LoadSettings = Callable[[argparse.Namespace], Settings]


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
    settings_of: LoadSettings,
) -> None:
    # --data-dir and --db go after the action, as for `ca` and `conflicts`.
    group = sub.add_parser(
        "db", help="the database's schema: upgrade it to this version, show its revision"
    ).add_subparsers(dest="action", required=True, metavar="ACTION")
    p = group.add_parser(
        "upgrade", parents=[parent], help="upgrade the database to this version (back up first)"
    )
    p.set_defaults(func=lambda args: _upgrade(settings_of(args)))
    p = group.add_parser("current", parents=[parent], help="the database's schema revision")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=lambda args: _current(settings_of(args), args.json))


def _engine(settings: Settings) -> Engine:
    if settings.db is None and not (settings.data_dir / SQLITE_FILE).exists():
        raise KnownError(
            "no server database in this data folder (serve creates one)",
            where=str(settings.data_dir),
        )
    return make_engine(settings.database_url)


def _upgrade(settings: Settings) -> int:
    engine = _engine(settings)
    try:
        before, after = schema.upgrade(engine)
    finally:
        engine.dispose()
    if before == after:
        print(f"the database is at revision {after}, this version's: nothing to do")
    else:
        print(f"the database is upgraded from revision {before or 'none (made before migrations)'} "
              f"to {after}")  # fmt: skip
    return 0


def _current(settings: Settings, as_json: bool) -> int:
    engine = _engine(settings)
    try:
        found = schema.status(engine)
    finally:
        engine.dispose()
    if as_json:
        json.dump(
            {"current": found.current, "head": found.head, "up_to_date": found.up_to_date},
            sys.stdout,
        )
        sys.stdout.write("\n")
    else:
        print(f"database revision {found.current or 'none'}, this version needs {found.head}")
        if not found.up_to_date:
            print(found.problem(), file=sys.stderr)
    return 0 if found.up_to_date else 1
