"""A page that reads its data again only when it is seen: a change marks it stale, and it
reloads at once if it is shown, else the next time it is shown (a hidden page costs nothing
while the inspector works elsewhere)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from inspector_app.ui.qt import QShowEvent

if TYPE_CHECKING:
    from inspector_app.ui.qt import QWidget

    _Base = QWidget
else:
    _Base = object


class ReloadWhenShown(_Base):
    """Mixed in before QWidget; the page defines `reload()`, which clears `_dirty`."""

    _dirty: bool = True

    def reload(self) -> None:
        raise NotImplementedError

    def _reload_soon(self) -> None:
        """How a shown page reloads after a change (at once; a page may defer it)."""
        self.reload()

    def _mark_dirty(self, *_args: Any) -> None:
        self._dirty = True
        if self.isVisible():
            self._reload_soon()

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.reload()
        super().showEvent(event)
