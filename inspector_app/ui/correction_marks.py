"""What a correction has changed, shown in its editor.

For an inspection that replaces another, the editor's header gets a line naming the replaced
inspection and «n مورد تغییر کرده», and each item whose answer, note or photos differ from it
is marked (the `changed` state, drawn by the theme). Refreshed after every write the editor
makes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inspector_app.ui import fmt, theme
from inspector_app.ui.qt import QCoreApplication, QLabel, QWidget, is_alive

if TYPE_CHECKING:
    from inspector_app.ui.editor.actions import EditorHost


class ChangeMarks(QLabel):
    def __init__(self, editor: EditorHost) -> None:
        super().__init__()
        self.setObjectName("changedCount")
        self._editor = editor
        self.replaces = editor.session.replaced_id()
        self.setToolTip(
            self.tr("موردهایی که با بازرسی جایگزین‌شده ({id}) فرق دارند نشان‌دار شده‌اند.").format(
                id=self.replaces
            )
        )
        editor.env.events.inspection_changed.connect(self._inspection_changed)
        editor.writes.state_changed.connect(self._writes_state)
        self.refresh()

    def _inspection_changed(self, inspection_id: str) -> None:
        if inspection_id == self._editor.inspection_id:
            self.refresh()

    def _writes_state(self, state: str) -> None:
        if state == "saved":  # a note or a typed answer reached the database
            self.refresh()

    def refresh(self) -> set[tuple[str, int]]:
        editor = self._editor
        if not is_alive(editor):
            return set()
        changed = editor.session.changed_since_replaced()
        self.setText(self.tr("{n} مورد تغییر کرده").format(n=fmt.plain_int(len(changed))))
        hint = self.tr("با بازرسی جایگزین‌شده فرق دارد")
        for key, widget in editor.items.items():
            if is_alive(widget):
                theme.set_state(widget, "changed", key in changed)
                widget.setToolTip(hint if key in changed else "")
        return changed


def correction_marks_action(editor: EditorHost) -> QWidget | None:
    """For a correction, the line in the header; never a widget for the top bar."""
    replaces = editor.session.replaced_id()
    if replaces is not None:
        title = QLabel(
            QCoreApplication.translate("ChangeMarks", "اصلاحیهٔ بازرسی شمارهٔ {number} —").format(
                number=fmt.ltr(fmt.digits(editor.session.replaced_number()))
            )
        )
        title.setObjectName("replacesLabel")
        editor.header.add_line(title, ChangeMarks(editor))
    return None
