"""Real JPEGs carrying EXIF: a capture time, its offset and a GPS position, as a phone writes."""

from __future__ import annotations

import io

from PIL import ExifTags, Image


def dms(value: float) -> tuple[float, float, float]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    return (float(degrees), float(minutes), round((value - degrees - minutes / 60) * 3600, 3))


def exif_jpeg(
    taken: str | None = None,
    *,
    offset: str | None = None,
    place: tuple[float, float] | None = None,
    color: str = "teal",
) -> bytes:
    """A real JPEG whose EXIF holds the given DateTimeOriginal, offset and GPS position."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    if taken is not None:
        exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = taken
    if offset is not None:
        exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.OffsetTimeOriginal] = offset
    if place is not None:
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        lat, lon = place
        gps[ExifTags.GPS.GPSLatitudeRef] = "N" if lat >= 0 else "S"
        gps[ExifTags.GPS.GPSLatitude] = dms(abs(lat))
        gps[ExifTags.GPS.GPSLongitudeRef] = "E" if lon >= 0 else "W"
        gps[ExifTags.GPS.GPSLongitude] = dms(abs(lon))
    out = io.BytesIO()
    Image.new("RGB", (640, 480), color).save(out, "JPEG", quality=85, exif=exif)
    return out.getvalue()
