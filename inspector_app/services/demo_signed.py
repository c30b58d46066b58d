"""Demo: sign and finalize some of the sample inspections with a demo identity.

The demo identity is a self-signed certificate under the published passphrase DEMO_PASSPHRASE
(documented in the README): it exists so a newcomer can try finalizing, `report` and `verify`.
"""

from __future__ import annotations

import io
import math
import random

from PIL import Image, ImageDraw

from inspector_app.services import finalize
from inspector_app.services.context import AppContext
from inspector_app.services.signing import identity as identity_service
from inspector_app.storage import drafts, identities, inspections, settings

DEMO_PASSPHRASE = "bazres-demo"

Strokes = list[list[tuple[float, float]]]


def demo_strokes(rng: random.Random, width: float = 400, height: float = 150) -> Strokes:
    """A plausible hand signature: a looping stroke and an underline, in pad coordinates."""
    loop: list[tuple[float, float]] = []
    phase = rng.uniform(0, math.pi)
    for step in range(120):
        t = step / 119
        x = 40 + t * (width - 120)
        y = height / 2 + math.sin(t * 9 + phase) * 30 * (1 - t / 2) + math.cos(t * 23) * 8
        loop.append((round(x, 1), round(y, 1)))
    underline = [(60 + i * 8.0, height - 30 + rng.uniform(-2, 2)) for i in range(30)]
    return [loop, underline]


def strokes_png(strokes: Strokes, width: int = 400, height: int = 150) -> bytes:
    """Strokes drawn in dark blue on a transparent background."""
    scale = 2  # drawn large and reduced: smooth edges without an antialiasing pen
    image = Image.new("RGBA", (width * scale, height * scale), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for stroke in strokes:
        points = [(x * scale, y * scale) for x, y in stroke]
        if len(points) > 1:
            draw.line(points, fill=(20, 40, 110, 255), width=3 * scale, joint="curve")
    image = image.resize((width, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def finalize_demo(context: AppContext, inspection_ids: list[str], seed: int = 1404) -> list[str]:
    """Sign (inspector and representative, one declining) and finalize the given drafts."""
    rng = random.Random(seed)
    db = context.db
    profile = settings.inspector_profile(db)
    active = identities.active(db)
    if active is not None and not active.is_demo:
        # The inspector's own key is in use: never replace it with the demo identity, and
        # its passphrase is not ours to know. The samples stay drafts.
        return []
    stored = identity_service.ensure_identity(
        db, profile.name, profile.personnel_no, DEMO_PASSPHRASE, is_demo=True
    )
    done: list[str] = []
    for index, inspection_id in enumerate(inspection_ids):
        row = inspections.get(db, inspection_id)
        strokes = demo_strokes(rng)
        drafts.save_signature(
            db,
            inspection_id,
            "inspector",
            signer_name=row["inspector_name"] or profile.name,
            strokes=strokes,
            png=strokes_png(strokes),
        )
        if index % 2:
            drafts.save_signature(
                db,
                inspection_id,
                "representative",
                signer_name=row["rep_name"],
                declined_reason="نمایندهٔ دفتر با بند «تعرفه‌ها» موافق نبود و امضا نکرد.",
            )
        else:
            rep = demo_strokes(rng)
            drafts.save_signature(
                db,
                inspection_id,
                "representative",
                signer_name=row["rep_name"],
                strokes=rep,
                png=strokes_png(rep),
            )
        if finalize.check_ready(db, inspection_id):
            continue  # a demo form left something open: keep it as a draft to try the checks
        finalize.finalize(db, inspection_id, stored, DEMO_PASSPHRASE)
        done.append(inspection_id)
    return done
