"""`inspector-app report | verify | audit verify | identity ...`: signed reports, checks."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from inspector_app import paths
from inspector_app.cli.common import context, data_dir_parent, json_flag, print_json
from inspector_app.errors import KnownError
from inspector_app.pdf.trust_chain import TrustMaterialError, read_certificates, read_crls
from inspector_app.pdf.verify import Verdict, VerifyResult
from inspector_app.services import finalize, integrity
from inspector_app.services.exports import record_export
from inspector_app.services.signing import identity as identity_service
from inspector_app.services.sync import anchor, runner
from inspector_app.services.trust import Trust, laptop_trust
from inspector_app.storage import audit, inspections, settings
from inspector_app.storage.db import open_database

PASSPHRASE_ENV = "BAZRES_PASSPHRASE"
P12_PASSWORD_ENV = "BAZRES_P12_PASSWORD"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parent = data_dir_parent()
    p = sub.add_parser(
        "report",
        parents=[parent],
        help="write the PDF report of an inspection (signed if finalized, a draft otherwise)",
    )
    p.add_argument("id")
    p.add_argument("-o", "--output", type=Path, required=True, help="PDF file to write")
    p.set_defaults(func=_report)

    p = sub.add_parser(
        "verify",
        parents=[parent],
        help="check a signed report and who issued its signer's certificate, against the "
        "governorate root and revocation list pinned in the data folder (if any) and those "
        "given; exit 0 only if it is intact and issued by the governorate, 3 if it is signed "
        "by this laptop's own identity (not issued by the governorate), 1 otherwise",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--cert", type=Path, help="the certificate (PEM/DER) the signer must hold")
    p.add_argument(
        "--root",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="the governorate's root certificate (PEM/DER); may be repeated",
    )
    p.add_argument(
        "--crl",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="a certificate revocation list of the governorate (PEM/DER); may be repeated",
    )
    json_flag(p)
    p.set_defaults(func=_verify)

    group = sub.add_parser("audit", help="the hash-chained audit log").add_subparsers(
        dest="action", required=True
    )
    p = group.add_parser(
        "verify",
        parents=[parent],
        help="check the chain, that it still holds the heads anchored in the signed reports "
        "and (when enrolled) the one the server holds, and that every finalized inspection is "
        "still what was signed (its rows, stored hash and signed PDF); exit 1 if anything "
        "differs (a server that cannot be reached is reported, not failed)",
    )
    p.add_argument(
        "--offline", action="store_true", help="do not ask the server for the head it holds"
    )
    json_flag(p)
    p.set_defaults(func=_audit_verify)

    identity = sub.add_parser("identity", help="the inspector's signing key and certificate")
    actions = identity.add_subparsers(dest="action", required=True)
    p = actions.add_parser("show", parents=[parent], help="the active certificate")
    json_flag(p)
    p.set_defaults(func=_identity_show)
    p = actions.add_parser(
        "create",
        parents=[parent],
        help=f"make a self-signed identity (passphrase of at least "
        f"{identity_service.MIN_PASSPHRASE} characters, from ${PASSPHRASE_ENV} or asked)",
    )
    p.add_argument("--name", help="holder name (default: the inspector profile's name)")
    p.add_argument("--personnel-no", help="personnel number (default: from the profile)")
    p.add_argument("--days", type=int, default=identity_service.DEFAULT_VALID_DAYS)
    p.set_defaults(func=_identity_create)
    p = actions.add_parser(
        "import-p12",
        parents=[parent],
        help=f"import a governorate PKCS#12 (its password from ${P12_PASSWORD_ENV} or asked; "
        f"a new passphrase of at least {identity_service.MIN_PASSPHRASE} characters from "
        f"${PASSPHRASE_ENV} or asked)",
    )
    p.add_argument("file", type=Path)
    p.set_defaults(func=_identity_import)
    p = actions.add_parser(
        "export-cert", parents=[parent], help="write the public certificate (PEM)"
    )
    p.add_argument("-o", "--output", type=Path, required=True)
    p.set_defaults(func=_identity_export)


def _secret(prompt: str, env: str, *, confirm: bool = False) -> str:
    """From the environment variable, else asked on the terminal, else one line of stdin.

    `confirm`: a new passphrase; its rule is checked before anything else happens (and before
    the repetition is asked for on a terminal)."""
    value = os.environ.get(env)
    if value is None and sys.stdin.isatty():
        value = getpass.getpass(prompt)
        _check_new_passphrase(value, confirm)
        if confirm and getpass.getpass("تکرار: ") != value:
            raise KnownError("دو گذرواژه یکی نیستند؛ چیزی ساخته نشد.")
        return value
    if value is None:
        value = sys.stdin.readline().rstrip("\n")
    _check_new_passphrase(value, confirm)
    return value


def _check_new_passphrase(value: str, new: bool) -> None:
    problem = identity_service.passphrase_problem(value) if new else None
    if problem is not None:
        raise KnownError(f"{problem} چیزی ساخته نشد.")


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise KnownError(f"نوشتن پرونده ممکن نشد: {exc.strerror or exc}", where=str(path)) from exc


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise KnownError(f"پرونده خوانده نشد: {exc.strerror or exc}", where=str(path)) from exc


# -- report ---------------------------------------------------------------------------------


def _report(args: argparse.Namespace) -> int:
    ctx = context(args)
    row = inspections.get(ctx.db, args.id)
    if row["status"] == "draft":
        pdf = finalize.draft_pdf(ctx.db, args.id)
        kind = "draft (unsigned)"
    else:
        pdf = finalize.signed_pdf(ctx.db, args.id)
        kind = "signed"
    _write(args.output, pdf)
    record_export(ctx.db, args.id, "pdf", signed=kind == "signed", path=args.output.name)
    print(f"{args.output}: {kind} report, {len(pdf)} bytes")
    return 0


# -- verify ---------------------------------------------------------------------------------


def _local_database(args: argparse.Namespace) -> Database | None:
    """This data folder's database if there is one (verify never creates a data folder)."""
    path = paths.database_path(paths.data_dir(args.data_dir))
    return open_database(path, migrate=False) if path.exists() else None


