"""The editor's keyboard shortcuts and the help line that lists them.

Each key combination in the help line is a left-to-right isolate (LRI … PDI): without it the
bidi algorithm pulls «Ctrl», «+» and «1» into the surrounding Persian and the line reads
scrambled («بله 1+Ctrl»).
"""

from __future__ import annotations

from inspector_app.ui import fmt
from inspector_app.ui.qt import QCoreApplication, QKeyCombination, QKeySequence, Qt

_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
# Built from key codes, not parsed from text, so no locale or layout can change them.
SHORTCUTS = {
    "yes": QKeySequence(QKeyCombination(_CTRL, Qt.Key.Key_1)),
    "no": QKeySequence(QKeyCombination(_CTRL, Qt.Key.Key_2)),
    "na": QKeySequence(QKeyCombination(_CTRL, Qt.Key.Key_3)),
    "next_item": QKeySequence(QKeyCombination(_ALT, Qt.Key.Key_Down)),
    "previous_item": QKeySequence(QKeyCombination(_ALT, Qt.Key.Key_Up)),
    "next_section": QKeySequence(QKeyCombination(_CTRL, Qt.Key.Key_PageDown)),
    "previous_section": QKeySequence(QKeyCombination(_CTRL, Qt.Key.Key_PageUp)),
}

# As printed on keyboards (arrows rather than «Down»), the same in every UI language.
KEY_NAMES = {
    "yes": "Ctrl+1",
    "no": "Ctrl+2",
    "na": "Ctrl+3",
    "next_item": "Alt+↓",
    "previous_item": "Alt+↑",
    "next_section": "Ctrl+PgDown",
    "previous_section": "Ctrl+PgUp",
}


def shortcut_help() -> str:
    """The help line, each key combination isolated left to right."""
    keys = {name: fmt.ltr(text) for name, text in KEY_NAMES.items()}
    return QCoreApplication.translate(
        "InspectionEditor",
        "میان‌برها: بله {yes} · خیر {no} · مورد ندارد {na} · "
        "مورد بعد {next_item} · مورد قبل {previous_item} · "
        "بخش بعد {next_section} · بخش قبل {previous_section}",
    ).format(**keys)
