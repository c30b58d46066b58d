"""A thin Qt adapter over storage: one signal per kind of change, so pages refresh themselves.

Storage stays free of Qt; `background.run_write` emits the matching signal after a write has
committed (through `background.announce`), so no page emits them itself.
"""

from __future__ import annotations

from inspector_app.ui.qt import QObject, Signal


class DataEvents(QObject):
    inspection_changed = Signal(str)  # inspection id (created, answered, deleted)
    offices_changed = Signal()
    settings_changed = Signal()