def _compare_with_database(db: Database, result: VerifyResult, info: dict[str, Any]) -> None:
    if result.report_id is None:
        return
    rows = list(
        db.query(
            "SELECT status, canonical_sha256 FROM inspections WHERE id = ?", [result.report_id]
        )
    )
    if not rows:
        info["database"] = "not here"
        return
    status, stored = rows[0]["status"], rows[0]["canonical_sha256"]
    info["database_status"] = status
    info["database_sha256"] = stored
    if status == "draft":
        result.problems.append("این بازرسی در این پایگاه داده هنوز پیش‌نویس است.")
        info["database"] = "draft"
    elif stored != result.embedded_sha256:
        result.problems.append("sha256 درج‌شده در گزارش با بازرسی ثبت‌شده در این پایگاه نمی‌خواند.")
        info["database"] = "mismatch"
    else:
        info["database"] = "match"


class BadTrustFile(KnownError):
    """A file given with --root or --crl is not what it should be (a usage error)."""

    exit_code = 2


def _trust_files(paths_given: list[Path], *, crl: bool) -> list[bytes]:
    read = read_crls if crl else read_certificates
    found = []
    for path in paths_given:
        data = _read(path)
        try:
            read(data)
        except TrustMaterialError as exc:
            kind = "فهرست ابطال گواهی (CRL)" if crl else "گواهی X.509"
            raise BadTrustFile(f"این پرونده {kind} نیست: {exc}", where=str(path)) from exc
        found.append(data)
    return found


