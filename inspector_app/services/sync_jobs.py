"""Sync work for the desktop app's worker threads: each call opens a context of its own on the
same data folder (the GUI's connection stays with the GUI thread)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspector_app.services.context import open_context
from inspector_app.services.sync import runner
from inspector_app.services.sync.client import SyncClient


def run_sync(
    data_dir: Path, force: bool, report_progress: Callable[[int, int], None]
) -> runner.SyncReport:
    """Send what is queued (`force`: failed items too, before their backoff), then fetch
    updates; `report_progress(done, total)` as items go."""
    context = open_context(data_dir, seed_demo=False)
    try:
        return runner.run_sync(
            context, force=force, progress=lambda done, total, _id: report_progress(done, total)
        )
    finally:
        context.close()


def probe(url: str, cert_pem: str | None, allow_insecure_http: bool) -> bool:
    """Whether the server answers /health (with its pinned certificate, if any); a certificate
    other than the pinned one raises CertificateChanged."""
    with SyncClient(url, pinned_cert_pem=cert_pem, allow_insecure_http=allow_insecure_http) as c:
        return c.health()


def enrol(
    data_dir: Path,
    url: str,
    code: str,
    passphrase: str,
    pin: str | None,
    allow_insecure_http: bool = False,
) -> dict[str, Any]:
    context = open_context(data_dir, seed_demo=False)
    try:
        return runner.enrol(
            context,
            url,
            code,
            passphrase,
            pin_sha256=pin,
            allow_insecure_http=allow_insecure_http,
        )
    finally:
        context.close()
