"""The dropdown that filters a list page (offices, inspections) by one field."""

from __future__ import annotations

from inspector_app.ui.qt import QComboBox


def filter_combo(name: str, all_text: str, items: list[tuple[str, str]]) -> QComboBox:
    """A filter: «all …» first (no value), then one entry per (value, text)."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem(all_text, "")
    for value, text in items:
        combo.addItem(text, value)
    return combo
