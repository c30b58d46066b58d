"""Run the real-display visit by hand: `uv run --frozen python tests/display/run_visit.py
[--size 1280x720] [--keep]`. Screenshots go to artifacts/screens/display/<size>/."""

from __future__ import annotations

import argparse
import faulthandler
import shutil
import signal
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.display.driver import ROOT
from tests.display.visit import SIZES, Outcome, Visit
from tests.display.xdisplay import missing_tools

SHOTS = ROOT / "artifacts" / "screens" / "display"


def report(outcome: Outcome) -> str:
    lines = [
        f"{outcome.size.label}: inspection {outcome.inspection_id} finalized, "
        f"{outcome.answers} answers ({outcome.keyboard} by keyboard, {outcome.mouse} by mouse), "
        f"{outcome.seconds:.0f} s, screenshots in {outcome.screenshots}"
    ]
    lines += [f"  note: {note}" for note in outcome.notes]
    return "\n".join(lines)


def run(size_label: str | None, keep: bool) -> list[Outcome]:
    outcomes = []
    for size in SIZES:
        if size_label and size.label != size_label and f"{size.width}x{size.height}" != size_label:
            continue
        shots = SHOTS / size.label
        shutil.rmtree(shots, ignore_errors=True)
        work = Path(tempfile.mkdtemp(prefix=f"bazres-display-{size.label}-"))
        try:
            outcome = Visit(size, work, shots).run()
        except BaseException:
            print(f"{size.label}: failed; app logs and data kept in {work}", file=sys.stderr)
            raise
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
        print(report(outcome), flush=True)
        outcomes.append(outcome)
    return outcomes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", help="one of " + ", ".join(s.label for s in SIZES))
    parser.add_argument("--keep", action="store_true", help="keep the data folder and logs")
    args = parser.parse_args()
    faulthandler.register(signal.SIGUSR1)  # `kill -USR1 PID` prints where a stuck run is
    missing = missing_tools()
    if missing:
        print("not installed: " + ", ".join(missing), file=sys.stderr)
        return 2
    return 0 if run(args.size, args.keep) else 1


if __name__ == "__main__":
    sys.exit(main())
