"""Small key/value settings kept in the database (inspector profile, sync server, ...)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlite_utils import Database

from inspector_app.domain.persian import to_latin_digits
from inspector_app.errors import QT_TRANSLATE_NOOP, KnownError
from inspector_app.storage.db import writing

NAME_KEY = "inspector.name"
PERSONNEL_KEY = "inspector.personnel_no"
PERSONNEL_MAX_DIGITS = 20
_DIGITS_ONLY = re.compile(r"[0-9]+")


def get(db: Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def put(db: Database, key: str, value: str) -> None:
    with writing(db):
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )


def erase(db: Database, key: str) -> None:
    """Delete `key` and overwrite its bytes (a secret must not linger in free pages, the WAL or
    a backup made later)."""
    secure = db.execute("PRAGMA secure_delete").fetchone()[0]
    db.execute("PRAGMA secure_delete = ON")
    try:
        with writing(db):
            db.execute("DELETE FROM settings WHERE key = ?", [key])
    finally:
        db.execute(f"PRAGMA secure_delete = {int(secure)}")
    # The old page versions in the write-ahead log go too.
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


class ProfileError(KnownError):
    """The inspector profile typed is not usable; nothing was saved."""


@dataclass(frozen=True)
class InspectorProfile:
    name: str
    personnel_no: str


def clean_personnel_no(text: str) -> str:
    """The personnel number as stored: Latin digits, no spaces (Persian and Arabic digits and
    spaces typed between groups are accepted)."""
    return "".join(to_latin_digits(text).split())


def personnel_no_ok(text: str) -> bool:
    number = clean_personnel_no(text)
    return bool(_DIGITS_ONLY.fullmatch(number)) and len(number) <= PERSONNEL_MAX_DIGITS


def inspector_profile(db: Database) -> InspectorProfile:
    return InspectorProfile(get(db, NAME_KEY, "") or "", get(db, PERSONNEL_KEY, "") or "")


def has_inspector_profile(db: Database) -> bool:
    """Whether the inspector has said who they are (first start asks until they do)."""
    profile = inspector_profile(db)
    return bool(profile.name.strip() and profile.personnel_no.strip())


def save_inspector_profile(db: Database, profile: InspectorProfile) -> InspectorProfile:
    """Store the profile (name trimmed, personnel number in Latin digits); returns what was
    stored. A missing name or a personnel number that is not digits is refused unchanged."""
    name = " ".join(profile.name.split())
    if not name:
        raise ProfileError(
            QT_TRANSLATE_NOOP("Errors", "نام و نام خانوادگی بازرس خالی است؛ چیزی ذخیره نشد.")
        )
    if not personnel_no_ok(profile.personnel_no):
        raise ProfileError(
            QT_TRANSLATE_NOOP(
                "Errors", "شمارهٔ پرسنلی باید فقط رقم باشد (حداکثر {n} رقم)؛ چیزی ذخیره نشد."
            ),
            n=PERSONNEL_MAX_DIGITS,
        )
    stored = InspectorProfile(name, clean_personnel_no(profile.personnel_no))
    with writing(db):
        put(db, NAME_KEY, stored.name)
        put(db, PERSONNEL_KEY, stored.personnel_no)
    return stored