VERDICTS: dict[Verdict, str] = {
    "governorate": "معتبر؛ صادرشده از استانداری بوشهر",
    "own": "امضا با شناسهٔ خود این رایانه (هنوز از استانداری گواهی نگرفته)؛ گزارش دست‌نخورده "
    "است، ولی استانداری امضاکننده را تأیید نکرده است",
    "untrusted": "نامعتبر: سالم ولی امضاکننده را استانداری صادر نکرده است",
    "revoked": "نامعتبر: گواهی امضاکننده باطل شده است",
    "invalid": "نامعتبر: امضا با پرونده نمی‌خواند، پس از امضا تغییر کرده یا امضا ندارد",
}


def _exit_status(result: VerifyResult) -> int:
    """0: issued by the governorate and all holds; 3: this laptop's own identity and all else
    holds; 1: anything else."""
    if result.verdict == "governorate" and result.ok:
        return 0
    if result.verdict == "own" and not result.problems:
        return 3
    return 1


def _verify(args: argparse.Namespace) -> int:
    data = _read(args.file)
    trusted = _read(args.cert) if args.cert else None
    given_roots = _trust_files(args.root, crl=False)
    given_crls = _trust_files(args.crl, crl=True)
    extra: dict[str, Any] = {"database": None}
    db = _local_database(args)
    try:
        trust = laptop_trust(db) if db is not None else Trust()
        result = trust.extended(given_roots, given_crls).verify(data, trusted)
        if db is not None:
            _compare_with_database(db, result, extra)
    finally:
        if db is not None:
            db.close()
    status = _exit_status(result)
    if args.json:
        print_json({**result.as_dict(), **extra, "ok": status == 0})
        return status
    yes_no = {True: "بله", False: "خیر", None: "نامعلوم"}
    print(f"پرونده: {args.file}")
    print(f"امضاکننده: {result.signer_name or '—'}")
    print(f"اثر انگشت گواهی: {result.fingerprint_sha256 or '—'}")
    if result.signing_time_utc:
        print(f"زمان امضا: {result.signing_time_jalali} (تهران) — {result.signing_time_utc}")
    print(f"دست‌نخورده (intact): {yes_no[result.intact]}")
    print(f"امضا معتبر: {yes_no[result.valid]}")
    print(f"افزوده پس از امضا: {yes_no[result.modified_after_signing]}")
    root_known = "نامعلوم (گواهی ریشهٔ استانداری در دست نیست)"
    issued = yes_no[result.issued_by_root] if result.issued_by_root is not None else root_known
    print(f"صادرشده از استانداری: {issued}")
    print(f"گواهی باطل‌شده: {yes_no[result.revoked]}")
    print(f"شناسهٔ خود این رایانه: {yes_no[result.own_identity]}")
    print(f"شناسهٔ بازرسی: {result.report_id or '—'}")
    print(f"sha256 سند: {result.embedded_sha256 or '—'}")
    if args.cert:
        print(f"همان گواهی داده‌شده: {yes_no[result.trusted]}")
    database = {
        None: "پایگاه داده‌ای در این پوشه نیست",
        "not here": "این بازرسی در این پایگاه داده نیست",
        "draft": "در این پایگاه پیش‌نویس است",
        "mismatch": "نمی‌خواند",
        "match": "با بازرسی ثبت‌شده می‌خواند",
    }[extra["database"]]
    print(f"مقایسه با پایگاه داده: {database}")
    for problem in result.problems:
        print(f"مشکل: {problem}", file=sys.stderr)
    verdict = VERDICTS[result.verdict]
    if status == 1 and result.verdict in ("governorate", "own"):
        verdict = "نامعتبر: " + "؛ ".join(result.problems)  # the database or --cert differ
    print(f"نتیجه: {verdict}")
    return status


# -- audit ----------------------------------------------------------------------------------


