"""Enrolled laptops whose inspections the console reviews: finalized after enrolment (so each
report is signed with the certificate the governorate issued) and synced to the server."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from inspector_app.services import finalize
from inspector_app.services.context import AppContext
from inspector_app.services.signing import identity as identity_service
from inspector_app.services.sync import runner
from inspector_app.storage import drafts, offices
from tests.helpers.server import ServerProcess
from tests.sync.factory import PASSPHRASE, _answer_required, make_draft, make_laptop

FINDING = "تابلوی نرخ خدمات نصب نشده است"
CORRECTIVE = "نصب تابلو در دید مراجعان"
DEADLINE = "2026-12-20"  # ۱۴۰۵-۰۹-۲۹


@dataclass
class Laptop:
    ctx: AppContext
    ids: list[str]


def synced_laptop(
    server: ServerProcess, folder: Path, holder: str, count: int, *, seed: int
) -> Laptop:
    ctx = make_laptop(folder, holder=holder)
    code = server.enrol_code(holder)
    runner.enrol(ctx, server.url, code, PASSPHRASE, allow_insecure_http=True)
    rng = random.Random(seed)
    stored = identity_service.active_identity(ctx.db)
    codes = [str(o["code"]) for o in offices.list_offices(ctx.db, status="active")]
    ids = []
    for index in range(count):
        draft = make_draft(ctx, rng, codes[(index + seed) % len(codes)], full=True)
        drafts.save_finding(
            ctx.db, draft, description=FINDING, corrective_action=CORRECTIVE, deadline=DEADLINE
        )
        if finalize.check_ready(ctx.db, draft):
            _answer_required(ctx, draft)
        finalize.finalize(ctx.db, draft, stored, PASSPHRASE)  # the real report, signed
        ids.append(draft)
    report = runner.run_sync(ctx)
    assert sorted(report.sent) == sorted(ids), report.as_dict()
    return Laptop(ctx, ids)
