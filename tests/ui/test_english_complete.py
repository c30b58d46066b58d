"""The English interface is complete: no Persian left in the certificate box, the Sync queue,
the Overview notes and charts, the office labels, scores, or an error raised by storage."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from inspector_app.errors import DatabaseCorrupt, fill
from inspector_app.services.demo import make_demo
from inspector_app.services.demo_signed import finalize_demo
from inspector_app.services.signing import identity as identity_service
from inspector_app.services.sync import outbox, runner
from inspector_app.storage.db import open_database
from inspector_app.ui import fmt, i18n, messages, ui_settings
from inspector_app.ui.qt import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLocale,
    Qt,
    QWidget,
)
from tests.helpers.gui import Gui, message_boxes, wait_for_background

ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")


def persian_in(texts: list[str]) -> list[str]:
    return [t for t in texts if ARABIC_SCRIPT.search(t)]


def form_labels(form: QFormLayout) -> list[str]:
    texts = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QLabel):
            texts.append(widget.text())
    return texts


@pytest.fixture
def english(gui_factory: Callable[[Path], Gui], data_dir: Path) -> Any:
    """The app as an inspector who chose English last time finds it."""
    chosen = ui_settings.open_settings(data_dir)
    ui_settings.set_language(chosen, "en")
    chosen.sync()
    running = gui_factory(data_dir)
    running.start()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    yield running
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    i18n.apply_language(qapp, "fa")


def test_certificate_box_in_english(english: Gui) -> None:
    window = english.window
    assert window is not None
    window.show_page("settings")
    box = window.pages["settings"].findChild(QWidget, "certificateBox")
    assert box is not None
    form = box.findChild(QFormLayout)
    assert form is not None
    labels = form_labels(form)
    assert labels == ["Holder", "Issuer", "Validity", "SHA-256 fingerprint"]
    texts = [box.title(), *labels] + [b.text() for b in box.findChildren(QAbstractButton)]
    assert not persian_in(texts), persian_in(texts)
    # With a certificate: its validity in Latin digits (the services write Persian ones).
    db = window.env.context.db
    identity_service.store(
        db, identity_service.create_self_signed("Maryam Ahmadi", "12345", "x" * 12)
    )
    box.refresh()
    validity = box.labels["validity"].text()
    assert re.fullmatch(r"From \d{4}/\d\d/\d\d to \d{4}/\d\d/\d\d", validity), validity


def test_sync_queue_and_overview_notes_in_english(qtbot: Any, english: Gui) -> None:
    window = english.window
    assert window is not None
    context = window.env.context
    finalize_demo(context, make_demo(context, count=3)[:2])
    window.show_page("sync")
    page = window.pages["sync"]
    headers = [
        page.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(page.proxy.columnCount())
    ]
    assert headers == ["Office", "Visit date", "Status", "Attempts", "Next attempt",
                       "Reason of last failure", "Governorate review"]  # fmt: skip
    states = {page.proxy.index(r, 2).data() for r in range(page.proxy.rowCount())}
    assert states == {"Queued"}
    # A failure the runner recorded (in Persian, for the CLI) reads in English here.
    failed_id = page.model.row_at(0)["inspection_id"]
    outbox.mark_failed(
        context.db, failed_id, fill(runner.SERVER_ERROR, {"status": 503, "detail": "busy"})
    )
    window.show_page("offices")
    window.show_page("sync")
    row = page.model.row_of_key(failed_id)
    assert page.model.index(row, 2).data() == "Failed"
    assert page.model.index(row, 5).data() == "Server error 503: busy"
    texts = [page.counts_label.text(), page.last_sync_label.text(), page.enrol_status.text()]
    texts += [
        page.proxy.index(r, c).data() for r in range(page.proxy.rowCount()) for c in (1, 2, 3)
    ]
    assert not persian_in(texts), persian_in(texts)

    overview = window.pages["overview"]
    with qtbot.waitSignals([overview.loaded, overview.items_loaded], timeout=30_000):
        window.show_page("overview")
    note = overview.description.text()
    assert "finalized and synced inspections" in note
    assert not persian_in([note, overview.tables.overdue_title.text()])
    months = [
        category
        for axis in overview.charts.month_chart.chart().axes()
        if hasattr(axis, "categories")
        for category in axis.categories()
    ]
    assert months and not persian_in(months), months
    types = [
        category
        for axis in overview.charts.type_chart.chart().axes()
        if hasattr(axis, "categories")
        for category in axis.categories()
    ]
    assert types and not persian_in(types), types


def test_office_labels_and_scores_in_english(qtbot: Any, english: Gui) -> None:
    window = english.window
    assert window is not None
    context = window.env.context
    ids = make_demo(context, count=3)
    window.env.events.inspection_changed.emit(ids[0])
    window.show_page("offices")
    page = window.pages["offices"]
    scores = [page.proxy.index(r, 6).data() for r in range(page.proxy.rowCount())]
    shown = [s for s in scores if s != "—"]
    assert shown and all(re.fullmatch(r"\d{1,3}\.\d%", s) for s in shown), shown
    types = {page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())}
    statuses = {page.proxy.index(r, 4).data() for r in range(page.proxy.rowCount())}
    assert types == {"Government counter office", "Police +10", "Insurance service brokerage"}
    assert statuses <= {"Active", "Licence pending", "Closed"} and "Active" in statuses
    names = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert any(re.search(r"\d", n) for n in names)
    assert not any(re.search("[۰-۹]", n) for n in names)  # numbers in names in Latin digits
    assert fmt.percent(96.25) == "96.3%"
    assert fmt.digits("۱۴۰۳/۰۱/۰۱") == "1403/01/01"
    assert QLocale().language() == QLocale.Language.English


def test_storage_error_is_shown_in_english(
    qtbot: Any, english: Gui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = english.window
    assert window is not None
    broken = tmp_path / "not-a-backup.db"
    broken.write_bytes(b"this is not an SQLite database, only some bytes" * 40)
    with pytest.raises(DatabaseCorrupt) as raised:
        open_database(broken, migrate=False)
    assert ARABIC_SCRIPT.search(raised.value.message)  # the CLI stays Persian
    assert not persian_in([messages.error_text(raised.value)])

    window.show_page("settings")
    page = window.pages["settings"]
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(broken), ""))
    )
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    wait_for_background(qtbot)  # the backup is read (and refused) before anything is asked
    qtbot.waitUntil(lambda: bool(message_boxes("messageBox")), timeout=10_000)
    box = message_boxes("messageBox")[0]
    assert box.windowTitle() == "Not done"
    assert box.text().startswith("The backup file cannot be used: The database file is damaged")
    assert not persian_in([box.text(), box.informativeText()]), box.text()
    box.accept()
