"""Settings page: inspector profile, language, data folder, back up and restore."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from inspector_app import paths
from inspector_app.domain.jalali import jalali_date, utc_now
from inspector_app.services import backup, inspector, working_calendar
from inspector_app.services.overview.local import overdue_days_of
from inspector_app.services.restore_check import RestorePlan
from inspector_app.ui import fmt, messages, ui_settings
from inspector_app.ui.background import Changes, run_in_background, run_write
from inspector_app.ui.env import PageEnv
from inspector_app.ui.finalize.certificate_box import CertificateBox
from inspector_app.ui.qt import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from inspector_app.ui.restore_dialog import RestoreDialog

log = logging.getLogger(__name__)


def ask_save_path(parent: QWidget, title: str, start: str, filter_text: str) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, title, start, filter_text)
    return Path(chosen) if chosen else None


def ask_open_path(parent: QWidget, title: str, start: str, filter_text: str) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, start, filter_text)
    return Path(chosen) if chosen else None


class SettingsPage(QWidget):
    def __init__(self, env: PageEnv) -> None:
        super().__init__()
        self.setObjectName("settingsPage")
        self._env = env
        profile = inspector.profile(env.context.db)

        self.name_edit = QLineEdit(profile.name)
        self.name_edit.setObjectName("inspectorName")
        self.personnel_edit = QLineEdit(fmt.digits(profile.personnel_no))  # stored in Latin
        self.personnel_edit.setObjectName("personnelNo")
        # A number-only field would align by its own (left-to-right) text: keep it with the form.
        self.personnel_edit.setAlignment(fmt.leading_edge() | Qt.AlignmentFlag.AlignVCenter)
        self.save_profile_button = QPushButton(self.tr("ذخیرهٔ مشخصات"))
        self.save_profile_button.setObjectName("saveProfile")
        self.save_profile_button.clicked.connect(self.save_profile)
        self.profile_status = QLabel()
        self.profile_status.setObjectName("profileStatus")
        profile_box = QGroupBox(self.tr("مشخصات بازرس"))
        form = QFormLayout(profile_box)
        form.addRow(self.tr("نام و نام خانوادگی"), self.name_edit)
        form.addRow(self.tr("شمارهٔ پرسنلی"), self.personnel_edit)
        row = QHBoxLayout()
        row.addWidget(self.save_profile_button)
        row.addWidget(self.profile_status, 1)
        form.addRow(row)

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language")
        self.language_combo.addItem("فارسی", "fa")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(
            max(self.language_combo.findData(ui_settings.language(env.settings)), 0)
        )
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        language_box = QGroupBox(self.tr("زبان"))
        language_form = QFormLayout(language_box)
        language_form.addRow(self.tr("زبان برنامه"), self.language_combo)

        days_box = self._days_box(env)

        self.data_label = QLabel(fmt.ltr(str(env.context.data_dir)))
        self.data_label.setObjectName("dataFolder")
        self.data_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_button = QPushButton(self.tr("پشتیبان‌گیری همین حالا"))
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("بازیابی از پشتیبان"))
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.clicked.connect(self.restore)
        data_box = QGroupBox(self.tr("داده‌ها"))
        data_form = QFormLayout(data_box)
        data_form.addRow(self.tr("پوشهٔ داده‌ها"), self.data_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        data_form.addRow(buttons)

        language_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language_combo.setMinimumWidth(180)

        layout = QVBoxLayout(self)  # the window scrolls the page on a short screen
        layout.setSpacing(12)
        layout.addWidget(profile_box)
        layout.addWidget(language_box)
        layout.addWidget(days_box)
        layout.addWidget(data_box)
        layout.addWidget(CertificateBox(env.context.db))
        layout.addStretch(1)

    def _days_box(self, env: PageEnv) -> QGroupBox:
        """How deadlines and overdue offices count days: every day, or working days."""
        db = env.context.db
        self.day_count_combo = QComboBox()
        self.day_count_combo.setObjectName("dayCount")
        self.day_count_combo.addItem(self.tr("همهٔ روزها"), working_calendar.CALENDAR)
        self.day_count_combo.addItem(
            self.tr("روزهای کاری (جمعه و تعطیلات رسمی شمرده نمی‌شوند)"), working_calendar.WORKING
        )
        self.day_count_combo.setCurrentIndex(
            max(self.day_count_combo.findData(working_calendar.day_count_of(db)), 0)
        )
        self.day_count_combo.currentIndexChanged.connect(self._day_count_chosen)
        self.day_count_status = QLabel()
        self.day_count_status.setObjectName("dayCountStatus")
        hint = QLabel(
            self.tr(
                "مهلت پیشنهادی یافته‌ها {deadline} روز پس از بازدید است و دفتری که {overdue} روز "
                "بازرسی نشده عقب‌افتاده شمرده می‌شود. با روزهای کاری، جمعه‌ها و تعطیلات رسمی "
                "ایران از این شمار بیرون‌اند."
            ).format(
                deadline=fmt.number(working_calendar.FINDING_DEADLINE_DAYS),
                overdue=fmt.number(overdue_days_of(db)),
            )
        )
        hint.setObjectName("dayCountHint")
        hint.setWordWrap(True)
        box = QGroupBox(self.tr("شمار روزها"))
        form = QFormLayout(box)
        row = QHBoxLayout()
        row.addWidget(self.day_count_combo)
        row.addWidget(self.day_count_status, 1)
        form.addRow(self.tr("شمردن روزها"), row)
        form.addRow(hint)
        return box

    def _day_count_chosen(self) -> None:
        value = str(self.day_count_combo.currentData())
        run_write(
            self,
            self._env.events,
            working_calendar.set_day_count,
            self._env.context.db,
            value,
            changes=Changes.SETTINGS,
            on_success=lambda _r: self.day_count_status.setText(self.tr("ذخیره شد")),
        )

    def save_profile(self) -> None:
        profile = inspector.InspectorProfile(
            self.name_edit.text().strip(), self.personnel_edit.text().strip()
        )
        run_write(
            self,
            self._env.events,
            inspector.save_profile,
            self._env.context.db,
            profile,
            changes=Changes.SETTINGS,
            on_success=lambda _p: self.profile_status.setText(self.tr("ذخیره شد")),
        )

    def _language_chosen(self) -> None:
        language = str(self.language_combo.currentData())
        # Later: switching rebuilds the window, which deletes this page.
        QTimer.singleShot(0, lambda: self._env.app.set_language(language))

    def backup_now(self) -> None:
        stamp = jalali_date(utc_now(), persian=False).replace("/", "-")
        start = str(
            Path(ui_settings.last_folder(self._env.settings, "backup")) / f"bazres-{stamp}.db"
        )
        target = ask_save_path(
            self, self.tr("پروندهٔ پشتیبان"), start, self.tr("پشتیبان بازرس (*.db)")
        )
        if target is None:
            return
        ui_settings.remember_folder(self._env.settings, "backup", target.parent)
        db = self._env.context.db

        def saved(path: Path) -> None:
            messages.show_info(self, self.tr("پشتیبان ذخیره شد."), str(path))

        run_in_background(
            self,
            backup.back_up,
            db,
            target,
            on_success=saved,
            label=self.tr("در حال پشتیبان‌گیری…"),
        )

    def restore(self) -> None:
        source = ask_open_path(
            self,
            self.tr("بازیابی از پشتیبان"),
            ui_settings.last_folder(self._env.settings, "backup"),
            self.tr("پشتیبان بازرس (*.db);;همهٔ پرونده‌ها (*)"),
        )
        if source is None:
            return
        run_in_background(
            self,
            backup.check_restore,
            self._env.context.db,
            source,
            on_success=lambda plan: self._confirm_restore(source, plan),
            label=self.tr("در حال مقایسهٔ پشتیبان با داده‌های فعلی…"),
        )

    def _confirm_restore(self, source: Path, plan: RestorePlan) -> None:
        """Nothing at stake: the usual question; else the list, to carry over or cancel."""
        if not plan.needs_choice and not plan.refused:
            messages.confirm(
                self,
                self.tr(
                    "همهٔ داده‌های فعلی با محتوای این پشتیبان جایگزین می‌شود. پیش از آن یک نسخه "
                    "از وضع فعلی کنار پایگاه داده نگه داشته می‌شود. ادامه می‌دهید؟"
                ),
                lambda: self._restore(source),
                yes_text=self.tr("بازیابی شود"),
            )
            return
        dialog = RestoreDialog(plan, self)
        dialog.accepted.connect(lambda: self._restore(source))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _restore(self, source: Path) -> None:
        context = self._env.context
        safety = backup.safety_copy_path(paths.database_path(context.data_dir))

        def done(result: backup.Restored) -> None:
            log.info(
                "restored %s from %s, %d finalized carried over (previous state kept in %s)",
                context.data_dir,
                source,
                len(result.plan.carry),
                result.safety,
            )
            messages.show_info(self, self.tr("بازیابی انجام شد."), str(result.safety))
            self._env.app.reload_database()

        run_in_background(
            self,
            partial(backup.restore, carry_over_work=True),  # the user saw what is at stake
            context.db,
            source,
            safety,
            on_success=done,
            label=self.tr("در حال بازیابی…"),
        )
