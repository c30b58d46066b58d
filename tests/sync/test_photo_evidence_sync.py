"""A finalized inspection whose photo carries EXIF evidence syncs to a real server: the
server's ingest (domain code) accepts the document's photo fields and holds its hash."""

from __future__ import annotations

import random
from pathlib import Path

from inspector_app.domain.jalali import tehran_now
from inspector_app.services import photo_marks, photos
from inspector_app.services.inspection_document import canonical_document
from inspector_app.services.sync import runner
from inspector_app.storage import drafts, inspections, offices
from tests.helpers.exif import exif_jpeg
from tests.helpers.server import ServerProcess
from tests.sync.factory import PASSPHRASE, finish_draft, make_draft, make_laptop

REPO = Path(__file__).resolve().parents[2]


def test_photo_evidence_reaches_the_server(server: ServerProcess, tmp_path: Path) -> None:
    server.admin(
        "publish",
        "--registry",
        str(REPO / "resources/data/offices_demo.json"),
        "--form",
        *[str(p) for p in sorted((REPO / "forms").glob("*.yaml"))],
    )
    ctx = make_laptop(tmp_path / "laptop")
    office = offices.list_offices(ctx.db, office_type="pishkhan", status="active")[0]
    inspection_id = make_draft(ctx, random.Random(3), office["code"], False)
    taken = tehran_now().strftime("%Y:%m:%d %H:%M:%S")
    prepared = photos.prepare_photo_bytes(
        exif_jpeg(taken, place=(office["lat"], office["lon"])), "evidence.jpg"
    )
    photo_id = drafts.add_photo(ctx.db, inspection_id, "licence_photo", prepared)
    # A client's face blurred on it: the marked JPEG is the one that travels.
    blur = {"kind": "blur", "x0": 0.1, "y0": 0.1, "x1": 0.4, "y1": 0.5}
    photo_marks.store(ctx.db, photo_id, prepared.jpeg, photo_marks.parse_marks([blur]))
    finish_draft(ctx, inspection_id)
    document = canonical_document(ctx.db, inspection_id)
    (evidence,) = [p for p in document["photos"] if p["original_name"] == "evidence.jpg"]
    assert evidence["captured_at"] == prepared.captured_at and evidence["latitude"] is not None
    assert evidence["marks"] == [{**blur, "text": ""}] and evidence["sha256"] == prepared.sha256
    runner.enrol(ctx, server.url, server.enrol_code(), PASSPHRASE, allow_insecure_http=True)
    report = runner.run_sync(ctx)
    assert report.ok, report.as_dict()
    assert report.sent == [inspection_id]
    held = {row["id"]: row["canonical_sha256"] for row in server.inspections()}
    assert held[inspection_id] == inspections.get(ctx.db, inspection_id)["canonical_sha256"]
    assert inspections.get(ctx.db, inspection_id)["status"] == "synced"
