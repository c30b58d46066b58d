"""The features that add to the inspection editor's top bar, in the order shown.

To add one, write `def my_action(editor: EditorHost) -> QWidget | None` in its own module and
append it here; the main window passes this list to every editor it opens.
"""

from __future__ import annotations

from inspector_app.ui.correction_marks import correction_marks_action
from inspector_app.ui.editor.actions import EditorAction
from inspector_app.ui.finalize.editor_action import finalize_action
from inspector_app.ui.report_preview import preview_action

EDITOR_ACTIONS: list[EditorAction] = [preview_action, finalize_action, correction_marks_action]
