"""Report numbers («شماره» of the official letter): Jalali year / personnel number / serial.

The year and the inspector's personnel number make a number unique across the province with
no network (each inspector numbers his own reports, a year at a time); the serial counts this
database's finalized reports of that year and inspector. It is read before the report is
drawn and stored by the transaction that locks the inspection, where a unique index refuses a
second use: an interrupted finalize stores nothing, so the next one takes the same number.
"""

from __future__ import annotations

from sqlite_utils import Database


def next_number(db: Database, year: int, personnel_no: str) -> str:
    """The number the next report of `personnel_no` finalized in Jalali `year` gets."""
    prefix = f"{year}/{personnel_no or '0'}/"
    row = db.execute(
        "SELECT max(CAST(substr(report_number, ?) AS INTEGER)) FROM inspection_documents "
        "WHERE substr(report_number, 1, ?) = ?",
        [len(prefix) + 1, len(prefix), prefix],
    ).fetchone()
    return f"{prefix}{(row[0] or 0) + 1}"


def number_of(db: Database, inspection_id: str) -> str:
    """A finalized report's number; one finalized before numbers were given keeps the one it
    prints (the start of its id); a draft has none («»)."""
    row = db.execute(
        "SELECT coalesce(report_number, upper(substr(inspection_id, 1, 8))) "
        "FROM inspection_documents WHERE inspection_id = ?",
        [inspection_id],
    ).fetchone()
    return row[0] if row else ""
