"""Finalize and sign: what is still missing (click to jump to it), both signatures, a warning
that the record will be locked, the passphrase (checked before the confirmation is offered; with
no identity yet, the identity form with a new passphrase typed twice); then the finalize runs
off the GUI thread."""

from __future__ import annotations

import logging

from inspector_app.domain.jalali import jalali_date
from inspector_app.errors import KnownError
from inspector_app.services import finalize, inspector
from inspector_app.services.context import AppContext
from inspector_app.services.editing import EditingSession
from inspector_app.services.finalize_job import finalize_in_worker
from inspector_app.services.signing import identity as identity_service
from inspector_app.ui import messages, screen_fit
from inspector_app.ui.background import Changes, Task, run_write
from inspector_app.ui.events import DataEvents
from inspector_app.ui.finalize.signature_box import SignatureBox
from inspector_app.ui.identity_form import IdentityForm
from inspector_app.ui.qt import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

log = logging.getLogger(__name__)
ITEM_ROLE = Qt.ItemDataRole.UserRole
REPEAT_ROLE = Qt.ItemDataRole.UserRole + 1


class FinalizeDialog(QDialog):
    jump_to_item = Signal(str, int)  # item id, repeat index: the editor shows that item
    finalized = Signal(object)  # FinalizeResult

    def __init__(
        self,
        context: AppContext,
        events: DataEvents,
        inspection_id: str,
        parent: QWidget | None = None,
        *,
        render: finalize.Renderer | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("finalizeDialog")
        self.setWindowTitle(self.tr("نهایی‌سازی و امضا"))
        self._context = context
        self._events = events
        self._id = inspection_id
        self._render = render
        self.task: Task | None = None
        self._session = EditingSession(context.db, inspection_id)
        row = self._session.record()

        heading = QLabel(
            self.tr("بازرسی {office} — {date}").format(
                office=row["office"].get("name", row["office_code"]),
                date=jalali_date(row["visit_date"]),
            )
        )
        heading.setObjectName("finalizeHeading")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)

        self.problems_label = QLabel()
        self.problems_label.setObjectName("problemsLabel")
        self.problems_list = QListWidget()
        self.problems_list.setObjectName("problemsList")
        self.problems_list.setMaximumHeight(130)
        self.problems_list.itemActivated.connect(self._problem_chosen)
        self.problems_list.itemClicked.connect(self._problem_chosen)
        self.departure_button = QPushButton(self.tr("ثبت «اکنون» به‌عنوان ساعت پایان بازدید"))
        self.departure_button.setObjectName("setDeparture")
        self.departure_button.clicked.connect(self._set_departure_now)

        self.inspector_box = SignatureBox("inspector", self.tr("امضای بازرس"), may_decline=False)
        self.rep_box = SignatureBox(
            "representative", self.tr("امضای نمایندهٔ دفتر"), may_decline=True
        )
        signatures = self._session.signatures()
        profile = inspector.profile(context.db)
        self.inspector_box.load(signatures.get("inspector"), row["inspector_name"] or profile.name)
        self.rep_box.load(signatures.get("representative"), row["rep_name"])

        lock_notice = QLabel(
            self.tr(
                "پس از نهایی‌سازی، این بازرسی قفل می‌شود: پاسخ‌ها، عکس‌ها، مصاحبه‌ها و امضاها "
                "دیگر تغییر نمی‌کنند. اصلاح بعدی فقط با «بازرسی اصلاحی» ممکن است."
            )
        )
        lock_notice.setObjectName("lockNotice")
        lock_notice.setWordWrap(True)

        self.identity_label = QLabel()
        self.identity_label.setObjectName("identityLabel")
        self.identity_label.setWordWrap(True)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("passphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(self.tr("گذرواژهٔ کلید امضا"))
        self.identity_form = IdentityForm()  # shown only while there is no identity
        self.identity_form.set_holder_name(profile.name)
        self.error_label = QLabel()
        self.error_label.setObjectName("finalizeError")
        self.error_label.setWordWrap(True)
        self.error_label.setProperty("verdict", "bad")
        self.passphrase_edit.textEdited.connect(lambda _t: self.error_label.clear())

        self.finalize_button = QPushButton(self.tr("نهایی‌سازی و امضا"))
        self.finalize_button.setObjectName("finalizeButton")
        self.finalize_button.setDefault(True)
        self.finalize_button.clicked.connect(self.request_finalize)
        self.save_button = QPushButton(self.tr("ذخیرهٔ امضاها و بستن"))
        self.save_button.setObjectName("saveSignatures")
        self.save_button.clicked.connect(self._save_and_close)
        cancel = QPushButton(self.tr("انصراف"))
        cancel.setObjectName("cancelFinalize")
        cancel.clicked.connect(self.reject)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(heading)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems_list)
        layout.addWidget(self.departure_button)
        layout.addWidget(self.inspector_box)
        layout.addWidget(self.rep_box)
        layout.addWidget(lock_notice)
        layout.addWidget(self.identity_label)
        layout.addWidget(self.passphrase_edit)
        layout.addWidget(self.identity_form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.finalize_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        footer = QVBoxLayout()
        footer.addWidget(self.error_label)  # by the buttons: seen wherever the body is scrolled
        footer.addLayout(buttons)
        self.body_scroll = screen_fit.scrolling_body(self, body, footer)
        screen_fit.fit_to_screen(self, QSize(620, 780))

        self.inspector_box.changed.connect(self.refresh_checks)
        self.rep_box.changed.connect(self.refresh_checks)
        self._show_identity()
        self.refresh_checks()

    # -- checks ----------------------------------------------------------------------------
    def _show_identity(self) -> None:
        stored = inspector.active_identity(self._context.db)
        self.passphrase_edit.setVisible(stored is not None)
        self.identity_form.setVisible(stored is None)
        if stored is None:
            text = self.tr(
                "هنوز شناسهٔ امضا ندارید: گواهی استانداری را وارد کنید یا یک گواهی خودامضا "
                "بسازید. گذرواژهٔ تازه را دو بار بنویسید؛ همین گذرواژه از این پس برای هر امضا "
                "پرسیده می‌شود."
            )
        else:
            info = identity_service.certificate_info(stored.cert_pem)
            text = self.tr("امضاکننده: {holder} — گواهی معتبر تا {until}").format(
                holder=info.holder, until=info.not_after_jalali
            )
        self.identity_label.setText(text)

    def problems(self) -> list[finalize.Problem]:
        """Open problems, counting what is drawn in the pads but not saved yet."""
        found = self._session.finalize_problems()
        drawn = {box.role for box in (self.inspector_box, self.rep_box) if box.value()}
        codes = {"inspector_signature": "inspector", "representative_signature": "representative"}
        return [p for p in found if codes.get(p.code) not in drawn]

    def refresh_checks(self) -> None:
        problems = self.problems()
        self.problems_list.clear()
        for problem in problems:
            item = QListWidgetItem(messages.problem_text(problem.template, problem.params))
            item.setData(ITEM_ROLE, problem.item_id)
            item.setData(REPEAT_ROLE, problem.repeat_index)
            if problem.item_id:
                item.setToolTip(self.tr("برای رفتن به این پرسش کلیک کنید"))
            self.problems_list.addItem(item)
        self.problems_list.setVisible(bool(problems))
        self.departure_button.setVisible(
            any(p.code in ("departure", "departure_before_arrival") for p in problems)
        )
        self.problems_label.setText(
            self.tr("همه‌چیز آماده است.")
            if not problems
            else self.tr("پیش از نهایی‌سازی این موارد را کامل کنید:")
        )

    def _problem_chosen(self, item: QListWidgetItem) -> None:
        item_id = item.data(ITEM_ROLE)
        if item_id:
            self._save_signatures()
            self.jump_to_item.emit(str(item_id), int(item.data(REPEAT_ROLE) or 0))
            self.reject()

    def _set_departure_now(self) -> None:
        try:
            self._session.set_departure_now()
        except KnownError as exc:
            messages.show_known_error(self, exc)
        self.refresh_checks()

    # -- saving and finalizing -------------------------------------------------------------
    def _save_signatures(self) -> None:
        for box in (self.inspector_box, self.rep_box):
            value = box.value()
            if value is None:
                continue
            self._session.save_signature(
                value.role,
                signer_name=value.signer_name,
                strokes=value.strokes,
                png=value.png,
                declined_reason=value.declined_reason,
            )

    def _save_and_close(self) -> None:
        try:
            self._save_signatures()
        except KnownError as exc:
            messages.show_known_error(self, exc)
            return
        self.accept()

    def request_finalize(self) -> None:
        """Save the signatures, check, then ask for the confirmation that locks the record."""
        self.error_label.clear()
        try:
            self._save_signatures()
        except KnownError as exc:
            messages.show_known_error(self, exc)
            return
        self.refresh_checks()
        if self.problems():
            self.error_label.setText(self.tr("هنوز موارد ناقص هست؛ فهرست بالا را ببینید."))
            return
        if not self._secret_ready():
            return
        messages.confirm(
            self,
            self.tr(
                "پس از نهایی‌سازی این بازرسی قفل می‌شود و دیگر قابل ویرایش نیست. "
                "گزارش PDF با امضای دیجیتال شما ساخته و نگهداری می‌شود. ادامه می‌دهید؟"
            ),
            self._start,
            yes_text=self.tr("نهایی‌سازی و قفل"),
        )

    def _secret_ready(self) -> bool:
        """The passphrase opens the key, or the new identity's fields pass every rule; else an
        inline message and False. Nothing is locked or stored here."""
        stored = inspector.active_identity(self._context.db)
        if stored is None:
            problem = self.identity_form.problem()
            if problem is not None:
                self.error_label.setText(
                    self.tr("شناسهٔ امضا هنوز آماده نیست: {problem}").format(problem=problem)
                )
                return False
            return True
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            self.error_label.setText(self.tr("گذرواژهٔ کلید امضا را وارد کنید."))
            self.passphrase_edit.setFocus()
            return False
        try:
            identity_service.unlock_stored(stored, passphrase)
        except identity_service.IdentityError as exc:
            self.error_label.setText(messages.error_text(exc))
            self.passphrase_edit.selectAll()
            self.passphrase_edit.setFocus()
            return False
        return True

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.finalize_button, self.save_button, self.passphrase_edit,
                       self.identity_form, self.inspector_box, self.rep_box):  # fmt: skip
            widget.setEnabled(not busy)

    def _start(self) -> None:
        self._set_busy(True)
        new_identity = (
            self.identity_form.request()
            if inspector.active_identity(self._context.db) is None
            else None
        )
        self.task = run_write(
            self,
            self._events,
            finalize_in_worker,
            self._context.db_path,
            self._id,
            self.passphrase_edit.text(),
            self._render,
            new_identity,
            changes=Changes.INSPECTION,
            inspection_id=self._id,
            on_success=self._done,
            on_failure=self._failed,
            label=self.tr("در حال ساخت گزارش و امضای آن…"),
        )

    def _done(self, result: finalize.FinalizeResult) -> None:
        self._set_busy(False)
        self.passphrase_edit.clear()
        self.identity_form.clear_secrets()
        self.finalized.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.passphrase_edit.clear()
        self.identity_form.clear_secrets()
        self.passphrase_edit.setFocus()
        if isinstance(error, KnownError):
            self.error_label.setText(messages.error_text(error))
        self._show_identity()
        self.refresh_checks()
        messages.report_exception(self, error)
