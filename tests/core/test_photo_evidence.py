"""Photo evidence: the capture time and place from EXIF are kept (the stored JPEG carries no
EXIF), travel in the inspection document and back, and a photo taken outside the visit or far
from the office is flagged; the report's captions show them."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from PIL import Image

from inspector_app import paths
from inspector_app.domain import photo_evidence
from inspector_app.domain.inspection_document import InspectionDocument
from inspector_app.domain.photo_evidence import Visit, capture_time, check, coordinate
from inspector_app.services import inspection_document, photos
from inspector_app.services.context import AppContext, open_context
from inspector_app.services.report.service import render_inspection_pdf
from inspector_app.storage import contents, drafts, inspections
from inspector_app.storage.migrations import SCHEMA_VERSION
from tests.helpers.exif import exif_jpeg
from tests.helpers.pdf_text import normalized_text

from .helpers import new_draft

# The visit: 20 March 2024, 09:30 to 11:30 Tehran time (UTC+03:30).
VISIT = {
    "visit_date": "2024-03-20",
    "arrival_at": "2024-03-20T06:00:00Z",
    "departure_at": "2024-03-20T08:00:00Z",
}


def office_place(context: AppContext, inspection_id: str) -> tuple[float, float]:
    office = inspections.get(context.db, inspection_id)["office"]
    return office["lat"], office["lon"]


def visit_draft(context: AppContext) -> str:
    inspection_id = new_draft(context)
    inspections.update_header(context.db, inspection_id, **VISIT)
    return inspection_id


def add(context: AppContext, inspection_id: str, data: bytes, name: str) -> dict:  # type: ignore[type-arg]
    prepared = photos.prepare_photo_bytes(data, name)
    photo_id = drafts.add_photo(context.db, inspection_id, "licence_photo", prepared)
    return next(p for p in contents.photos_of(context.db, inspection_id) if p["id"] == photo_id)


def test_capture_time_and_place_are_kept_but_not_in_the_stored_jpeg(
    context: AppContext,
) -> None:
    inspection_id = visit_draft(context)
    lat, lon = office_place(context, inspection_id)
    original = exif_jpeg("2024:03:20 10:15:00", place=(lat + 0.001, lon))
    assert b"PhoneMaker" in original and b"Exif" in original
    stored = add(context, inspection_id, original, "inside.jpg")
    # No offset in the EXIF: the camera's clock is read as Tehran time (10:15 = 06:45 UTC).
    assert stored["captured_at"] == "2024-03-20T06:45:00Z"
    assert stored["latitude"] == pytest.approx(lat + 0.001, abs=1e-5)
    assert stored["longitude"] == pytest.approx(lon, abs=1e-5)
    (row,) = contents.photos_of(context.db, inspection_id, with_data=True)
    for blob in (row["jpeg"], row["thumbnail"]):
        assert b"Exif" not in blob and b"PhoneMaker" not in blob
        assert not Image.open(io.BytesIO(blob)).getexif()
    visit = photos.visit_of(inspections.get(context.db, inspection_id))
    evidence = photos.evidence_of(stored, visit)
    assert not evidence.flagged
    assert 100 < (evidence.distance_m or 0) < 125
    assert evidence.summary() == "۱۴۰۳/۰۱/۰۱ ۱۰:۱۵ · ۱۱۱ متر از دفتر"


def test_outside_the_window_far_away_and_without_exif(context: AppContext) -> None:
    inspection_id = visit_draft(context)
    lat, lon = office_place(context, inspection_id)
    visit = photos.visit_of(inspections.get(context.db, inspection_id))
    late = add(context, inspection_id, exif_jpeg("2024:03:20 14:00:00"), "late.jpg")
    # 10:15 UTC by its own offset: four hours after the visit's 08:00 UTC end.
    abroad = add(context, inspection_id, exif_jpeg("2024:03:20 10:15:00", offset="+00:00"), "a")
    far = add(
        context, inspection_id, exif_jpeg("2024:03:20 10:00:00", place=(lat + 0.01, lon)), "far"
    )
    bare = add(context, inspection_id, exif_jpeg(), "bare.jpg")
    assert abroad["captured_at"] == "2024-03-20T10:15:00Z"
    assert photos.evidence_of(late, visit).warnings == (photo_evidence.OUTSIDE_WINDOW,)
    assert photos.evidence_of(abroad, visit).warnings == (photo_evidence.OUTSIDE_WINDOW,)
    far_evidence = photos.evidence_of(far, visit)
    assert far_evidence.warnings == (photo_evidence.FAR_AWAY,)
    assert far_evidence.summary().startswith("⚠ ") and "۱۱۱۲ متر از دفتر" in far_evidence.summary()
    bare_evidence = photos.evidence_of(bare, visit)
    assert (bare["captured_at"], bare["latitude"], bare["longitude"]) == (None, None, None)
    assert not bare_evidence.flagged and bare_evidence.summary() == "بدون زمان ثبت"


def test_the_window_tolerance_and_a_visit_without_times() -> None:
    timed = Visit("2024-03-20", "2024-03-20T06:00:00Z", "2024-03-20T08:00:00Z", None, None)
    assert not check("2024-03-20T05:31:00Z", None, None, timed).flagged  # 29 minutes early
    assert check("2024-03-20T05:29:00Z", None, None, timed).flagged
    assert not check("2024-03-20T08:29:00Z", None, None, timed).flagged
    assert check("2024-03-20T08:31:00Z", None, None, timed).flagged
    untimed = Visit("2024-03-20", None, None, None, None)
    # The visit's day is Tehran's: 21:00 UTC on the 19th is already the 20th there.
    assert not check("2024-03-19T21:00:00Z", None, None, untimed).flagged
    assert check("2024-03-19T20:00:00Z", None, None, untimed).flagged
    assert check("2024-03-21T06:00:00Z", None, None, untimed).flagged


def test_bad_exif_values_are_no_evidence() -> None:
    assert capture_time("0000:00:00 00:00:00") is None
    assert capture_time("yesterday") is None
    assert capture_time(b"2024:03:20 10:15:00") is None
    assert capture_time("2024:03:20 10:15:00", "-04:00") == "2024-03-20T14:15:00Z"
    assert coordinate((35.0, 41.0, 30.0), "S") == pytest.approx(-35.691667)
    assert coordinate((95.0, 0.0, 0.0), "N") is None
    assert coordinate((35.0, 41.0), "N") is None
    assert coordinate((35.0, 41.0, 30.0), "X") is None


def test_export_import_keeps_the_evidence_and_the_hash(context: AppContext, tmp_path: Path) -> None:
    inspection_id = visit_draft(context)
    lat, lon = office_place(context, inspection_id)
    add(context, inspection_id, exif_jpeg("2024:03:20 10:15:00", place=(lat, lon)), "one.jpg")
    add(context, inspection_id, exif_jpeg(color="navy"), "two.jpg")
    exported = inspection_document.export_document(context.db, inspection_id)
    named = {p["original_name"]: p for p in exported["inspection"]["photos"]}
    with_exif, without = named["one.jpg"], named["two.jpg"]
    assert with_exif["captured_at"] == "2024-03-20T06:45:00Z"
    assert with_exif["latitude"] == pytest.approx(lat, abs=1e-5)
    # A photo without EXIF has no such keys: its entry is what it was before they existed.
    assert not {"captured_at", "latitude", "longitude"} & set(without)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    other = open_context(tmp_path / "other")
    try:
        assert inspection_document.import_file(other.db, path) == inspection_id
        again = inspection_document.export_document(other.db, inspection_id)
        assert again["sha256"] == exported["sha256"]
        assert again["inspection"] == exported["inspection"]
        kept = contents.photos_of(other.db, inspection_id)
        assert {p["captured_at"] for p in kept} == {"2024-03-20T06:45:00Z", None}
    finally:
        other.close()
    # The typed document (what the server's ingest parses) gives the same plain document.
    assert InspectionDocument.parse(exported["inspection"]).to_dict() == exported["inspection"]


def test_an_older_document_without_evidence_parses_and_hashes_the_same(
    context: AppContext,
) -> None:
    inspection_id = visit_draft(context)
    add(context, inspection_id, exif_jpeg(), "plain.jpg")
    document = inspection_document.canonical_document(context.db, inspection_id)
    (photo,) = document["photos"]
    assert set(photo) == {
        "id", "item_id", "repeat_index", "sha256", "jpeg_sha256", "caption",
        "original_name", "width", "height",
    }  # fmt: skip
    assert InspectionDocument.parse(document).to_dict() == document


def test_the_report_caption_shows_when_and_where(context: AppContext) -> None:
    inspection_id = visit_draft(context)
    lat, lon = office_place(context, inspection_id)
    add(context, inspection_id, exif_jpeg("2024:03:20 10:15:00", place=(lat, lon)), "in.jpg")
    add(context, inspection_id, exif_jpeg("2024:03:20 18:40:00", color="navy"), "late.jpg")
    add(context, inspection_id, exif_jpeg(color="olive"), "bare.jpg")
    text = normalized_text(render_inspection_pdf(context.db, inspection_id))
    assert "۱۴۰۳/۰۱/۰۱" in text and "۱۰:۱۵" in text and "۱۸:۴۰" in text
    assert "۰ متر از دفتر" in text
    assert "خارج از بازهٔ زمانی بازدید گرفته شده است" in text
    assert "بدون زمان ثبت" in text


def test_a_database_from_before_the_evidence_columns_upgrades(data_dir: Path) -> None:
    context = open_context(data_dir)
    inspection_id = visit_draft(context)
    add(context, inspection_id, exif_jpeg(), "old.jpg")
    before = inspection_document.canonical_document(context.db, inspection_id)
    context.close()
    # Back to the schema before migration 0007: no evidence columns, the step not recorded.
    conn = sqlite3.connect(paths.database_path(data_dir))
    for column in ("captured_at", "latitude", "longitude"):
        conn.execute(f"ALTER TABLE photos DROP COLUMN {column}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0007_photo_evidence'")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.commit()
    conn.close()
    context = open_context(data_dir)
    try:
        assert {"captured_at", "latitude", "longitude"} <= set(context.db["photos"].columns_dict)
        (photo,) = contents.photos_of(context.db, inspection_id)
        assert (photo["captured_at"], photo["latitude"], photo["longitude"]) == (None, None, None)
        assert inspection_document.canonical_document(context.db, inspection_id) == before
    finally:
        context.close()
