"""`inspector-server serve`: run the HTTP server (uvicorn), directly with TLS or behind a
reverse proxy whose forwarded headers it believes only from the addresses it is given."""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import sys
from collections.abc import Callable
from typing import Any

from inspector_app.errors import KnownError
from inspector_app.server import publish
from inspector_app.server.ca import authority
from inspector_app.server.config import TRUSTED_PROXIES_ENV, Settings
from inspector_app.server.state import ServerState

log = logging.getLogger("inspector_server")
OpenState = Callable[[argparse.Namespace], ServerState]
LoadSettings = Callable[[argparse.Namespace], Settings]


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
    open_state: OpenState,
    settings_of: LoadSettings,
) -> None:
    p = sub.add_parser("serve", parents=[parent], help="run the HTTP server")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8443)
    p.add_argument("--tls-cert", metavar="FILE", help="PEM certificate (enables HTTPS)")
    p.add_argument("--tls-key", metavar="FILE", help="PEM private key for --tls-cert")
    p.add_argument("--max-upload-mb", type=float, help="largest upload accepted (default 64)")
    p.add_argument(
        "--read-timeout",
        type=float,
        metavar="SECONDS",
        help="a request body that stalls this long is refused with 408 (default 30)",
    )
    p.add_argument(
        "--api-docs", action="store_true", help="serve the API description at /openapi.json"
    )
    p.add_argument(
        "--workers", type=int, default=1, help="server processes (they share data and database)"
    )
    p.add_argument(
        "--trusted-proxies",
        metavar="ADDRESSES",
        help="the reverse proxy (or proxies), e.g. 172.30.0.10 or 10.1.2.0/24: only requests "
        "from these have their X-Forwarded-For/-Proto believed (default: nobody's; "
        f"${TRUSTED_PROXIES_ENV})",
    )
    p.set_defaults(func=lambda args: _serve(args, open_state, settings_of))


def _serve(args: argparse.Namespace, open_state: OpenState, settings_of: LoadSettings) -> int:
    import uvicorn

    from inspector_app.server.app import create_app

    if bool(args.tls_cert) != bool(args.tls_key):
        raise KnownError("--tls-cert and --tls-key go together")
    settings = settings_of(args)
    proxies = _proxy_addresses(settings.trusted_proxies)
    if proxies:
        log.info("behind the proxy at %s: its X-Forwarded-For/-Proto are believed", proxies)
    elif not args.tls_cert:
        # Laptops refuse plain http unless enrolled with --allow-insecure-http; say it here too.
        print(
            "WARNING: serving plain http: device tokens, reports and photos travel unencrypted "
            "and can be read or changed on the way; give --tls-cert and --tls-key",
            file=sys.stderr,
        )
    state = open_state(args)
    left = state.files.discard_partial()
    if left:
        log.info("discarded %d partial file(s) left by an interrupted run", left)
    publish.update_key(state.settings)  # made (or opened) before requests race for it
    authority(state.settings)
    state.close()  # the app opens its own when it starts
    # pyHanko takes seconds to import: pay it at start, not in the first upload.
    import inspector_app.pdf.verify  # noqa: F401

    options: dict[str, Any] = {}
    if args.workers > 1:
        os.environ.update(state.settings.to_env())
        target: Any = "inspector_app.server.asgi:create"
        options = {"factory": True, "workers": args.workers}
    else:
        target = create_app(state.settings)
    uvicorn.run(
        target,
        **options,
        host=args.host,
        port=args.port,
        ssl_certfile=args.tls_cert,
        ssl_keyfile=args.tls_key,
        # uvicorn on its own believes X-Forwarded-* from 127.0.0.1: any local process could
        # then pass for any client (the login throttle, the audit log) or for https.
        proxy_headers=bool(proxies),
        forwarded_allow_ips=proxies or None,
        log_level="info",
        timeout_graceful_shutdown=5,
    )
    return 0


def _proxy_addresses(raw: str) -> list[str]:
    """`--trusted-proxies` as addresses and networks; KnownError naming one that is neither."""
    found = [item.strip() for item in raw.split(",") if item.strip()]
    for item in found:
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError as exc:
            raise KnownError(
                f"--trusted-proxies: {item!r} is not an IP address or network (a name is not "
                "taken: it could resolve to anyone)"
            ) from exc
    return found
