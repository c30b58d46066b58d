"""Taking in one inspection bundle, from an upload or a USB file, exactly once.

Order of checks: the bundle against itself (hashes, canonical form, references), then whether
this id is already held (same hash: already there; no further work), then the PDF signature
against the key the governorate certified for the device (server/signature.py), then the
store: files first (content-addressed, harmless if orphaned), then one database transaction.
A racing insert of the same id is resolved by the primary key and judged again, so two laptops
(or two server processes) cannot store it twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import Connection, Engine, and_, or_, select
from sqlalchemy.exc import IntegrityError

from inspector_app.domain.bundle import BundleError, CheckedInspection, read_inspection_bundle
from inspector_app.domain.canonical import sha256_hex
from inspector_app.domain.jalali import utc_now_iso
from inspector_app.server import accounts, figure_counts, replaced, revocation, visits
from inspector_app.server.accounts import Device
from inspector_app.server.database import (
    conflicts_t,
    failed_answers_t,
    inspection_files_t,
    inspections_t,
)
from inspector_app.server.filestore import FileStore
from inspector_app.server.signature import SignatureCheck, check_signature, examine

if TYPE_CHECKING:
    from inspector_app.pdf.verify import VerifyResult

Outcome = Literal["stored", "already_there", "conflict"]


class Rejected(Exception):
    """The bundle is refused; nothing was stored. `status` is the HTTP status to answer with."""

    def __init__(self, status: int, reason: str, problems: list[str] | None = None) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.problems = problems or []


@dataclass(frozen=True)
class IngestResult:
    outcome: Outcome
    inspection_id: str
    canonical_sha256: str
    stored_sha256: str


def ingest(
    engine: Engine,
    files: FileStore,
    data: bytes,
    *,
    device: Device | None,
    source: Literal["sync", "usb"],
    expected_id: str | None = None,
) -> IngestResult:
    try:
        checked = read_inspection_bundle(data, expected_id)
    except BundleError as exc:
        raise Rejected(400, f"bad bundle: {exc}") from exc
    except RecursionError as exc:  # JSON nested deeper than the parser goes
        raise Rejected(400, "bad bundle: JSON nested too deeply") from exc
    parts = checked.parts
    held = _held_hash(engine, parts.inspection_id)
    if held == parts.canonical_sha256:
        return IngestResult("already_there", parts.inspection_id, held, held)
    examined = examine(parts.signed_pdf)
    device = device or _device_for_usb(engine, examined.signer_key_sha256)
    check = _check_signature(engine, examined, device, parts.inspection_id, parts.canonical_sha256)
    _check_replaces(engine, checked, check)
    if held is not None:
        return _conflict(engine, files, data, checked, held, device, source)
    names = _store_files(files, checked)
    row = _row(checked, device, source, check)
    try:
        with engine.begin() as conn:
            _insert(conn, checked, row, names)
    except IntegrityError:
        held = _held_hash(engine, parts.inspection_id)
        if held is None:
            raise
        if held == parts.canonical_sha256:
            return IngestResult("already_there", parts.inspection_id, held, held)
        return _conflict(engine, files, data, checked, held, device, source)
    return IngestResult(
        "stored", parts.inspection_id, parts.canonical_sha256, parts.canonical_sha256
    )


def _insert(
    conn: Connection,
    checked: CheckedInspection,
    row: dict[str, Any],
    names: dict[str, tuple[str, int]],
) -> None:
    """The inspection's row, its «no» answers, its files and its share of the province
    figures, under `row["id"]`; the visit assignments it closes (server/visits.py), those of
    the inspector the signing key's certificate names."""
    inspection_id = row["id"]
    conn.execute(inspections_t.insert().values(**row))
    failed = checked.document.failed_checklist_items()
    if failed:
        conn.execute(
            failed_answers_t.insert(),
            [{"inspection_id": inspection_id, "item_id": i, "item_text": t} for i, t in failed],
        )
    replaced.refresh(conn, [inspection_id, row["replaces"]])
    number = visits.certified_number(conn, row["device_id"], row["signer_key_sha256"])
    visits.close_for_inspection(
        conn, number, row["office_code"], row["visit_date"], inspection_id, row["received_at"]
    )
    conn.execute(
        inspection_files_t.insert(),
        [
            {"inspection_id": inspection_id, "name": n, "sha256": d, "size": s}
            for n, (d, s) in names.items()
        ],
    )
    # Last: the uploads of one day, county and form add to the same rows, and on PostgreSQL
    # each waits for the one before to commit; the fewer statements after, the shorter the line.
    figure_counts.add(conn, row, failed)


