"""What an inspection export file must pass before anything of it is written.

The file is read as strict JSON (no NaN, no nesting too deep to read), its `sha256` must be
that of its `inspection` part, the bytes it carries must match the hashes the document names,
no id may repeat within the file, and no photo or finding id may belong to another inspection
already here: an import adds an inspection, it never takes rows from another one.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from inspector_app.domain.canonical import canonical_sha256, sha256_hex
from inspector_app.domain.inspection_document import InspectionDocument
from inspector_app.errors import QT_TRANSLATE_NOOP, InvalidImport
from inspector_app.storage import corrections


class _NotJson(ValueError):
    """NaN or Infinity: Python reads them, JSON has no such numbers."""


def _no_constant(name: str) -> Any:
    raise _NotJson(name)


def load_export(path: Path) -> Any:
    """The decoded file, or InvalidImport naming the file (and line) and what is wrong."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "پرونده خوانده نشد: {reason}"), where=where, reason=exc
        ) from exc
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "JSON نامعتبر: {reason}"),
            where=f"{where}:{exc.lineno}",
            reason=exc.msg,
        ) from exc
    except _NotJson as exc:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "JSON نامعتبر: {reason}"),
            where=where,
            reason=f"{exc} is not a JSON number",
        ) from exc
    except ValueError as exc:  # an integer of more digits than Python converts
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "JSON نامعتبر: {reason}"), where=where, reason=exc
        ) from exc


def check_hash(exported: dict[str, Any], doc: dict[str, Any]) -> str:
    """The file's `sha256`, once it is known to be that of its inspection as written."""
    stated = exported.get("sha256")
    if not isinstance(stated, str):
        raise InvalidImport(QT_TRANSLATE_NOOP("Errors", "پرونده sha256 ندارد"))
    try:
        actual = canonical_sha256(doc)
    except ValueError as exc:  # a number beyond 2^53 or infinite, text that is not Unicode
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "بازرسی پرونده شکل استاندارد (RFC 8785) ندارد: {reason}"),
            reason=" ".join(str(exc).split())[:200],
        ) from exc
    if actual != stated:
        raise InvalidImport(
            QT_TRANSLATE_NOOP(
                "Errors",
                "محتوای بازرسی با sha256 پرونده نمی‌خواند؛ پرونده پس از برون‌بری ویرایش شده است.",
            )
        )
    return stated


def check_unique(document: InspectionDocument) -> None:
    """No id (photo, finding, interview, answer, signature role) twice in one file."""
    parts: dict[str, Iterable[object]] = {
        "photos": (p.id for p in document.photos),
        "findings": (f.id for f in document.findings),
        "interviews": document.interviews,
        "answers": (f"{a.item_id}/{a.repeat_index}" for a in document.answers),
        "signatures": (s.role for s in document.signatures),
    }
    for part, ids in parts.items():
        repeated = [key for key, n in Counter(ids).items() if n > 1]
        if repeated:
            raise InvalidImport(
                QT_TRANSLATE_NOOP("Errors", "شناسهٔ {id} در بخش {part} دو بار آمده است"),
                id=repeated[0],
                part=part,
            )


@dataclass(frozen=True)
class Attachments:
    """The bytes the file carries, each checked against the hash the document names."""

    jpegs: dict[str, bytes]
    thumbnails: dict[str, bytes]
    pngs: dict[str, bytes | None]
    strokes: dict[str, list[Any]]


