"""Registry and form updates from the governorate (pulled over HTTP or from a USB bundle).

Both paths must carry the governorate's update key signature (the key pinned at enrolment):
a USB bundle its signed manifest, a network answer its signature header. Then everything is
checked before anything is written: the registry rows against the registry
schema, each form against the form schema. Then the registry goes in one transaction and each
form file is written atomically into DATA_DIR/forms/ under a name matched against a fixed
pattern (never a path taken from the bundle). A USB bundle signed by the pinned key may also
carry the server certificates to pin from then on: that is how a pin is rotated; and the CA's
revocation list (services/sync/revocations.py).
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from pydantic import ValidationError

from inspector_app import paths
from inspector_app.domain import signed_updates, visit_plan
from inspector_app.domain.bundle import FORM_NAME_PATTERN, BundleError, read_updates_bundle
from inspector_app.domain.forms import load_form
from inspector_app.domain.jalali import from_iso
from inspector_app.domain.offices import OfficeRecord
from inspector_app.domain.visit_plan import VisitAssignment
from inspector_app.errors import QT_TRANSLATE_NOOP, FormError, InvalidImport, KnownError
from inspector_app.services.context import AppContext
from inspector_app.services.sync import config, revocations, visits
from inspector_app.services.sync.bundles import write_atomically
from inspector_app.storage import audit, offices, settings
from inspector_app.storage.db import writing

NOT_OURS = QT_TRANSLATE_NOOP(
    "Errors", "بستهٔ به‌روزرسانی با کلید استانداری شما امضا نشده است؛ چیزی تغییر نکرد."
)
NETWORK_NOT_OURS = QT_TRANSLATE_NOOP(
    "Errors",
    "پاسخ سرور ({resource}) با کلید به‌روزرسانی استانداری شما امضا نشده است: ممکن است کسی در "
    "میان راه آن را تغییر داده باشد. فرم‌ها و فهرست دفاتر تغییر نکردند. ({reason})",
)


class UpdateNotSigned(InvalidImport):
    """An update whose signature is missing or not by the pinned update key."""


class UpdateReplayed(InvalidImport):
    """A genuine update older than one already taken: an old answer or bundle given again."""


class PlanUnreadable(InvalidImport):
    """A signed visit plan that is not one (not JSON, another format): the old plan stays."""


PLAN_UNREADABLE = QT_TRANSLATE_NOOP(
    "Errors", "برنامهٔ بازدید خوانده نشد و برنامهٔ پیشین به جا ماند: {reason}"
)


REPLAYED = QT_TRANSLATE_NOOP(
    "Errors",
    "به‌روزرسانی {resource} کهنه‌تر از آن است که این رایانه دارد (از {as_of}، پس از {taken})؛ "
    "ممکن است کسی پاسخ یا بستهٔ قدیمی را دوباره فرستاده باشد. چیزی تغییر نکرد.",
)


@dataclass
class UpdateReport:
    registry_added: int = 0
    registry_changed: int = 0
    forms_written: list[str] = field(default_factory=list)
    server_pins: list[str] = field(default_factory=list)  # sha256 of the newly pinned certs
    crl_updated: bool = False  # a newer revocation list was kept
    visits: int | None = None  # the assignments of the visit plan kept, if one came

    def as_dict(self) -> dict[str, Any]:
        return {
            "registry_added": self.registry_added,
            "registry_changed": self.registry_changed,
            "forms_written": self.forms_written,
            "server_pins": self.server_pins,
            "crl_updated": self.crl_updated,
            "visits": self.visits,
        }


def parse_registry(content: bytes) -> list[OfficeRecord]:
    try:
        document = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "فهرست دفاتر JSON معتبر نیست: {reason}"), reason=exc
        ) from exc
    rows = document.get("offices") if isinstance(document, dict) else None
    if not isinstance(rows, list):
        raise InvalidImport(QT_TRANSLATE_NOOP("Errors", "فهرست دفاتر بخش «offices» ندارد"))
    records = []
    for index, row in enumerate(rows):
        try:
            records.append(OfficeRecord.model_validate(row))
        except ValidationError as exc:
            message = exc.errors()[0]["msg"]
            raise InvalidImport(
                QT_TRANSLATE_NOOP("Errors", "دفتر شمارهٔ {number} نامعتبر است: {reason}"),
                number=index + 1,
                reason=message,
            ) from exc
    return records


def check_forms(forms: dict[str, bytes]) -> None:
    """Each form must be a valid form file under an allowed name; raise before writing any."""
    with tempfile.TemporaryDirectory() as folder:
        for name, content in forms.items():
            if not FORM_NAME_PATTERN.match(name):
                raise InvalidImport(
                    QT_TRANSLATE_NOOP("Errors", "نام پروندهٔ فرم پذیرفتنی نیست: {name}"),
                    name=repr(name),
                )
            probe = Path(folder) / name
            probe.write_bytes(content)
            try:
                load_form(probe)
            except FormError as exc:
                raise InvalidImport(
                    QT_TRANSLATE_NOOP("Errors", "فرم {name} نامعتبر است: {reason}"),
                    name=name,
                    reason=exc,
                ) from exc


def apply(context: AppContext, registry: bytes | None, forms: dict[str, bytes]) -> UpdateReport:
    records = parse_registry(registry) if registry is not None else None
    check_forms(forms)
    report = UpdateReport()
    if records is not None:
        result = offices.upsert(context.db, records)
        report.registry_added, report.registry_changed = len(result.added), len(result.changed)
    folder = paths.downloaded_forms(context.data_dir)
    for name, content in sorted(forms.items()):
        target = folder / name
        if target.exists() and target.read_bytes() == content:
            continue
        write_atomically(target, content)
        report.forms_written.append(name)
    if report.forms_written:
        context.reload_forms()
    return report


def import_updates_bundle(context: AppContext, path: Path) -> tuple[UpdateReport, str]:
    """Apply a USB updates bundle; refuse it (changing nothing) if anything does not check out.

    The bundle must be signed by the governorate's update key: the one pinned at enrolment,
    or, on a laptop never enrolled, the one first seen (then pinned). Returns the key."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KnownError(
            QT_TRANSLATE_NOOP("Errors", "پرونده خوانده نشد: {reason}"), where=str(path), reason=exc
        ) from exc
    try:
        updates = read_updates_bundle(data)
    except BundleError as exc:
        raise InvalidImport(
            QT_TRANSLATE_NOOP(
                "Errors", "بستهٔ به‌روزرسانی دست‌کاری شده یا خراب است؛ چیزی تغییر نکرد ({reason})"
            ),
            where=str(path),
            reason=exc,
        ) from exc
    pinned = config.load(context.db).update_key
    if pinned and pinned != updates.signing_key:
        raise UpdateNotSigned(NOT_OURS, where=str(path))
    # New server certificates count only under the key pinned at enrolment (a first-seen key
    # vouches for nothing about the server).
    pins = None
    if pinned and updates.server_certificates is not None:
        pins = server_certificates(updates.server_certificates, str(path))
    if updates.revocations is not None:
        revocations.checked(context.db, updates.revocations, str(path))
    carried: list[signed_updates.Resource] = []
    if updates.registry is not None:
        carried.append("registry")
    if updates.forms:
        carried.append("forms")
    for resource in carried:
        refuse_if_older(context, resource, updates.created_at, str(path))
    if updates.visits is not None:  # refused before anything is written
        _plan(updates.visits, str(path))
    try:
        report = apply(context, updates.registry, updates.forms)
    except InvalidImport as exc:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "{reason}؛ چیزی تغییر نکرد."), where=str(path), reason=exc
        ) from exc
    if not pinned:
        settings.put(context.db, config.UPDATE_KEY, updates.signing_key)
    taken(context, carried, updates.created_at)
    # A plan older than the one kept is not taken back (as an older CRL is not): the bundle's
    # other parts still count.
    if updates.visits is not None and not _older(context, "visits", updates.created_at):
        report.visits = take_visits(context, updates.visits, updates.created_at, str(path))
    if updates.revocations is not None:
        report.crl_updated = revocations.keep(context.db, updates.revocations, str(path))
    if pins is not None:
        pem, report.server_pins = pins
        with writing(context.db):
            settings.put(context.db, config.SERVER_CERT, pem)
            settings.put(context.db, config.SERVER_PIN, ",".join(report.server_pins))
            audit.append(context.db, "pin", None, {"server_cert_sha256": report.server_pins})
    return report, updates.signing_key


