"""`inspector-server ca root | crl | certificates`: the governorate CA as an admin sees it.

`root` prints the root certificate (PEM) and its fingerprint, to hand to anyone who checks
reports with `inspector-app verify --root`; `crl` writes the current revocation list; the
certificates list shows what was issued to whom and what is revoked.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from sqlalchemy import select

from inspector_app.errors import KnownError
from inspector_app.server import revocation
from inspector_app.server.ca import authority
from inspector_app.server.database import certificates_t
from inspector_app.server.state import ServerState

OpenState = Callable[[argparse.Namespace], ServerState]


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
    open_state: OpenState,
) -> None:
    # --data-dir and --db go after the action, as for `conflicts`.
    ca = sub.add_parser("ca", help="the governorate certificate authority: root, crl, certificates")
    commands = ca.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = commands.add_parser("root", parents=[parent], help="print the root certificate (PEM)")
    p.add_argument("-o", "--output", type=Path, help="write it to FILE instead")
    p.set_defaults(func=lambda args: _root(open_state(args), args))
    p = commands.add_parser("crl", parents=[parent], help="write the certificate revocation list")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.set_defaults(func=lambda args: _crl(open_state(args), args))
    p = commands.add_parser(
        "certificates", parents=[parent], help="list the inspectors' certificates issued"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=lambda args: _certificates(open_state(args), args))


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise KnownError(f"cannot write: {exc.strerror or exc}", where=str(path)) from exc


def _root(state: ServerState, args: argparse.Namespace) -> int:
    root = authority(state.settings).root
    pem = root.public_bytes(serialization.Encoding.PEM)
    digest = hashlib.sha256(root.public_bytes(serialization.Encoding.DER)).hexdigest()
    if args.output:
        _write(args.output, pem)
        print(f"{args.output}: governorate root, sha256 {digest}")
    else:
        sys.stdout.write(pem.decode("ascii"))
        print(f"sha256 {digest}", file=sys.stderr)
    return 0


def _crl(state: ServerState, args: argparse.Namespace) -> int:
    pem, digest = revocation.current_crl(state.engine, authority(state.settings))
    _write(args.output, pem)
    print(f"{args.output}: revocation list, sha256 {digest}")
    return 0


def _certificates(state: ServerState, args: argparse.Namespace) -> int:
    c = certificates_t.c
    with state.engine.connect() as conn:
        rows = [
            dict(r)
            for r in conn.execute(
                select(
                    c.serial,
                    c.device_id,
                    c.holder_name,
                    c.personnel_no,
                    c.fingerprint,
                    c.issued_at,
                    c.not_after,
                    c.revoked_at,
                    c.revocation_reason,
                ).order_by(c.issued_at)
            ).mappings()
        ]
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for row in rows:
        status = (
            f"revoked {row['revoked_at']} ({row['revocation_reason']})"
            if row["revoked_at"]
            else "in force"
        )
        print(f"{row['serial']}\t{row['holder_name']}\t{row['device_id']}\t{status}")
    return 0
