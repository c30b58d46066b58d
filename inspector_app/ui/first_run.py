"""First start: who the inspector is (required) and how they sign (may wait: «بعداً»).

Shown once the database is open while no inspector profile is stored. The name and personnel
number go into every new inspection and its report; the signing identity is made here or, if
put off, when the first inspection is finalized (with the same form, ui/identity_form.py).
Closing the dialog without a profile closes the app: the next start asks again.
"""

from __future__ import annotations

import logging

from sqlite_utils import Database

from inspector_app.errors import KnownError
from inspector_app.services import inspector
from inspector_app.services.signing import identity as identity_service
from inspector_app.ui import fmt, messages, theme
from inspector_app.ui.background import Changes, Task, run_in_background, run_write
from inspector_app.ui.events import DataEvents
from inspector_app.ui.identity_form import IdentityForm
from inspector_app.ui.qt import (
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)


def _note(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setVisible(False)
    theme.set_state(label, "verdict", "bad")
    return label


def _with_note(edit: QLineEdit, note: QLabel) -> QWidget:
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(edit)
    layout.addWidget(note)
    return column


class FirstRunDialog(QDialog):
    def __init__(self, db: Database, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("راه‌اندازی بازرس"))
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self._db = db
        self._events = events
        self.task: Task | None = None
        self._touched: set[str] = set()

        intro = QLabel(
            self.tr(
                "به بازرس خوش آمدید. نام و شمارهٔ پرسنلی شما در هر بازرسی تازه و در گزارش آن "
                "می‌آید. شناسهٔ امضا (کلید و گواهی) برای امضای گزارش‌هاست: گواهی استانداری را "
                "وارد کنید یا یک گواهی خودامضا بسازید؛ می‌توانید آن را بعداً هم بسازید."
            )
        )
        intro.setObjectName("firstRunIntro")
        intro.setWordWrap(True)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("firstRunName")
        self.name_edit.setPlaceholderText(self.tr("مثلاً مریم احمدی"))
        self.name_problem = _note("firstRunNameProblem")
        self.personnel_edit = QLineEdit()
        self.personnel_edit.setObjectName("firstRunPersonnel")
        self.personnel_edit.setAlignment(fmt.leading_edge() | Qt.AlignmentFlag.AlignVCenter)
        self.personnel_problem = _note("firstRunPersonnelProblem")
        profile_box = QGroupBox(self.tr("مشخصات بازرس"))
        profile_form = QFormLayout(profile_box)
        profile_form.addRow(
            self.tr("نام و نام خانوادگی"), _with_note(self.name_edit, self.name_problem)
        )
        profile_form.addRow(
            self.tr("شمارهٔ پرسنلی"), _with_note(self.personnel_edit, self.personnel_problem)
        )

        self.identity_form = IdentityForm()
        identity_box = QGroupBox(self.tr("شناسهٔ امضا"))
        QVBoxLayout(identity_box).addWidget(self.identity_form)
        # A data folder that already has an identity (made with the command line) needs only
        # the profile.
        self.has_identity = inspector.active_identity(db) is not None
        identity_box.setVisible(not self.has_identity)

        self.hint_label = QLabel()
        self.hint_label.setObjectName("firstRunHint")
        self.hint_label.setWordWrap(True)
        self.error_label = _note("firstRunError")

        self.create_button = QPushButton()
        self.create_button.setObjectName("firstRunCreate")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_identity)
        self.later_button = QPushButton(self.tr("بعداً"))
        self.later_button.setObjectName("firstRunLater")
        self.later_button.setToolTip(
            self.tr(
                "مشخصات ذخیره می‌شود؛ شناسهٔ امضا هنگام نخستین نهایی‌سازی پرسیده می‌شود "
                "(یا در تنظیمات)."
            )
        )
        self.later_button.clicked.connect(self.later)
        self.quit_button = QPushButton(self.tr("خروج از برنامه"))
        self.quit_button.setObjectName("firstRunQuit")
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)

        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(intro)
        column.addWidget(profile_box)
        column.addWidget(identity_box)
        column.addWidget(self.hint_label)
        column.addWidget(self.error_label)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("firstRunScroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.later_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)
        self.resize(640, 680)

        stored = inspector.profile(db)  # a half-filled profile from an older version
        self.name_edit.setText(stored.name)
        self.personnel_edit.setText(stored.personnel_no)
        self.name_edit.textEdited.connect(lambda _t: self._touch("name"))
        self.personnel_edit.textEdited.connect(lambda _t: self._touch("personnel"))
        self.identity_form.changed.connect(self.refresh)
        self.refresh()

    # -- checks ----------------------------------------------------------------------------
    def _touch(self, field: str) -> None:
        self._touched.add(field)
        self.refresh()

    def name_problem_text(self) -> str | None:
        name = " ".join(self.name_edit.text().split())
        if not name:
            return self.tr("نام و نام خانوادگی را بنویسید.")
        if not identity_service.holder_name_ok(name):
            return self.tr(
                "نام با حرف آغاز و پایان شود (نه رقم یا نشانه) و حروف فارسی و لاتین را با هم "
                "نیامیزد؛ همین نام در گواهی امضا می‌آید."
            )
        return None

    def personnel_problem_text(self) -> str | None:
        text = self.personnel_edit.text()
        if not text.strip():
            return self.tr("شمارهٔ پرسنلی را بنویسید.")
        if not inspector.personnel_no_ok(text):
            return self.tr(
                "شمارهٔ پرسنلی فقط رقم دارد (رقم فارسی یا لاتین، حداکثر {count} رقم)."
            ).format(count=fmt.plain_int(inspector.PERSONNEL_MAX_DIGITS))
        return None

    def profile_problem(self) -> str | None:
        return self.name_problem_text() or self.personnel_problem_text()

    def refresh(self) -> None:
        """Messages next to the fields, and the buttons enabled only when they can succeed."""
        for field, label, problem in (
            ("name", self.name_problem, self.name_problem_text()),
            ("personnel", self.personnel_problem, self.personnel_problem_text()),
        ):
            shown = problem if field in self._touched else None
            label.setText(shown or "")
            label.setVisible(bool(shown))
        importing = self.identity_form.importing
        self.create_button.setText(
            self.tr("ذخیره و ورود گواهی") if importing else self.tr("ذخیره و ساخت شناسهٔ امضا")
        )
        busy = self.task is not None
        profile = self.profile_problem()
        identity = self.identity_form.problem()
        self.create_button.setEnabled(not busy and profile is None and identity is None)
        self.later_button.setEnabled(not busy and profile is None)
        self.create_button.setVisible(not self.has_identity)
        if self.has_identity:
            identity = None
            self.later_button.setText(self.tr("ذخیرهٔ مشخصات"))
        if profile is not None:
            hint = self.tr("پیش از ادامه: {problem}").format(problem=profile)
        elif identity is not None:
            hint = self.tr(
                "برای ساخت شناسهٔ امضا: {problem} (یا «بعداً» را بزنید؛ هنگام نخستین "
                "نهایی‌سازی پرسیده می‌شود.)"
            ).format(problem=identity)
        else:
            hint = self.tr("همه‌چیز آماده است.")
        self.hint_label.setText(hint)
        theme.set_state(self.hint_label, "verdict", "good" if not (profile or identity) else "")

    def profile(self) -> inspector.InspectorProfile:
        return inspector.InspectorProfile(self.name_edit.text(), self.personnel_edit.text())

    # -- actions ---------------------------------------------------------------------------
    def later(self) -> None:
        if self.profile_problem() is not None or self.task is not None:
            return

        def saved(_profile: inspector.InspectorProfile) -> None:
            log.info("first run: inspector profile saved")
            self.accept()

        run_write(
            self,
            self._events,
            inspector.save_profile,
            self._db,
            self.profile(),
            changes=Changes.SETTINGS,
            on_success=saved,
            on_failure=self._write_failed,
        )

    def create_identity(self) -> None:
        """Make the identity off the GUI thread; store it and the profile only if that worked."""
        if self.profile_problem() is not None or not self.identity_form.is_valid():
            return
        if self.task is not None:
            return
        self.error_label.setVisible(False)
        profile = self.profile()
        self.task = run_in_background(
            self,
            identity_service.make_identity,
            self.identity_form.request(),
            " ".join(profile.name.split()),
            inspector.clean_personnel_no(profile.personnel_no),
            on_success=self._made,
            on_failure=self._failed,
            label=self.tr("در حال ساخت کلید امضا…"),
        )
        self.refresh()

    def _made(self, new: identity_service.NewIdentity) -> None:
        self.task = None
        request = self.identity_form.request()
        profile = self.profile()

        def store() -> None:
            inspector.save_profile(self._db, profile)
            log.info("first run: inspector profile saved")
            identity_service.store(self._db, new, source=request.source)

        def stored(_result: None) -> None:
            log.info("first run: signing identity stored (%s)", request.source)
            self.identity_form.clear_secrets()
            self.accept()

        def failed(error: BaseException) -> None:
            self._write_failed(error)
            self.refresh()

        run_write(
            self,
            self._events,
            store,
            changes=Changes.SETTINGS,
            on_success=stored,
            on_failure=failed,
        )

    def _write_failed(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            self._show_error(messages.error_text(error))
        else:
            messages.report_exception(self, error)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.refresh()
        if isinstance(error, KnownError):
            self.identity_form.show_error(messages.error_text(error))  # next to its field
        else:
            messages.report_exception(self, error)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)


def offer(parent: QWidget, db: Database, events: DataEvents) -> FirstRunDialog | None:
    """The first-run dialog, open (window-modal) on `parent`, while no profile is stored."""
    if inspector.has_profile(db):
        return None
    dialog = FirstRunDialog(db, events, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    log.info("startup: no inspector profile yet, first-run setup shown")
    return dialog
