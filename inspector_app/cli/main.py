"""The `inspector-app` entry point: with no arguments it starts the GUI; otherwise a command."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from inspector_app.cli import demo, forms, inspections, offices
from inspector_app.errors import KnownError

# One module per command group; each has register(subparsers).
COMMAND_MODULES = [offices, forms, inspections, demo]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspector-app",
        description="Bazres: offline inspections of public-service offices (Bushehr governorate).",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    gui = sub.add_parser("gui", help="start the desktop app (the default with no arguments)")
    gui.add_argument("--data-dir", metavar="DIR")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
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
