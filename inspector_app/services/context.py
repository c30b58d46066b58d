"""The app's working set for one data folder: the database and the forms, opened in order."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from inspector_app import paths
from inspector_app.domain.forms import LoadedForm, load_forms, newest_form_for
from inspector_app.errors import QT_TRANSLATE_NOOP, FormError, KnownError, NotFound
from inspector_app.services import integrity
from inspector_app.storage import offices
from inspector_app.storage.db import classify, db_path, open_database

log = logging.getLogger(__name__)
DEMO_REGISTRY = paths.resource("data", "offices_demo.json")


@dataclass
class AppContext:
    data_dir: Path
    db: Database
    forms: list[LoadedForm] = field(default_factory=list)
    form_errors: list[FormError] = field(default_factory=list)
    # What the start-up check found wrong with the finalized inspections (empty: all holds).
    integrity_problems: list[integrity.Problem] = field(default_factory=list)

    def reload_forms(self) -> None:
        report = load_forms(paths.form_folders(self.data_dir))
        self.forms, self.form_errors = report.forms, report.errors
        for error in report.errors:
            log.warning("form skipped: %s", error)

    def form_for(self, office_type: str, form_id: str = "") -> LoadedForm:
        """The newest form for `office_type`; of the forms with id `form_id`, if one fits."""
        named = [f for f in self.forms if f.form.id == form_id] if form_id else []
        form = newest_form_for(named, office_type) or newest_form_for(self.forms, office_type)
        if form is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("Errors", "فرمی برای این نوع دفتر ({type}) نیست"),
                type=office_type,
            )
        return form

    @property
    def db_path(self) -> Path:
        """The database file, for work that opens its own connection in a worker thread."""
        return db_path(self.db)

    def close(self) -> None:
        self.db.close()


def open_context(data_dir: Path, *, seed_demo: bool = True, check: bool = True) -> AppContext:
    """Open the database (migrating it), check the finalized inspections (unless `check` is
    False: the app runs `check_integrity` itself once its window is usable), seed the demo
    registry on first start, load forms."""
    path = paths.database_path(data_dir)
    db = open_database(path)
    try:
        problems = _checked(db, path) if check else []
    except KnownError:
        db.close()
        raise
    if seed_demo and DEMO_REGISTRY.exists():
        report = offices.seed_if_empty(db, DEMO_REGISTRY)
        if report is not None:
            log.info("demo registry loaded: %s", report.summary())
    context = AppContext(data_dir=data_dir, db=db, integrity_problems=problems)
    context.reload_forms()
    return context


def check_integrity(path: Path) -> list[integrity.Problem]:
    """The start-up check of the finalized inspections in the database at `path`, on a
    read-only connection of its own, so a worker can run it while the app is in use."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10.0)
    except sqlite3.Error as exc:
        raise classify(exc, path) from exc
    try:
        return _checked(Database(conn, execute_plugins=False), path)
    finally:
        conn.close()


def _checked(db: Database, path: Path) -> list[integrity.Problem]:
    try:
        problems = integrity.quick_check(db)
    except sqlite3.DatabaseError as exc:  # damage deeper than opening the file reaches
        raise classify(exc, path) from exc
    if problems:
        log.info("integrity check: %d problem(s): %s", len(problems), "; ".join(map(str, problems)))
    return problems
