"""Refresh the English translation: extract strings, keep translations, compile the .qm.

    uv run python resources/i18n/update.py

Persian is the source language. New strings appear in bazres_en.ts as unfinished; translate
them in Qt Linguist (`uv run pyside6-linguist resources/i18n/bazres_en.ts`) and run this again.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TS = HERE / "bazres_en.ts"
QM = HERE / "bazres_en.qm"


# ui/ for the widgets' own strings; domain/ for the vocabulary's labels; errors.py, domain/,
# storage/, figures/, pdf/ and services/ for the messages they raise, marked with errors.py's
# QT_TRANSLATE_NOOP (no Qt below ui/).
SOURCE_FOLDERS = ("ui", "domain", "storage", "figures", "pdf", "services")


def sources() -> list[str]:
    package = ROOT / "inspector_app"
    files = [package / "errors.py"]
    for folder in SOURCE_FOLDERS:
        files += (package / folder).rglob("*.py")
    return sorted(str(p.relative_to(ROOT)) for p in files)


def main() -> int:
    bin_dir = Path(sys.executable).parent
    subprocess.run(
        [str(bin_dir / "pyside6-lupdate"), *sources(), "-ts", str(TS),
         "-source-language", "fa", "-target-language", "en", "-no-obsolete"],
        cwd=ROOT,
        check=True,
    )  # fmt: skip
    subprocess.run([str(bin_dir / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
