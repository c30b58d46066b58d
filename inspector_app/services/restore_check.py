"""What restoring a backup would lose: the current database compared with the backup's.

Finalized work (finalized, queued or synced, see domain.vocabulary.INSPECTION_STATUSES) that
the backup lacks, holds as a draft, or holds not yet synced is carried over by the restore;
a backup holding another signed version of an inspection (a different canonical hash, which
no correction makes: a correction has an id of its own) is refused, as is a backup whose own
finalized records no longer hold, or one that is not an earlier state of this database (its
audit log does not lead to this one) while there is finalized work to carry. Drafts edited
since the backup are listed with what of them is lost: a draft is work in progress, the
backup's version of it is what is restored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from inspector_app.services import integrity
from inspector_app.storage import audit, carry_over

# Why a finalized inspection is listed.
MISSING = "missing"  # the backup does not have it
DRAFT = "draft"  # the backup has it as a draft
NOT_SYNCED = "not_synced"  # the backup has it finalized, but not that the server confirmed it
DIFFERS = "differs"  # the backup has another signed version under the same id: refused


@dataclass(frozen=True)
class AtRisk:
    """A finalized inspection of the current database that the restore would lose."""

    inspection_id: str
    office_name: str
    visit_date: str
    status: str  # its status here: finalized or synced
    reason: str  # MISSING, DRAFT, NOT_SYNCED or DIFFERS


@dataclass(frozen=True)
class DraftLoss:
    """A draft whose work since the backup the restore would lose (counts of rows added or
    changed since; `missing` when the backup has no such draft at all)."""

    inspection_id: str
    office_name: str
    visit_date: str
    missing: bool
    answers: int
    photos: int
    findings: int
    signatures: int


@dataclass(frozen=True)
class RestorePlan:
    carry: list[AtRisk] = field(default_factory=list)
    conflicts: list[AtRisk] = field(default_factory=list)
    drafts: list[DraftLoss] = field(default_factory=list)
    # What the backup's own finalized records and audit log fail (integrity.quick_check,
    # audit.verify_chain), one line each.
    problems: list[str] = field(default_factory=list)
    # The backup's audit log is the start of this one (an earlier state of this database):
    # the entries recorded since are kept, so the carried inspections' entries are too.
    history_continues: bool = True

    @property
    def unrelated(self) -> bool:
        """Finalized work to carry into a backup whose audit log is not this one's past: the
        carried inspections' audit entries (which their signed reports refer to) cannot come."""
        return bool(self.carry) and not self.history_continues

    @property
    def refused(self) -> bool:
        """Nothing can be restored from this backup without losing signed work."""
        return bool(self.conflicts or self.problems or self.unrelated)

    @property
    def needs_choice(self) -> bool:
        """The restore changes or carries work the user must have seen listed first."""
        return bool(self.carry or self.drafts)


def compare(current: Database, backup: Database) -> RestorePlan:
    """What restoring `backup` in place of `current` would lose; reads only."""
    here, there = carry_over.held(current), carry_over.held(backup)
    problems = [str(p) for p in integrity.quick_check(backup)]
    chain = audit.verify_chain(backup)
    if not chain.ok:
        problems.append(f"audit log broken at entry {chain.broken_at}: {chain.reason}")
    plan = RestorePlan(
        problems=problems,
        # A log broken here is no history to keep: its entries are not copied on.
        history_continues=audit.verify_chain(current).ok and carry_over.continues(current, backup),
    )
    for iid, mine in sorted(here.items(), key=lambda kv: (kv[1].visit_date, kv[0])):
        theirs = there.get(iid)
        if mine.status == "draft":
            loss = _draft_loss(current, backup, mine, theirs)
            if loss is not None:
                plan.drafts.append(loss)
            continue
        reason = _reason(mine, theirs)
        if reason is None:
            continue
        item = AtRisk(iid, mine.office_name, mine.visit_date, mine.status, reason)
        (plan.conflicts if reason == DIFFERS else plan.carry).append(item)
    return plan


def _reason(mine: carry_over.Held, theirs: carry_over.Held | None) -> str | None:
    if theirs is None:
        return MISSING
    if theirs.status == "draft":
        return DRAFT
    if theirs.canonical_sha256 != mine.canonical_sha256:
        return DIFFERS
    if mine.status == "synced" and theirs.status != "synced":
        return NOT_SYNCED
    return None


def _draft_loss(
    current: Database, backup: Database, mine: carry_over.Held, theirs: carry_over.Held | None
) -> DraftLoss | None:
    if theirs is not None and theirs.status != "draft":
        return None  # the backup has it finalized: restoring loses no work of it
    rows = carry_over.draft_rows(current, mine.id)
    old = carry_over.draft_rows(backup, mine.id) if theirs else {t: set() for t in rows}
    changed = {table: len(rows[table] - old[table]) for table in rows}
    if theirs is not None and not any(changed.values()) and mine.updated_at <= theirs.updated_at:
        return None
    return DraftLoss(
        mine.id,
        mine.office_name,
        mine.visit_date,
        theirs is None,
        changed["answers"],
        changed["photos"],
        changed["findings"],
        changed["signatures"],
    )
