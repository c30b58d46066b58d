"""Sample inspections so a newcomer can try everything at once (`inspector-app demo`)."""

from __future__ import annotations

import datetime as dt
import io
import random

from PIL import Image, ImageDraw

from inspector_app.domain.jalali import from_iso, tehran_moment, tehran_today, to_iso
from inspector_app.errors import QT_TRANSLATE_NOOP, NotFound
from inspector_app.services import photos
from inspector_app.services.context import AppContext
from inspector_app.services.workflow import prefill_findings, start_inspection
from inspector_app.storage import contents, drafts, inspections, offices, settings

DEMO_INSPECTOR = settings.InspectorProfile("مریم احمدی", "۱۲۳۴۵")

_NOTES = [
    "تابلوی تعرفه‌ها در محل دید مراجعان نصب شده، اما نسخهٔ آن مربوط به سال گذشته است "
    "و باید به‌روز شود.",
    "مراجعان از نبود صندلی کافی در ساعات شلوغی گلایه داشتند؛ مدیر دفتر قول داد تا پایان ماه "
    "صندلی اضافه کند.",
    "کارکنان کارت شناسایی داشتند ولی یکی از آنها آن را در معرض دید نگذاشته بود.",
]


def _demo_photo(label: str, rng: random.Random) -> bytes:
    image = Image.new("RGB", (1200, 900), (rng.randint(150, 230), rng.randint(150, 230), 200))
    draw = ImageDraw.Draw(image)
    for _ in range(30):
        x, y = rng.randint(0, 1100), rng.randint(0, 800)
        draw.rectangle((x, y, x + 100, y + 60), outline=(40, 40, 90), width=3)
    draw.text((40, 40), label, fill=(0, 0, 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def fill_inspection(
    context: AppContext, inspection_id: str, rng: random.Random, interviews: int = 3
) -> None:
    """Answer every visible item of a draft plausibly, with notes, photos and interviews."""
    db = context.db
    form = inspections.form_of(db, inspection_id)
    for item in form.checklist_items():
        if item.kind.answered_by_photos:
            photo = photos.prepare_photo_bytes(_demo_photo(item.id, rng), f"{item.id}.jpg")
            drafts.add_photo(db, inspection_id, item.id, photo, caption=item.text[:60])
            continue
        value = item.kind.demo_value(item, rng, _NOTES)
        note = rng.choice(_NOTES) if value == "no" else None
        drafts.set_answer(db, inspection_id, item.id, value, note=note)
    if form.interview is not None:
        for _ in range(interviews):
            index = drafts.add_interview(db, inspection_id)
            for item in form.interview.items:
                if not item.kind.answered_by_photos:
                    value = item.kind.demo_value(item, rng, _NOTES)
                    drafts.set_answer(db, inspection_id, item.id, value, repeat_index=index)
    prefill_findings(db, inspection_id)
    for finding in contents.findings_of(db, inspection_id):
        deadline = (tehran_today() + dt.timedelta(days=30)).isoformat()
        drafts.save_finding(
            db,
            inspection_id,
            description=finding["description"],
            corrective_action="رفع نقص و ارسال گزارش اقدام به استانداری تا مهلت تعیین‌شده",
            deadline=deadline,
            item_id=finding["item_id"],
            finding_id=finding["id"],
        )


def make_demo(context: AppContext, count: int = 4, seed: int = 1404) -> list[str]:
    """Draft inspections of a few offices of each type, filled in; returns their ids."""
    rng = random.Random(seed)
    if not settings.inspector_profile(context.db).name:
        settings.save_inspector_profile(context.db, DEMO_INSPECTOR)
    all_offices = [o for o in offices.list_offices(context.db, status="active")]
    by_type = {
        t: [o for o in all_offices if o["type"] == t] for t in ("pishkhan", "police10", "brokerage")
    }
    chosen: list[dict[str, object]] = []
    while len(chosen) < count and any(by_type.values()):
        for candidates in by_type.values():  # one of each type in turn
            if candidates and len(chosen) < count:
                chosen.append(candidates.pop(rng.randrange(len(candidates))))
    if count > 0 and not chosen:  # "0 inspections" must not pass for success
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "Errors",
                "نمونه‌ای ساخته نشد: فهرست دفاتر هیچ دفتر فعالی از نوع پیشخوان، پلیس +۱۰ "
                "یا کارگزاری ندارد",
            )
        )
    created: list[str] = []
    for office in chosen:
        inspection_id = start_inspection(context, str(office["code"]))
        # Tehran's clock on the visit date (the machine may run on UTC or any other zone).
        visit_date = dt.date.fromisoformat(inspections.get(context.db, inspection_id)["visit_date"])
        arrival = from_iso(tehran_moment(visit_date, 9, rng.randint(0, 40)))
        inspections.update_header(
            context.db,
            inspection_id,
            arrival_at=to_iso(arrival),
            departure_at=to_iso(arrival + dt.timedelta(minutes=rng.randint(45, 120))),
            rep_name=str(office["manager"]) or "مدیر دفتر",
            rep_role="مدیر دفتر",
        )
        fill_inspection(context, inspection_id, rng)
        created.append(inspection_id)
    return created
