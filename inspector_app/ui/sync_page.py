"""Sync page: server address and enrolment, the outbox queue, "Sync now" with progress, and
automatic sync when the server becomes reachable (a periodic /health probe).

The network work runs off the GUI thread on a database connection of its own (the page's
connection stays with the GUI thread); the queue is re-read when a run ends.
"""

from __future__ import annotations

import logging
from typing import Any

from inspector_app.errors import KnownError
from inspector_app.services import sync_jobs
from inspector_app.services.sync import config, outbox, reviews, runner
from inspector_app.services.sync.client import CertificateChanged, is_plain_http
from inspector_app.ui import fmt, messages
from inspector_app.ui.background import Changes, run_in_background, run_write
from inspector_app.ui.env import PageEnv
from inspector_app.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    is_alive,
)
from inspector_app.ui.sync_queue import COLUMNS, when_text
from inspector_app.ui.table_models import RowsProxy, RowsTableModel

log = logging.getLogger(__name__)

PROBE_INTERVAL_MS = 30_000


def _sync_changes(report: runner.SyncReport) -> Changes:
    """Inspections sent (now synced); the registry too when the run brought an update."""
    if report.updates.get("registry_added") or report.updates.get("registry_changed"):
        return Changes.INSPECTION | Changes.OFFICES
    return Changes.INSPECTION


