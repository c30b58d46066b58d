"""One way to run the overview's SQL on SQLite (the app) or SQLAlchemy (the server).

The aggregate queries use only portable SQL (GROUP BY, CASE, AVG, LEFT JOIN, `:name`
parameters), so the same text runs on SQLite and PostgreSQL; a `Runner` hides the driver.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

Row = Sequence[Any]


class Runner(Protocol):
    def __call__(self, sql: str, params: Mapping[str, Any]) -> list[Row]: ...


def sqlite_runner(conn: sqlite3.Connection | Any) -> Runner:
    """A runner over a sqlite3 connection or a sqlite-utils Database (its `.conn`)."""
    raw: sqlite3.Connection = getattr(conn, "conn", conn)

    def run(sql: str, params: Mapping[str, Any]) -> list[Row]:
        return list(raw.execute(sql, dict(params)).fetchall())

    return run


def sqlalchemy_runner(conn: Any) -> Runner:
    """A runner over a SQLAlchemy `Connection` (SQLite or PostgreSQL)."""
    from sqlalchemy import text  # the app itself never needs SQLAlchemy

    def run(sql: str, params: Mapping[str, Any]) -> list[Row]:
        return [tuple(r) for r in conn.execute(text(sql), dict(params)).fetchall()]

    return run


def in_list(name: str, values: Sequence[Any], params: dict[str, Any]) -> str:
    """`(:name0, :name1, ...)` for an IN clause, adding the values to `params`."""
    keys = []
    for index, value in enumerate(values):
        key = f"{name}{index}"
        params[key] = value
        keys.append(f":{key}")
    return "(" + ", ".join(keys) + ")"
