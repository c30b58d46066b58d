"""The vocabulary's labels (domain.vocabulary) in the UI's language."""

from __future__ import annotations

from collections.abc import Mapping

from inspector_app.domain import vocabulary
from inspector_app.domain.persian import NO_VALUE
from inspector_app.services import integrity_kinds
from inspector_app.ui.qt import QCoreApplication


def _translated(context: str, table: Mapping[str, str], key: str | None) -> str:
    """The translated label of `key`, or the key itself when the table does not know it."""
    if key is None:
        return NO_VALUE
    source = table.get(key)
    return QCoreApplication.translate(context, source) if source else key


def office_type(key: str | None) -> str:
    return _translated("Labels", vocabulary.OFFICE_TYPES, key)


def office_status(key: str | None) -> str:
    return _translated("Labels", vocabulary.OFFICE_STATUSES, key)


def inspection_status(key: str | None) -> str:
    return _translated("Labels", vocabulary.INSPECTION_STATUSES, key)


def counted_status(key: str) -> str:
    """A status as a qualifier of counted inspections: «نهایی‌شده», "finalized"."""
    return _translated("OverviewLabels", vocabulary.COUNTED_STATUSES, key)


def grade(key: str | None) -> str:
    return _translated("Labels", vocabulary.GRADE_LABELS, key)


def integrity_problem(kind: str) -> str:
    """What an integrity problem of `kind` means, for the start-up warning."""
    return _translated("Integrity", integrity_kinds.KINDS, kind)
