"""Where the project's files are, for tests and benchmarks."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"  # screenshots and rendered pages left for a person to look at
FORMS = ROOT / "forms"
