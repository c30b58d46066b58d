"""Finalizing an inspection: checks, canonical hash, report, PAdES signature, lock — all or nothing.

The slow part (render and sign) runs before the write; the write is one transaction that first
recomputes the canonical hash and refuses if the draft changed in the meantime. Any failure
before that transaction (a wrong passphrase above all) leaves the inspection a draft with no
outbox row and no audit entry.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from textwrap import shorten
from typing import Any

from sqlite_utils import Database

from inspector_app.domain.canonical import canonical_json, sha256_hex
from inspector_app.domain.inspection_document import AuditAnchor, followup_photo_item
from inspector_app.domain.jalali import (
    clock_time,
    from_iso,
    jalali_date,
    tehran_moment,
    to_iso,
    to_tehran,
    utc_now,
)
from inspector_app.errors import QT_TRANSLATE_NOOP, KnownError, NotFound, fill
from inspector_app.services import inspection_document
from inspector_app.services.signing import identity as identity_service
from inspector_app.services.signing import pdf_sign
from inspector_app.storage import (
    audit,
    contents,
    followups,
    inspections,
    lifecycle,
    report_numbers,
)
from inspector_app.storage.db import writing
from inspector_app.storage.identities import StoredIdentity

log = logging.getLogger(__name__)

# (db, inspection id, canonical sha256) -> the report PDF, unsigned.
Renderer = Callable[[Database, str, str], bytes]


class NotReady(KnownError):
    """The inspection cannot be finalized yet; `problems` says what is missing."""

    def __init__(self, problems: list[Problem]) -> None:
        lines = "\n".join(f"- {p.message}" for p in problems)
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "بازرسی هنوز آمادهٔ نهایی‌سازی نیست:\n{problems}"),
            problems=lines,
        )
        self.problems = problems


class ChangedWhileFinalizing(KnownError):
    """The draft changed between hashing and storing; nothing was finalized."""


@dataclass(frozen=True)
class Problem:
    """One thing missing before finalizing; `item_id` lets the editor jump to it."""

    code: str  # required_item | inspector_signature | representative_signature | departure
    # | departure_before_arrival | followup_evidence
    template: str  # Persian, marked for translation; `{name}` parts come from `params`
    item_id: str | None = None
    repeat_index: int = 0
    params: dict[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return fill(self.template, self.params)


@dataclass(frozen=True)
class FinalizeResult:
    inspection_id: str
    canonical_sha256: str
    finalized_at: str
    signing_time: str
    signer_fingerprint: str
    pdf_bytes: int


def check_ready(db: Database, inspection_id: str) -> list[Problem]:
    """Everything that still stops `inspection_id` from being finalized (empty: ready)."""
    row = inspections.get(db, inspection_id)
    if row["status"] != "draft":
        return [Problem("status", QT_TRANSLATE_NOOP("Errors", "این بازرسی پیش‌تر نهایی شده است."))]
    problems: list[Problem] = []
    form = inspections.form_of(db, inspection_id)
    for item_id, repeat in contents.score_of(db, inspection_id, form).open_required:
        try:
            text = form.item(item_id).text
        except KeyError:
            text = item_id
        template = (
            QT_TRANSLATE_NOOP("Errors", "پرسش الزامی بی‌پاسخ (مصاحبهٔ {n}): {text}")
            if repeat
            else QT_TRANSLATE_NOOP("Errors", "پرسش الزامی بی‌پاسخ: {text}")
        )
        params = {"text": text, "n": str(repeat)}
        problems.append(Problem("required_item", template, item_id, repeat, params))
    signatures = {s["role"]: s for s in contents.signatures_of(db, inspection_id)}
    inspector = signatures.get("inspector")
    if inspector is None or not inspector["png"]:
        problems.append(
            Problem("inspector_signature", QT_TRANSLATE_NOOP("Errors", "امضای بازرس ثبت نشده است."))
        )
    rep = signatures.get("representative")
    if rep is None or not (rep["png"] or (rep["declined_reason"] or "").strip()):
        problems.append(
            Problem(
                "representative_signature",
                QT_TRANSLATE_NOOP(
                    "Errors", "امضای نمایندهٔ دفتر یا دلیل امضا نکردن او ثبت نشده است."
                ),
            )
        )
    if not row["departure_at"]:
        problems.append(
            Problem(
                "departure", QT_TRANSLATE_NOOP("Errors", "ساعت پایان بازدید (خروج) ثبت نشده است.")
            )
        )
    elif row["arrival_at"] and from_iso(row["departure_at"]) < from_iso(row["arrival_at"]):
        problems.append(
            Problem(
                "departure_before_arrival",
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "ساعت خروج ({departure}) پیش از ساعت ورود ({arrival}) است؛ "
                    "ساعت‌های بازدید را درست کنید.",
                ),
                params={
                    "departure": clock_time(row["departure_at"]),
                    "arrival": clock_time(row["arrival_at"]),
                },
            )
        )
    return problems + _followups_without_evidence(db, inspection_id)


def _followups_without_evidence(db: Database, inspection_id: str) -> list[Problem]:
    """A corrective action found done is shown done: each needs a photo of it."""
    photographed = {p["item_id"] for p in contents.photos_of(db, inspection_id)}
    return [
        Problem(
            "followup_evidence",
            QT_TRANSLATE_NOOP("Errors", "پیگیری «{text}» انجام‌شده ثبت شده است اما عکس شاهد ندارد."),
            params={"text": shorten(f["description"], 80, placeholder="…")},
        )
        for f in followups.followups_of(db, inspection_id)
        if f["outcome"] == "done" and followup_photo_item(f["finding_id"]) not in photographed
    ]


def set_departure_now(db: Database, inspection_id: str, *, now: dt.datetime | None = None) -> str:
    """Store the departure as Tehran's clock now, on the visit date (as the editor shows it);
    a visit that went past midnight gets the moment itself."""
    row = inspections.get(db, inspection_id)
    instant = (now or utc_now()).astimezone(dt.UTC)
    moment = instant.replace(second=0, microsecond=0)
    clock = to_tehran(moment)
    stamp = tehran_moment(dt.date.fromisoformat(row["visit_date"]), clock.hour, clock.minute)
    arrival = from_iso(row["arrival_at"]) if row["arrival_at"] else None
    if arrival is not None and from_iso(stamp) < arrival <= instant:
        # Past midnight, or still the arrival's own minute: «now» is never before the arrival.
        stamp = to_iso(max(moment, arrival))
    inspections.update_header(db, inspection_id, departure_at=stamp)
    return stamp


def default_renderer(
    db: Database, inspection_id: str, canonical_sha256: str, *, number: str = "", at: str = ""
) -> bytes:
    """The report; `number` and `at` (ISO time) are those finalize is about to give it."""
    # Imported here: the report package is heavy (reportlab, fonts) and only needed now.
    from inspector_app.services.report.service import render_inspection_pdf

    return render_inspection_pdf(
        db, inspection_id, canonical_sha256=canonical_sha256, number=number, issued_at=at
    )


def _canonical(
    db: Database, inspection_id: str, anchor: AuditAnchor | None = None
) -> tuple[dict[str, Any], bytes, str]:
    document = inspection_document.canonical_document(db, inspection_id, audit_anchor=anchor)
    data = canonical_json(document)
    return document, data, sha256_hex(data)


def finalize(
    db: Database,
    inspection_id: str,
    identity: StoredIdentity,
    passphrase: str,
    *,
    render: Renderer | None = None,
    now: dt.datetime | None = None,
) -> FinalizeResult:
    """Hash, render, sign and lock `inspection_id`; raises KnownError and changes nothing on any
    failure (not ready, wrong passphrase, expired certificate, storage)."""
    problems = check_ready(db, inspection_id)
    if problems:
        raise NotReady(problems)
    moment = (now or utc_now()).astimezone(dt.UTC).replace(microsecond=0)
    # Unlock first: a wrong passphrase must cost the inspector no waiting for the report.
    unlocked = identity_service.unlock_for_signing(db, identity, passphrase, at=moment)
    # The log's head goes into the signed document, so the log cannot later lose or rewrite
    # entries up to it unseen. It is the last entry before the finalize entry, which records
    # this document's hash and so cannot be inside it.
    head = audit.head(db)
    anchor = AuditAnchor(seq=head.seq, hash=head.hash)
    _, data, digest = _canonical(db, inspection_id, anchor)
    row = inspections.get(db, inspection_id)
    stamp = to_iso(moment)
    # The number is read now to be printed, and taken only by the locking transaction below.
    year = int(jalali_date(moment, persian=False)[:4])
    number = report_numbers.next_number(db, year, row["inspector_personnel_no"])
    pdf = (render or partial(default_renderer, number=number, at=stamp))(db, inspection_id, digest)
    signed = pdf_sign.sign_pdf(
        pdf,
        unlocked,
        signing_time=moment,
        options=pdf_sign.SignOptions(personnel_no=row["inspector_personnel_no"]),
    )
    with writing(db):
        # In the transaction that locks it: nothing can change between this check and the lock.
        # Entries appended since the head was taken are fine; the head itself must still hold,
        # and the number printed must still be the next one (no other finalize took it).
        if (
            _canonical(db, inspection_id, anchor)[2] != digest
            or audit.check_anchors(db, [head])
            or report_numbers.next_number(db, year, row["inspector_personnel_no"]) != number
        ):
            raise ChangedWhileFinalizing(
                QT_TRANSLATE_NOOP(
                    "Errors", "بازرسی هنگام نهایی‌سازی تغییر کرد؛ چیزی نهایی نشد. دوباره تلاش کنید."
                )
            )
        lifecycle.finalize(
            db,
            inspection_id,
            canonical_json=data.decode("utf-8"),
            canonical_sha256=digest,
            signed_pdf=signed,
            signer_fingerprint=unlocked.fingerprint_sha256,
            at=stamp,
            report_number=number,
        )
    log.info("finalized %s (%s)", inspection_id, digest)
    return FinalizeResult(
        inspection_id=inspection_id,
        canonical_sha256=digest,
        finalized_at=stamp,
        signing_time=stamp,
        signer_fingerprint=unlocked.fingerprint_sha256,
        pdf_bytes=len(signed),
    )


def signed_pdf(db: Database, inspection_id: str) -> bytes:
    """The stored signed report of a finalized inspection."""
    row = db.execute(
        "SELECT signed_pdf FROM inspection_documents WHERE inspection_id = ?", [inspection_id]
    ).fetchone()
    if row is None:
        inspections.get(db, inspection_id)  # NotFound for an unknown id
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "این بازرسی هنوز نهایی نشده و گزارش امضاشده ندارد.")
        )
    return bytes(row[0])


def draft_pdf(db: Database, inspection_id: str, *, render: Renderer | None = None) -> bytes:
    """An unsigned report of the inspection as it stands now (with its current hash)."""
    _, _, digest = _canonical(db, inspection_id)
    return (render or default_renderer)(db, inspection_id, digest)
