"""The `inspector-app` entry point: with no arguments it starts the GUI; otherwise a command.

Only the module of the command asked for is imported: signing, reports and sync pull in heavy
libraries (pyHanko, reportlab, httpx) that a quick `offices search` should not wait for.
"""

from __future__ import annotations

import argparse
import codecs
import importlib
import io
import logging
import sys
from collections.abc import Sequence

from inspector_app.errors import KnownError

# Top-level command -> (module in inspector_app.cli that registers it, its one-line help).
COMMANDS: dict[str, tuple[str, str]] = {
    "offices": ("offices", "the office registry"),
    "forms": ("forms", "checklist forms"),
    "inspections": ("inspections", "inspections in this data folder"),
    "visits": ("visits", "the visit plan: assignments from the governorate, offices suggested"),
    "demo": ("demo", "add sample inspections to try the app"),
    "backup": ("backup", "back the database up to a file"),
    "restore": ("backup", "replace the database with a backup, keeping finalized work"),
    "report": ("signing", "write the PDF report of an inspection (signed if finalized)"),
    "letterhead": ("letterhead", "the report's letterhead: governorate, logo, «بسمه تعالی»"),
    "verify": ("signing", "check a signed report; exit 1 if anything is wrong"),
    "audit": ("signing", "the hash-chained audit log"),
    "identity": ("signing", "the inspector's signing key and certificate"),
    "enrol": ("sync", "enrol this laptop with the server"),
    "sync": ("sync", "send finalized inspections, pull updates"),
    "bundle": ("sync", "USB bundles"),
    "summary": ("summary", "province summary report (Persian PDF) for a period"),
    "overview": ("summary", "print the overview figures"),
    "export": ("export", "spreadsheets (CSV, XLSX) of inspections, answers, findings, overview"),
    "population": ("summary", "county populations used for coverage"),
    "day-count": ("deadlines", "count deadlines and overdue offices on every day or working days"),
}


def build_parser(commands: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser, with the full options of `commands` (all of them when None)."""
    parser = argparse.ArgumentParser(
        prog="inspector-app",
        description="Bazres: offline inspections of public-service offices (Bushehr governorate).",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    parser.add_argument(
        "--data-dir",
        dest="top_data_dir",
        metavar="DIR",
        help="data folder for the app or the command that follows (also $INSPECTOR_APP_DATA)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = COMMANDS if commands is None else [c for c in commands if c in COMMANDS]
    for module_name in dict.fromkeys(COMMANDS[c][0] for c in wanted):
        importlib.import_module(f"inspector_app.cli.{module_name}").register(sub)
    for name, (_module, help_text) in COMMANDS.items():
        if name not in sub.choices:  # listed in --help; its options load when it is used
            sub.add_parser(name, help=help_text, add_help=False)
    gui = sub.add_parser("gui", help="start the desktop app (the default with no arguments)")
    gui.add_argument("--data-dir", metavar="DIR")
    return parser


def utf8_output() -> None:
    """Write UTF-8 even where the locale's encoding has no Persian digits (a Windows code page
    when the output goes to a file or a pipe): Persian text must not end in UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and codecs.lookup(stream.encoding).name != "utf-8":
            stream.reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    utf8_output()
    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in argv if a in COMMANDS), None)
    parser = build_parser([command] if command else [])
    args = parser.parse_args(argv)
    if args.top_data_dir and not getattr(args, "data_dir", None):
        args.data_dir = args.top_data_dir  # `inspector-app --data-dir DIR [COMMAND ...]`
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s"
    )
    if args.command in (None, "gui"):
        from inspector_app.ui.app import run_gui  # the GUI is loaded only when asked for

        return run_gui(getattr(args, "data_dir", None))
    try:
        return int(args.func(args))
    except KnownError as exc:
        print(f"خطا: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
