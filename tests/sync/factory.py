"""Laptops with real finalized inspections (real pyHanko signatures) for the sync tests/bench.

Inspections are made through the app's own services: a demo-filled draft, drawn signature
images, then `services.finalize.finalize`. `quick=True` swaps the full Persian report for a
one-page PDF carrying the same metadata (id and canonical sha256), which keeps the signature
and every server check real while making hundreds of inspections affordable.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.pdfgen import canvas
from sqlite_utils import Database

from inspector_app.domain.inspection_document import followup_photo_item
from inspector_app.services import finalize, photos
from inspector_app.services.context import AppContext, open_context
from inspector_app.services.demo import fill_inspection
from inspector_app.services.signing import identity as identity_service
from inspector_app.services.workflow import start_inspection
from inspector_app.storage import contents, drafts, followups, inspections, offices, settings

PASSPHRASE = "test-passphrase-1"


def signature_png(seed: int) -> bytes:
    image = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    rng = random.Random(seed)
    points = [(10 + i * 28, 50 + rng.randint(-30, 30)) for i in range(10)]
    draw.line(points, fill=(10, 10, 80, 255), width=3)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def small_jpeg(shade: int) -> bytes:
    image = Image.new("RGB", (320, 240), (shade, 120, 200))
    ImageDraw.Draw(image).rectangle((40, 40, 200, 160), outline=(0, 0, 0), width=4)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def quick_render(db: Database, inspection_id: str, canonical_sha256: str) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.setTitle(f"inspection {inspection_id}")
    pdf.setKeywords(f"bazres-sha256:{canonical_sha256} bazres-id:{inspection_id}")
    pdf.drawString(72, 760, f"Inspection {inspection_id}")
    pdf.drawString(72, 740, f"sha256 {canonical_sha256}")
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def make_laptop(
    data_dir: Path, holder: str = "مریم احمدی", personnel_no: str = "12345"
) -> AppContext:
    data_dir.mkdir(parents=True, exist_ok=True)
    ctx = open_context(data_dir)
    settings.save_inspector_profile(ctx.db, settings.InspectorProfile(holder, personnel_no))
    identity_service.ensure_identity(ctx.db, holder, personnel_no, PASSPHRASE)
    return ctx


def make_draft(ctx: AppContext, rng: random.Random, office_code: str, full: bool) -> str:
    inspection_id = start_inspection(ctx, office_code)
    if full:
        fill_inspection(ctx, inspection_id, rng, interviews=1)
    else:
        form = inspections.form_of(ctx.db, inspection_id)
        for item in form.checklist_items():
            if item.type == "yesno":
                drafts.set_answer(ctx.db, inspection_id, item.id, rng.choice(["yes", "no"]))
    _ready(ctx, inspection_id, rng)
    return inspection_id


def _ready(ctx: AppContext, inspection_id: str, rng: random.Random) -> None:
    """Answer what is required, set the visit's times and representative, sign both."""
    _answer_required(ctx, inspection_id)
    inspections.update_header(
        ctx.db,
        inspection_id,
        arrival_at="2026-11-20T05:30:00Z",
        departure_at="2026-11-20T07:00:00Z",
        rep_name="علی رضایی",
        rep_role="مدیر دفتر",
    )
    profile = settings.inspector_profile(ctx.db)
    drafts.save_signature(
        ctx.db,
        inspection_id,
        "inspector",
        signer_name=profile.name,
        strokes=[[(0.0, 0.0), (1.0, 1.0)]],
        png=signature_png(rng.randint(0, 10**6)),
    )
    drafts.save_signature(
        ctx.db,
        inspection_id,
        "representative",
        signer_name="علی رضایی",
        declined_reason="نماینده در محل نبود",
    )


def finish_draft(ctx: AppContext, inspection_id: str) -> None:
    """Make the draft `inspection_id` ready as it stands (what is required answered) and
    finalize it with this laptop's identity."""
    _ready(ctx, inspection_id, random.Random(inspection_id))
    for _ in range(5):  # an answer may show items that were hidden
        if not finalize.check_ready(ctx.db, inspection_id):
            break
        _answer_required(ctx, inspection_id)
    finalize.finalize(
        ctx.db,
        inspection_id,
        identity_service.active_identity(ctx.db),
        PASSPHRASE,
        render=quick_render,
    )


def _answer_required(ctx: AppContext, inspection_id: str) -> None:
    """Fill whatever the finalize check still finds open (any type), deterministically: a
    follow-up found done gets its evidence photo."""
    rng = random.Random(inspection_id)
    taken = {p["item_id"] for p in contents.photos_of(ctx.db, inspection_id)}
    for f in followups.followups_of(ctx.db, inspection_id):
        item_id = followup_photo_item(f["finding_id"])
        if f["outcome"] == "done" and item_id not in taken:
            photo = photos.prepare_photo_bytes(small_jpeg(rng.randint(0, 255)), "evidence.jpg")
            drafts.add_photo(ctx.db, inspection_id, item_id, photo)
    form = inspections.form_of(ctx.db, inspection_id)
    for item_id, repeat in contents.score_of(ctx.db, inspection_id, form).open_required:
        item = form.item(item_id)
        if item.type == "photo":
            photo = photos.prepare_photo_bytes(small_jpeg(rng.randint(0, 255)), f"{item_id}.jpg")
            drafts.add_photo(ctx.db, inspection_id, item_id, photo, repeat_index=repeat)
            continue
        if repeat and repeat not in contents.interview_indices(ctx.db, inspection_id):
            drafts.add_interview(ctx.db, inspection_id)
        drafts.set_answer(
            ctx.db,
            inspection_id,
            item_id,
            item.kind.demo_value(item, rng, ["پاسخ نمونه"]),
            repeat_index=repeat,
        )


def make_finalized(
    ctx: AppContext, count: int, *, seed: int = 7, quick: bool = True, full: bool = False
) -> list[str]:
    """`count` finalized, signed inspections in this laptop's database; returns their ids."""
    rng = random.Random(seed)
    stored = identity_service.active_identity(ctx.db)
    codes = [str(o["code"]) for o in offices.list_offices(ctx.db, status="active")]
    made: list[str] = []
    for index in range(count):
        inspection_id = make_draft(ctx, rng, codes[index % len(codes)], full)
        problems = finalize.check_ready(ctx.db, inspection_id)
        if problems:
            _answer_required(ctx, inspection_id)
        finalize.finalize(
            ctx.db,
            inspection_id,
            stored,
            PASSPHRASE,
            render=quick_render if quick else None,
        )
        made.append(inspection_id)
    return made
