"""Photo evidence: check the file is an image, hash the original, keep downscaled copies.

The capture time and place are read from the EXIF first; the copies kept are re-encoded
without any EXIF (the rest of it, the phone's make and serial, is nobody's business).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

from inspector_app.domain.photo_evidence import Evidence, Visit, capture_time, check, coordinate
from inspector_app.errors import QT_TRANSLATE_NOOP, KnownError
from inspector_app.storage.drafts import NewPhoto

REPORT_EDGE = 1600  # long edge of the copy kept for the report, in pixels
THUMB_EDGE = 240
MAX_PIXELS = 120_000_000  # refuse anything larger than a 120-megapixel image

Image.MAX_IMAGE_PIXELS = MAX_PIXELS


class InvalidPhoto(KnownError):
    """Not an image, unreadable, missing, or absurdly large."""


def prepare_photo(path: Path) -> NewPhoto:
    """Read `path` and make the copies stored with the inspection."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InvalidPhoto(
            "پروندهٔ عکس پیدا نشد (شاید پوشه جابه‌جا یا حذف شده است)", where=str(path)
        ) from exc
    except OSError as exc:
        raise InvalidPhoto(
            f"پروندهٔ عکس خوانده نشد: {exc.strerror or exc}", where=str(path)
        ) from exc
    return prepare_photo_bytes(data, path.name)


def prepare_photo_bytes(data: bytes, name: str = "") -> NewPhoto:
    where = name or None
    try:
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()
        opened = Image.open(io.BytesIO(data))
        captured_at, latitude, longitude = _exif_evidence(opened)
        # JPEG can decode straight at a reduced scale: a 40-megapixel photo stays cheap.
        opened.draft("RGB", (REPORT_EDGE * 2, REPORT_EDGE * 2))
        image: Image.Image = ImageOps.exif_transpose(opened)
        image.load()
    except (UnidentifiedImageError, Image.DecompressionBombError) as exc:
        if isinstance(exc, Image.DecompressionBombError):
            raise InvalidPhoto(
                QT_TRANSLATE_NOOP("Errors", "عکس بیش از اندازه بزرگ است"), where=where
            ) from exc
        raise InvalidPhoto(
            QT_TRANSLATE_NOOP("Errors", "این پرونده تصویر نیست یا قالب آن پشتیبانی نمی‌شود"),
            where=where,
        ) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise InvalidPhoto(
            QT_TRANSLATE_NOOP("Errors", "پروندهٔ تصویر خراب است ({reason})"), where=where, reason=exc
        ) from exc
    image = image.convert("RGB")
    report = image.copy()
    report.thumbnail((REPORT_EDGE, REPORT_EDGE), Image.Resampling.LANCZOS)
    thumb = image.copy()
    thumb.thumbnail((THUMB_EDGE, THUMB_EDGE), Image.Resampling.LANCZOS)
    return NewPhoto(
        sha256=hashlib.sha256(data).hexdigest(),
        jpeg=jpeg_bytes(report, 82),
        thumbnail=jpeg_bytes(thumb, 75),
        width=report.width,
        height=report.height,
        original_name=name,
        captured_at=captured_at,
        latitude=latitude,
        longitude=longitude,
    )


def _exif_evidence(image: Image.Image) -> tuple[str | None, float | None, float | None]:
    """(capture time, latitude, longitude) from the EXIF; None for each one missing or bad."""
    exif = image.getexif()
    taken = exif.get_ifd(ExifTags.IFD.Exif)
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    latitude = coordinate(gps.get(ExifTags.GPS.GPSLatitude), gps.get(ExifTags.GPS.GPSLatitudeRef))
    longitude = coordinate(
        gps.get(ExifTags.GPS.GPSLongitude), gps.get(ExifTags.GPS.GPSLongitudeRef)
    )
    if latitude is None or longitude is None:
        latitude = longitude = None  # half a place is no place
    captured_at = capture_time(
        taken.get(ExifTags.Base.DateTimeOriginal), taken.get(ExifTags.Base.OffsetTimeOriginal)
    )
    return captured_at, latitude, longitude


def jpeg_bytes(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


def visit_of(record: Mapping[str, Any]) -> Visit:
    """What the photos of an inspection (`inspections.get`'s row) are checked against."""
    office = record["office"] or {}
    return Visit(
        visit_date=record["visit_date"],
        arrival_at=record["arrival_at"],
        departure_at=record["departure_at"],
        office_lat=office.get("lat"),
        office_lon=office.get("lon"),
    )


def evidence_of(photo: Mapping[str, Any], visit: Visit) -> Evidence:
    """The photo's capture time and place (a stored row) set against its visit."""
    return check(photo["captured_at"], photo["latitude"], photo["longitude"], visit)
