"""The whole inspection as one JSON document: the canonical form that is hashed and signed,
and the export/import format (the canonical document plus photo and signature data).

Format `bazres.inspection/1` (documented in docs/inspection-json.md). Status is left out of the
canonical document on purpose: moving from `finalized` to `synced` must not change the hash.
"""

from __future__ import annotations

import base64
import binascii
import json
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from inspector_app.domain.canonical import canonical_sha256, sha256_hex
from inspector_app.domain.forms import check_answer, parse_form
from inspector_app.domain.offices import OfficeRecord
from inspector_app.errors import QT_TRANSLATE_NOOP, InvalidAnswer, InvalidImport, KnownError
from inspector_app.storage import audit, inspections, offices
from inspector_app.storage.db import writing

FORMAT = "bazres.inspection/1"


def canonical_document(db: Database, inspection_id: str) -> dict[str, Any]:
    """Everything that makes up the inspection, photos by their sha256 (no image bytes)."""
    row = inspections.get(db, inspection_id)
    notes = inspections.notes_of(db, inspection_id)
    answers = inspections.answers_of(db, inspection_id)
    keys = sorted(set(answers) | set(notes))
    result = inspections.score_of(db, inspection_id)
    return {
        "format": FORMAT,
        "id": row["id"],
        "replaces": row["replaces"],
        "office": row["office"],
        "form": {
            "id": row["form_id"],
            "version": row["form_version"],
            "sha256": row["form_sha256"],
            "snapshot": row["form"],
        },
        "created_at": row["created_at"],
        "visit_date": row["visit_date"],
        "arrival_at": row["arrival_at"],
        "departure_at": row["departure_at"],
        "elapsed_seconds": row["elapsed_seconds"],
        "inspector": {"name": row["inspector_name"], "personnel_no": row["inspector_personnel_no"]},
        "representative": {"name": row["rep_name"], "role": row["rep_role"]},
        "answers": [
            {
                "item_id": item_id,
                "repeat_index": repeat,
                "value": answers.get((item_id, repeat)),
                "note": notes.get((item_id, repeat), ""),
            }
            for item_id, repeat in keys
        ],
        "interviews": inspections.interview_indices(db, inspection_id),
        "photos": [
            {
                "id": p["id"],
                "item_id": p["item_id"],
                "repeat_index": p["repeat_index"],
                "sha256": p["sha256"],
                "jpeg_sha256": sha256_hex(p["jpeg"]),
                "caption": p["caption"],
                "original_name": p["original_name"],
                "width": p["width"],
                "height": p["height"],
            }
            for p in inspections.photos_of(db, inspection_id, with_data=True)
        ],
        "findings": [
            {
                "id": f["id"],
                "item_id": f["item_id"],
                "description": f["description"],
                "corrective_action": f["corrective_action"],
                "deadline": f["deadline"],
            }
            for f in inspections.findings_of(db, inspection_id)
        ],
        "signatures": [
            {
                "role": s["role"],
                "signer_name": s["signer_name"],
                "declined_reason": s["declined_reason"],
                "png_sha256": sha256_hex(s["png"]) if s["png"] else None,
                "signed_at": s["signed_at"],
            }
            for s in inspections.signatures_of(db, inspection_id)
        ],
        "score": {
            "compliance": None if result.compliance is None else round(result.compliance, 4),
            "grade": result.grade,
            "critical_failures": result.critical_failures,
            "satisfaction": None if result.satisfaction is None else round(result.satisfaction, 4),
            "yes": result.yes,
            "no": result.no,
            "na": result.na,
        },
    }


def export_document(db: Database, inspection_id: str) -> dict[str, Any]:
    """The canonical document with its hash, status, and the bytes it refers to (base64)."""
    document = canonical_document(db, inspection_id)
    row = inspections.get(db, inspection_id)
    photos = inspections.photos_of(db, inspection_id, with_data=True)
    signatures = inspections.signatures_of(db, inspection_id)
    return {
        "format": FORMAT,
        "status": row["status"],
        "sha256": canonical_sha256(document),
        "inspection": document,
        "photo_data": {p["id"]: _b64(p["jpeg"]) for p in photos},
        "thumbnail_data": {p["id"]: _b64(p["thumbnail"]) for p in photos},
        "signature_data": {
            s["role"]: {
                "png": _b64(s["png"]) if s["png"] else None,
                "strokes": json.loads(s["strokes"]),
            }
            for s in signatures
        },
    }


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, what: str) -> bytes:
    try:
        return base64.b64decode(str(text), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "دادهٔ base64 نامعتبر در {what}"), what=what
        ) from exc


