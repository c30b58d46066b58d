"""One sync run: send the outbox, then pull registry and form updates.

Only one run per data folder at a time (sync/lock.py); whatever a crashed run left `sending`
goes back to pending first. Each inspection is retried a few times within the run (short
exponential backoff) on transient failures; when the server stays unreachable the run stops
and the item's next automatic attempt is scheduled with the persisted backoff.
"""

from __future__ import annotations

import logging
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from inspector_app.domain.jalali import to_iso, utc_now
from inspector_app.errors import QT_TRANSLATE_NOOP, KnownError, fill
from inspector_app.services.context import AppContext
from inspector_app.services.signing import csr
from inspector_app.services.signing import identity as identity_service
from inspector_app.services.sync import (
    anchor,
    bundles,
    config,
    outbox,
    reviews,
    revocations,
    updates,
)
from inspector_app.services.sync.client import (
    CERTIFICATE_CHANGED,
    CERTIFICATE_UNTRUSTED,
    UNREACHABLE,
    CertificateChanged,
    ServerUnreachable,
    SyncClient,
    SyncError,
    Unauthorized,
    fetch_server_certificate,
    is_plain_http,
    normalize_fingerprint,
)
from inspector_app.services.sync.lock import sync_lock
from inspector_app.storage import audit, lifecycle, settings
from inspector_app.storage.db import writing

log = logging.getLogger(__name__)

IN_RUN_RETRIES = 3
IN_RUN_DELAY = 0.5  # seconds, doubled per retry

Progress = Callable[[int, int, str], None]  # (done, total, inspection id)


SERVER_ERROR = QT_TRANSLATE_NOOP("Errors", "خطای سرور {status}: {detail}")
REFUSED = QT_TRANSLATE_NOOP("Errors", "سرور نپذیرفت ({status}): {detail} {problems}")
# The failure reasons kept in the outbox as Persian text, with their variable parts: the UI
# reads them back through these to show them in its own language.
STORED_FAILURES = (SERVER_ERROR, REFUSED, UNREACHABLE, CERTIFICATE_CHANGED, CERTIFICATE_UNTRUSTED)

# The server address for which plain http was allowed at enrolment (--allow-insecure-http);
# any other http address is refused.
INSECURE_HTTP_SERVER = "sync.insecure_http_server"


@dataclass
class SyncReport:
    sent: list[str] = field(default_factory=list)
    already_there: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    remaining: int = 0
    recovered: int = 0
    updates: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    problem: KnownError | None = None  # what `error` says, for showing in the UI's language

    @property
    def ok(self) -> bool:
        return not (self.failed or self.conflicts or self.error or self.remaining)

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "sent": self.sent,
            "already_there": self.already_there,
            "conflicts": self.conflicts,
            "failed": self.failed,
            "remaining": self.remaining,
            "recovered": self.recovered,
            "updates": self.updates,
            "error": self.error,
        }


# --- enrolment -----------------------------------------------------------------------------------


def enrol(
    context: AppContext,
    server_url: str,
    code: str,
    passphrase: str,
    *,
    pin_sha256: str | None = None,
    device_name: str | None = None,
    allow_insecure_http: bool = False,
) -> dict[str, Any]:
    """Enrol this laptop with the one-time code: send a CSR signed with the inspector's key
    (unlocked with `passphrase`), take the governorate's certificate as the active identity and
    pin its root; keep the token, pinned server certificate, update key and CRL. With
    `pin_sha256`, the server's certificate must have that fingerprint. A plain http address is
    refused unless `allow_insecure_http` (then remembered for it)."""
    server_url = server_url.strip().rstrip("/")
    if not server_url.startswith(("http://", "https://")):
        raise SyncError(
            QT_TRANSLATE_NOOP("Errors", "نشانی سرور باید با http:// یا https:// آغاز شود.")
        )
    pinned_pem: str | None = None
    if pin_sha256:
        pem, actual = fetch_server_certificate(server_url)
        if actual != normalize_fingerprint(pin_sha256):
            raise SyncError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "اثر انگشت گواهی سرور با آنچه داده شده نمی‌خواند؛ ممکن است سرور دیگری در "
                    "میان باشد. ثبت‌نام انجام نشد. (اثر انگشت سرور: {actual})",
                ),
                actual=actual,
            )
        pinned_pem = pem
    stored = identity_service.active_identity(context.db)
    unlocked = identity_service.unlock_stored(stored, passphrase)
    previous = config.load(context.db)
    insecure = allow_insecure_http and is_plain_http(server_url)
    with SyncClient(
        server_url, pinned_cert_pem=pinned_pem, allow_insecure_http=allow_insecure_http
    ) as client:
        reply = client.enrol(
            code.strip(),
            csr.certificate_request(unlocked),
            device_name or platform.node()[:100],
            previous.token,
        )
    root_pem = str(reply["ca_root_pem"])
    issued = csr.check_issued(stored, str(reply["certificate_pem"]), root_pem)
    crl_pem = str(reply.get("crl_pem") or "")
    with writing(context.db):
        csr.adopt_issued(context.db, stored, issued, root_pem)
        settings.put(context.db, config.CA_ROOT, root_pem)
        settings.put(context.db, config.CRL, crl_pem)
        settings.put(context.db, config.ETAG_CRL, "")
        settings.put(context.db, config.SERVER_URL, server_url)
        config.save_token(context.db, str(reply["token"]))
        settings.put(context.db, config.DEVICE_ID, str(reply["device_id"]))
        settings.put(context.db, config.UPDATE_KEY, str(reply["update_key"]))
        settings.put(context.db, config.SERVER_CERT, pinned_pem or "")
        settings.put(context.db, config.SERVER_PIN, normalize_fingerprint(pin_sha256 or ""))
        settings.put(context.db, INSECURE_HTTP_SERVER, server_url if insecure else "")
        settings.put(context.db, config.ENROLLED_AT, to_iso(utc_now()))
        settings.put(context.db, config.ETAG_REGISTRY, "")
        settings.put(context.db, config.ETAG_FORMS, "")
        audit.append(
            context.db,
            "enrol",
            None,
            {
                "server": server_url,
                "device": reply["device_id"],
                "pinned": bool(pinned_pem),
                "insecure_http": insecure,
                "certificate": reply.get("cert_fingerprint"),
            },
        )
    return {
        "server": server_url,
        "device_id": reply["device_id"],
        "inspector_name": reply.get("inspector_name", ""),
        "cert_fingerprint": reply.get("cert_fingerprint"),
        "pinned": bool(pinned_pem),
        "insecure_http": insecure,
    }