def _audit_verify(args: argparse.Namespace) -> int:
    ctx = context(args)
    report = audit.verify_chain(ctx.db)
    checked, problems = integrity.full_check(ctx.db)
    if args.offline:
        server = anchor.ServerCheck(
            False, reason="سرِ دفتر رویدادها با سرور سنجیده نشد (--offline)."
        )
    else:
        server = anchor.check_server(ctx.db, lambda: runner.client_for(ctx))
    problems += server.problems
    ok = report.ok and not problems
    if args.json:
        print_json(
            {
                "ok": ok,
                "entries": report.entries,
                "broken_at": report.broken_at,
                "reason": report.reason,
                "inspections_checked": checked,
                "server_anchor": server.as_dict(),
                "problems": [p.as_dict() for p in problems],
            }
        )
        return 0 if ok else 1
    if report.ok:
        print(f"دفتر رویدادها: {report.entries} رویداد، زنجیره درست است.")
    else:
        print(
            f"دفتر رویدادها در رویداد {report.broken_at} شکسته است: {report.reason} "
            f"({report.entries} رویداد سنجیده شد)",
            file=sys.stderr,
        )
    if not server.checked:
        print(server.reason)
    elif server.held is None:
        print("سرور هنوز سرِ دفتر رویدادهای این رایانه را ندارد (پیش از نخستین همگام‌سازی).")
    elif not server.problems:
        print(f"سرِ دفتر نزد سرور (رویداد {server.held.seq}) با این دفتر می‌خواند.")
    for problem in problems:
        print(f"مشکل ({problem.inspection_id or 'پایگاه داده'}): {problem.detail}", file=sys.stderr)
    if not problems:
        print(f"بازرسی‌های نهایی‌شده همان‌اند که امضا شدند: {checked} بازرسی با داده‌ها و PDF امضاشده")
    return 0 if ok else 1


# -- identity -------------------------------------------------------------------------------


def _identity_show(args: argparse.Namespace) -> int:
    ctx = context(args)
    stored = identity_service.active_identity(ctx.db)
    info = identity_service.certificate_info(stored.cert_pem)
    if args.json:
        print_json({"id": stored.id, "is_demo": stored.is_demo, **info.as_dict()})
        return 0
    print(f"دارنده: {info.holder}")
    print(f"صادرکننده: {info.issuer}{' (خودامضا)' if info.self_signed else ''}")
    print(f"اعتبار: از {info.not_before_jalali} تا {info.not_after_jalali}")
    print(f"اثر انگشت SHA-256: {info.fingerprint_grouped()}")
    if info.expired():
        print("هشدار: گواهی منقضی شده است.")
    if stored.is_demo:
        print("این شناسهٔ نمایشی است (demo).")
    return 0


def _identity_create(args: argparse.Namespace) -> int:
    ctx = context(args)
    profile = settings.inspector_profile(ctx.db)
    name = args.name or profile.name
    number = args.personnel_no if args.personnel_no is not None else profile.personnel_no
    passphrase = _secret("گذرواژهٔ تازهٔ کلید: ", PASSPHRASE_ENV, confirm=True)
    new = identity_service.create_self_signed(name, number, passphrase, valid_days=args.days)
    stored = identity_service.store(ctx.db, new)
    print(f"شناسهٔ امضا ساخته شد: {stored.holder_name} — {stored.fingerprint_sha256}")
    return 0


def _identity_import(args: argparse.Namespace) -> int:
    ctx = context(args)
    data = _read(args.file)
    password = _secret("رمز پروندهٔ PKCS#12: ", P12_PASSWORD_ENV)
    passphrase = _secret("گذرواژهٔ تازهٔ کلید در این برنامه: ", PASSPHRASE_ENV, confirm=True)
    new = identity_service.import_pkcs12(data, password, passphrase)
    stored = identity_service.store(ctx.db, new, source="pkcs12")
    print(f"گواهی وارد شد: {stored.holder_name} — {stored.fingerprint_sha256}")
    return 0


def _identity_export(args: argparse.Namespace) -> int:
    ctx = context(args)
    stored = identity_service.active_identity(ctx.db)
    _write(args.output, identity_service.public_certificate_pem(stored))
    print(f"{args.output}: {stored.holder_name} — {stored.fingerprint_sha256}")
    return 0
