"""`inspector-server backup --output DIR` and `inspector-server restore DIR` (server/backup.py).

Neither goes through the schema check the other commands make: a backup is what an admin takes
before `db upgrade`, and a restored database is reported as it is (with `db upgrade` named when
this version needs it).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from inspector_app.server import backup
from inspector_app.server.config import Settings

LoadSettings = Callable[[argparse.Namespace], Settings]


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
    settings_of: LoadSettings,
) -> None:
    p = sub.add_parser(
        "backup",
        parents=[parent],
        help="copy the database, file store and keys into a new folder, with a manifest",
    )
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="DIR", help="a new or empty folder"
    )
    p.set_defaults(func=lambda args: _backup(settings_of(args), args.output))
    p = sub.add_parser(
        "restore",
        parents=[parent],
        help="restore a backup into the data folder (and --db), once its manifest checks out",
    )
    p.add_argument("source", type=Path, metavar="DIR", help="a folder `backup` wrote")
    p.add_argument(
        "--force",
        action="store_true",
        help="restore into a data folder or database that holds something (the folder's "
        "contents are moved aside, the database's tables replaced)",
    )
    p.set_defaults(func=lambda args: _restore(settings_of(args), args.source, args.force))


def _backup(settings: Settings, output: Path) -> int:
    done = backup.backup(settings, output)
    print(
        f"{done.folder}: backup of the {done.database} database (schema revision "
        f"{done.revision or 'none'}), {done.files} files, {done.size} bytes; the keys in it "
        "are encrypted under the key passphrase, which is not in the backup"
    )
    return 0


def _restore(settings: Settings, source: Path, force: bool) -> int:
    done = backup.restore(settings, source, force=force)
    if done.moved_aside:
        print(f"what the data folder held was moved to {done.moved_aside}")
    print(
        f"restored into {settings.data_dir}: the {done.database} database (schema revision "
        f"{done.revision or 'none'}) and {done.files} files, checked against the manifest"
    )
    if not done.status.up_to_date:
        print(done.status.problem(), file=sys.stderr)
    return 0