def insecure_http_allowed(context: AppContext) -> bool:
    """Whether the configured server is plain http that was allowed at its enrolment."""
    url = config.load(context.db).server_url
    return bool(url) and settings.get(context.db, INSECURE_HTTP_SERVER) == url


def client_for(context: AppContext) -> SyncClient:
    cfg = config.load(context.db)
    if not cfg.enrolled:
        raise SyncError(
            QT_TRANSLATE_NOOP(
                "Errors", "این دستگاه هنوز در سرور استانداری ثبت‌نام نشده است (inspector-app enrol)."
            )
        )
    return SyncClient(
        cfg.server_url,
        cfg.token,
        pinned_cert_pem=cfg.server_cert_pem,
        allow_insecure_http=insecure_http_allowed(context),
    )


# --- the run -------------------------------------------------------------------------------------


def run_sync(
    context: AppContext,
    *,
    force: bool = True,
    progress: Progress | None = None,
    pull_updates: bool = True,
    sleep: Callable[[float], None] = time.sleep,
) -> SyncReport:
    """Send what is due (everything pending or failed if `force`, as for "Sync now"; only what
    waited out its backoff otherwise), then pull updates."""
    report = SyncReport()
    db = context.db
    with sync_lock(context.data_dir):
        report.recovered = outbox.recover(db)
        lifecycle.queue_finalized(db)
        settings.put(db, config.LAST_ATTEMPT, to_iso(utc_now()))
        due = outbox.to_send(db, force=force)
        with client_for(context) as client:
            try:
                _send_all(context, client, due, report, progress, sleep)
                if pull_updates:
                    report.updates = pull(context, client).as_dict()
                # Last, so the head sent covers this run's own entries (sync, updates).
                anchor.send_head(context, client)
            except (SyncError, updates.UpdateNotSigned, updates.PlanUnreadable) as exc:
                # unreachable, unauthorized, refused, intercepted, an unsigned update, the
                # audit log's head refused by the server (cut or rewritten)
                report.error, report.problem = exc.message, exc
        counts = outbox.counts(db)
        report.remaining = counts.get("pending", 0) + counts.get("sending", 0)
        if not report.error and not report.failed:
            settings.put(db, config.LAST_SYNC, to_iso(utc_now()))
    return report


