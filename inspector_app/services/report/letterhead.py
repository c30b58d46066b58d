"""The report's letterhead: the governorate's name and unit, its logo and «بسمه تعالی».

Kept in the database's settings (so a backup and a restore carry it) and set by the admin
with `inspector-app letterhead`; what is not set is the bundled default.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from sqlite_utils import Database

from inspector_app.errors import QT_TRANSLATE_NOOP, KnownError
from inspector_app.storage import settings

GOVERNORATE_KEY = "letterhead.governorate"
UNIT_KEY = "letterhead.unit"
LOGO_KEY = "letterhead.logo"  # PNG, base64
BISMILLAH_KEY = "letterhead.bismillah"  # "1" or "0"

DEFAULT_GOVERNORATE = "استانداری بوشهر"
DEFAULT_UNIT = "بازرسی و پاسخگویی به شکایات"
MAX_LOGO_BYTES = 2_000_000
MAX_LOGO_SIDE = 600  # pixels: the logo prints 24 mm wide, 600 px is 635 dpi


class LetterheadError(KnownError):
    """The letterhead given is not usable; nothing was saved."""


@dataclass(frozen=True)
class Letterhead:
    governorate: str = DEFAULT_GOVERNORATE
    unit: str = DEFAULT_UNIT
    logo: bytes | None = None  # PNG; None: the bundled logo
    bismillah: bool = False


def letterhead(db: Database) -> Letterhead:
    logo = settings.get(db, LOGO_KEY)
    return Letterhead(
        governorate=settings.get(db, GOVERNORATE_KEY) or DEFAULT_GOVERNORATE,
        unit=settings.get(db, UNIT_KEY) or DEFAULT_UNIT,
        logo=base64.b64decode(logo) if logo else None,
        bismillah=settings.get(db, BISMILLAH_KEY) == "1",
    )


def save_letterhead(
    db: Database,
    *,
    governorate: str | None = None,
    unit: str | None = None,
    logo: Path | None = None,
    bundled_logo: bool = False,
    bismillah: bool | None = None,
) -> Letterhead:
    """Change what is given (None: unchanged); `bundled_logo` goes back to the bundled logo.
    The logo is checked to be an image and stored as PNG; a bad one changes nothing."""
    values: dict[str, str] = {}
    for key, text in ((GOVERNORATE_KEY, governorate), (UNIT_KEY, unit)):
        if text is not None:
            if not text.strip():
                raise LetterheadError(QT_TRANSLATE_NOOP("Errors", "نام سربرگ خالی است."))
            values[key] = " ".join(text.split())
    if logo is not None:
        values[LOGO_KEY] = base64.b64encode(_logo_png(logo)).decode("ascii")
    elif bundled_logo:
        values[LOGO_KEY] = ""
    if bismillah is not None:
        values[BISMILLAH_KEY] = "1" if bismillah else "0"
    for key, value in values.items():
        settings.put(db, key, value)
    return letterhead(db)


def _logo_png(path: Path) -> bytes:
    try:
        data = path.read_bytes()
        if len(data) > MAX_LOGO_BYTES:
            raise LetterheadError(
                QT_TRANSLATE_NOOP("Errors", "تصویر آرم بزرگ‌تر از ۲ مگابایت است: {path}"),
                path=str(path),
            )
        with Image.open(io.BytesIO(data)) as img:
            img.load()
            img.thumbnail((MAX_LOGO_SIDE, MAX_LOGO_SIDE))
            out = io.BytesIO()
            img.convert("RGBA").save(out, format="PNG")
    except (OSError, UnidentifiedImageError, ValueError) as exc:
        raise LetterheadError(
            QT_TRANSLATE_NOOP("Errors", "تصویر آرم خوانده نشد: {path}"), path=str(path)
        ) from exc
    return out.getvalue()
