"""Sample inspections so a newcomer can try everything at once (`inspector-app demo`)."""

from __future__ import annotations

import datetime as dt
import io
import random

from PIL import Image, ImageDraw

from inspector_app.domain.forms import Item
from inspector_app.domain.jalali import from_iso, tehran_moment, tehran_today, to_iso
from inspector_app.services import photos
from inspector_app.services.context import AppContext
from inspector_app.services.workflow import prefill_findings, start_inspection
from inspector_app.storage import inspections, offices, settings

DEMO_INSPECTOR = settings.InspectorProfile("مریم احمدی", "۱۲۳۴۵")

_NOTES = [
    "تابلوی تعرفه‌ها در محل دید مراجعان نصب شده، اما نسخهٔ آن مربوط به سال گذشته است "
    "و باید به‌روز شود.",
    "مراجعان از نبود صندلی کافی در ساعات شلوغی گلایه داشتند؛ مدیر دفتر قول داد تا پایان ماه "
    "صندلی اضافه کند.",
    "کارکنان کارت شناسایی داشتند ولی یکی از آنها آن را در معرض دید نگذاشته بود.",
]


def _value_for(item: Item, rng: random.Random) -> object:
    if item.type == "yesno":
        return rng.choices(["yes", "no", "na"], weights=[8, 2, 1])[0]
    if item.type == "scale":
        assert item.min is not None and item.max is not None
        return rng.randint(int(item.min), int(item.max))
    if item.type == "number":
        low = item.min if item.min is not None else 0
        high = item.max if item.max is not None else low + 20
        return rng.randint(int(low), int(min(high, low + 30)))
    if item.type == "choice":
        return rng.choice(item.options or []).id
    if item.type == "multichoice":
        options = item.options or []
        return sorted({o.id for o in rng.sample(options, k=min(2, len(options)))})
    if item.type == "text":
        return rng.choice(_NOTES)
    return None


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
        if item.type == "photo":
            photo = photos.prepare_photo_bytes(_demo_photo(item.id, rng), f"{item.id}.jpg")
            inspections.add_photo(db, inspection_id, item.id, photo, caption=item.text[:60])
            continue
        value = _value_for(item, rng)
        note = rng.choice(_NOTES) if value == "no" else None
        inspections.set_answer(db, inspection_id, item.id, value, note=note)
    if form.interview is not None:
        for _ in range(interviews):
            index = inspections.add_interview(db, inspection_id)
            for item in form.interview.items:
                if item.type != "photo":
                    inspections.set_answer(
                        db, inspection_id, item.id, _value_for(item, rng), repeat_index=index
                    )
    prefill_findings(db, inspection_id)
    for finding in inspections.findings_of(db, inspection_id):
        deadline = (tehran_today() + dt.timedelta(days=30)).isoformat()
        inspections.save_finding(
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
