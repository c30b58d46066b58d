"""Where things live: the user's data folder, bundled resources and forms.

The project keeps resources/ and forms/ at the top of the repository. An installed copy (the
wheel, the frozen build) carries them inside the package as inspector_app/_bundled/resources and
inspector_app/_bundled/forms (pyproject's hatch force-include; the PyInstaller spec's datas).
bundle_root() is the one place that decides which of the two is used; every bundled file is
reached through RESOURCES/resource() or BUNDLED_FORMS. (The server's templates, static files
and migrations are not bundled resources: they live in its package, beside their modules.)
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

import platformdirs

APP_NAME = "bazres"
DATA_ENV = "INSPECTOR_APP_DATA"
DB_FILENAME = "bazres.db"
BUNDLE_DIR = "_bundled"


def bundle_root() -> Path:
    """The folder that holds resources/ and forms/.

    inspector_app/_bundled when it exists (an installed wheel or a frozen build), else the
    repository root (a source checkout, where the package sits beside resources/ and forms/).
    Qt, reportlab and the font loader need real files, so only a folder on disk counts: the
    package is never imported from a zip archive.
    """
    bundled = files("inspector_app") / BUNDLE_DIR
    if isinstance(bundled, Path) and bundled.is_dir():
        return bundled
    return Path(__file__).resolve().parent.parent


RESOURCES = bundle_root() / "resources"
BUNDLED_FORMS = bundle_root() / "forms"


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
