"""Finding one's way in the editor: the section list and its pages; by keyboard, the current
item, next and previous item and section, answer keys, and jumping to one item.

A part of InspectionEditor (a mixin), kept apart so the editor stays about its answers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from inspector_app.ui.editor.items import ItemWidget
from inspector_app.ui.editor.shortcuts import SHORTCUTS
from inspector_app.ui.qt import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QShortcut,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    is_alive,
)

if TYPE_CHECKING:
    from inspector_app.domain.scoring import AnswerKey
    from inspector_app.ui.editor.interviews import InterviewsPanel


class EditorNavigation:
    nav: QListWidget
    scrolls: list[QScrollArea]
    items: dict[AnswerKey, ItemWidget]
    section_items: list[list[ItemWidget]]
    interviews: InterviewsPanel | None
    shortcuts: dict[str, QShortcut]
    stack: QStackedWidget
    _current: ItemWidget | None

    # --- the section list and its pages ------------------------------------------------
    def _add_nav_entry(self, title: str) -> None:
        entry = QListWidgetItem(title)
        entry.setData(Qt.ItemDataRole.UserRole, title)
        self.nav.addItem(entry)

    def _add_page(self, title: str, widgets: list[ItemWidget]) -> None:
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(6, 4, 6, 4)
        column.setSpacing(6)
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        font = heading.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        heading.setFont(font)
        column.addWidget(heading)
        for widget in widgets:
            column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.scrolls.append(scroll)
        self.stack.addWidget(scroll)
        self._add_nav_entry(title)

    # --- keyboard ------------------------------------------------------------------------
    def _install_shortcuts(self) -> None:
        bindings: dict[str, Callable[[], None]] = {
            "yes": lambda: self.answer_current("yes"),
            "no": lambda: self.answer_current("no"),
            "na": lambda: self.answer_current("na"),
            "next_item": lambda: self.move_item(1),
            "previous_item": lambda: self.move_item(-1),
            "next_section": lambda: self.move_section(1),
            "previous_section": lambda: self.move_section(-1),
        }
        assert isinstance(self, QWidget)
        self.shortcuts = {}
        for name, action in bindings.items():
            shortcut = QShortcut(SHORTCUTS[name], self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
            self.shortcuts[name] = shortcut

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        assert isinstance(self, QWidget)
        if not is_alive(self):
            return
        widget = new
        while widget is not None and not isinstance(widget, ItemWidget):
            widget = widget.parentWidget()
        if isinstance(widget, ItemWidget) and self.isAncestorOf(widget):
            self._make_current(widget)

    def _make_current(self, widget: ItemWidget) -> None:
        if self._current is not None and is_alive(self._current):
            self._current.set_current(False)
        self._current = widget
        widget.set_current(True)

    def current_item(self) -> ItemWidget | None:
        if self._current is not None and is_alive(self._current) and self._current.isVisible():
            return self._current
        visible = self._page_items()
        return visible[0] if visible else None

    def _page_items(self) -> list[ItemWidget]:
        """Visible items of the page on screen, in order."""
        row = self.nav.currentRow()
        if 0 <= row < len(self.section_items):
            widgets = self.section_items[row]
        elif self.interviews is not None and row == len(self.section_items):
            widgets = [
                w
                for repeat in sorted(self.interviews.groups)
                for w in self.items.values()
                if w.repeat == repeat
            ]
        else:
            widgets = []
        return [w for w in widgets if not w.isHidden()]

    def answer_current(self, key: str) -> None:
        widget = self.current_item()
        if widget is not None and widget.answer_key(key):
            self.move_item(1)

    def move_item(self, step: int) -> None:
        visible = self._page_items()
        current = self.current_item()
        if current is None or current not in visible:
            if visible:
                self.focus_item(visible[0])
            return
        position = visible.index(current) + step
        if 0 <= position < len(visible):
            self.focus_item(visible[position])
        elif step > 0:
            self.move_section(1)

    def move_section(self, step: int) -> None:
        row = self.nav.currentRow() + step
        if 0 <= row < self.nav.count():
            self.nav.setCurrentRow(row)
            self.focus_first_item()

    def focus_first_item(self) -> None:
        visible = self._page_items()
        if visible:
            self.focus_item(visible[0])

    def focus_item(self, widget: ItemWidget) -> None:
        self._make_current(widget)
        page = self._page_of(widget)
        if page is not None and self.nav.currentRow() != page:
            self.nav.setCurrentRow(page)
        widget.first_input().setFocus(Qt.FocusReason.ShortcutFocusReason)
        if page is not None and page < len(self.scrolls):
            self.scrolls[page].ensureWidgetVisible(widget, 0, 40)

    def _page_of(self, widget: ItemWidget) -> int | None:
        for row, widgets in enumerate(self.section_items):
            if widget in widgets:
                return row
        if self.interviews is not None and widget.repeat > 0:
            return len(self.section_items)
        return None

    def jump_to(self, item_id: str, repeat_index: int = 0) -> bool:
        """Show and focus one item (e.g. from a list of what is still missing)."""
        widget = self.items.get((item_id, repeat_index))
        if widget is None:
            return False
        self.focus_item(widget)
        return True
