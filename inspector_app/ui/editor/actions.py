"""What a feature adding a button to the editor's top bar may use of the editor.

A feature (finalize, report preview, correction marks) is a function taking an `EditorHost`
and returning a widget for the top bar, or None. It depends on this protocol, never on the
editor module, and the editor never imports a feature: the main window hands the list
(`inspector_app.ui.editor_actions.EDITOR_ACTIONS`) to each editor it opens. So there is no
import cycle between the editor and what it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from inspector_app.ui.qt import QWidget

if TYPE_CHECKING:
    from inspector_app.services.editing import EditingSession
    from inspector_app.ui.editor.header import HeaderPanel
    from inspector_app.ui.editor.items import ItemWidget
    from inspector_app.ui.editor.pending import PendingWrites
    from inspector_app.ui.env import PageEnv


class EditorHost(Protocol):
    env: PageEnv
    session: EditingSession
    inspection_id: str
    read_only: bool
    header: HeaderPanel
    writes: PendingWrites
    items: dict[tuple[str, int], ItemWidget]

    def as_widget(self) -> QWidget: ...
    def flush(self) -> bool: ...
    def reload(self) -> None: ...
    def jump_to(self, item_id: str, repeat_index: int = 0) -> bool: ...
    def after_write(self, result: Any = None) -> None: ...


EditorAction = Callable[[EditorHost], QWidget | None]
