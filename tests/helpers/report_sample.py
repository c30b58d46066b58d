"""A realistic ReportData for the report tests and the benchmark (no database needed)."""

from __future__ import annotations

import hashlib
import io
import random

from PIL import Image, ImageDraw

from inspector_app.services.report.model import (
    Finding,
    Inspector,
    InterviewLine,
    Interviews,
    Office,
    Photo,
    ReportData,
    Row,
    Section,
    Signature,
    Summary,
)

ITEMS = [
    "منشور حقوق شهروندی در محل دید مراجعان نصب شده است",
    "ساعت کار واحد بر تابلوی ورودی درج شده است",
    "کارکنان کارت شناسایی با نام و سمت بر سینه دارند",
    "نوبت‌دهی به ترتیب مراجعه و بدون تبعیض انجام می‌شود",
    "تعرفه‌ی خدمات (مصوب) در معرض دید نصب شده است",
    "صندوق یا سامانه‌ی ثبت شکایات در دسترس است",
    "فضای انتظار، صندلی کافی و آب آشامیدنی دارد",
    "دسترسی افراد دارای معلولیت (رمپ و نرده) فراهم است",
    "رسید رسمی برای همه‌ی پرداخت‌ها صادر می‌شود",
    "کارکنان با مراجعان محترمانه و پاسخگو رفتار می‌کنند",
]
NOTES = [
    "",
    "تابلو در پشت در ورودی نصب شده و از محل انتظار دیده نمی‌شود؛ جابه‌جایی آن به مدیر گفته شد.",
    "در بازدید ساعت ۱۰:۳۰ دو نفر از کارکنان کارت نداشتند. مدیر دفتر قول داد تا پایان هفته "
    "کارت‌ها صادر شود، اما پیش‌تر نیز همین قول داده شده بود (بازرسی 1403/02/15).",
    "مراجعان گفتند زمان انتظار در ساعت‌های پایانی روز بیش از ۴۵ دقیقه است؛ «پلیس +10» مجاور "
    "نیز همین مشکل را دارد. شماره‌ی تماس مدیر: 077 3345 6789، ایمیل: manager@ostb.ir.",
    "مورد ندارد.",
]
ANSWERS = [("بله", False), ("خیر", True), ("مورد ندارد", False), ("۴ از ۵", False)]


def sample_jpeg(width: int = 4000, height: int = 3000, seed: int = 0) -> bytes:
    """A phone-sized photo: gradients, shapes and noise (compresses like a real photo)."""
    rng = random.Random(seed)
    small = Image.linear_gradient("L").resize((width // 8, height // 8))
    base = Image.merge(
        "RGB",
        (small, small.rotate(90, expand=False), Image.effect_noise(small.size, 60 + seed)),
    )
    draw = ImageDraw.Draw(base)
    for _ in range(25):
        x, y = rng.randrange(base.width), rng.randrange(base.height)
        r = rng.randrange(10, 80)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    big = base.resize((width, height), Image.Resampling.BILINEAR)
    noise = Image.effect_noise((width, height), 25).convert("RGB")
    big = Image.blend(big, noise, 0.15)
    out = io.BytesIO()
    big.save(out, "JPEG", quality=88)
    return out.getvalue()


def sample_signature_png() -> bytes:
    img = Image.new("RGBA", (600, 220), (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    points = [(40 + i * 9, 120 + int(50 * ((i % 7) - 3) / 3)) for i in range(55)]
    draw.line(points, fill=(20, 40, 120, 255), width=6, joint="curve")
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def sample_report(
    *,
    items: int = 60,
    interviews: int = 10,
    photos: list[bytes] | None = None,
    long_note: str = "",
) -> ReportData:
    """A report with `items` checklist rows in sections of 10, `interviews` interviews and the
    given photos (JPEG bytes). `long_note` is put on the first row."""
    rows = []
    for i in range(items):
        answer, failed = ANSWERS[i % len(ANSWERS)]
        note = NOTES[i % len(NOTES)]
        rows.append(Row(ITEMS[i % len(ITEMS)], answer, note, failed=failed, critical=i % 13 == 0))
    if long_note and rows:
        rows[0] = Row(rows[0].item, rows[0].answer, long_note, rows[0].failed, rows[0].critical)
    sections = [
        Section(f"بخش {k + 1}: رعایت حقوق مراجعان", rows[k * 10 : k * 10 + 10], 70.0 + k)
        for k in range((items + 9) // 10)
    ]
    digest = hashlib.sha256(b"sample").hexdigest()
    return ReportData(
        report_id="3f2b8c1e-9a47-4d2b-8f61-0c5e7d9a1b23",
        report_number="۱۴۰۳-۰۴۲",
        office=Office(
            name="دفتر پیشخوان دولت شماره‌ی ۱۲ بوشهر",
            kind="دفتر پیشخوان دولت",
            code="6047/6045",
            county="بوشهر",
            address="بوشهر، خیابان امام خمینی، کوچه‌ی ۱۲، پلاک 1234-ب/56",
            phone="077 3345 6789",
            manager="زهرا محمدی",
        ),
        inspector=Inspector(name="علی رضایی", role="بازرس", code="98-123"),
        date="۱۴۰۳/۰۵/۱۲",
        start_time="۰۹:۳۰",
        end_time="۱۱:۱۵",
        form_title="ارزیابی رعایت منشور حقوق شهروندی",
        form_version="نسخه‌ی ۳",
        summary=Summary(
            score=78.5,
            grade="خوب",
            critical_failures=["منشور حقوق شهروندی در محل دید مراجعان نصب نشده است."],
            satisfaction_index=82.0,
            yes=sum(r.answer == "بله" for r in rows),
            no=sum(r.answer == "خیر" for r in rows),
            na=sum(r.answer == "مورد ندارد" for r in rows),
        ),
        sections=sections,
        findings=[
            Finding(
                "تابلوی منشور حقوق شهروندی دیده نمی‌شود.", "نصب تابلو در محل انتظار", "۱۴۰۳/۰۵/۲۰"
            ),
            Finding(
                "زمان انتظار در ساعت‌های پایانی طولانی است (بیش از ۴۵ دقیقه).",
                "افزودن یک باجه‌ی دیگر در ساعت ۱۲ تا ۱۴",
                "۱۴۰۳/۰۶/۰۱",
            ),
        ],
        interviews=Interviews(
            count=interviews,
            satisfaction_index=82.0,
            lines=[
                InterviewLine("آیا با شما محترمانه رفتار شد؟", "بله: ۸ — خیر: ۲"),
                InterviewLine("آیا تعرفه‌ی خدمات به شما گفته شد؟", "بله: ۶ — خیر: ۴"),
                InterviewLine("زمان انتظار شما چقدر بود؟", "میانگین ۲۵ دقیقه"),
            ],
            remarks=[
                f"مراجع {i + 1}: کار من سریع انجام شد، ولی رسید ندادند."
                for i in range(min(interviews, 4))
            ],
        ),
        photos=[
            Photo(p, f"نمای ورودی دفتر، عکس شماره {i + 1}") for i, p in enumerate(photos or [])
        ],
        signatures=[
            Signature("علی رضایی", "بازرس", sample_signature_png(), signed_at="۱۴۰۳/۰۵/۱۲ ۱۱:۲۰"),
            Signature("زهرا محمدی", "مدیر واحد", None, declined_reason="در محل حضور نداشت"),
        ],
        canonical_sha256=digest,
    )
