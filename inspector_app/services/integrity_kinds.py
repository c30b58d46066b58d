"""What each kind of integrity problem means, in words for the inspector.

`services.integrity` names each problem by a short kind and a technical detail for
`inspector-app audit verify` and support; the start-up warning shows these sentences instead
(translated in the "Integrity" context), so the window never shows English under Persian.
"""

from __future__ import annotations

from inspector_app.errors import QT_TRANSLATE_NOOP

KINDS: dict[str, str] = {
    "missing_trigger": QT_TRANSLATE_NOOP(
        "Integrity",
        "یکی از قفل‌های پایگاه داده که بازرسی‌های نهایی‌شده را از تغییر حفظ می‌کند حذف شده است.",
    ),
    "changed_trigger": QT_TRANSLATE_NOOP(
        "Integrity",
        "یکی از قفل‌های پایگاه داده که بازرسی‌های نهایی‌شده را از تغییر حفظ می‌کند تغییر کرده است.",
    ),
    "form_snapshot_missing": QT_TRANSLATE_NOOP(
        "Integrity", "نسخهٔ فرم این بازرسی در پایگاه داده نیست."
    ),
    "form_snapshot_changed": QT_TRANSLATE_NOOP("Integrity", "نسخهٔ فرم این بازرسی تغییر کرده است."),
    "office_missing": QT_TRANSLATE_NOOP("Integrity", "دفتر این بازرسی در فهرست دفترها نیست."),
    "outbox_missing": QT_TRANSLATE_NOOP(
        "Integrity", "این بازرسی در صف ارسال نیست و به استانداری فرستاده نمی‌شود."
    ),
    "outbox_done": QT_TRANSLATE_NOOP(
        "Integrity", "ارسال این بازرسی بسته شده، اما هرگز همگام‌سازی نشده است."
    ),
    "document_missing": QT_TRANSLATE_NOOP(
        "Integrity", "سند امضاشدهٔ این بازرسی در پایگاه داده نیست."
    ),
    "document_unreadable": QT_TRANSLATE_NOOP("Integrity", "سند ذخیره‌شدهٔ این بازرسی خوانا نیست."),
    "document_hash": QT_TRANSLATE_NOOP(
        "Integrity", "سند ذخیره‌شدهٔ این بازرسی با چکیدهٔ خودش نمی‌خواند."
    ),
    "stored_hash_differs": QT_TRANSLATE_NOOP(
        "Integrity", "چکیدهٔ ثبت‌شده برای این بازرسی با چکیدهٔ سند آن نمی‌خواند."
    ),
    "header_differs": QT_TRANSLATE_NOOP(
        "Integrity", "مشخصات این بازرسی با سند امضاشدهٔ آن فرق دارد."
    ),
    "document_unbuildable": QT_TRANSLATE_NOOP(
        "Integrity", "سند این بازرسی از داده‌های آن دوباره ساخته نمی‌شود."
    ),
    "document_differs": QT_TRANSLATE_NOOP(
        "Integrity", "داده‌های این بازرسی دیگر همان سند امضاشده را نمی‌سازند."
    ),
    "failed_items_differ": QT_TRANSLATE_NOOP(
        "Integrity", "موارد ناموفق ثبت‌شده برای این بازرسی با پاسخ‌هایش نمی‌خواند."
    ),
    "finalized_gone": QT_TRANSLATE_NOOP(
        "Integrity", "این بازرسی نهایی شده بود، اما دیگر در پایگاه داده نیست."
    ),
    "back_to_draft": QT_TRANSLATE_NOOP(
        "Integrity", "این بازرسی نهایی شده بود، اما اکنون پیش‌نویس است."
    ),
    "finalize_entry_missing": QT_TRANSLATE_NOOP(
        "Integrity", "رویداد نهایی‌سازی این بازرسی در دفتر رویدادها نیست."
    ),
    "finalize_entry_hash": QT_TRANSLATE_NOOP(
        "Integrity", "رویداد نهایی‌سازی این بازرسی در دفتر رویدادها چکیدهٔ دیگری دارد."
    ),
    "finalize_entry_pdf": QT_TRANSLATE_NOOP(
        "Integrity", "رویداد نهایی‌سازی این بازرسی در دفتر رویدادها گزارش دیگری را ثبت کرده است."
    ),
    "sync_entry_missing": QT_TRANSLATE_NOOP(
        "Integrity", "رویداد همگام‌سازی این بازرسی در دفتر رویدادها نیست."
    ),
    "audit_cut": QT_TRANSLATE_NOOP("Integrity", "رویدادهایی از انتهای دفتر رویدادها بریده شده‌اند."),
    "audit_empty": QT_TRANSLATE_NOOP("Integrity", "همهٔ رویدادهای دفتر رویدادها حذف شده‌اند."),
    "audit_rewritten": QT_TRANSLATE_NOOP("Integrity", "دفتر رویدادها بازنویسی شده است."),
    "audit_gap": QT_TRANSLATE_NOOP("Integrity", "رویدادی از میان دفتر رویدادها حذف شده است."),
    "pdf_not_intact": QT_TRANSLATE_NOOP(
        "Integrity", "گزارش امضاشدهٔ این بازرسی پس از امضا تغییر کرده است."
    ),
    "pdf_id": QT_TRANSLATE_NOOP("Integrity", "گزارش امضاشدهٔ این بازرسی گزارش بازرسی دیگری است."),
    "pdf_hash": QT_TRANSLATE_NOOP(
        "Integrity", "گزارش امضاشدهٔ این بازرسی چکیدهٔ سند دیگری را در خود دارد."
    ),
}