def _held_hash(engine: Engine, inspection_id: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(
            select(inspections_t.c.canonical_sha256).where(inspections_t.c.id == inspection_id)
        ).scalar_one_or_none()


def _device_for_usb(engine: Engine, key: str | None) -> Device:
    """A USB bundle carries no token: it belongs to the enrolled device whose certified key
    signed the PDF (checked in full right after). A revoked device or certificate has none."""
    device = accounts.device_for_key(engine, key) if key else None
    if device is None:
        raise Rejected(422, "the PDF is not signed by the key of any enrolled, unrevoked inspector")
    return device


def _check_signature(
    db: Engine | Connection,
    examined: VerifyResult,
    device: Device,
    inspection_id: str,
    canonical_sha256: str,
) -> SignatureCheck:
    check = check_signature(
        examined,
        device.key_sha256,
        partial(revocation.certificate_status, db),
        inspection_id,
        canonical_sha256,
    )
    if not check.ok:
        raise Rejected(422, "the signed PDF does not check out", check.problems)
    return check


def _check_replaces(engine: Engine, checked: CheckedInspection, check: SignatureCheck) -> None:
    """A correction may replace only an inspection the server holds that the same key signed
    (the key the governorate certified: before and after enrolment the inspector signs with
    it), for the same office: otherwise one laptop could drop another inspector's work from
    the province figures. The key, not the holder name: a self-signed certificate can carry
    any name."""
    replaces = checked.document.replaces
    if replaces is None:
        return
    with engine.connect() as conn:
        original = conn.execute(
            select(inspections_t.c.signer_key_sha256, inspections_t.c.office_code).where(
                inspections_t.c.id == replaces
            )
        ).first()
    if original is None:
        raise Rejected(
            422, f"the inspection this correction replaces ({replaces}) is not on the server"
        )
    if not check.signer_key_sha256 or original[0] != check.signer_key_sha256:
        raise Rejected(
            403, f"the inspection this correction replaces ({replaces}) was signed by another "
            "inspector's key: only its own inspector can correct it",
        )  # fmt: skip
    if original[1] != str(checked.document.office.get("code") or ""):
        raise Rejected(
            422, f"the inspection this correction replaces ({replaces}) is of another office"
        )


def _store_files(files: FileStore, checked: CheckedInspection) -> dict[str, tuple[str, int]]:
    parts = checked.parts
    contents: dict[str, bytes] = {
        "canonical.json": parts.canonical_json,
        "report.pdf": parts.signed_pdf,
    }
    contents.update({f"photos/{pid}.jpg": jpeg for pid, jpeg in parts.photos.items()})
    contents.update({f"signatures/{role}.png": png for role, png in parts.signatures.items()})
    return {name: (files.put(data), len(data)) for name, data in contents.items()}


def _row(
    checked: CheckedInspection, device: Device, source: str, check: SignatureCheck
) -> dict[str, Any]:
    doc = checked.document
    office = doc.office
    return {
        "id": checked.parts.inspection_id,
        "canonical_sha256": checked.parts.canonical_sha256,
        "source": source,
        "device_id": device.id,
        "signer_fingerprint": check.signer_fingerprint or "",
        "signer_key_sha256": check.signer_key_sha256 or "",
        "signer_issued": check.issued,
        "inspector_name": doc.inspector.name,
        "office_code": str(office.get("code") or ""),
        "office_type": str(office.get("type") or ""),
        "county": str(office.get("county") or ""),
        "visit_date": doc.visit_date[:10],
        "form_id": doc.form.id,
        "form_version": doc.form.version,
        "compliance": doc.score.compliance,
        "grade": doc.score.grade,
        "critical_failures": len(doc.score.critical_failures),
        "satisfaction": doc.score.satisfaction,
        "replaces": doc.replaces,
        "pdf_sha256": sha256_hex(checked.parts.signed_pdf),
        "canonical_json": checked.parts.canonical_json.decode("utf-8"),
        "received_at": utc_now_iso(),
    }


def _conflict(
    engine: Engine,
    files: FileStore,
    data: bytes,
    checked: CheckedInspection,
    held: str,
    device: Device,
    source: str,
) -> IngestResult:
    """Same id, different content: keep the refused bundle for a person, overwrite nothing.
    A version already refused is not recorded again (the same file imported twice, an upload
    retried); a version a person has settled (server/conflicts.py) is answered as there, so
    the laptop that sent it stops asking."""
    inspection_id, received = checked.parts.inspection_id, checked.parts.canonical_sha256
    earlier = _earlier_conflict(engine, inspection_id, received)
    if earlier == "settled":
        return IngestResult("already_there", inspection_id, received, held)
    if earlier is None:
        bundle_sha = files.put(data)
        try:
            with engine.begin() as conn:
                conn.execute(
                    conflicts_t.insert().values(
                        inspection_id=inspection_id,
                        stored_sha256=held,
                        received_sha256=received,
                        bundle_sha256=bundle_sha,
                        source=source,
                        device_id=device.id,
                        received_at=utc_now_iso(),
                    )
                )
        except IntegrityError:
            pass  # the same version, recorded by a racing upload or import a moment ago
    return IngestResult("conflict", inspection_id, received, held)


def _earlier_conflict(
    engine: Engine, inspection_id: str, sha256: str
) -> Literal["open", "settled"] | None:
    """Whether this version of the inspection was refused before: still "open", or "settled"
    (a person resolved a conflict over it, whichever version they kept)."""
    c = conflicts_t.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(c.received_sha256, c.resolved_at).where(
                c.inspection_id == inspection_id,
                or_(
                    c.received_sha256 == sha256,
                    and_(c.stored_sha256 == sha256, c.resolved_at.is_not(None)),
                ),
            )
        ).all()
    if any(resolved_at is not None for _sha, resolved_at in rows):
        return "settled"
    return "open" if rows else None


