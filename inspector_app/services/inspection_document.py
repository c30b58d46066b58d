"""The whole inspection as one JSON document: the canonical form that is hashed and signed,
and the export/import format (the canonical document plus photo and signature data).

Format `bazres.inspection/1` (documented in docs/inspection-json.md). Status is left out of the
canonical document on purpose: moving from `finalized` to `synced` must not change the hash.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from inspector_app.domain.canonical import canonical_sha256, sha256_hex
from inspector_app.domain.forms import check_answer
from inspector_app.domain.inspection_document import (
    BAD_DATE,
    FORMAT,
    Answer,
    AuditAnchor,
    DocumentError,
    Finding,
    FollowUp,
    FormRef,
    InspectionDocument,
    Inspector,
    Photo,
    PhotoMark,
    Representative,
    Score,
    Signature,
)
from inspector_app.domain.jalali import from_iso, to_iso
from inspector_app.domain.offices import OfficeRecord
from inspector_app.errors import QT_TRANSLATE_NOOP, InvalidAnswer, InvalidImport, KnownError
from inspector_app.services import import_checks
from inspector_app.storage import audit, contents, drafts, followups, inspections, offices
from inspector_app.storage.db import writing


def canonical_document(
    db: Database, inspection_id: str, *, audit_anchor: AuditAnchor | None = None
) -> dict[str, Any]:
    """Everything that makes up the inspection, photos by their sha256 (no image bytes)."""
    return build_document(db, inspection_id, audit_anchor=audit_anchor).to_dict()


def build_document(
    db: Database, inspection_id: str, *, audit_anchor: AuditAnchor | None = None
) -> InspectionDocument:
    """The typed canonical document of the inspection as its rows hold it now. The audit log's
    head is no row of the inspection: a finalized one keeps the anchor its stored document
    holds, a draft has one only when given (finalize gives the log's head)."""
    row = inspections.get(db, inspection_id)
    if audit_anchor is None and row["status"] != "draft":
        audit_anchor = _stored_anchor(db, inspection_id)
    notes = contents.notes_of(db, inspection_id)
    answers = contents.answers_of(db, inspection_id)
    keys = sorted(set(answers) | set(notes))
    result = contents.score_of(db, inspection_id)
    return InspectionDocument(
        id=row["id"],
        replaces=row["replaces"],
        office=row["office"],
        form=FormRef(
            id=row["form_id"],
            version=row["form_version"],
            sha256=row["form_sha256"],
            snapshot=row["form"],
        ),
        created_at=row["created_at"],
        visit_date=row["visit_date"],
        arrival_at=row["arrival_at"],
        departure_at=row["departure_at"],
        elapsed_seconds=row["elapsed_seconds"],
        inspector=Inspector(name=row["inspector_name"], personnel_no=row["inspector_personnel_no"]),
        representative=Representative(name=row["rep_name"], role=row["rep_role"]),
        answers=[
            Answer(
                item_id=item_id,
                repeat_index=repeat,
                value=answers.get((item_id, repeat)),
                note=notes.get((item_id, repeat), ""),
            )
            for item_id, repeat in keys
        ],
        interviews=contents.interview_indices(db, inspection_id),
        photos=[
            Photo(
                id=p["id"],
                item_id=p["item_id"],
                repeat_index=p["repeat_index"],
                sha256=p["sha256"],
                jpeg_sha256=sha256_hex(p["jpeg"]),
                caption=p["caption"],
                original_name=p["original_name"],
                width=p["width"],
                height=p["height"],
                captured_at=p["captured_at"],
                latitude=p["latitude"],
                longitude=p["longitude"],
                marks=[PhotoMark(**m) for m in json.loads(p["marks"])] if p["marks"] else None,
            )
            for p in contents.photos_of(db, inspection_id, with_data=True)
        ],
        findings=[
            Finding(
                id=f["id"],
                item_id=f["item_id"],
                description=f["description"],
                corrective_action=f["corrective_action"],
                deadline=f["deadline"],
            )
            for f in contents.findings_of(db, inspection_id)
        ],
        signatures=[
            Signature(
                role=s["role"],
                signer_name=s["signer_name"],
                declined_reason=s["declined_reason"],
                png_sha256=sha256_hex(s["png"]) if s["png"] else None,
                signed_at=s["signed_at"],
            )
            for s in contents.signatures_of(db, inspection_id)
        ],
        score=Score(
            compliance=None if result.compliance is None else round(result.compliance, 4),
            grade=result.grade,
            critical_failures=result.critical_failures,
            satisfaction=None if result.satisfaction is None else round(result.satisfaction, 4),
            yes=result.yes,
            no=result.no,
            na=result.na,
        ),
        audit_anchor=audit_anchor,
        followups=[FollowUp(**f) for f in followups.followups_of(db, inspection_id)],
    )


def _stored_anchor(db: Database, inspection_id: str) -> AuditAnchor | None:
    """The anchor in the stored document; none where that is missing or unreadable (the
    rebuilt document then differs from the stored hash, and that is reported)."""
    row = db.execute(
        "SELECT canonical_json FROM inspection_documents WHERE inspection_id = ?", [inspection_id]
    ).fetchone()
    try:
        stored = json.loads(row[0]) if row else None
        anchor = stored.get("audit_anchor") if isinstance(stored, dict) else None
        return None if anchor is None else AuditAnchor.model_validate(anchor)
    except (TypeError, ValueError):  # pydantic's ValidationError is a ValueError
        return None


def export_document(db: Database, inspection_id: str) -> dict[str, Any]:
    """The canonical document with its hash, status, and the bytes it refers to (base64)."""
    document = canonical_document(db, inspection_id)
    row = inspections.get(db, inspection_id)
    photos = contents.photos_of(db, inspection_id, with_data=True)
    signatures = contents.signatures_of(db, inspection_id)
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


def import_file(db: Database, path: Path) -> str:
    """Create the inspection in `path` as a draft (all or nothing); returns its id."""
    where = str(path)
    try:
        return import_document(db, import_checks.load_export(path))
    except RecursionError as exc:  # json and pydantic recurse; a hostile file nests deeper
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "ساختار پرونده بیش از اندازه تودرتو است"), where=where
        ) from exc
    except InvalidImport as exc:
        if exc.where and exc.where.startswith(where):
            raise
        raise InvalidImport(
            exc.template, where=f"{where}: {exc.where}" if exc.where else where, **exc.params
        ) from exc
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
    sha256 = import_checks.check_hash(exported, doc)
    try:
        document = InspectionDocument.parse(doc)
    except DocumentError as exc:
        if exc.kind == BAD_DATE:
            raise InvalidImport(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "تاریخ یا زمان نامعتبر در {field}: «{value}» (روز میلادی YYYY-MM-DD، "
                    "زمان ISO 8601 با منطقهٔ زمانی)",
                ),
                field=exc.where,
                value=exc.value,
            ) from exc
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "ساختار پرونده با طرح نمی‌خواند: {reason}"), reason=exc
        ) from exc
    try:
        return _import(db, document, exported, sha256)
    except sqlite3.IntegrityError as exc:  # guards behind the checks: never a traceback
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "پرونده با داده‌های این پایگاه نمی‌خواند: {reason}"),
            reason=exc,
        ) from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "ساختار پرونده با طرح نمی‌خواند: {reason}"),
            reason=" ".join(f"{type(exc).__name__}: {exc}".split())[:300],  # one line
        ) from exc


