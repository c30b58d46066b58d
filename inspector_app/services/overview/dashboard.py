"""What the Overview page shows, loaded on its own read-only connection, in two steps.

The page loads off the GUI thread: a separate SQLite connection (WAL lets it read while the app
writes) keeps the worker away from the GUI's connection and its open transactions. The first
step (`load_dashboard`) is one pass over a covering index and paints the page; the second
(`load_failed_items`) reads every failed answer and fills its chart when ready. Its result is
kept per filter until the database file changes, so coming back to the page is instant.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from inspector_app.errors import StorageUnavailable
from inspector_app.figures.aggregates import failed_items
from inspector_app.figures.coverage import Coverage, compute_coverage
from inspector_app.figures.filters import OverviewFilter
from inspector_app.figures.overview import TOP_ITEMS, FailedItem, Overview
from inspector_app.figures.queries import sqlite_runner
from inspector_app.services.overview import population
from inspector_app.services.overview.local import overview_of
from inspector_app.storage import followups

_CACHE_SIZE = 32
_items_cache: OrderedDict[tuple[object, ...], list[FailedItem]] = OrderedDict()
_cache_lock = threading.Lock()


@dataclass(frozen=True)
class Dashboard:
    overview: Overview  # failed_items left empty: see load_failed_items
    coverage: Coverage
    # Open findings past their deadline at the offices the filter's county and type select.
    overdue_actions: int = 0


def _connect(db_path: Path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=10.0)
    except sqlite3.Error as exc:
        raise StorageUnavailable(f"پایگاه داده باز نشد: {exc}", where=str(db_path)) from exc


def load_dashboard(db_path: Path, f: OverviewFilter, *, as_of: dt.date | None = None) -> Dashboard:
    conn = _connect(db_path)
    try:
        db = Database(conn, execute_plugins=False)
        overview = overview_of(db, f, as_of=as_of, with_items=False)
        return Dashboard(
            overview,
            compute_coverage(sqlite_runner(conn), population.current(db)),
            _overdue_actions(db, f, overview.as_of),
        )
    finally:
        conn.close()


def _overdue_actions(db: Database, f: OverviewFilter, today: dt.date) -> int:
    late = followups.overdue_by_office(db, today.isoformat())
    if not late:
        return 0
    return sum(
        late.get(code, 0)
        for code, county, office_type in db.execute("SELECT code, county, type FROM offices")
        if (f.county is None or county == f.county)
        and (f.office_type is None or office_type == f.office_type)
    )


def _stamp(db_path: Path) -> tuple[object, ...]:
    """Changes whenever a write reaches the database file or its write-ahead log."""
    out: list[object] = [str(db_path.resolve())]
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        try:
            st = path.stat()
        except OSError:
            out.append(None)
        else:
            out.append((st.st_mtime_ns, st.st_size))
    return tuple(out)


def clear_cache() -> None:
    with _cache_lock:
        _items_cache.clear()


def load_failed_items(
    db_path: Path, f: OverviewFilter, *, limit: int = TOP_ITEMS, use_cache: bool = True
) -> list[FailedItem]:
    key = (_stamp(db_path), f, limit)
    if use_cache:
        with _cache_lock:
            if key in _items_cache:
                _items_cache.move_to_end(key)
                return _items_cache[key]
    conn = _connect(db_path)
    try:
        items = failed_items(sqlite_runner(conn), f, limit=limit)
    finally:
        conn.close()
    with _cache_lock:
        _items_cache[key] = items
        while len(_items_cache) > _CACHE_SIZE:
            _items_cache.popitem(last=False)
    return items
