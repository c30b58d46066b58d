"""`inspector-server`'s entry point: the server's packages are an extra (`bazres[server]`), so a
laptop install that lacks them gets one clear line and exit code 2, not an ImportError."""

from __future__ import annotations

import sys
from importlib.util import find_spec

# The import names of the `server` extra in pyproject.toml.
SERVER_MODULES = (
    "fastapi",
    "uvicorn",
    "psycopg",
    "sqlalchemy",
    "alembic",
    "argon2",
    "jinja2",
    "multipart",
    "boto3",
)
INSTALL_HINT = "pip install 'bazres[server]'"


def missing_modules() -> list[str]:
    return [name for name in SERVER_MODULES if find_spec(name) is None]


def main() -> int:
    missing = missing_modules()
    if missing:
        print(
            f"inspector-server: بسته‌های سرور نصب نیستند ({', '.join(missing)})؛ "
            f"نصب با: {INSTALL_HINT}",
            file=sys.stderr,
        )
        return 2
    from inspector_app.server.cli import main as server_main

    return server_main()
