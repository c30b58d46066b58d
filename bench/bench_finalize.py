"""Benchmark: finalizing (hash, render, sign, store) vs rendering the same report alone.

A 60-item inspection (the pishkhan form with yes/no items added to reach 60 checklist items),
2 client interviews and 10 phone-size photos (4000x3000 JPEG, stored downscaled as the app
does), both signatures drawn. Each run finalizes a fresh copy (a finalized record cannot be
finalized twice); the baseline renders the report of an identical draft, in the same process.

Run: uv run python bench/bench_finalize.py [--repeat N]
"""

from __future__ import annotations

import argparse
import copy
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspector_app.domain.canonical import canonical_json, sha256_hex
from inspector_app.services import demo_signed, finalize, inspection_document, photos
from inspector_app.services.context import AppContext, open_context
from inspector_app.services.signing import identity as identity_service
from inspector_app.storage import drafts, inspections, offices
from tests.helpers.report_sample import sample_jpeg

ITEMS = 60
PHOTOS = 10
PASSPHRASE = "bench-passphrase"
SAMPLE_TEXTS = ["پاسخ نمونه"]  # free-text answers


def _form_with(context: AppContext, items: int) -> dict[str, Any]:
    document = copy.deepcopy(context.form_for("pishkhan").document)
    have = sum(len(s["items"]) for s in document["sections"])
    section = document["sections"][0]
    for n in range(items - have):
        section["items"].append(
            {"id": f"bench_extra_{n}", "type": "yesno", "text": f"پرسش افزودهٔ شمارهٔ {n + 1}"}
        )
    document["id"] = "bench-form"
    return document


def _make_inspection(context: AppContext, form: dict[str, Any], jpegs: list[bytes]) -> str:
    rng = random.Random(5)
    office = next(o for o in offices.list_offices(context.db) if o["type"] == "pishkhan")
    inspection_id = inspections.create(
        context.db, office=office, form_document=form, visit_date="2026-11-29",
        inspector_name="مریم احمدی", inspector_personnel_no="12345",
    )  # fmt: skip
    inspections.update_header(
        context.db, inspection_id, arrival_at="2026-11-29T05:00:00Z",
        departure_at="2026-11-29T08:30:00Z",
        rep_name="زهرا محمدی", rep_role="مدیر دفتر",
    )  # fmt: skip
    parsed = inspections.form_of(context.db, inspection_id)
    for item in parsed.checklist_items():
        if not item.kind.answered_by_photos:
            value = item.kind.demo_value(item, rng, SAMPLE_TEXTS)
            drafts.set_answer(context.db, inspection_id, item.id, value)
    photo_items = [i.id for i in parsed.checklist_items()] or ["bench_extra_0"]
    for index, jpeg in enumerate(jpegs):
        prepared = photos.prepare_photo_bytes(jpeg, f"photo-{index}.jpg")
        item_id = photo_items[index % len(photo_items)]
        drafts.add_photo(context.db, inspection_id, item_id, prepared, caption=f"عکس {index}")
    if parsed.interview is not None:
        for _ in range(2):
            repeat = drafts.add_interview(context.db, inspection_id)
            for item in parsed.interview.items:
                if not item.kind.answered_by_photos:
                    drafts.set_answer(
                        context.db, inspection_id, item.id,
                        item.kind.demo_value(item, rng, SAMPLE_TEXTS),
                        repeat_index=repeat,
                    )  # fmt: skip
    for role, name in (("inspector", "مریم احمدی"), ("representative", "زهرا محمدی")):
        strokes = demo_signed.demo_strokes(rng)
        drafts.save_signature(
            context.db, inspection_id, role, signer_name=name, strokes=strokes,
            png=demo_signed.strokes_png(strokes),
        )  # fmt: skip
    return inspection_id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        context = open_context(Path(folder))
        form = _form_with(context, ITEMS)
        jpegs = [sample_jpeg(seed=i) for i in range(PHOTOS)]
        stored = identity_service.store(
            context.db, identity_service.create_self_signed("مریم احمدی", "12345", PASSPHRASE)
        )
        drafts = [_make_inspection(context, form, jpegs) for _ in range(args.repeat + 1)]
        items = sum(1 for _ in inspections.form_of(context.db, drafts[0]).checklist_items())
        baseline_id = drafts.pop()
        render_times: list[float] = []
        finalize_times: list[float] = []
        size = 0
        for inspection_id in drafts:
            document = inspection_document.canonical_document(context.db, baseline_id)
            digest = sha256_hex(canonical_json(document))
            start = time.perf_counter()
            finalize.default_renderer(context.db, baseline_id, digest)
            render_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            result = finalize.finalize(context.db, inspection_id, stored, PASSPHRASE)
            finalize_times.append(time.perf_counter() - start)
            size = result.pdf_bytes
        context.close()
    render_median = statistics.median(render_times)
    finalize_median = statistics.median(finalize_times)
    print(f"inspection: {items} checklist items, {PHOTOS} photos (4000x3000), 2 interviews")
    print(f"render report alone  median {render_median * 1000:8.1f} ms  (n={len(render_times)})")
    print(
        f"finalize (all steps) median {finalize_median * 1000:8.1f} ms  (n={len(finalize_times)})"
    )
    print(f"ratio finalize/render        {finalize_median / render_median:8.2f}")
    print(f"signed PDF size              {size / 1024:8.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
