"""The Sync page against a real server: enrol, queue with states and failure reasons, Sync now
with progress, automatic sync when the server comes back; Persian and right-to-left."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from inspector_app.services.context import AppContext
from inspector_app.services.signing import identity as identity_service
from inspector_app.services.sync import outbox
from inspector_app.storage import inspections
from inspector_app.ui import i18n
from inspector_app.ui.env import PageEnv
from inspector_app.ui.events import DataEvents
from inspector_app.ui.qt import QApplication, QLineEdit, QSettings, Qt
from inspector_app.ui.sync_page import SyncPage
from inspector_app.ui.sync_queue import STATE_NAMES
from tests.helpers.gui import wait_for_background
from tests.helpers.server import LaptopTemplates, ServerProcess, make_server
from tests.sync.factory import PASSPHRASE


class _Router:
    def __init__(self) -> None:
        self.opened: list[str] = []

    def open_inspection(self, inspection_id: str) -> None:
        self.opened.append(inspection_id)

    def show_page(self, key: str) -> None:
        pass


class _App:
    def set_language(self, language: str) -> None:
        pass

    def reload_database(self) -> None:
        pass


@pytest.fixture
def page_for(qtbot: Any, tmp_path: Path) -> Iterator[Callable[[AppContext], SyncPage]]:
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    i18n.apply_language(qapp, "fa")
    made: list[SyncPage] = []

    def make(ctx: AppContext) -> SyncPage:
        settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        env = PageEnv(ctx, DataEvents(), settings, _Router(), _App())
        page = SyncPage(env, probe_interval_ms=300)
        qtbot.addWidget(page)
        page.resize(1000, 640)
        page.show()
        made.append(page)
        return page

    yield make
    for page in made:  # as the app quits: the window closes, then its probes finish
        page.close()
    wait_for_background(qtbot)


def cell(page: SyncPage, row: int, column: int) -> str:
    return str(page.proxy.index(row, column).data())


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_sync_page(
    qtbot: Any,
    page_for,
    server_factory: list[ServerProcess],
    templates: LaptopTemplates,
    tmp_path: Path,
    fresh_db: str | None,
    artifacts: Path,
) -> None:
    server = make_server(server_factory, tmp_path, fresh_db, env={"BAZRES_SERVER_FAULTS": ""})
    server.start(BAZRES_SERVER_FAULTS="fail_before=1")  # every upload answers 500
    ctx, ids = templates.clone("gui", 3, tmp_path / "laptop")
    assert isinstance(ctx, AppContext)
    page = page_for(ctx)
    assert page.isRightToLeft()
    assert page.enrol_status.text() == "هنوز ثبت‌نام نشده است."
    assert not page.sync_button.isEnabled()
    assert page.model.rowCount() == 3
    assert {cell(page, r, 2) for r in range(3)} == {STATE_NAMES["pending"]}

    # Enrol through the form.
    qtbot.keyClicks(page.server_edit, server.url)
    assert page.insecure_warning.isVisible()  # plain http: said loudly
    qtbot.keyClicks(page.code_edit, server.enrol_code())
    # Enrolment signs a certificate request: the key's passphrase, typed, never shown.
    assert page.passphrase_edit.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(page.passphrase_edit, PASSPHRASE)
    qtbot.keyClick(page.insecure_check, Qt.Key.Key_Space)  # allowed for this test server
    assert page.insecure_check.isChecked()
    qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.sync_button.isEnabled(), timeout=20_000)
    assert server.url in page.enrol_status.text()
    assert page.passphrase_edit.text() == ""  # not kept in the form
    issuer = identity_service.active_identity(ctx.db).issuer
    assert issuer == "مرجع گواهی بازرسی استانداری بوشهر"

    # Enrolled and reachable: the page syncs by itself. The server fails every upload, so the
    # queue shows the failure and its reason.
    def all_in(state: str) -> bool:
        return {cell(page, r, 2) for r in range(3)} == {STATE_NAMES[state]}

    qtbot.waitUntil(lambda: all_in("failed") and not page._syncing, timeout=60_000)
    # "Sync now" tries again at once (the backoff is for automatic attempts).
    with qtbot.waitSignal(page.sync_finished, timeout=60_000) as blocker:
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    assert len(blocker.args[0].failed) == 3
    assert all(int(r["attempts"]) == 2 for r in page.model.rows())
    assert all_in("failed")
    assert all("۵۰۰" in cell(page, r, 5) for r in range(3))  # HTTP 500, in Persian digits
    qtbot.wait(100)
    page.grab().save(str(artifacts / "sync-page-failed.png"))

    # The server goes away, then comes back healthy: the probe notices and syncs by itself.
    server.kill()
    qtbot.waitUntil(lambda: page.reachable is False, timeout=20_000)
    assert page.reach_label.text() == "سرور: در دسترس نیست"
    server.start(BAZRES_SERVER_FAULTS="")
    with qtbot.waitSignal(page.sync_finished, timeout=60_000) as blocker:
        pass
    report = blocker.args[0]
    assert sorted(report.sent) == sorted(ids), getattr(report, "as_dict", lambda: report)()
    assert page.progress.value() == page.progress.maximum()
    assert {cell(page, r, 2) for r in range(3)} == {STATE_NAMES["done"]}
    assert page.reach_label.text() == "سرور: در دسترس"
    assert "—" not in page.last_sync_label.text()
    # The visit plan came with it (this laptop's inspector has none assigned).
    assert "برنامهٔ بازدید شما: ۰ بازدید" in page.status_label.text()
    assert "۰" in page.counts_label.text() or "۳" in page.counts_label.text()
    assert outbox.counts(ctx.db) == {"done": 3}
    assert all(inspections.get(ctx.db, i)["status"] == "synced" for i in ids)
    qtbot.wait(100)  # let the layout follow the new label texts before the screenshot
    page.grab().save(str(artifacts / "sync-page-done.png"))