def keep_received(
    conn: Connection,
    files: FileStore,
    data: bytes,
    device: Device,
    source: str,
    *,
    as_id: str | None,
) -> str:
    """Store a conflict's refused version as a person decided (server/conflicts.py), in the
    caller's transaction: in place of the stored version, or beside it as `as_id`. The bundle
    is checked again as at upload (the file store could have been touched since); its canonical
    JSON and signed PDF stay as signed, naming the original id. Returns the id it is held as."""
    try:
        checked = read_inspection_bundle(data)
    except (BundleError, RecursionError) as exc:
        raise Rejected(400, f"the kept bundle no longer reads: {exc}") from exc
    parts = checked.parts
    check = _check_signature(
        conn, examine(parts.signed_pdf), device, parts.inspection_id, parts.canonical_sha256
    )
    row = _row(checked, device, source, check)
    earlier: str | None = None  # what the version given up replaced
    if as_id is None:
        earlier = conn.execute(
            select(inspections_t.c.replaces).where(inspections_t.c.id == parts.inspection_id)
        ).scalar_one_or_none()
        figure_counts.remove(conn, parts.inspection_id)
        for table in (failed_answers_t, inspection_files_t):
            conn.execute(table.delete().where(table.c.inspection_id == parts.inspection_id))
        conn.execute(inspections_t.delete().where(inspections_t.c.id == parts.inspection_id))
    else:
        row["id"] = as_id
    _insert(conn, checked, row, _store_files(files, checked))
    replaced.refresh(conn, [earlier])
    return str(row["id"])
