"""Which population file the laptop uses: the bundled census, or a newer one imported with
`inspector-app population import FILE` (checked, then copied into the data folder); the
setting records the choice.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlite_utils import Database

from inspector_app.errors import QT_TRANSLATE_NOOP, InvalidImport
from inspector_app.figures.population import BUNDLED, Population, parse
from inspector_app.storage import settings

SETTING = "overview.population_file"
IMPORTED_NAME = "county-population.csv"


def current(db: Database) -> Population:
    """The file named by the setting if it is still there, else the bundled census."""
    chosen = settings.get(db, SETTING)
    if chosen and Path(chosen).is_file():
        return parse(Path(chosen))
    return parse(BUNDLED)


def import_file(db: Database, source: Path, data_dir: Path) -> Population:
    """Check `source`, copy it into the data folder and use it from now on."""
    population = parse(source)
    target = data_dir / IMPORTED_NAME
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    except OSError as exc:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "رونوشت پروندهٔ جمعیت ساخته نشد: {reason}"),
            where=str(target),
            reason=exc,
        ) from exc
    settings.put(db, SETTING, str(target))
    return Population(population.by_county, population.source, target)


def reset(db: Database) -> None:
    """Back to the bundled census."""
    settings.put(db, SETTING, "")
