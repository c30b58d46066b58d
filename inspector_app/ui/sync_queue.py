"""The sync queue as a table: each outbox item's state, attempts, next attempt and the reason
of its last failure, in the UI's language and digits."""

from __future__ import annotations

from inspector_app.services.sync import runner
from inspector_app.services.sync.reviews import Review
from inspector_app.ui import fmt, messages
from inspector_app.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication
from inspector_app.ui.table_models import Column, field_column

STATE_NAMES = {
    "pending": QT_TRANSLATE_NOOP("SyncStates", "در صف"),
    "sending": QT_TRANSLATE_NOOP("SyncStates", "در حال ارسال"),
    "done": QT_TRANSLATE_NOOP("SyncStates", "رسید به سرور"),
    "failed": QT_TRANSLATE_NOOP("SyncStates", "ناموفق"),
    "conflict": QT_TRANSLATE_NOOP("SyncStates", "ناسازگاری (نیاز به بررسی)"),
}


def state_name(state: str) -> str:
    source = STATE_NAMES.get(state)
    return QCoreApplication.translate("SyncStates", source) if source else state


def when_text(value: str | None) -> str:
    if not value:
        return "—"
    return f"{fmt.jalali(value)} {fmt.clock(value)}"


def _failure(value: str | None) -> str:
    """The stored reason of the last failure: translated when it is a fixed message, else
    as stored, with the UI's digits (an HTTP status, a count)."""
    return fmt.digits(messages.stored_text(value, runner.STORED_FAILURES)) if value else ""


def review_text(review: Review | None) -> str:
    """What the governorate's review decided, as the last sync read it: a return with the
    supervisor's comment, which says what to correct."""
    if review is None:
        return ""
    if review.state == "returned":
        source = QT_TRANSLATE_NOOP("SyncStates", "بازگردانده شد: {comment}")
        text = QCoreApplication.translate("SyncStates", source)
        return text.replace("{comment}", " ".join(review.comment.split()))
    return QCoreApplication.translate("SyncStates", QT_TRANSLATE_NOOP("SyncStates", "پذیرفته شد"))


COLUMNS = [
    field_column(QT_TRANSLATE_NOOP("Columns", "دفتر"), "office_name", fmt.digits),
    field_column(QT_TRANSLATE_NOOP("Columns", "تاریخ بازدید"), "visit_date", fmt.jalali),
    Column(
        QT_TRANSLATE_NOOP("Columns", "وضعیت"),
        lambda r: state_name(r["state"]),
        lambda r: r["state"],
    ),
    field_column(
        QT_TRANSLATE_NOOP("Columns", "تلاش‌ها"), "attempts", lambda v: fmt.plain_int(int(v or 0))
    ),
    field_column(QT_TRANSLATE_NOOP("Columns", "تلاش بعدی"), "next_attempt_at", when_text),
    field_column(QT_TRANSLATE_NOOP("Columns", "علت آخرین ناکامی"), "last_error", _failure),
    Column(
        QT_TRANSLATE_NOOP("Columns", "بررسی استانداری"),
        lambda r: review_text(r.get("review")),
        lambda r: r["review"].state if r.get("review") else "",
        width=220,
    ),
]
