"""What a page is given: the data, the change signals, the preferences, and where to go next.

Pages get these passed in (no globals), so each page can be built alone in a test.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from inspector_app.ui.events import DataEvents
from inspector_app.ui.qt import QSettings

if TYPE_CHECKING:
    from inspector_app.services.context import AppContext


class Router(Protocol):
    def open_inspection(self, inspection_id: str) -> None: ...

    def show_page(self, key: str) -> None: ...


class AppControl(Protocol):
    """Application-wide actions a page may ask for."""

    def set_language(self, language: str) -> None: ...

    def reload_database(self) -> None: ...


@dataclass
class PageEnv:
    context: AppContext
    events: DataEvents
    settings: QSettings
    router: Router
    app: AppControl