class SyncPage(QWidget):
    progress_changed = Signal(int, int)
    sync_finished = Signal(object)  # the SyncReport, or the error
    reachability_changed = Signal(bool)

    def __init__(self, env: PageEnv, probe_interval_ms: int = PROBE_INTERVAL_MS) -> None:
        super().__init__()
        self.setObjectName("syncPage")
        self._env = env
        self._data_dir = env.context.data_dir
        self._syncing = False
        self._probing = False
        self.reachable: bool | None = None
        cfg = config.load(env.context.db)

        # Server and enrolment
        self.server_edit = QLineEdit(cfg.server_url)
        self.server_edit.setObjectName("serverUrl")
        self.server_edit.setPlaceholderText("https://sync.example.ir:8443")
        self.server_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("enrolCode")
        self.code_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        # Enrolment signs a certificate request with the inspector's key: it must be unlocked.
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("enrolPassphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(self.tr("همان گذرواژه‌ای که با آن امضا می‌کنید"))
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("pinSha256")
        self.pin_edit.setPlaceholderText(self.tr("اختیاری: اثر انگشت sha256 گواهی سرور"))
        self.pin_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.insecure_check = QCheckBox(self.tr("پذیرفتن http ساده (ناامن؛ فقط شبکهٔ آزمایشی)"))
        self.insecure_check.setObjectName("allowInsecureHttp")
        # Loud while the address is plain http: the token and the answers travel unencrypted.
        self.insecure_warning = QLabel(
            self.tr(
                "هشدار: نشانی سرور http ساده است. آنچه فرستاده و دریافت می‌شود رمزنگاری نمی‌شود "
                "و هر کس در شبکه می‌تواند آن را بخواند یا تغییر دهد. نشانی https به کار ببرید."
            )
        )
        self.insecure_warning.setObjectName("insecureWarning")
        self.insecure_warning.setWordWrap(True)
        self.server_edit.textChanged.connect(self._show_insecure_warning)
        self._show_insecure_warning()
        self.enrol_button = QPushButton(self.tr("ثبت‌نام این رایانه"))
        self.enrol_button.setObjectName("enrolButton")
        self.enrol_button.clicked.connect(self.enrol)
        self.enrol_status = QLabel()
        self.enrol_status.setObjectName("enrolStatus")
        self.enrol_status.setWordWrap(True)
        server_box = QGroupBox(self.tr("سرور استانداری"))
        form = QFormLayout(server_box)
        form.addRow(self.tr("نشانی سرور"), self.server_edit)
        form.addRow(self.tr("کد یک‌بارمصرف ثبت‌نام"), self.code_edit)
        form.addRow(self.tr("گذرواژهٔ کلید امضا"), self.passphrase_edit)
        form.addRow(self.tr("گواهی سرور"), self.pin_edit)
        form.addRow("", self.insecure_check)
        form.addRow("", self.insecure_warning)
        form.addRow("", self.enrol_button)
        form.addRow(self.tr("وضعیت"), self.enrol_status)

        # Queue
        self.model = RowsTableModel(COLUMNS, "inspection_id")
        self.proxy = RowsProxy()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("syncQueue")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_selected)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("queueCounts")

        # Sync now
        self.sync_button = QPushButton(self.tr("همگام‌سازی اکنون"))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(self.sync_now)
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("%v / %m")
        self.status_label = QLabel()
        self.status_label.setObjectName("syncStatus")
        self.status_label.setWordWrap(True)
        self.reach_label = QLabel()
        self.reach_label.setObjectName("serverReachable")
        self.last_sync_label = QLabel()
        self.last_sync_label.setObjectName("lastSync")
        row = QHBoxLayout()
        row.addWidget(self.sync_button)
        row.addWidget(self.progress, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(server_box)
        layout.addWidget(QLabel(self.tr("صف ارسال به استانداری")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts_label)
        layout.addLayout(row)
        layout.addWidget(self.status_label)
        info = QHBoxLayout()
        info.addWidget(self.reach_label)
        info.addStretch(1)
        info.addWidget(self.last_sync_label)
        layout.addLayout(info)

        self.progress_changed.connect(self._show_progress)
        self.timer = QTimer(self)
        self.timer.setObjectName("healthProbe")
        self.timer.setInterval(probe_interval_ms)
        self.timer.timeout.connect(self.probe)
        self.timer.start()
        self.refresh()

    # --- state shown ------------------------------------------------------------------------
    def refresh(self) -> None:
        db = self._env.context.db
        self.model.set_rows(reviews.queue_rows(db, outbox.items(db)))
        counts = outbox.counts(db)
        waiting = sum(counts.get(s, 0) for s in ("pending", "sending", "failed"))
        self.counts_label.setText(
            self.tr("در انتظار: {w}   رسیده: {d}   ناسازگار: {c}").format(
                w=fmt.plain_int(waiting),
                d=fmt.plain_int(counts.get("done", 0)),
                c=fmt.plain_int(counts.get("conflict", 0)),
            )
        )
        cfg = config.load(db)
        if cfg.enrolled:
            pinned = self.tr(" (گواهی سرور سنجاق شده)") if cfg.server_cert_pem else ""
            self.enrol_status.setText(
                self.tr("این رایانه در {url} ثبت‌نام شده است{pinned}.").format(
                    url=cfg.server_url, pinned=pinned
                )
            )
        else:
            self.enrol_status.setText(self.tr("هنوز ثبت‌نام نشده است."))
        self.sync_button.setEnabled(cfg.enrolled and not self._syncing)
        last = runner.status(self._env.context)["last_sync"]
        self.last_sync_label.setText(
            self.tr("آخرین همگام‌سازی موفق: {when}").format(when=when_text(last))
        )
        self._show_reachability()

    def _show_reachability(self) -> None:
        if self.reachable is None:
            text = self.tr("سرور: بررسی نشده")
        elif self.reachable:
            text = self.tr("سرور: در دسترس")
        else:
            text = self.tr("سرور: در دسترس نیست")
        self.reach_label.setText(text)

    def _show_insecure_warning(self) -> None:
        self.insecure_warning.setVisible(is_plain_http(self.server_edit.text()))

    def on_shown(self) -> None:
        self.refresh()
        self.probe()

    def _open_selected(self) -> None:
        indexes = self.table.selectionModel().selectedRows()
        if indexes:
            source = self.proxy.mapToSource(indexes[0])
            self._env.router.open_inspection(self.model.row_at(source.row())["inspection_id"])

    # --- enrolment ---------------------------------------------------------------------------
    def enrol(self) -> None:
        url = self.server_edit.text().strip()
        code = self.code_edit.text().strip()
        passphrase = self.passphrase_edit.text()
        if not url or not code or not passphrase:
            messages.show_warning(
                self,
                self.tr("نشانی سرور، کد ثبت‌نام و گذرواژهٔ کلید امضا را وارد کنید."),
            )
            return
        self.passphrase_edit.clear()
        self.enrol_button.setEnabled(False)

        def done(result: dict[str, Any]) -> None:
            if not is_alive(self):
                return
            self.enrol_button.setEnabled(True)
            self.code_edit.clear()
            self.status_label.setText(
                self.tr("ثبت‌نام انجام شد؛ گواهی امضای شما را استانداری صادر کرد.")
            )
            self.refresh()
            self.probe()

        def failed(error: BaseException) -> None:
            if not is_alive(self):
                return
            self.enrol_button.setEnabled(True)
            messages.report_exception(self, error)

        run_write(
            self,
            self._env.events,
            sync_jobs.enrol,
            self._data_dir,
            url,
            code,
            passphrase,
            self.pin_edit.text().strip() or None,
            self.insecure_check.isChecked(),
            changes=Changes.SETTINGS,
            on_success=done,
            on_failure=failed,
            background=True,
        )

    # --- sync ----------------------------------------------------------------------------------
    def sync_now(self) -> None:
        self.start_sync(force=True)

    def start_sync(self, *, force: bool) -> bool:
        """Start a run unless one is going; `force` sends failed items before their backoff."""
        if self._syncing or not config.load(self._env.context.db).enrolled:
            return False
        self._syncing = True
        self.sync_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first item reports
        self.status_label.setText(self.tr("در حال همگام‌سازی…"))
        run_write(
            self,
            self._env.events,
            sync_jobs.run_sync,
            self._data_dir,
            force,
            self.progress_changed.emit,
            changes=_sync_changes,
            inspection_id=lambda report: report.sent + report.already_there,
            on_success=self._sync_done,
            on_failure=self._sync_failed,
            background=True,
        )
        return True

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _sync_done(self, report: runner.SyncReport) -> None:
        if not is_alive(self):  # the page went away while the run was going
            return
        self._syncing = False
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        parts = [
            self.tr("فرستاده: {n}").format(n=fmt.plain_int(len(report.sent))),
            self.tr("از پیش در سرور: {n}").format(n=fmt.plain_int(len(report.already_there))),
            self.tr("ناموفق: {n}").format(n=fmt.plain_int(len(report.failed))),
            self.tr("ناسازگار: {n}").format(n=fmt.plain_int(len(report.conflicts))),
        ]
        text = "، ".join(parts)
        if report.updates.get("visits") is not None:
            text += "\n" + self.tr("برنامهٔ بازدید شما: {n} بازدید").format(
                n=fmt.plain_int(int(report.updates["visits"]))
            )
        if report.error:
            text += "\n" + (messages.error_text(report.problem) if report.problem else report.error)
        self.status_label.setText(text)
        if report.error is None:
            self.reachable = True
        if report.updates.get("forms_written"):
            self._env.context.reload_forms()
        self.refresh()
        self.sync_finished.emit(report)

    def _sync_failed(self, error: BaseException) -> None:
        if not is_alive(self):
            return
        self._syncing = False
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        message = messages.error_text(error) if isinstance(error, KnownError) else str(error)
        if not isinstance(error, KnownError):
            log.error("sync failed", exc_info=error)
        self.status_label.setText(self.tr("همگام‌سازی انجام نشد: {m}").format(m=message))
        self.refresh()
        self.sync_finished.emit(error)

    # --- automatic sync ----------------------------------------------------------------------
    def probe(self) -> None:
        """Ask /health in the background; when the server comes back, sync what is due."""
        if not self.window().isVisible():  # closed or replaced: its database may be closed
            self.timer.stop()
            return
        cfg = config.load(self._env.context.db)
        if self._probing or not cfg.enrolled:
            return
        self._probing = True

        def done(ok: bool) -> None:
            # The answer can arrive after the window closed and its database with it.
            if not is_alive(self) or not self.window().isVisible():
                return
            self._probing = False
            came_back = ok and self.reachable is not True
            self.reachable = ok
            self._show_reachability()
            self.reachability_changed.emit(ok)
            due = outbox.to_send(self._env.context.db, force=False)
            if ok and (came_back or due):
                self.start_sync(force=came_back)

        def failed(error: BaseException) -> None:
            if not is_alive(self):
                return
            self._probing = False
            self.reachable = False
            self._show_reachability()
            if isinstance(error, CertificateChanged):  # a possible interception, said so
                self.status_label.setText(messages.error_text(error))

        run_in_background(
            self,
            sync_jobs.probe,
            cfg.server_url,
            cfg.server_cert_pem,
            runner.insecure_http_allowed(self._env.context),
            on_success=done,
            on_failure=failed,
            progress_dialog=False,
        )
