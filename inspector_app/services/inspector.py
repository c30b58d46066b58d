"""The inspector using this laptop: their profile (name, personnel number) and the signing
identity they hold, as the desktop UI reads and sets them."""

from __future__ import annotations

from sqlite_utils import Database

from inspector_app.storage import identities, settings
from inspector_app.storage.identities import StoredIdentity
from inspector_app.storage.settings import (
    PERSONNEL_MAX_DIGITS,
    InspectorProfile,
    clean_personnel_no,
    personnel_no_ok,
)

__all__ = [
    "PERSONNEL_MAX_DIGITS",
    "InspectorProfile",
    "StoredIdentity",
    "active_identity",
    "clean_personnel_no",
    "has_profile",
    "personnel_no_ok",
    "profile",
    "save_profile",
]


def profile(db: Database) -> InspectorProfile:
    return settings.inspector_profile(db)


def has_profile(db: Database) -> bool:
    return settings.has_inspector_profile(db)


def save_profile(db: Database, new: InspectorProfile) -> InspectorProfile:
    """Store the profile (checked; personnel number in Latin digits) and return it as stored."""
    return settings.save_inspector_profile(db, new)


def active_identity(db: Database) -> StoredIdentity | None:
    """The signing identity in use, or None when the inspector has none yet."""
    return identities.active(db)
