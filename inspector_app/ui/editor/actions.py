"""Extra buttons in the editor's top bar, added by other features (finalize, export PDF).

Each entry gets the editor and returns a widget (usually a QPushButton) or None. Register with
one line, e.g. `EDITOR_ACTIONS.append(finalize_button)`. The editor offers: `env`,
`inspection_id`, `read_only`, `flush()`, `reload()` and `jump_to(item_id, repeat_index)`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from inspector_app.ui.qt import QWidget

if TYPE_CHECKING:
    from inspector_app.ui.editor.editor import InspectionEditor

EditorAction = Callable[["InspectionEditor"], QWidget | None]

EDITOR_ACTIONS: list[EditorAction] = []

# Features that add editor actions (imported last: they may import this module's names).
from inspector_app.ui.correction_marks import correction_marks_action  # noqa: E402
from inspector_app.ui.finalize.editor_action import finalize_action  # noqa: E402
from inspector_app.ui.report_preview import preview_action  # noqa: E402

EDITOR_ACTIONS.append(preview_action)
EDITOR_ACTIONS.append(finalize_action)
EDITOR_ACTIONS.append(correction_marks_action)
