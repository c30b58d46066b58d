"""A small fixed dataset whose figures are computed by hand in the tests.

Form: a (weight 1), b (weight 1), c (weight 2, critical) yes/no; `kind`, a choice with an
option whose id is «no» (not a failure); interviews with a 1..5 satisfaction scale.
Score = weighted share of «yes»; satisfaction = (answer - 1) / 4 * 100.

 #  office  county   type      visit date   Jalali      status     a   b   c   score  sat
 1  BU-P1   بوشهر    pishkhan  2024-03-25   1403-01-06  finalized  y   y   y   100    100
 2  BU-P1   بوشهر    pishkhan  2024-04-25   1403-02-06  synced     n   y   y    75     50
 3  BU-K1   بوشهر    police10  2024-04-30   1403-02-11  finalized  y   n   n    25      — (critical)
 4  DA-P1   دشتستان  pishkhan  2024-03-21   1403-01-02  finalized  n   n   y    50     75
 5  DA-P1   دشتستان  pishkhan  2024-06-25   1403-04-05  draft      n   n   n     0      — (critical)
 6  BU-P2   بوشهر    pishkhan  2023-01-10   1401-10-20  finalized  y   y   y   100     25
Offices also: DA-B1 دشتستان brokerage pending, JA-P1 جم pishkhan closed, GE-P1 گناوه pishkhan
active (never inspected).
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from inspector_app.domain.offices import OfficeRecord
from inspector_app.storage import drafts, inspections, offices

FORM: dict[str, Any] = {
    "id": "test-form",
    "version": 1,
    "title": "فرم آزمایشی",
    "office_types": ["pishkhan", "police10", "brokerage"],
    "sections": [
        {
            "id": "main",
            "title": "بخش اصلی",
            "items": [
                {"id": "a", "type": "yesno", "text": "آیا تابلوی تعرفه نصب شده است؟"},
                {"id": "b", "type": "yesno", "text": "آیا نوبت‌دهی منظم است؟"},
                {
                    "id": "c",
                    "type": "yesno",
                    "text": "آیا پروانهٔ فعالیت معتبر است؟",
                    "weight": 2,
                    "critical": True,
                },
                {
                    "id": "kind",
                    "type": "choice",
                    "text": "نوع ساختمان",
                    "required": False,
                    "options": [{"id": "no", "label": "هیچ"}, {"id": "own", "label": "ملکی"}],
                },
            ],
        }
    ],
    "interview": {
        "id": "interviews",
        "title": "مصاحبه",
        "items": [
            {
                "id": "sat",
                "type": "scale",
                "text": "رضایت",
                "min": 1,
                "max": 5,
                "satisfaction": True,
            }
        ],
    },
}

OFFICES = [
    ("BU-P1", "پیشخوان بوشهر ۱", "pishkhan", "بوشهر", "active"),
    ("BU-P2", "پیشخوان بوشهر ۲", "pishkhan", "بوشهر", "active"),
    ("BU-K1", "پلیس +۱۰ بوشهر", "police10", "بوشهر", "active"),
    ("DA-P1", "پیشخوان برازجان", "pishkhan", "دشتستان", "active"),
    ("DA-B1", "کارگزاری برازجان", "brokerage", "دشتستان", "pending"),
    ("JA-P1", "پیشخوان جم", "pishkhan", "جم", "closed"),
    ("GE-P1", "پیشخوان گناوه", "pishkhan", "گناوه", "active"),
]

# (office, visit date, status, a, b, c, satisfaction answer or None)
INSPECTIONS = [
    ("BU-P1", "2024-03-25", "finalized", "yes", "yes", "yes", 5),
    ("BU-P1", "2024-04-25", "synced", "no", "yes", "yes", 3),
    ("BU-K1", "2024-04-30", "finalized", "yes", "no", "no", None),
    ("DA-P1", "2024-03-21", "finalized", "no", "no", "yes", 4),
    ("DA-P1", "2024-06-25", "draft", "no", "no", "no", None),
    ("BU-P2", "2023-01-10", "finalized", "yes", "yes", "yes", 2),
]


def build(db: Database) -> list[str]:
    """Fill `db` with the dataset; returns the inspection ids in table order (#1..#6)."""
    offices.upsert(
        db,
        [
            OfficeRecord(code=code, name=name, type=kind, county=county, city=county, status=status)
            for code, name, kind, county, status in OFFICES
        ],
    )
    ids = []
    for number, (code, day, status, a, b, c, sat) in enumerate(INSPECTIONS, start=1):
        office = offices.get(db, code)
        assert office is not None
        iid = inspections.create(
            db, office=office, form_document=FORM, visit_date=day, inspection_id=f"insp-{number}"
        )
        for item, value in (("a", a), ("b", b), ("c", c)):
            drafts.set_answer(db, iid, item, value)
        if number == 1:
            drafts.set_answer(db, iid, "kind", "no")
        if sat is not None:
            repeat = drafts.add_interview(db, iid)
            drafts.set_answer(db, iid, "sat", sat, repeat_index=repeat)
        if status != "draft":
            db.execute("UPDATE inspections SET status = 'finalized' WHERE id = ?", [iid])
        if status == "synced":
            db.execute("UPDATE inspections SET status = 'synced' WHERE id = ?", [iid])
        db.conn.commit()
        ids.append(iid)
    return ids
