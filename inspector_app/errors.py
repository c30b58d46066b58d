"""Errors the user can act on, told apart from bugs.

A `KnownError` carries a clear message (Persian first) and, where it applies, the file and line
it is about. The CLI prints it without a traceback; the UI shows it in a message box, in the
UI's language.

Messages are written as Persian templates marked with `QT_TRANSLATE_NOOP("Errors", ...)`, with
the variable parts passed as keyword arguments: `InvalidImport(QT_TRANSLATE_NOOP("Errors",
"پرونده خوانده نشد: {reason}"), where=path, reason=exc)`. The template is what lupdate extracts
and what the UI looks up in the translation (ui/messages.py); `message` is the Persian text
filled in. No Qt here: the marker is a plain function that lupdate recognises by its name.
"""

from __future__ import annotations

from collections.abc import Mapping

CONTEXT = "Errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # lupdate finds it by this name
    """Mark `text` for translation under `context`; returns it unchanged."""
    return text


def fill(template: str, params: Mapping[str, object]) -> str:
    """`template` with `params` put in; nested errors stand for their message."""
    if not params:
        return template
    values = {k: v.message if isinstance(v, KnownError) else v for k, v in params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a path or a detail with braces of its own
        return template


class KnownError(Exception):
    """An expected failure caused by input or environment, not by a bug."""

    exit_code = 1

    def __init__(self, message: str, *, where: str | None = None, **params: object) -> None:
        self.template = message
        self.where_template = where
        self.params = params
        self.message = fill(message, params)
        self.where = fill(where, params) if where else where
        super().__init__(self.message)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class DatabaseTooNew(KnownError):
    """The database was written by a newer version of the app."""


class DatabaseCorrupt(KnownError):
    """The database file is not a readable SQLite database."""


class StorageUnavailable(KnownError):
    """Disk full, read-only folder, locked file: the environment refuses a write."""


class DiskFull(StorageUnavailable):
    """No space left (or the database at its page limit)."""


class ReadOnlyStorage(StorageUnavailable):
    """The folder or the file may not be written."""


class CannotOpen(StorageUnavailable):
    """The database file or its folder is missing, not a file, or not accessible."""


class StorageIOError(StorageUnavailable):
    """The disk failed to read or write: a hardware or file-system fault, not a damaged file."""


class DatabaseBusy(StorageUnavailable):
    """Another program holds the database."""


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
