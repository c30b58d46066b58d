"""Before a restore: what the backup would lose, listed, and the choice to carry the finalized
inspections over or cancel; a backup holding another signed version is only shown, refused."""

from __future__ import annotations

from inspector_app.services import backup
from inspector_app.services.restore_check import DIFFERS, DRAFT, MISSING, NOT_SYNCED, RestorePlan
from inspector_app.ui import fmt, labels, messages, screen_fit
from inspector_app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSize,
    QVBoxLayout,
    QWidget,
)

_REASONS = {
    MISSING: QT_TRANSLATE_NOOP("RestoreDialog", "در پشتیبان نیست؛ منتقل می‌شود"),
    DRAFT: QT_TRANSLATE_NOOP("RestoreDialog", "در پشتیبان پیش‌نویس است؛ منتقل می‌شود"),
    NOT_SYNCED: QT_TRANSLATE_NOOP("RestoreDialog", "در پشتیبان ارسال‌نشده است؛ منتقل می‌شود"),
    DIFFERS: QT_TRANSLATE_NOOP("RestoreDialog", "پشتیبان نسخهٔ امضاشدهٔ دیگری از آن دارد"),
}


def plan_lines(plan: RestorePlan) -> list[str]:
    """One line per inspection: its status, office, visit date and what happens to it."""
    lines = [
        f"{labels.inspection_status(item.status)} — {item.office_name} — "
        f"{fmt.jalali(item.visit_date)}: "
        + QCoreApplication.translate("RestoreDialog", _REASONS[item.reason])
        for item in [*plan.conflicts, *plan.carry]
    ]
    for loss in plan.drafts:
        if loss.missing:
            lost = QCoreApplication.translate(
                "RestoreDialog", "در پشتیبان نیست؛ کل پیش‌نویس از دست می‌رود"
            )
        else:
            lost = QCoreApplication.translate(
                "RestoreDialog",
                "از دست می‌رود: {answers} پاسخ، {photos} عکس، {findings} یافته، {signatures} امضا",
            ).format(
                answers=fmt.number(loss.answers),
                photos=fmt.number(loss.photos),
                findings=fmt.number(loss.findings),
                signatures=fmt.number(loss.signatures),
            )
        lines.append(
            f"{labels.inspection_status('draft')} — {loss.office_name} — "
            f"{fmt.jalali(loss.visit_date)}: {lost}"
        )
    return lines + plan.problems


class RestoreDialog(QDialog):
    """Accepted only by the carry-over button; a refused plan offers only closing."""

    def __init__(self, plan: RestorePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("بازیابی از پشتیبان"))
        self.setModal(True)
        if plan.refused:
            text = messages.error_text(backup.refusal(plan))
        else:
            text = self.tr(
                "بازیابی این پشتیبان کارهای زیر را تغییر می‌دهد. بازرسی‌های نهایی‌شده با همان "
                "شناسه، امضا و وضعیت به پایگاه بازیابی‌شده منتقل می‌شوند؛ پیش‌نویس‌ها همان‌طور "
                "که در پشتیبان‌اند بازمی‌گردند. پیش از آن یک نسخه از وضع فعلی کنار پایگاه داده "
                "نگه داشته می‌شود."
            )
        self.message = QLabel(text)
        self.message.setObjectName("restoreMessage")
        self.message.setWordWrap(True)
        self.items = QListWidget()
        self.items.setObjectName("restoreItems")
        self.items.addItems(plan_lines(plan))
        self.carry_button = QPushButton(
            self.tr("بازیابی با انتقال بازرسی‌های نهایی‌شده")
            if plan.carry
            else self.tr("بازیابی شود")
        )
        self.carry_button.setObjectName("restoreCarryOver")
        self.carry_button.setVisible(not plan.refused)
        self.carry_button.clicked.connect(self.accept)
        self.cancel_button = QPushButton(self.tr("انصراف") if not plan.refused else self.tr("بستن"))
        self.cancel_button.setObjectName("restoreCancel")
        self.cancel_button.setDefault(True)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.carry_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.items, 1)
        layout.addLayout(buttons)
        screen_fit.fit_to_screen(self, QSize(620, 380))  # the list scrolls on a small screen
