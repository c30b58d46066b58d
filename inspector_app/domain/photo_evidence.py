"""Where and when a photo was taken, from its EXIF, and whether that fits the visit.

A photo taken well outside the visit window, or far from the office, is flagged for the
reviewer; a photo without EXIF is only marked as such (many phones and messengers strip it).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from inspector_app.domain.jalali import TEHRAN, clock_time, from_iso, jalali_date, to_iso
from inspector_app.domain.persian import to_persian_digits
from inspector_app.errors import QT_TRANSLATE_NOOP

WINDOW_TOLERANCE: Final = dt.timedelta(minutes=30)  # a photo a little before arrival is fine
MAX_DISTANCE_M: Final = 500.0  # GPS in a building is often off by a hundred metres or more
EARTH_RADIUS_M: Final = 6_371_000.0

# Persian as printed in the report; the app shows them translated (context "Photos").
NO_CAPTURE_TIME: Final = QT_TRANSLATE_NOOP("Photos", "بدون زمان ثبت")
OUTSIDE_WINDOW: Final = QT_TRANSLATE_NOOP("Photos", "خارج از بازهٔ زمانی بازدید گرفته شده است")
FAR_AWAY: Final = QT_TRANSLATE_NOOP("Photos", "دور از نشانی دفتر گرفته شده است")
METRES_FROM_OFFICE: Final = QT_TRANSLATE_NOOP("Photos", "{n} متر از دفتر")
WARNING_MARK: Final = "⚠"

_EXIF_TIME = re.compile(r"^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_EXIF_OFFSET = re.compile(r"^([+-])(\d{2}):(\d{2})$")


def capture_time(original: object, offset: object = None) -> str | None:
    """The stored (UTC) form of EXIF DateTimeOriginal (`2024:03:20 10:15:00`), or None when
    there is none or it is not a time."""
    match = _EXIF_TIME.match(original.strip()) if isinstance(original, str) else None
    if match is None:
        return None
    try:
        year, month, day, hour, minute, second = (int(part) for part in match.groups())
        local = dt.datetime(year, month, day, hour, minute, second)
    except ValueError:  # 0000:00:00 00:00:00, what some cameras write for "unset"
        return None
    zone_match = _EXIF_OFFSET.match(offset.strip()) if isinstance(offset, str) else None
    if zone_match is None:
        # Without OffsetTimeOriginal the camera's clock is taken to be on Tehran time: the
        # inspections are in Iran, and phones keep local time.
        zone: dt.tzinfo = TEHRAN
    else:
        sign, hours, minutes = zone_match.groups()
        delta = dt.timedelta(hours=int(hours), minutes=int(minutes))
        zone = dt.timezone(-delta if sign == "-" else delta)
    return to_iso(local.replace(tzinfo=zone))


def coordinate(dms: object, ref: object) -> float | None:
    """Decimal degrees from EXIF (degrees, minutes, seconds) and N/S/E/W, or None."""
    if not isinstance(dms, Sequence) or len(dms) != 3 or ref not in ("N", "S", "E", "W"):
        return None
    try:
        degrees, minutes, seconds = (float(part) for part in dms)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    value = degrees + minutes / 60 + seconds / 3600
    limit = 90 if ref in ("N", "S") else 180
    if not math.isfinite(value) or value > limit:
        return None
    return round(-value if ref in ("S", "W") else value, 6)


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in metres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(min(1.0, a)))


@dataclass(frozen=True)
class Visit:
    """What a photo is checked against: the visit's day and times, the office's place."""

    visit_date: str  # Gregorian YYYY-MM-DD
    arrival_at: str | None  # stored UTC times
    departure_at: str | None
    office_lat: float | None
    office_lon: float | None


@dataclass(frozen=True)
class Evidence:
    captured_at: str | None
    distance_m: float | None  # from the office, when both places are known
    warnings: tuple[str, ...]  # Persian, empty when nothing is odd

    @property
    def flagged(self) -> bool:
        return bool(self.warnings)

    def report_line(self) -> str:
        """The summary for a printed caption: the reasons spelled out instead of a mark."""
        text = self.summary("، ", mark=False)
        return f"{text} ({'، '.join(self.warnings)})" if self.flagged else text

    def summary(self, sep: str = " · ", *, mark: bool = True) -> str:
        """`۱۴۰۳/۰۱/۰۱ ۱۰:۱۵ · ۱۲۰ متر از دفتر` (a warning mark first when flagged), or
        «بدون زمان ثبت»."""
        if self.captured_at is None:
            parts = [NO_CAPTURE_TIME]
        else:
            parts = [f"{jalali_date(self.captured_at)} {clock_time(self.captured_at)}"]
        if self.distance_m is not None:
            parts.append(METRES_FROM_OFFICE.format(n=to_persian_digits(round(self.distance_m))))
        text = sep.join(parts)
        return f"{WARNING_MARK} {text}" if mark and self.flagged else text


def check(
    captured_at: str | None, latitude: float | None, longitude: float | None, visit: Visit
) -> Evidence:
    warnings: list[str] = []
    if captured_at is not None and _outside_window(from_iso(captured_at), visit):
        warnings.append(OUTSIDE_WINDOW)
    distance = None
    office = (visit.office_lat, visit.office_lon)
    if latitude is not None and longitude is not None and None not in office:
        distance = distance_m(latitude, longitude, *office)  # type: ignore[arg-type]
        if distance > MAX_DISTANCE_M:
            warnings.append(FAR_AWAY)
    return Evidence(captured_at, distance, tuple(warnings))


def _outside_window(moment: dt.datetime, visit: Visit) -> bool:
    if visit.arrival_at is None and visit.departure_at is None:
        return moment.astimezone(TEHRAN).date().isoformat() != visit.visit_date
    if visit.arrival_at is not None and moment < from_iso(visit.arrival_at) - WINDOW_TOLERANCE:
        return True
    return visit.departure_at is not None and (
        moment > from_iso(visit.departure_at) + WINDOW_TOLERANCE
    )
