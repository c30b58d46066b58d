"""Where things live: the user's data folder, bundled resources and forms."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "bazres"
DATA_ENV = "INSPECTOR_APP_DATA"
DB_FILENAME = "bazres.db"

REPO_ROOT = Path(__file__).resolve().parent.parent
RESOURCES = REPO_ROOT / "resources"
BUNDLED_FORMS = REPO_ROOT / "forms"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """`--data-dir`, else $INSPECTOR_APP_DATA, else the per-platform user data folder."""
    chosen = override or os.environ.get(DATA_ENV) or platformdirs.user_data_dir(APP_NAME, False)
    return Path(chosen).expanduser().resolve()


def database_path(folder: Path) -> Path:
    return folder / DB_FILENAME


def downloaded_forms(folder: Path) -> Path:
    """Forms received from the governorate (sync or USB bundle) live beside the database."""
    return folder / "forms"


def form_folders(folder: Path) -> list[Path]:
    """Bundled forms first, then the governorate's updates (a newer version wins by number)."""
    return [BUNDLED_FORMS, downloaded_forms(folder)]


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)
