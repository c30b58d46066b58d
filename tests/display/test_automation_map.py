"""The automation map (inspector_app/ui/automation.py), offscreen: what the display tests
read to find widgets is where the widgets are, clipped as a user sees them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from inspector_app.ui import automation
from inspector_app.ui.qt import (
    QComboBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)


def read(path: Path) -> dict[str, Any] | None:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data


def next_map(qtbot: Any, path: Path, after: int = 0) -> dict[str, Any]:
    found: list[dict[str, Any]] = []

    def written() -> bool:
        data = read(path)
        if data is not None and data["seq"] > after:
            found[:] = [data]
            return True
        return False

    qtbot.waitUntil(written, timeout=5000)
    return found[0]


def entry(data: dict[str, Any], path_end: str) -> dict[str, Any]:
    return next(w for w in data["widgets"] if w["path"].endswith(path_end))


def test_no_map_unless_asked(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(automation.ENV_VAR, raising=False)
    assert automation.install(qapp) is None


def test_map_names_widgets_where_they_are(
    qtbot: Any, qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.json"
    monkeypatch.setenv(automation.ENV_VAR, str(target))
    monkeypatch.setenv(automation.INTERVAL_VAR, "50")
    writer = automation.install(qapp)
    assert writer is not None
    try:
        window = QWidget()
        window.setObjectName("testWindow")
        window.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        combo = QComboBox()
        combo.setObjectName("testCombo")
        combo.addItem("— انتخاب کنید —", None)
        combo.addItem("همکف", "ground")
        body = QWidget()
        column = QVBoxLayout(body)
        for n in range(30):
            label = QLabel(f"پرسش {n}")
            label.setObjectName(f"row{n}")
            label.setMinimumHeight(40)
            column.addWidget(label)
        scroll = QScrollArea()
        scroll.setObjectName("testScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        button = QPushButton("بله")
        button.setObjectName("answer_yes")
        button.setCheckable(True)
        layout = QVBoxLayout(window)
        layout.addWidget(combo)
        layout.addWidget(button)
        layout.addWidget(scroll)
        window.resize(400, 300)
        window.show()
        qtbot.waitExposed(window)

        data = next_map(qtbot, target)
        assert data["pid"] > 0 and data["dpr"] == 1.0
        shown = entry(data, "testWindow/answer_yes")
        top_left = button.mapToGlobal(button.rect().topLeft())
        assert shown["rect"] == [top_left.x(), top_left.y(), button.width(), button.height()]
        assert shown["checked"] is False and shown["text"] == "بله"
        first, last = entry(data, "testScroll/row0"), entry(data, "testScroll/row29")
        assert first["shown"] is not None
        assert last["shown"] is None  # scrolled out of the viewport: nothing of it is seen
        assert entry(data, "testWindow/testCombo")["data"] is None

        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)  # opens its popup
        data = next_map(qtbot, target, data["seq"])
        qtbot.waitUntil(lambda: (read(target) or {}).get("popup") is not None, timeout=5000)
        data = read(target) or {}
        assert entry(data, "testWindow/answer_yes")["checked"] is True
        assert [r["text"] for r in data["popup"]["rows"]] == ["— انتخاب کنید —", "همکف"]
        qtbot.keyClick(qapp.activePopupWidget() or combo, Qt.Key.Key_Escape)

        box = QMessageBox(QMessageBox.Icon.Critical, "خطا", "متن خطا", parent=window)
        box.setObjectName("testCriticalBox")
        box.open()
        qtbot.waitUntil(
            lambda: any(
                w["name"] == "testCriticalBox" for w in (read(target) or {}).get("windows", [])
            ),
            timeout=5000,
        )
        windows = (read(target) or {})["windows"]
        reported = next(w for w in windows if w["name"] == "testCriticalBox")
        assert reported["icon"] == "Critical" and reported["text"] == "متن خطا"
        assert reported["buttons"] and reported["buttons"][0]["rect"][2] > 0
        box.done(0)
        window.close()
    finally:
        writer.timer.stop()