def _import(
    db: Database, document: InspectionDocument, exported: dict[str, Any], sha256: str
) -> str:
    loaded = document.loaded_form
    if loaded.sha256 != document.form.sha256:
        raise InvalidImport(QT_TRANSLATE_NOOP("Errors", "sha256 فرم با محتوای آن نمی‌خواند"))
    form = loaded.form
    for answer in document.answers:
        try:
            item = form.item(answer.item_id)
        except KeyError:
            raise InvalidImport(
                QT_TRANSLATE_NOOP("Errors", "پرسش ناشناخته: {item}"), item=answer.item_id
            ) from None
        try:
            check_answer(item, answer.value)
        except InvalidAnswer as exc:
            raise InvalidImport(exc.template, where=exc.where_template, **exc.params) from exc
    import_checks.check_unique(document)
    attached = import_checks.check_attachments(exported, document)
    office = document.office
    with writing(db):
        import_checks.check_new_here(db, document)
        if offices.get(db, office["code"]) is None:
            offices.upsert(db, [OfficeRecord.model_validate(office)])
        inspection_id = inspections.create(
            db,
            office=office,
            form_document=loaded.document,
            visit_date=document.visit_date,
            inspector_name=document.inspector.name,
            inspector_personnel_no=document.inspector.personnel_no,
            replaces=document.replaces,
            inspection_id=document.id,
        )
        inspections.update_header(
            db,
            inspection_id,
            arrival_at=document.arrival_at,
            departure_at=document.departure_at,
            elapsed_seconds=document.elapsed_seconds,
            rep_name=document.representative.name,
            rep_role=document.representative.role,
        )
        db.execute(
            "UPDATE inspections SET created_at = ? WHERE id = ?",
            [document.created_at, inspection_id],
        )
        for index in document.interviews:
            db.table("interviews").insert(
                {
                    "inspection_id": inspection_id,
                    "repeat_index": index,
                    "created_at": document.created_at,
                }
            )
        drafts.set_answers_of_import(
            db,
            inspection_id,
            (
                drafts.AnswerRow(a.item_id, a.value, a.note or "", a.repeat_index)
                for a in document.answers
            ),
        )
        start = from_iso(document.created_at)
        for number, photo in enumerate(document.photos):
            db.table("photos").insert(
                {
                    "id": photo.id,
                    "inspection_id": inspection_id,
                    "item_id": photo.item_id,
                    "repeat_index": photo.repeat_index,
                    "sha256": photo.sha256,
                    "original_name": photo.original_name,
                    "width": photo.width,
                    "height": photo.height,
                    "jpeg": attached.jpegs[photo.id],
                    "thumbnail": attached.thumbnails[photo.id],
                    "caption": photo.caption,
                    "captured_at": photo.captured_at,
                    "latitude": photo.latitude,
                    "longitude": photo.longitude,
                    "marks": None
                    if photo.marks is None
                    else json.dumps(
                        [m.model_dump() for m in photo.marks], ensure_ascii=False, sort_keys=True
                    ),
                    # The file holds no photo times; photos are listed by time, so one second
                    # apart from the start keeps the document's order.
                    "created_at": to_iso(start + dt.timedelta(seconds=number)),
                }
            )
        for finding in document.findings:
            drafts.save_finding(
                db,
                inspection_id,
                description=finding.description,
                corrective_action=finding.corrective_action,
                deadline=finding.deadline,
                item_id=finding.item_id,
                finding_id=finding.id,
            )
        for position, followup in enumerate(document.followups):
            db.table("finding_followups").insert(
                {**followup.model_dump(), "inspection_id": inspection_id, "position": position}
            )
        for signature in document.signatures:
            drafts.save_signature(
                db,
                inspection_id,
                signature.role,
                signer_name=signature.signer_name,
                strokes=attached.strokes[signature.role],
                png=attached.pngs[signature.role],
                declined_reason=signature.declined_reason,
            )
            db.execute(
                "UPDATE signatures SET signed_at = ? WHERE inspection_id = ? AND role = ?",
                [signature.signed_at, inspection_id, signature.role],
            )
        _check_round_trip(db, inspection_id, document, sha256)
        audit.append(db, "import", inspection_id, {"sha256": sha256})
    return inspection_id


def _check_round_trip(
    db: Database, inspection_id: str, document: InspectionDocument, sha256: str
) -> None:
    """The rows written must give back the very document of the file (and so its hash): a
    score or order edited in the file, with its sha256 recomputed, is refused here."""
    # The anchor is of the laptop that finalized it: kept as the file has it, not a row here.
    rebuilt = build_document(db, inspection_id, audit_anchor=document.audit_anchor).to_dict()
    if canonical_sha256(rebuilt) == sha256:
        return
    wanted = document.to_dict()
    part = next((key for key in wanted if wanted[key] != rebuilt.get(key)), "inspection")
    raise InvalidImport(
        QT_TRANSLATE_NOOP(
            "Errors",
            "بخش {part} پرونده با آنچه از داده‌هایش ساخته می‌شود نمی‌خواند (ویرایش دستی؟)",
        ),
        part=part,
    )