def import_file(db: Database, path: Path) -> str:
    """Create the inspection in `path` as a draft (all or nothing); returns its id."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "پرونده خوانده نشد: {reason}"), where=where, reason=exc
        ) from exc
    try:
        exported = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "JSON نامعتبر: {reason}"),
            where=f"{where}:{exc.lineno}",
            reason=exc.msg,
        ) from exc
    try:
        return import_document(db, exported)
    except KnownError as exc:
        raise InvalidImport(exc.template, where=where, **exc.params) from exc


def import_document(db: Database, exported: Any) -> str:
    if not isinstance(exported, dict) or exported.get("format") != FORMAT:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "قالب پرونده «{format}» نیست"), format=FORMAT
        )
    doc = exported.get("inspection")
    if not isinstance(doc, dict):
        raise InvalidImport(QT_TRANSLATE_NOOP("Errors", "بخش «inspection» نیست"))
    try:
        return _import(db, exported, doc)
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "ساختار پرونده با طرح نمی‌خواند: {reason}"), reason=repr(exc)
        ) from exc


def _import(db: Database, exported: dict[str, Any], doc: dict[str, Any]) -> str:
    loaded = parse_form(doc["form"]["snapshot"])
    if loaded.sha256 != doc["form"]["sha256"]:
        raise InvalidImport(QT_TRANSLATE_NOOP("Errors", "sha256 فرم با محتوای آن نمی‌خواند"))
    form = loaded.form
    for answer in doc["answers"]:
        try:
            item = form.item(answer["item_id"])
        except KeyError:
            raise InvalidImport(
                QT_TRANSLATE_NOOP("Errors", "پرسش ناشناخته: {item}"), item=answer["item_id"]
            ) from None
        try:
            check_answer(item, answer["value"])
        except InvalidAnswer as exc:
            raise InvalidImport(exc.template, where=exc.where_template, **exc.params) from exc
    photo_data = exported.get("photo_data") or {}
    thumbs = exported.get("thumbnail_data") or {}
    signature_data = exported.get("signature_data") or {}
    office = doc["office"]
    with writing(db):
        if db.execute("SELECT 1 FROM inspections WHERE id = ?", [doc["id"]]).fetchone():
            raise InvalidImport(
                QT_TRANSLATE_NOOP("Errors", "بازرسی {id} از پیش در این پایگاه هست"), id=doc["id"]
            )
        if offices.get(db, office["code"]) is None:
            record = OfficeRecord.model_validate(office)
            offices.upsert(db, [record])
        inspection_id = inspections.create(
            db,
            office=office,
            form_document=loaded.document,
            visit_date=doc["visit_date"],
            inspector_name=doc["inspector"]["name"],
            inspector_personnel_no=doc["inspector"]["personnel_no"],
            inspection_id=doc["id"],
        )
        inspections.update_header(
            db,
            inspection_id,
            arrival_at=doc["arrival_at"],
            departure_at=doc["departure_at"],
            elapsed_seconds=doc["elapsed_seconds"],
            rep_name=doc["representative"]["name"],
            rep_role=doc["representative"]["role"],
        )
        db.execute(
            "UPDATE inspections SET created_at = ? WHERE id = ?", [doc["created_at"], inspection_id]
        )
        for index in doc["interviews"]:
            db.table("interviews").insert(
                {
                    "inspection_id": inspection_id,
                    "repeat_index": int(index),
                    "created_at": doc["created_at"],
                }
            )
        for answer in doc["answers"]:
            inspections.set_answer(
                db,
                inspection_id,
                answer["item_id"],
                answer["value"],
                note=answer["note"],
                repeat_index=int(answer["repeat_index"]),
            )
        for photo in doc["photos"]:
            jpeg = _unb64(photo_data[photo["id"]], f"photo {photo['id']}")
            if sha256_hex(jpeg) != photo["jpeg_sha256"]:
                raise InvalidImport(
                    QT_TRANSLATE_NOOP("Errors", "sha256 عکس {id} نمی‌خواند"), id=photo["id"]
                )
            db.table("photos").insert(
                {
                    "id": photo["id"],
                    "inspection_id": inspection_id,
                    "item_id": photo["item_id"],
                    "repeat_index": photo["repeat_index"],
                    "sha256": photo["sha256"],
                    "original_name": photo["original_name"],
                    "width": photo["width"],
                    "height": photo["height"],
                    "jpeg": jpeg,
                    "thumbnail": _unb64(
                        thumbs.get(photo["id"], photo_data[photo["id"]]), "thumbnail"
                    ),
                    "caption": photo["caption"],
                    "created_at": doc["created_at"],
                }
            )
        for finding in doc["findings"]:
            inspections.save_finding(
                db,
                inspection_id,
                description=finding["description"],
                corrective_action=finding["corrective_action"],
                deadline=finding["deadline"],
                item_id=finding["item_id"],
                finding_id=finding["id"],
            )
        for signature in doc["signatures"]:
            data = signature_data.get(signature["role"]) or {}
            png = _unb64(data["png"], "signature") if data.get("png") else None
            inspections.save_signature(
                db,
                inspection_id,
                signature["role"],
                signer_name=signature["signer_name"],
                strokes=data.get("strokes"),
                png=png,
                declined_reason=signature["declined_reason"],
            )
        audit.append(db, "import", inspection_id, {"sha256": exported.get("sha256")})
    return inspection_id
