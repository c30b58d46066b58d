"""The mouse wheel over a dropdown the inspector did not click scrolls the page and leaves
the answer as it was (it once changed a stored answer while the page scrolled under it)."""

from __future__ import annotations

from typing import Any

from inspector_app.ui.qt import QApplication, QComboBox, QPoint, QPointF, Qt
from tests.helpers.gui import Gui
from tests.ui.test_click_everything import LEFT, choose_in_popup, start_inspection


def wheel(widget: Any, notches: int) -> None:
    """Wheel notches over the middle of `widget`, as the mouse sends them (down: negative)."""
    from PySide6.QtGui import QWheelEvent

    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_past_a_dropdown_without_changing_it(qtbot: Any, gui: Gui) -> None:
    assert gui.window is not None
    editor = start_inspection(qtbot, gui.window, "pishkhan")
    row, combo = next(
        (r, c)
        for r, widgets in enumerate(editor.section_items)
        for w in widgets
        for c in w.findChildren(QComboBox, "choiceAnswer")
    )
    rect = editor.nav.visualItemRect(editor.nav.item(row))
    qtbot.mouseClick(editor.nav.viewport(), LEFT, pos=rect.center())
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a person's pause after a click
    choose_in_popup(qtbot, editor, combo, 1)
    chosen = combo.currentData()
    assert chosen is not None
    key = next(k for k, w in editor.items.items() if combo in w.findChildren(QComboBox))
    qtbot.waitUntil(lambda: editor.session.answers().get(key) == chosen)

    # Focus elsewhere, as after answering the next question; then the wheel over the combo.
    editor.nav.setFocus()
    scroll = editor.scrolls[row].verticalScrollBar()
    before = scroll.value()
    for _ in range(3):
        wheel(combo, -1)
    assert combo.currentData() == chosen
    assert editor.session.answers().get(key) == chosen
    assert scroll.value() > before or scroll.maximum() == before  # the page scrolled instead

    # Focused (tabbed into), the dropdown does take the wheel: a choice made on purpose.
    # (Offscreen, a closed popup leaves no active window, so the focus is given as Tab does.)
    gui.window.activateWindow()
    qtbot.waitUntil(gui.window.isActiveWindow)
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    assert combo.hasFocus()
    wheel(combo, -1)
    assert combo.currentData() != chosen
