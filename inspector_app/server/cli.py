"""`inspector-server`: run the governorate server and administer it from the shell."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from inspector_app.domain.bundle import BundleError, read_inspections_bundle
from inspector_app.errors import KnownError
from inspector_app.server import (
    accounts,
    backup_cli,
    ca_cli,
    conflict_cli,
    db_cli,
    publish,
    serve_cli,
    user_cli,
    visits_cli,
)
from inspector_app.server.ca import authority
from inspector_app.server.config import (
    DATA_ENV,
    DB_ENV,
    FILE_STORE_ENV,
    S3_ENDPOINT_ENV,
    S3_REGION_ENV,
    Settings,
)
from inspector_app.server.console.audit_log import record, shell_user
from inspector_app.server.database import inspections_t
from inspector_app.server.revocation import REASONS, revoke_device
from inspector_app.server.state import ServerState
from inspector_app.server.state import open_state as _open

log = logging.getLogger("inspector_server")
# States opened by the running command; `main` closes them when it returns, so an admin
# command run in a longer-lived process (a test, a script) leaves no connection open.
_opened: list[ServerState] = []


def settings_of(args: argparse.Namespace) -> Settings:
    return Settings.load(
        data_dir=args.data_dir,
        db=args.db,
        max_upload_mb=getattr(args, "max_upload_mb", None),
        read_timeout=getattr(args, "read_timeout", None),
        api_docs=getattr(args, "api_docs", None),
        file_store=args.file_store,
        s3_endpoint=args.s3_endpoint,
        s3_region=args.s3_region,
        trusted_proxies=getattr(args, "trusted_proxies", None),
    )


def open_state(args: argparse.Namespace) -> ServerState:
    state = _open(settings_of(args))
    _opened.append(state)
    return state


def _parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--data-dir", metavar="DIR", help=f"server data folder (${DATA_ENV})")
    parent.add_argument(
        "--db",
        metavar="URL",
        help=f"database URL, e.g. postgresql://... (${DB_ENV}); default SQLite",
    )
    parent.add_argument(
        "--file-store",
        metavar="s3://BUCKET/PREFIX",
        help=f"keep the files in an S3-compatible bucket (${FILE_STORE_ENV}; credentials from "
        "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_SHARED_CREDENTIALS_FILE); default the "
        "data folder",
    )
    parent.add_argument(
        "--s3-endpoint",
        metavar="URL",
        help=f"the S3-compatible server, e.g. https://minio.example:9000 (${S3_ENDPOINT_ENV})",
    )
    parent.add_argument("--s3-region", metavar="NAME", help=f"its region (${S3_REGION_ENV})")
    return parent


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspector-server", description="Bazres governorate server."
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parent = _parent()

    serve_cli.register(sub, parent, open_state, settings_of)

    p = sub.add_parser("enrol-code", parents=[parent], help="print a one-time enrolment code")
    p.add_argument(
        "--inspector", required=True, metavar="NAME", help="whom the code is for (certificate name)"
    )
    p.add_argument("--personnel-no", default="", metavar="NO", help="their personnel number")
    p.set_defaults(func=_enrol_code)

    p = sub.add_parser("inspections", parents=[parent], help="list the inspections held")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_inspections)

    p = sub.add_parser("import", parents=[parent], help="import a USB bundle of inspections")
    p.add_argument("bundle", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_import)

    p = sub.add_parser("devices", parents=[parent], help="list enrolled devices")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_devices)

    p = sub.add_parser("revoke", parents=[parent], help="revoke a device and its certificate")
    p.add_argument("device_id")
    p.add_argument("--reason", choices=sorted(REASONS), default="key_compromise")
    p.set_defaults(func=_revoke)

    ca_cli.register(sub, parent, open_state)
    conflict_cli.register(sub, parent, open_state)
    user_cli.register(sub, parent, open_state)
    visits_cli.register(sub, parent, open_state)
    backup_cli.register(sub, parent, settings_of)
    db_cli.register(sub, parent, settings_of)

    p = sub.add_parser("publish", parents=[parent], help="publish the registry and/or forms")
    p.add_argument("--registry", type=Path, metavar="FILE", help="registry CSV or JSON")
    p.add_argument("--form", type=Path, nargs="*", default=[], metavar="FILE", help="form YAML")
    p.set_defaults(func=_publish)

    p = sub.add_parser(
        "updates-bundle", parents=[parent], help="write a signed registry+forms bundle for USB"
    )
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument(
        "--server-cert",
        type=Path,
        nargs="+",
        metavar="FILE",
        help="PEM certificate(s) laptops pin from now on (rotation: give the old and the new)",
    )
    p.set_defaults(func=_updates_bundle)
    p = sub.add_parser(
        "summary", parents=[parent], help="province overview of all inspectors' data (SQL)"
    )
    p.add_argument("--from", dest="date_from", metavar="JALALI", help="first day, 1403-01-01")
    p.add_argument("--to", dest="date_to", metavar="JALALI", help="last day, inclusive")
    p.add_argument("--county", help="one county (Persian name)")
    p.add_argument("--type", dest="office_type", choices=["pishkhan", "police10", "brokerage"])
    p.add_argument("-o", "--output", type=Path, help="write the Persian summary PDF here")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(func=_summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    # The database, file store and keys are the server's alone: whatever a command creates is
    # readable by this user only (0600 files, 0700 folders).
    previous_umask = os.umask(0o077)
    logging.basicConfig(
        level=logging.INFO if args.verbose or args.command == "serve" else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.func(args))
    except KnownError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    finally:
        while _opened:
            _opened.pop().close()
        os.umask(previous_umask)


def _enrol_code(args: argparse.Namespace) -> int:
    state = open_state(args)
    code = accounts.new_enrol_code(state.engine, args.inspector, args.personnel_no)
    detail = {"personnel_no": args.personnel_no}
    record(state.engine, shell_user(), "enrol_code", args.inspector.strip(), detail)
    print("One-time enrolment code (valid 7 days; give it to the inspector only):")
    print(code)
    return 0


def _inspections(args: argparse.Namespace) -> int:
    state = open_state(args)
    columns = [
        inspections_t.c.id,
        inspections_t.c.canonical_sha256,
        inspections_t.c.source,
        inspections_t.c.device_id,
        inspections_t.c.inspector_name,
        inspections_t.c.office_code,
        inspections_t.c.county,
        inspections_t.c.visit_date,
        inspections_t.c.compliance,
        inspections_t.c.grade,
        inspections_t.c.received_at,
    ]
    with state.engine.connect() as conn:
        rows = [
            dict(r)
            for r in conn.execute(select(*columns).order_by(inspections_t.c.received_at))
            .mappings()
            .all()
        ]
    if args.json:
        _print_json(rows)
    else:
        names = ["id", "canonical_sha256", "source", "office_code", "visit_date", "received_at"]
        print("\t".join(names))
        for row in rows:
            print("\t".join(str(row[n] if row[n] is not None else "") for n in names))
    return 0


def _import(args: argparse.Namespace) -> int:
    from inspector_app.server.ingest import Rejected, ingest

    state = open_state(args)
    try:
        data = args.bundle.read_bytes()
    except OSError as exc:
        raise KnownError(f"bundle cannot be read: {exc}", where=str(args.bundle)) from exc
    try:
        items = read_inspections_bundle(data)
    except (BundleError, RecursionError) as exc:
        raise KnownError(
            f"not a valid bundle, nothing imported: {exc}", where=str(args.bundle)
        ) from exc
    results: list[dict[str, Any]] = []
    for inspection_id, inner in items:
        try:
            result = ingest(
                state.engine,
                state.files,
                inner,
                device=None,
                source="usb",
                expected_id=inspection_id,
            )
            results.append({"id": inspection_id, "status": result.outcome})
        except Rejected as exc:
            results.append(
                {"id": inspection_id, "status": "refused", "reason": exc.reason,
                 "problems": exc.problems}
            )  # fmt: skip
    if args.json:
        _print_json(results)
    else:
        for item in results:
            extra = (
                f" ({item['reason']}: {'; '.join(item['problems'])})" if "reason" in item else ""
            )
            print(f"{item['id']}\t{item['status']}{extra}")
        counts = {s: sum(1 for r in results if r["status"] == s) for s in _STATUSES}
        print(", ".join(f"{n} {s}" for s, n in counts.items()))
    return 1 if any(r["status"] in ("refused", "conflict") for r in results) else 0


_STATUSES = ("stored", "already_there", "conflict", "refused")


def _devices(args: argparse.Namespace) -> int:
    state = open_state(args)
    rows = [
        {
            "id": d.id,
            "inspector_name": d.inspector_name,
            "device_name": d.device_name,
            "cert_fingerprint": d.cert_fingerprint,
            "enrolled_at": d.enrolled_at,
            "revoked_at": d.revoked_at,
        }
        for d in accounts.list_devices(state.engine)
    ]
    if args.json:
        _print_json(rows)
    else:
        for row in rows:
            state_text = f"revoked {row['revoked_at']}" if row["revoked_at"] else "active"
            print(f"{row['id']}\t{row['inspector_name']}\t{row['device_name']}\t{state_text}")
    return 0


def _revoke(args: argparse.Namespace) -> int:
    state = open_state(args)
    if not revoke_device(state.engine, authority(state.settings), args.device_id, args.reason):
        raise KnownError(f"no active device with id {args.device_id}")
    record(state.engine, shell_user(), "device_revoked", args.device_id, {"reason": args.reason})
    print(
        f"device {args.device_id} revoked ({args.reason}): its token no longer works and its "
        "certificate is in the revocation list laptops receive with the next updates"
    )
    return 0


def _publish(args: argparse.Namespace) -> int:
    state = open_state(args)
    if not args.registry and not args.form:
        raise KnownError("give --registry FILE and/or --form FILE...")
    if args.registry:
        count = publish.publish_registry(state.engine, args.registry)
        record(state.engine, shell_user(), "publish", "registry", {"offices": count})
        print(f"registry published: {count} offices")
    for path in args.form:
        name = publish.publish_form(state.engine, path)
        record(state.engine, shell_user(), "publish", name, {"file": path.name})
        print(f"form published: {name}")
    return 0


def _updates_bundle(args: argparse.Namespace) -> int:
    state = open_state(args)
    data = publish.updates_bundle(state.engine, state.settings, args.server_cert)
    args.output.write_bytes(data)
    with state.engine.connect() as conn:
        held = conn.execute(select(func.count()).select_from(inspections_t)).scalar_one()
    print(f"{args.output}: {len(data)} bytes (server holds {held} inspections)")
    return 0


def _summary(args: argparse.Namespace) -> int:
    from inspector_app.domain.jalali import tehran_today
    from inspector_app.figures.filters import OverviewFilter
    from inspector_app.figures.summary_report import render_summary
    from inspector_app.server.summary import province_summary, summary_json

    try:
        f = OverviewFilter.from_jalali(args.date_from, args.date_to, args.county, args.office_type)
    except ValueError as exc:
        raise KnownError(str(exc)) from exc
    state = open_state(args)
    data = province_summary(state.engine, f, state.settings.calendar(tehran_today()))
    if args.output:
        try:
            args.output.write_bytes(render_summary(data))
        except OSError as exc:
            reason = f"cannot write the PDF: {exc.strerror or exc}"
            raise KnownError(reason, where=str(args.output)) from exc
        print(args.output, file=sys.stderr if args.json else sys.stdout)
    if args.json:
        _print_json(summary_json(data, f))
    elif not args.output:
        overview = data.overview
        print(f"inspections\t{overview.inspections}\tmean score\t{overview.mean_score}")
        for row in overview.by_county:
            print(f"{row.key}\t{row.inspections}\t{row.mean_score}")
    return 0


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