def server_certificates(content: bytes, where: str) -> tuple[str, list[str]]:
    """The PEM certificates of a signed update and their sha256 fingerprints (of the DER)."""
    try:
        certificates = x509.load_pem_x509_certificates(content)
    except ValueError as exc:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "گواهی‌های سرور در بستهٔ به‌روزرسانی خوانده نشد: {reason}"),
            where=where,
            reason=exc,
        ) from exc
    pem = "".join(c.public_bytes(serialization.Encoding.PEM).decode("ascii") for c in certificates)
    fingerprints = [c.fingerprint(hashes.SHA256()).hex() for c in certificates]
    return pem, fingerprints


def check_pulled(
    context: AppContext,
    resource: signed_updates.Resource,
    content: bytes,
    signature: str | None,
    as_of: str | None,
) -> None:
    """A registry or forms answer from the server must be signed by the pinned update key,
    as a USB bundle must, and newer than the last one taken; raise UpdateNotSigned or
    UpdateReplayed (nothing written) otherwise."""
    pinned = config.load(context.db).update_key
    try:
        if not pinned:
            raise signed_updates.SignatureInvalid("no update key pinned at enrolment")
        signed_updates.verify(resource, content, signature, pinned, as_of)
    except signed_updates.SignatureInvalid as exc:
        raise UpdateNotSigned(NETWORK_NOT_OURS, resource=resource, reason=exc) from exc
    assert as_of is not None  # verify refuses an answer without it
    refuse_if_older(context, resource, as_of, resource)