def check_attachments(exported: dict[str, Any], document: InspectionDocument) -> Attachments:
    photo_data = _mapping(exported, "photo_data")
    thumbs = _mapping(exported, "thumbnail_data")
    signature_data = _mapping(exported, "signature_data")
    jpegs: dict[str, bytes] = {}
    thumbnails: dict[str, bytes] = {}
    for photo in document.photos:
        if photo.id not in photo_data:
            raise InvalidImport(
                QT_TRANSLATE_NOOP("Errors", "دادهٔ عکس {id} در پرونده نیست"), id=photo.id
            )
        jpegs[photo.id] = unb64(photo_data[photo.id], f"photo {photo.id}")
        if sha256_hex(jpegs[photo.id]) != photo.jpeg_sha256:
            raise InvalidImport(
                QT_TRANSLATE_NOOP("Errors", "sha256 عکس {id} نمی‌خواند"), id=photo.id
            )
        thumbnails[photo.id] = unb64(thumbs.get(photo.id, photo_data[photo.id]), "thumbnail")
    pngs: dict[str, bytes | None] = {}
    strokes: dict[str, list[Any]] = {}
    for signature in document.signatures:
        data = signature_data.get(signature.role) or {}
        if not isinstance(data, dict):
            raise InvalidImport(
                QT_TRANSLATE_NOOP("Errors", "بخش «{part}» شیء JSON نیست"),
                part=f"signature_data.{signature.role}",
            )
        png = unb64(data["png"], f"signature {signature.role}") if data.get("png") else None
        digest = None if png is None else sha256_hex(png)
        if digest != signature.png_sha256:
            raise InvalidImport(
                QT_TRANSLATE_NOOP("Errors", "sha256 تصویر امضای {role} نمی‌خواند"),
                role=signature.role,
            )
        pngs[signature.role] = png
        strokes[signature.role] = _strokes(data.get("strokes"), signature.role)
    return Attachments(jpegs, thumbnails, pngs, strokes)


def _mapping(exported: dict[str, Any], key: str) -> dict[str, Any]:
    value = exported.get(key) or {}
    if not isinstance(value, dict):
        raise InvalidImport(QT_TRANSLATE_NOOP("Errors", "بخش «{part}» شیء JSON نیست"), part=key)
    return value


def _strokes(value: Any, role: str) -> list[Any]:
    """Pen strokes as the signature pad draws them: lists of finite [x, y] points."""
    strokes = [] if value is None else value
    fine = isinstance(strokes, list) and all(
        isinstance(stroke, list)
        and all(
            isinstance(point, list)
            and len(point) == 2
            and all(isinstance(c, int | float) and math.isfinite(c) for c in point)
            for point in stroke
        )
        for stroke in strokes
    )
    if not fine:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "خط‌های امضای {role} نامعتبر است"), role=role
        )
    return strokes


def unb64(text: Any, what: str) -> bytes:
    try:
        return base64.b64decode(str(text), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "دادهٔ base64 نامعتبر در {what}"), what=what
        ) from exc


def check_new_here(db: Database, document: InspectionDocument) -> None:
    """Refuse ids this database already uses, and a `replaces` it cannot honour.
    Call inside the importing transaction."""
    if db.execute("SELECT 1 FROM inspections WHERE id = ?", [document.id]).fetchone():
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "بازرسی {id} از پیش در این پایگاه هست"), id=document.id
        )
    for table, ids in (
        ("photos", [p.id for p in document.photos]),
        ("findings", [f.id for f in document.findings]),
    ):
        for row_id in ids:
            owner = db.execute(f"SELECT inspection_id FROM {table} WHERE id = ?", [row_id])
            found = owner.fetchone()
            if found is not None:
                raise InvalidImport(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "شناسهٔ {id} در بخش {part} از آنِ بازرسی {owner} در این پایگاه است؛ "
                        "پرونده وارد نشد و چیزی تغییر نکرد.",
                    ),
                    id=row_id,
                    part=table,
                    owner=found[0],
                )
    if document.replaces is not None:
        _check_replaces(db, document, document.replaces)


def _check_replaces(db: Database, document: InspectionDocument, replaced: str) -> None:
    row = db.execute("SELECT office_code FROM inspections WHERE id = ?", [replaced]).fetchone()
    if row is None:
        raise InvalidImport(
            QT_TRANSLATE_NOOP(
                "Errors",
                "این بازرسی اصلاحیهٔ بازرسی {id} است که در این پایگاه نیست؛ نخست آن را وارد کنید.",
            ),
            id=replaced,
        )
    if row[0] != document.office.get("code"):
        raise InvalidImport(
            QT_TRANSLATE_NOOP(
                "Errors", "اصلاحیه و بازرسی {id} که جایگزینش می‌شود از یک دفتر نیستند"
            ),
            id=replaced,
        )
    existing = corrections.latest_correction(db, replaced)
    if existing is not None:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "بازرسی {id} پیش‌تر با بازرسی {other} اصلاح شده است"),
            id=replaced,
            other=existing["id"],
        )
