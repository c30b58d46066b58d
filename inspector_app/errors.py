"""Errors the user can act on, told apart from bugs.

A `KnownError` carries a clear message (Persian first) and, where it applies, the file and line
it is about. The CLI prints it without a traceback; the UI shows it in a message box.
"""

from __future__ import annotations


class KnownError(Exception):
    """An expected failure caused by input or environment, not by a bug."""

    exit_code = 1

    def __init__(self, message: str, *, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class DatabaseTooNew(KnownError):
    """The database was written by a newer version of the app."""


class DatabaseCorrupt(KnownError):
    """The database file is not a readable SQLite database."""


class StorageUnavailable(KnownError):
    """Disk full, read-only folder, locked file: the environment refuses a write."""


class FormError(KnownError):
    """A form file is malformed or breaks the form schema."""


class InvalidAnswer(KnownError):
    """An answer does not fit its item (wrong type, out of range, unknown option)."""


class InvalidImport(KnownError):
    """An import file (registry, inspection) is unreadable or breaks its schema."""


class NotFound(KnownError):
    """An id names nothing in this database."""


class RecordLocked(KnownError):
    """The inspection is finalized and can no longer change."""