def _send_all(
    context: AppContext,
    client: SyncClient,
    due: list[str],
    report: SyncReport,
    progress: Progress | None,
    sleep: Callable[[float], None],
) -> None:
    db = context.db
    server = client.base_url
    for index, inspection_id in enumerate(due):
        if progress:
            progress(index, len(due), inspection_id)
        outbox.mark_sending(db, inspection_id)
        try:
            data = bundles.inspection_bundle(db, inspection_id)
        except KnownError as exc:
            outbox.mark_failed(db, inspection_id, exc.message, retry=False)
            report.failed[inspection_id] = exc.message
            continue
        try:
            status, body = _upload_with_retries(client, inspection_id, data, sleep)
        except (ServerUnreachable, CertificateChanged) as exc:
            outbox.mark_failed(db, inspection_id, exc.message)
            report.failed[inspection_id] = exc.message
            raise
        except Unauthorized as exc:
            outbox.mark_failed(db, inspection_id, exc.message, retry=False)
            report.failed[inspection_id] = exc.message
            raise
        detail = str(body.get("detail") or "")
        if status in (200, 201) and body.get("inspection_id") == inspection_id:
            outcome = "stored" if status == 201 else "already_there"
            lifecycle.mark_synced(
                db,
                inspection_id,
                server=server,
                outcome=outcome,
                sha256=str(body.get("canonical_sha256")),
            )
            (report.sent if status == 201 else report.already_there).append(inspection_id)
        elif status == 409:
            message = QT_TRANSLATE_NOOP(
                "Errors",
                "سرور بازرسی دیگری با همین شناسه و محتوای متفاوت دارد؛ برای بررسی به کارشناس "
                "استانداری ارجاع شد.",
            )
            outbox.mark_conflict(db, inspection_id, message)
            report.conflicts.append(inspection_id)
        elif status >= 500 or status in (408, 429):
            message = fill(SERVER_ERROR, {"status": status, "detail": detail}).strip()
            outbox.mark_failed(db, inspection_id, message)
            report.failed[inspection_id] = message
        else:
            problems = "؛ ".join(str(p) for p in body.get("problems") or [])
            message = fill(REFUSED, {"status": status, "detail": detail, "problems": problems})
            message = message.strip()
            outbox.mark_failed(db, inspection_id, message, retry=False)
            report.failed[inspection_id] = message
        if progress:
            progress(index + 1, len(due), inspection_id)


def _upload_with_retries(
    client: SyncClient, inspection_id: str, data: bytes, sleep: Callable[[float], None]
) -> tuple[int, dict[str, Any]]:
    delay = IN_RUN_DELAY
    for attempt in range(IN_RUN_RETRIES):
        last = attempt == IN_RUN_RETRIES - 1
        try:
            reply = client.upload(inspection_id, data)
        except ServerUnreachable:
            if last:
                raise
        else:
            if (reply.status < 500 and reply.status not in (408, 429)) or last:
                return reply.status, reply.body
        log.info("upload of %s failed, retrying in %.1f s", inspection_id, delay)
        sleep(delay)
        delay *= 2
    raise AssertionError("unreachable")


def pull(context: AppContext, client: SyncClient) -> updates.UpdateReport:
    """Registry and forms, each fetched only if its ETag changed, each signed by the pinned
    update key (checked before anything is written); and the CA's revocation list, which its
    own signature protects."""
    db = context.db
    registry: bytes | None = None
    forms: dict[str, bytes] = {}
    reg = client.pull("/v1/registry", settings.get(db, config.ETAG_REGISTRY) or None)
    if reg.status == 200:
        updates.check_pulled(context, "registry", reg.raw, reg.signature, reg.as_of)
        registry = reg.raw
    frm = client.pull("/v1/forms", settings.get(db, config.ETAG_FORMS) or None)
    if frm.status == 200:
        updates.check_pulled(context, "forms", frm.raw, frm.signature, frm.as_of)
        forms = updates.forms_from_document(frm.raw)
    report = updates.apply(context, registry, forms)
    crl = client.pull("/v1/crl", settings.get(db, config.ETAG_CRL) or None)
    if crl.status == 200:
        report.crl_updated = revocations.keep(db, crl.raw, "/v1/crl")
        if crl.etag:
            settings.put(db, config.ETAG_CRL, crl.etag)
    if reg.status == 200 and reg.as_of:
        updates.taken(context, ["registry"], reg.as_of)
    if frm.status == 200 and frm.as_of:
        updates.taken(context, ["forms"], frm.as_of)
    if reg.status == 200 and reg.etag:
        settings.put(db, config.ETAG_REGISTRY, reg.etag)
    if frm.status == 200 and frm.etag:
        settings.put(db, config.ETAG_FORMS, frm.etag)
    reviewed = client.reviews()  # a server without the console answers 404: nothing to take
    if reviewed.status == 200:
        reviews.take(db, reviewed.body)
    plan = client.pull("/v1/visits", None)  # likewise a server without visit plans
    if plan.status == 200:
        updates.check_pulled(context, "visits", plan.raw, plan.signature, plan.as_of)
        assert plan.as_of is not None  # check_pulled refuses an answer without it
        report.visits = updates.take_visits(context, plan.raw, plan.as_of, "/v1/visits")
    return report


def status(context: AppContext) -> dict[str, Any]:
    cfg = config.load(context.db)
    return {
        "server_url": cfg.server_url,
        "enrolled": cfg.enrolled,
        "device_id": cfg.device_id,
        "pinned": bool(cfg.server_cert_pem),
        "insecure_http": is_plain_http(cfg.server_url),
        "last_sync": settings.get(context.db, config.LAST_SYNC),
        "counts": outbox.counts(context.db),
    }
