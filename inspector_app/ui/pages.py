"""The pages of the main window, in navigation order: (key, title, factory).

To add a page, append one PageSpec here; its factory receives the PageEnv and returns the
widget. Use `lazy("module", "Class")` as the factory so the page's module (and whatever heavy
libraries it needs) is imported only when the page is first opened, not at startup. A page
may define `on_shown()` (called each time it is shown) and `flush()` (called
before the window closes or the language changes, to save anything pending).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from inspector_app.ui.env import PageEnv
from inspector_app.ui.qt import QT_TRANSLATE_NOOP, QWidget


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # Persian source text, translated in the "Pages" context
    factory: Callable[[PageEnv], QWidget]


def lazy(module: str, name: str) -> Callable[[PageEnv], QWidget]:
    """A factory that imports `module` only when the page is first built."""

    def build(env: PageEnv) -> QWidget:
        page_class = getattr(importlib.import_module(module), name)
        page: QWidget = page_class(env)
        return page

    return build


PAGES: list[PageSpec] = [
    PageSpec(
        "offices",
        QT_TRANSLATE_NOOP("Pages", "دفترها"),
        lazy("inspector_app.ui.offices_page", "OfficesPage"),
    ),
    PageSpec(
        "visits",
        QT_TRANSLATE_NOOP("Pages", "بازدیدهای من"),
        lazy("inspector_app.ui.visits_page", "VisitsPage"),
    ),
    PageSpec(
        "inspections",
        QT_TRANSLATE_NOOP("Pages", "بازرسی‌ها"),
        lazy("inspector_app.ui.inspections_page", "InspectionsPage"),
    ),
    PageSpec(
        "sync",
        QT_TRANSLATE_NOOP("Pages", "همگام‌سازی"),
        lazy("inspector_app.ui.sync_page", "SyncPage"),
    ),
    PageSpec(
        "settings",
        QT_TRANSLATE_NOOP("Pages", "تنظیمات"),
        lazy("inspector_app.ui.settings_page", "SettingsPage"),
    ),
    PageSpec(
        "overview",
        QT_TRANSLATE_NOOP("Pages", "نمای کلی استان"),
        lazy("inspector_app.ui.overview_page", "OverviewPage"),
    ),
]
