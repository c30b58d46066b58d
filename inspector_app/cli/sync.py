"""`inspector-app enrol | sync | bundle export | bundle import`: reaching the governorate."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspector_app.cli.common import (
    PASSPHRASE_ENV,
    context,
    data_dir_parent,
    json_flag,
    passphrase,
    print_json,
)
from inspector_app.services.sync import bundles, config, outbox, runner, updates
from inspector_app.services.sync.client import is_plain_http

INSECURE_WARNING = (
    "WARNING / هشدار: {url} is plain http. The device token, the inspections sent and the "
    "answers travel unencrypted: anyone on the network can read them or pose as the server. "
    "Use https in production. | نشانی سرور http ساده است: آنچه فرستاده و دریافت می‌شود "
    "رمزنگاری نمی‌شود و هر کس در شبکه می‌تواند آن را بخواند یا خود را سرور جا بزند."
)


def _warn_if_insecure(url: str) -> None:
    if is_plain_http(url):
        print(INSECURE_WARNING.format(url=url), file=sys.stderr, flush=True)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parent = data_dir_parent()
    p = sub.add_parser(
        "enrol",
        parents=[parent],
        help="enrol this laptop with the server: the governorate certifies the inspector's key "
        f"(its passphrase from ${PASSPHRASE_ENV} or asked)",
    )
    p.add_argument("--server", required=True, metavar="URL", help="e.g. https://sync.example:8443")
    p.add_argument("--code", required=True, metavar="C", help="the one-time enrolment code")
    p.add_argument(
        "--pin-sha256", metavar="FP", help="sha256 fingerprint the server certificate must have"
    )
    p.add_argument("--device-name", metavar="NAME", help="how the server lists this laptop")
    p.add_argument(
        "--allow-insecure-http",
        action="store_true",
        help="accept a plain http:// server (test networks only; remembered for this server)",
    )
    json_flag(p)
    p.set_defaults(func=_enrol)

    p = sub.add_parser("sync", parents=[parent], help="send finalized inspections, pull updates")
    p.add_argument(
        "--due-only", action="store_true", help="respect the retry backoff (automatic sync)"
    )
    p.add_argument("--status", action="store_true", help="only show the queue, send nothing")
    json_flag(p)
    p.set_defaults(func=_sync)

    group = sub.add_parser("bundle", help="USB bundles").add_subparsers(
        dest="action", required=True
    )
    p = group.add_parser(
        "export", parents=[parent], help="finalized inspections into one file for the server"
    )
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.add_argument("--ids", nargs="+", metavar="ID", help="only these (default: all not synced)")
    p.set_defaults(func=_export)
    p = group.add_parser(
        "import", parents=[parent], help="registry and form updates from the governorate"
    )
    p.add_argument("file", type=Path)
    json_flag(p)
    p.set_defaults(func=_import)


def _enrol(args: argparse.Namespace) -> int:
    ctx = context(args)
    if args.allow_insecure_http:
        _warn_if_insecure(args.server)
    result = runner.enrol(
        ctx,
        args.server,
        args.code,
        passphrase("گذرواژهٔ کلید امضا: "),
        pin_sha256=args.pin_sha256,
        device_name=args.device_name,
        allow_insecure_http=args.allow_insecure_http,
    )
    if args.json:
        print_json(result)
    else:
        pinned = " (certificate pinned)" if result["pinned"] else ""
        print(f"enrolled with {result['server']} as device {result['device_id']}{pinned}")
        print(
            f"certificate issued by the governorate to {result['inspector_name']}: "
            f"sha256 {result['cert_fingerprint']}"
        )
    return 0


def _sync(args: argparse.Namespace) -> int:
    ctx = context(args)
    if args.status:
        items = [item.__dict__ for item in outbox.items(ctx.db)]
        if args.json:
            print_json({**runner.status(ctx), "items": items})
        else:
            for item in items:
                error = item["last_error"] or ""
                print(f"{item['inspection_id']}\t{item['state']}\t{item['attempts']}\t{error}")
            _tell_conflicts(outbox.open_conflicts(ctx.db))
        return 0

    def progress(done: int, total: int, inspection_id: str) -> None:
        if not args.json and done < total:
            print(f"[{done + 1}/{total}] {inspection_id}", flush=True)

    if runner.insecure_http_allowed(ctx):
        _warn_if_insecure(config.load(ctx.db).server_url)
    report = runner.run_sync(ctx, force=not args.due_only, progress=progress)
    # Open until a person at the governorate resolves it, not only in the run that met it.
    conflicts = outbox.open_conflicts(ctx.db)
    if args.json:
        print_json({**report.as_dict(), "open_conflicts": [c.inspection_id for c in conflicts]})
    else:
        print(
            f"sent {len(report.sent)}, already on the server {len(report.already_there)}, "
            f"conflicts {len(report.conflicts)}, failed {len(report.failed)}, "
            f"still queued {report.remaining}"
        )
        for inspection_id, reason in report.failed.items():
            print(f"  failed {inspection_id}: {reason}")
        if report.updates:
            u = report.updates
            print(
                f"registry: {u['registry_added']} added, {u['registry_changed']} changed; "
                f"forms updated: {', '.join(u['forms_written']) or 'none'}"
            )
            if u.get("visits") is not None:
                print(f"visit plan: {u['visits']} assignments for this inspector")
        if report.error:
            print(f"error: {report.error}")
        _tell_conflicts(conflicts)
    return 0 if report.ok and not conflicts else 1


CONFLICT_ADVICE = (
    "the server holds another version of this inspection; ask the governorate to resolve the "
    "conflict (inspector-server conflicts), then sync again | سرور نسخهٔ دیگری از این بازرسی "
    "دارد؛ از استانداری بخواهید ناسازگاری را رفع کند، سپس دوباره همگام‌سازی کنید"
)


def _tell_conflicts(conflicts: list[outbox.OutboxItem]) -> None:
    for item in conflicts:
        office = f" ({item.office_name})" if item.office_name else ""
        print(f"  conflict {item.inspection_id}{office}: {CONFLICT_ADVICE}")


def _export(args: argparse.Namespace) -> int:
    ctx = context(args)
    chosen = bundles.export_usb(ctx.db, args.output, args.ids)
    print(f"{args.output}: {len(chosen)} inspection(s)")
    for inspection_id in chosen:
        print(f"  {inspection_id}")
    return 0


def _import(args: argparse.Namespace) -> int:
    ctx = context(args)
    report, key = updates.import_updates_bundle(ctx, args.file)
    if args.json:
        print_json({**report.as_dict(), "signing_key": key})
    else:
        print(
            f"{args.file}: registry {report.registry_added} added, {report.registry_changed} "
            f"changed; forms updated: {', '.join(report.forms_written) or 'none'}"
        )
        if report.visits is not None:
            print(f"visit plan: {report.visits} assignments for this inspector")
        if report.server_pins:
            print(f"server certificate now pinned: {', '.join(report.server_pins)}")
    return 0
