"""Conflicts a person settles: one inspection id received again with other content.

Ingest (server/ingest.py) records each refused version once, keeps its bundle in the file
store and answers 409; nothing held is overwritten. Here a person lists them, reads what
differs, extracts both versions to open them, and resolves each once, for good, saying who
and why:

* `stored`: the held version stays; the received one is kept only as the refused bundle.
* `received`: the received version takes the held one's place (its row, «no» answers and
  files), so the province figures count it instead. The stored version's files stay in the
  file store, listed in the resolution, so the conflict can still be shown and extracted.
* `both`: the received version is held as a separate inspection, counted in the figures as one
  more visit (with its own `replaces`, if it has one). It gets the id `<id>-c<conflict>`: the
  server cannot give it a new id of its own, because its canonical JSON and the PDF the
  inspector signed name the original id and changing them would break the signature; the
  derived id says where it came from, and the resolution row links the two.

A laptop learns of the resolution at its next sync: the version it sends is then one a
person has settled, and the upload is answered "already there".
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Connection, Engine, select, update
from sqlalchemy.exc import IntegrityError

from inspector_app.domain.bundle import BundleError, read_inspection_bundle
from inspector_app.domain.canonical import sha256_hex
from inspector_app.domain.inspection_document import DocumentError, InspectionDocument
from inspector_app.domain.jalali import utc_now_iso
from inspector_app.errors import KnownError
from inspector_app.server import accounts
from inspector_app.server.accounts import Device
from inspector_app.server.conflict_diff import Difference, compare
from inspector_app.server.database import (
    conflict_resolutions_t,
    conflicts_t,
    inspection_files_t,
    inspections_t,
)
from inspector_app.server.filestore import FileStore
from inspector_app.server.ingest import Rejected, keep_received

Keep = Literal["stored", "received", "both"]
KEEPS: tuple[Keep, ...] = ("stored", "received", "both")


class BadConflictInput(KnownError):
    """An unknown conflict id, an empty reason: bad input (exit 2)."""

    exit_code = 2


class ResolveRefused(KnownError):
    """The conflict cannot be resolved so (already resolved, the stored version changed, the
    sending device revoked, the kept bundle damaged)."""


@dataclass(frozen=True)
class Resolution:
    keep: str
    new_inspection_id: str | None
    resolved_by: str
    reason: str
    resolved_at: str


@dataclass(frozen=True)
class Conflict:
    id: int
    inspection_id: str
    office_code: str
    office_name: str
    inspector_name: str
    stored_sha256: str
    received_sha256: str
    bundle_sha256: str
    source: str
    device_id: str | None
    received_at: str
    resolution: Resolution | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Version:
    """One version of the inspection: its canonical bytes, signed PDF and photos."""

    sha256: str
    canonical_json: bytes
    pdf: bytes
    photos: dict[str, bytes]

    @property
    def document(self) -> InspectionDocument:
        return InspectionDocument.parse(json.loads(self.canonical_json))


def _resolution(row: Any) -> Resolution | None:
    if row["keep"] is None:
        return None
    return Resolution(
        row["keep"], row["new_inspection_id"], row["resolved_by"], row["reason"], row["r_at"]
    )


def _query() -> Any:
    c, r, i = conflicts_t.c, conflict_resolutions_t.c, inspections_t.c
    return (
        select(
            conflicts_t,
            r.keep,
            r.new_inspection_id,
            r.resolved_by,
            r.reason,
            r.resolved_at.label("r_at"),
            i.office_code,
            i.inspector_name,
            i.canonical_json,
        )
        .outerjoin(conflict_resolutions_t, r.conflict_id == c.id)
        .outerjoin(inspections_t, i.id == c.inspection_id)
        .order_by(c.id)
    )


def _conflict(row: Any) -> Conflict:
    office: Any = json.loads(row["canonical_json"]).get("office") if row["canonical_json"] else {}
    return Conflict(
        id=row["id"],
        inspection_id=row["inspection_id"],
        office_code=row["office_code"] or "",
        office_name=str(office.get("name") or "") if isinstance(office, dict) else "",
        inspector_name=row["inspector_name"] or "",
        stored_sha256=row["stored_sha256"],
        received_sha256=row["received_sha256"],
        bundle_sha256=row["bundle_sha256"],
        source=row["source"],
        device_id=row["device_id"],
        received_at=row["received_at"],
        resolution=_resolution(row),
    )


def list_conflicts(engine: Engine) -> list[Conflict]:
    with engine.connect() as conn:
        return [_conflict(row) for row in conn.execute(_query()).mappings()]


def get(engine: Engine, conflict_id: int) -> Conflict:
    with engine.connect() as conn:
        row = conn.execute(_query().where(conflicts_t.c.id == conflict_id)).mappings().first()
    if row is None:
        raise BadConflictInput(f"no conflict with id {conflict_id} (see: conflicts list)")
    return _conflict(row)


# --- the two versions ----------------------------------------------------------------------


def _from_files(files: FileStore, sha256: str, names: dict[str, str]) -> Version:
    photos = {
        name.removeprefix("photos/").removesuffix(".jpg"): files.get(digest)
        for name, digest in names.items()
        if name.startswith("photos/")
    }
    return Version(
        sha256, files.get(names["canonical.json"]), files.get(names["report.pdf"]), photos
    )


def _from_bundle(files: FileStore, sha256: str, bundle_sha256: str) -> Version:
    parts = read_inspection_bundle(files.get(bundle_sha256)).parts
    return Version(sha256, parts.canonical_json, parts.signed_pdf, dict(parts.photos))


def _version(conn: Connection, files: FileStore, inspection_id: str, sha256: str) -> Version:
    """The version of `inspection_id` with this hash, wherever it is now: held, replaced by a
    resolution (its files listed there), or a refused bundle."""
    held = conn.execute(
        select(inspections_t.c.canonical_sha256).where(inspections_t.c.id == inspection_id)
    ).scalar_one_or_none()
    if held == sha256:
        rows = conn.execute(
            select(inspection_files_t.c.name, inspection_files_t.c.sha256).where(
                inspection_files_t.c.inspection_id == inspection_id
            )
        ).all()
        return _from_files(files, sha256, {name: digest for name, digest in rows})
    c, r = conflicts_t.c, conflict_resolutions_t.c
    replaced = conn.execute(
        select(r.stored_files)
        .join(conflicts_t, c.id == r.conflict_id)
        .where(c.inspection_id == inspection_id, c.stored_sha256 == sha256, r.keep == "received")
    ).scalar()
    if replaced:
        return _from_files(files, sha256, json.loads(replaced))
    bundle = conn.execute(
        select(c.bundle_sha256).where(c.inspection_id == inspection_id, c.received_sha256 == sha256)
    ).scalar()
    if bundle is None:
        raise ResolveRefused(f"version {sha256[:12]} of {inspection_id} is no longer on the server")
    return _from_bundle(files, sha256, bundle)


def versions(engine: Engine, files: FileStore, conflict: Conflict) -> tuple[Version, Version]:
    """(stored, received), read back from the file store and checked against their hashes."""
    try:
        with engine.connect() as conn:
            pair = tuple(
                _version(conn, files, conflict.inspection_id, sha)
                for sha in (conflict.stored_sha256, conflict.received_sha256)
            )
    except (OSError, KeyError, ValueError, BundleError) as exc:
        raise ResolveRefused(
            f"the files of conflict {conflict.id} cannot be read from the file store: {exc}"
        ) from exc
    for version in pair:
        if sha256_hex(version.canonical_json) != version.sha256:
            raise ResolveRefused(f"the stored copy of version {version.sha256[:12]} is damaged")
    return pair[0], pair[1]


def difference(engine: Engine, files: FileStore, conflict: Conflict) -> Difference:
    stored, received = versions(engine, files, conflict)
    try:
        return compare(stored.document, received.document)
    except (DocumentError, ValueError) as exc:
        raise ResolveRefused(f"a version of conflict {conflict.id} does not read: {exc}") from exc


def extract(engine: Engine, files: FileStore, conflict: Conflict, out: Path) -> list[Path]:
    """Both versions into `out/stored/` and `out/received/`: canonical.json (the hashed
    bytes), report.pdf (as signed) and the photos."""
    written = []
    try:
        for label, version in zip(
            ("stored", "received"), versions(engine, files, conflict), strict=True
        ):
            folder = out / label
            (folder / "photos").mkdir(parents=True, exist_ok=True)
            contents = {"canonical.json": version.canonical_json, "report.pdf": version.pdf}
            contents.update({f"photos/{pid}.jpg": jpeg for pid, jpeg in version.photos.items()})
            for name, data in contents.items():
                (folder / name).write_bytes(data)
                written.append(folder / name)
    except OSError as exc:
        raise KnownError(f"cannot write the versions: {exc}", where=str(out)) from exc
    return written


# --- resolving -----------------------------------------------------------------------------


def separate_id(inspection_id: str, conflict_id: int) -> str:
    """The id a received version kept beside the stored one gets (ids are at most 64)."""
    suffix = f"-c{conflict_id}"
    return inspection_id[: 64 - len(suffix)] + suffix


def resolve(
    engine: Engine,
    files: FileStore,
    conflict_id: int,
    keep: Keep,
    *,
    reason: str,
    by: str,
) -> Conflict:
    """Settle the conflict once; everything in one transaction, so it happens whole or not."""
    if keep not in KEEPS:
        raise BadConflictInput(f"--keep must be one of {', '.join(KEEPS)}")
    reason, by = reason.strip(), by.strip()
    if not reason or not by:
        raise BadConflictInput("a resolution needs --reason (why) and a name (--by)")
    conflict = get(engine, conflict_id)
    if conflict.resolution is not None:
        raise _already(conflict)
    device = None if keep == "stored" else _sender(engine, conflict)
    try:
        with engine.begin() as conn:
            new_id, stored_files = _apply(conn, files, conflict, keep, device)
            done = conn.execute(
                update(conflicts_t)
                .where(conflicts_t.c.id == conflict_id, conflicts_t.c.resolved_at.is_(None))
                .values(resolved_at=utc_now_iso())
            )
            if done.rowcount != 1:
                raise _already(get(engine, conflict_id))
            conn.execute(
                conflict_resolutions_t.insert().values(
                    conflict_id=conflict_id,
                    keep=keep,
                    new_inspection_id=new_id,
                    stored_files=stored_files,
                    resolved_by=by,
                    reason=reason,
                    resolved_at=utc_now_iso(),
                )
            )
    except IntegrityError as exc:  # a racing resolution, or the separate id already taken
        raise ResolveRefused(f"conflict {conflict_id} was not resolved: {exc.orig}") from exc
    return get(engine, conflict_id)


def _already(conflict: Conflict) -> ResolveRefused:
    r = conflict.resolution
    done = f" ({r.keep}, by {r.resolved_by} at {r.resolved_at})" if r else ""
    return ResolveRefused(f"conflict {conflict.id} is already resolved{done}; that is final")


def _sender(engine: Engine, conflict: Conflict) -> Device:
    device = next((d for d in accounts.list_devices(engine) if d.id == conflict.device_id), None)
    if device is None or device.revoked_at:
        raise ResolveRefused(
            f"the device that sent the received version ({conflict.device_id}) has been revoked "
            "since; its version cannot be taken in"
        )
    return device


def _apply(
    conn: Connection, files: FileStore, conflict: Conflict, keep: Keep, device: Device | None
) -> tuple[str | None, str | None]:
    """The held data changed as `keep` says: (the separate id, the replaced version's files)."""
    if keep == "stored" or device is None:
        return None, None
    held = conn.execute(
        select(inspections_t.c.canonical_sha256).where(inspections_t.c.id == conflict.inspection_id)
    ).scalar_one_or_none()
    if keep == "received" and held != conflict.stored_sha256:
        raise ResolveRefused(
            f"{conflict.inspection_id} is no longer held as the version this conflict compared "
            "(another resolution replaced it); keep stored or both instead"
        )
    stored_files = None
    if keep == "received":
        rows = conn.execute(
            select(inspection_files_t.c.name, inspection_files_t.c.sha256).where(
                inspection_files_t.c.inspection_id == conflict.inspection_id
            )
        ).all()
        stored_files = json.dumps({name: digest for name, digest in rows}, sort_keys=True)
    as_id = separate_id(conflict.inspection_id, conflict.id) if keep == "both" else None
    try:
        data = files.get(conflict.bundle_sha256)
        held_as = keep_received(conn, files, data, device, conflict.source, as_id=as_id)
    except OSError as exc:
        raise ResolveRefused(f"the received bundle cannot be read: {exc}") from exc
    except Rejected as exc:
        problems = "; ".join(exc.problems)
        raise ResolveRefused(
            f"the received version no longer checks out: {exc.reason} {problems}"
        ) from exc
    return (held_as if keep == "both" else None), stored_files
