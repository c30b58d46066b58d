"""A strict harness (a pytest plugin, loaded by tests/conftest.py).

A test fails when, during its setup, call or teardown:
- a log record at ERROR or above is emitted (the app logs every unexpected exception it turns
  into a bug dialog at ERROR, so a swallowed bug cannot pass silently);
- the app's unexpected-error box ("bugBox") is shown, even if something closed it again;
- at the end of the call, a message box or dialog is still open that the test did not expect.

A test that provokes one on purpose says so, naming it:
`@pytest.mark.expected_error_log("substring of the message")`,
`@pytest.mark.expected_dialog("objectName")`.
Modelled on qutebrowser's tests/helpers/logfail.py. Python warnings are errors and Qt warnings
fail every test through the ini settings in pyproject.toml (filterwarnings, qt_log_level_fail).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Generator
from typing import Any

import pytest

_STASH = pytest.StashKey["_ErrorRecords"]()


class _ErrorRecords(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []
        self.bug_boxes = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def take(self) -> list[logging.LogRecord]:
        taken, self.records = self.records, []
        return taken


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "expected_error_log(text): the test provokes an ERROR log containing text"
    )
    config.addinivalue_line(
        "markers", "expected_dialog(name): the test may leave the named dialog open"
    )


def _unexpected(item: pytest.Item, records: list[logging.LogRecord]) -> list[str]:
    allowed = [str(arg) for mark in item.iter_markers("expected_error_log") for arg in mark.args]
    lines = []
    for record in records:
        text = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            text += f" ({type(record.exc_info[1]).__name__}: {record.exc_info[1]})"
        if not any(a in text for a in allowed):
            lines.append(f"ERROR log from {record.name}: {text}")
    return lines


def _open_dialogs(item: pytest.Item) -> list[str]:
    if "PySide6.QtWidgets" not in sys.modules:
        return []
    from PySide6.QtWidgets import QApplication, QDialog

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return []
    allowed = {str(arg) for mark in item.iter_markers("expected_dialog") for arg in mark.args}
    found = []
    for top in QApplication.topLevelWidgets():
        for widget in [top, *top.findChildren(QDialog)]:
            if isinstance(widget, QDialog) and widget.isVisible():
                name = widget.objectName() or type(widget).__name__
                if name not in allowed:
                    text = getattr(widget, "text", lambda: "")()
                    found.append(f"dialog left open: {name} {text!r}".rstrip())
    return sorted(set(found))


def _watch_bug_boxes(handler: _ErrorRecords) -> Any:
    """Count every bug box shown, through the app's own message module."""
    if "inspector_app.ui.messages" not in sys.modules:
        return None
    messages: Any = sys.modules["inspector_app.ui.messages"]
    original = messages.show_bug

    def counting(*args: Any, **kwargs: Any) -> Any:
        handler.bug_boxes += 1
        return original(*args, **kwargs)

    messages.show_bug = counting
    return original


def _check(item: pytest.Item, when: str, dialogs: bool) -> None:
    handler: _ErrorRecords | None = item.stash.get(_STASH, None)
    if handler is None:
        return
    problems = _unexpected(item, handler.take())
    if handler.bug_boxes and not list(item.iter_markers("expected_error_log")):
        problems.append(f"the unexpected-error box was shown {handler.bug_boxes} time(s)")
        handler.bug_boxes = 0
    if dialogs:
        problems.extend(_open_dialogs(item))
    if problems:
        pytest.fail(f"strict harness ({when}):\n  " + "\n  ".join(problems), pytrace=False)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    handler = _ErrorRecords()
    item.stash[_STASH] = handler
    logging.getLogger().addHandler(handler)
    # The app module may be imported by the test itself, so watch it from setup on if loaded,
    # and import it here when the test is a Qt one.
    if "pytestqt" in sys.modules and "PySide6.QtWidgets" in sys.modules:
        import inspector_app.ui.messages  # noqa: F401
    item.stash[_ORIGINAL] = _watch_bug_boxes(handler)
    result = yield
    _check(item, "setup", dialogs=False)
    return result


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    result = yield  # a failing test raises here and is reported as it is
    _check(item, "call", dialogs=True)
    return result


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    try:
        result = yield
    finally:
        handler = item.stash.get(_STASH, None)
        original = item.stash.get(_ORIGINAL, None)
        if original is not None and "inspector_app.ui.messages" in sys.modules:
            sys.modules["inspector_app.ui.messages"].show_bug = original
        if handler is not None:
            logging.getLogger().removeHandler(handler)
    _check(item, "teardown", dialogs=False)
    return result


_ORIGINAL = pytest.StashKey[Any]()
