"""`inspector-app backup FILE | restore FILE [--carry-over]`: the database to and from a file.

`restore` first lists what the backup would lose: finalized inspections it lacks or holds as
drafts or not yet synced (carried over), another signed version of one (refused), drafts
edited since. With anything listed it changes nothing unless `--carry-over` is given.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

from inspector_app import paths
from inspector_app.cli.common import context, data_dir_parent, json_flag, print_json
from inspector_app.services import backup
from inspector_app.services.restore_check import DIFFERS, DRAFT, MISSING, RestorePlan

REASONS = {
    MISSING: "در پشتیبان نیست",
    DRAFT: "در پشتیبان پیش‌نویس است",
    DIFFERS: "پشتیبان نسخهٔ امضاشدهٔ دیگری از آن دارد",
}
NOT_SYNCED_REASON = "در پشتیبان ارسال‌نشده است"
STATUSES = {"finalized": "نهایی‌شده", "synced": "ارسال‌شده"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parent = data_dir_parent()
    p = sub.add_parser("backup", parents=[parent], help="back the database up to a file")
    p.add_argument("file", type=Path)
    p.set_defaults(func=_backup)
    p = sub.add_parser(
        "restore",
        parents=[parent],
        help="replace the database with a backup, keeping finalized work",
        description="Compare the database with the backup and list what restoring it would "
        "lose. Finalized inspections the backup lacks, holds as drafts or not yet synced are "
        "carried over with --carry-over; a backup holding another signed version of one is "
        "refused. Without --carry-over nothing changes when anything is listed.",
    )
    p.add_argument("file", type=Path)
    p.add_argument(
        "--carry-over",
        action="store_true",
        help="restore even though work is listed: carry the finalized inspections over "
        "(the listed drafts are restored as the backup has them)",
    )
    json_flag(p)
    p.set_defaults(func=_restore)


def _backup(args: argparse.Namespace) -> int:
    ctx = context(args)
    print(backup.back_up(ctx.db, args.file))
    return 0


def plan_lines(plan: RestorePlan) -> list[str]:
    """The plan in Persian, one line per inspection."""
    lines: list[str] = []
    for item in [*plan.conflicts, *plan.carry]:
        reason = REASONS.get(item.reason, NOT_SYNCED_REASON)
        what = "رد می‌شود" if item.reason == DIFFERS else "منتقل می‌شود"
        lines.append(
            f"{STATUSES.get(item.status, item.status)}\t{item.inspection_id}\t{item.office_name}"
            f"\t{item.visit_date}\t{reason}: {what}"
        )
    for loss in plan.drafts:
        lost = (
            "کل پیش‌نویس از دست می‌رود"
            if loss.missing
            else f"از دست می‌رود: {loss.answers} پاسخ، {loss.photos} عکس، "
            f"{loss.findings} یافته، {loss.signatures} امضا"
        )
        lines.append(
            f"پیش‌نویس\t{loss.inspection_id}\t{loss.office_name}\t{loss.visit_date}\t{lost}"
        )
    lines.extend(f"مشکل پشتیبان: {problem}" for problem in plan.problems)
    return lines


def _restore(args: argparse.Namespace) -> int:
    ctx = context(args)
    plan = backup.check_restore(ctx.db, args.file)
    if args.json and (plan.refused or (plan.needs_choice and not args.carry_over)):
        print_json({"restored": False, "plan": asdict(plan)})
        return 1
    for line in plan_lines(plan):
        print(line)
    if plan.refused:
        print(f"خطا: {backup.refusal(plan)}", file=sys.stderr)
        return 1
    if plan.needs_choice and not args.carry_over:
        print(
            "چیزی تغییر نکرد. برای بازیابی با انتقال بازرسی‌های نهایی‌شدهٔ فهرست‌شده "
            "(پیش‌نویس‌های فهرست‌شده همان‌طور که در پشتیبان‌اند بازمی‌گردند) دوباره با "
            "--carry-over اجرا کنید.",
            file=sys.stderr,
        )
        return 1
    database = paths.database_path(ctx.data_dir)
    done = backup.restore(
        ctx.db, args.file, backup.safety_copy_path(database), carry_over_work=True
    )
    if args.json:
        print_json({"restored": True, "plan": asdict(done.plan), "safety_copy": done.safety})
        return 0
    print(f"بازیابی انجام شد؛ {len(done.plan.carry)} بازرسی نهایی‌شده منتقل شد.")
    print(f"وضع پیش از بازیابی: {done.safety}")
    return 0
