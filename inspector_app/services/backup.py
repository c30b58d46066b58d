"""Backing the database up to a file, and restoring it from one without losing signed work.

A restore works on a copy of the backup (migrated, in a folder beside the database): the
current database is compared with it (`restore_check`), the finalized work the backup lacks is
carried into the copy, the copy is checked, the current state is kept in a safety copy, and
only then is the database replaced, in one transaction. Anything refused changes nothing.

A backup holds no device token: the token lives outside the database (services.sync.config),
and one an earlier version left in the settings table is moved out before the copy."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from inspector_app.domain.canonical import canonical_sha256
from inspector_app.domain.jalali import utc_now
from inspector_app.errors import QT_TRANSLATE_NOOP, KnownError, RecordLocked
from inspector_app.services import inspection_document, integrity
from inspector_app.services.restore_check import NOT_SYNCED, AtRisk, RestorePlan, compare
from inspector_app.services.sync import config
from inspector_app.storage import audit, carry_over
from inspector_app.storage import db as storage_db

_STAGING = ".restore-"  # the working copy's folder, beside the database
_ENROLMENT = "sync."  # every sync setting (services.sync.config) begins so
_REFETCH = "sync.etag."  # what the last registry, forms and CRL taken were (HTTP ETags)


class RestoreRefused(KnownError):
    """The restore would lose signed work or was not confirmed; nothing was changed."""


@dataclass(frozen=True)
class Restored:
    plan: RestorePlan
    safety: Path  # the state before the restore


def back_up(db: Database, target: Path) -> Path:
    """A consistent copy of the live database at `target`."""
    config.move_plain_token(db)
    return storage_db.backup_to(db, target)


def safety_copy_path(database: Path) -> Path:
    """Where the state before a restore is kept, beside the database."""
    stamp = utc_now().strftime("%Y%m%dT%H%M%SZ")
    return database.with_name(f"{database.name}.before-restore-{stamp}.bak")


@contextmanager
def _staged(db: Database, source: Path) -> Iterator[Database]:
    folder = storage_db.db_path(db).parent
    for stale in folder.glob(f"{_STAGING}*"):  # left by a restore that was killed midway
        shutil.rmtree(stale, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix=_STAGING, dir=folder) as work:
        staging = storage_db.stage_backup(source, Path(work) / "restoring.db")
        try:
            yield staging
        finally:
            staging.close()


def check_restore(db: Database, source: Path) -> RestorePlan:
    """What restoring `source` would carry over, refuse or lose; changes nothing."""
    with _staged(db, source) as staging:
        return compare(db, staging)


def restore(db: Database, source: Path, safety: Path, *, carry_over_work: bool) -> Restored:
    """Replace the database with the backup `source`, the state before kept at `safety`.

    `carry_over_work` is the user's answer to the list `check_restore` gave: without it a
    restore that would carry over or lose work is refused. With it, every finalized
    inspection listed is carried over (same id, rows, signed PDF, status and outbox entry);
    the drafts listed are restored as the backup has them."""
    with _staged(db, source) as staging:
        plan = compare(db, staging)
        if plan.refused:
            raise refusal(plan)
        if plan.needs_choice and not carry_over_work:
            raise RestoreRefused(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "بازیابی این پشتیبان کارهای فهرست‌شده را تغییر می‌دهد و تأیید نشد. "
                    "چیزی تغییر نکرد.",
                )
            )
        _carry(db, staging, plan)
        _check_carried(staging, plan)
        storage_db.backup_to(db, safety)
        storage_db.replace_with(db, staging)
    return Restored(plan, safety)


def refusal(plan: RestorePlan) -> RestoreRefused:
    """Why a refused plan (`plan.refused`) is refused, as the error the restore raises."""
    if plan.conflicts:
        return RestoreRefused(
            QT_TRANSLATE_NOOP(
                "Errors",
                "پشتیبان نسخهٔ دیگری از بازرسی نهایی‌شدهٔ {ids} دارد؛ نسخهٔ امضاشده جایگزین "
                "نمی‌شود و بازیابی انجام نشد. چیزی تغییر نکرد.",
            ),
            ids="، ".join(item.inspection_id for item in plan.conflicts),
        )
    if plan.unrelated:
        return RestoreRefused(
            QT_TRANSLATE_NOOP(
                "Errors",
                "این پشتیبان وضع پیشین همین پایگاه داده نیست (دفتر رویدادهایش به دفتر فعلی "
                "نمی‌رسد) و {count} بازرسی نهایی‌شدهٔ اینجا در آن نیست؛ رویدادهایی که "
                "گزارش‌های امضاشدهٔ آن‌ها به آن‌ها اشاره می‌کنند منتقل نمی‌شوند، پس بازیابی "
                "انجام نشد. چیزی تغییر نکرد.",
            ),
            count=len(plan.carry),
        )
    return RestoreRefused(
        QT_TRANSLATE_NOOP(
            "Errors",
            "بازرسی‌های نهایی‌شدهٔ این پشتیبان با آنچه امضا شده نمی‌خوانند ({problems})؛ "
            "بازیابی انجام نشد. چیزی تغییر نکرد.",
        ),
        problems="; ".join(plan.problems[:5]),
    )


def _carry(db: Database, staging: Database, plan: RestorePlan) -> None:
    """Carry the listed finalized work into `staging` and record the restore in its audit
    log, after every entry recorded here since the backup when the backup's log is the start
    of this one (the usual case: an older backup of this laptop)."""
    ordered = _replaced_first(db, plan.carry)
    try:
        _copy(db, staging, plan, ordered)
    except (sqlite3.IntegrityError, RecordLocked, carry_over.CarryOverError) as exc:
        raise _not_carried(str(exc)) from exc  # a backup at odds with these rows


def _replaced_first(db: Database, carry: list[AtRisk]) -> list[AtRisk]:
    """The carried inspections, each after the one it corrects (its row refers to it)."""
    replaces = dict(db.execute("SELECT id, replaces FROM inspections").fetchall())
    pending, ordered = sorted(carry, key=lambda item: item.inspection_id), []
    while pending:
        waiting = {item.inspection_id for item in pending}
        ready = [item for item in pending if replaces.get(item.inspection_id) not in waiting]
        ordered += ready or pending  # a loop of corrections cannot be made; never spin on one
        pending = [item for item in pending if ready and item not in ready]
    return ordered


def _not_carried(reason: str) -> RestoreRefused:
    return RestoreRefused(
        QT_TRANSLATE_NOOP(
            "Errors",
            "بازرسی‌های نهایی‌شده به پایگاه بازیابی‌شده منتقل نشدند ({reason})؛ بازیابی انجام "
            "نشد. چیزی تغییر نکرد.",
        ),
        reason=reason,
    )


def _copy(db: Database, staging: Database, plan: RestorePlan, ordered: list[AtRisk]) -> None:
    with storage_db.writing(staging):
        if plan.history_continues:
            carry_over.copy_later_entries(db, staging)
        # The inspector's signing keys are the laptop's, not the backup's: none is lost, and
        # the reports they signed stay this laptop's own. The one in use here stays in use if
        # the backup is this database's past; else the backup's stays (another laptop's).
        kept_identities = carry_over.copy_identities(
            db, staging, keep_active=plan.history_continues
        )
        # The enrolment is this laptop's too (its device token is kept outside the database,
        # here): the carried inspections are sent once, as this device. The registry and
        # forms are the backup's, so the next sync takes them again.
        if carry_over.copy_settings(db, staging, _ENROLMENT):
            carry_over.clear_settings(staging, _REFETCH)
        for item in ordered:
            if item.reason == NOT_SYNCED:
                carry_over.copy_synced(db, staging, item.inspection_id)
            else:
                carry_over.copy_finalized(db, staging, item.inspection_id)
            sha256 = staging.execute(
                "SELECT canonical_sha256 FROM inspections WHERE id = ?", [item.inspection_id]
            ).fetchone()[0]
            audit.append(
                staging,
                "carry_over",
                item.inspection_id,
                {"reason": item.reason, "status": item.status, "sha256": sha256},
            )
        audit.append(
            staging,
            "restore",
            None,
            {
                "carried": [item.inspection_id for item in ordered],
                "drafts_lost": [loss.inspection_id for loss in plan.drafts],
                "history_kept": plan.history_continues,
                "identities_kept": kept_identities,
            },
        )


def _check_carried(staging: Database, plan: RestorePlan) -> None:
    """The carried inspections rebuild their signed hash and every record check holds."""
    problems = [str(p) for p in integrity.quick_check(staging)]
    chain = audit.verify_chain(staging)
    if not chain.ok:
        problems.append(f"audit log broken at entry {chain.broken_at}: {chain.reason}")
    for item in plan.carry:
        stored = staging.execute(
            "SELECT canonical_sha256 FROM inspections WHERE id = ?", [item.inspection_id]
        ).fetchone()[0]
        rebuilt = canonical_sha256(
            inspection_document.canonical_document(staging, item.inspection_id)
        )
        if rebuilt != stored:
            problems.append(f"inspection {item.inspection_id}: rebuilt document differs")
    if problems:
        raise _not_carried("; ".join(problems[:5]))