def refuse_if_older(
    context: AppContext, resource: signed_updates.Resource, as_of: str, where: str
) -> None:
    """Refuse an update older than the last `resource` taken: a replayed one."""
    if _older(context, resource, as_of):
        taken = settings.get(context.db, config.AS_OF[resource])
        raise UpdateReplayed(REPLAYED, where=where, resource=resource, as_of=as_of, taken=taken)


def _older(context: AppContext, resource: signed_updates.Resource, as_of: str) -> bool:
    """Whether `as_of` is before the time of the last `resource` taken."""
    taken = settings.get(context.db, config.AS_OF[resource])
    try:
        return bool(taken) and from_iso(as_of) < from_iso(str(taken))
    except ValueError as exc:
        raise UpdateNotSigned(NETWORK_NOT_OURS, resource=resource, reason=exc) from exc


def taken(context: AppContext, resources: list[signed_updates.Resource], as_of: str) -> None:
    """Remember the server's time of the updates just applied."""
    for resource in resources:
        settings.put(context.db, config.AS_OF[resource], as_of)


def _plan(content: bytes, where: str) -> list[VisitAssignment]:
    try:
        return visit_plan.parse(content)
    except visit_plan.PlanInvalid as exc:
        raise PlanUnreadable(PLAN_UNREADABLE, where=where, reason=exc) from exc


def take_visits(context: AppContext, content: bytes, as_of: str, where: str) -> int:
    """Keep this inspector's assignments of a checked visit plan (refused before anything is
    written if it is not one); returns how many."""
    _plan(content, where)
    return visits.take(context.db, content, as_of)


def forms_from_document(content: bytes) -> dict[str, bytes]:
    """The forms list the server sends (`bazres.forms/1`) as name -> file bytes."""
    try:
        document = json.loads(content.decode("utf-8"))
        return {str(f["name"]): str(f["content"]).encode("utf-8") for f in document["forms"]}
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise InvalidImport(f"پاسخ فرم‌های سرور معتبر نیست: {exc}") from exc
