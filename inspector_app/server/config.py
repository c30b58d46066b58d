"""The server's one settings object, read from the command line and the environment.

`inspector-server` builds it from its options (falling back to the environment), and so does
each uvicorn worker process (`serve --workers N`), which gets the parent's settings through the
environment (`to_env`). Nothing else reads these variables.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from inspector_app.domain.working_days import CALENDAR, DAY_COUNTS, WorkCalendar, calendar_for
from inspector_app.errors import KnownError
from inspector_app.server.database import database_url
from inspector_app.server.keystore import PASSPHRASE_ENV, read_passphrase

DATA_ENV = "BAZRES_SERVER_DATA"
DB_ENV = "BAZRES_SERVER_DB"
MAX_UPLOAD_ENV = "BAZRES_SERVER_MAX_UPLOAD_MB"
READ_TIMEOUT_ENV = "BAZRES_SERVER_READ_TIMEOUT"
API_DOCS_ENV = "BAZRES_SERVER_API_DOCS"
# An S3-compatible bucket for the files instead of the data folder (server/s3store.py). Its
# credentials are boto3's own: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or
# AWS_SHARED_CREDENTIALS_FILE, never an option or a file of ours.
FILE_STORE_ENV = "BAZRES_SERVER_FILE_STORE"
S3_ENDPOINT_ENV = "BAZRES_SERVER_S3_ENDPOINT"
S3_REGION_ENV = "BAZRES_SERVER_S3_REGION"
# The reverse proxies whose X-Forwarded-For/-Proto the server believes; nobody else's.
TRUSTED_PROXIES_ENV = "BAZRES_SERVER_TRUSTED_PROXIES"
# How "overdue" counts days (offices not inspected for N days, corrective actions past their
# deadline): `calendar` (every day, the default) or `working` (Fridays and Iran's official
# holidays left out), as the laptop's setting «شمار روزها» does.
DAY_COUNT_ENV = "BAZRES_SERVER_DAY_COUNT"
# Test-only fault injection (server/faults.py); never set in production.
FAULTS_ENV = "BAZRES_SERVER_FAULTS"

DEFAULT_MAX_UPLOAD_MB = 64.0
DEFAULT_READ_TIMEOUT = 30.0


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    db: str | None = None  # as given (postgresql://...); None: SQLite in the data folder
    max_upload: int = int(DEFAULT_MAX_UPLOAD_MB * 1024 * 1024)  # bytes
    read_timeout: float = DEFAULT_READ_TIMEOUT  # seconds a request body may stall
    api_docs: bool = False  # serve /openapi.json (never /docs: it would load a CDN)
    file_store: str | None = None  # s3://bucket/prefix; None: files/ in the data folder
    s3_endpoint: str | None = None  # https://minio.example:9000; None: AWS's own
    s3_region: str | None = None
    trusted_proxies: str = ""  # "172.30.0.10,127.0.0.1" (addresses or networks); "": none
    day_count: str = CALENDAR  # calendar | working
    faults: Mapping[str, str] = field(default_factory=dict)
    # Encrypts the CA and update keys at rest (server/keystore.py); never printed.
    key_passphrase: str = field(default="", repr=False)

    @classmethod
    def load(
        cls,
        *,
        data_dir: str | Path | None = None,
        db: str | None = None,
        max_upload_mb: float | None = None,
        read_timeout: float | None = None,
        api_docs: bool | None = None,
        file_store: str | None = None,
        s3_endpoint: str | None = None,
        s3_region: str | None = None,
        trusted_proxies: str | None = None,
        environ: Mapping[str, str] = os.environ,
    ) -> Settings:
        """Options given win over the environment, which wins over the defaults."""
        folder = Path(
            data_dir or environ.get(DATA_ENV) or platformdirs.user_data_dir("bazres-server", False)
        ).resolve()
        mb = max_upload_mb or float(environ.get(MAX_UPLOAD_ENV) or DEFAULT_MAX_UPLOAD_MB)
        return cls(
            data_dir=folder,
            db=db or environ.get(DB_ENV) or None,
            max_upload=int(mb * 1024 * 1024),
            read_timeout=read_timeout
            or float(environ.get(READ_TIMEOUT_ENV) or DEFAULT_READ_TIMEOUT),
            api_docs=api_docs or environ.get(API_DOCS_ENV) == "1",
            file_store=file_store or environ.get(FILE_STORE_ENV) or None,
            s3_endpoint=s3_endpoint or environ.get(S3_ENDPOINT_ENV) or None,
            s3_region=s3_region or environ.get(S3_REGION_ENV) or None,
            trusted_proxies=trusted_proxies or environ.get(TRUSTED_PROXIES_ENV) or "",
            day_count=_day_count(environ.get(DAY_COUNT_ENV) or CALENDAR),
            faults=parse_faults(environ.get(FAULTS_ENV, "")),
            key_passphrase=read_passphrase(environ),
        )

    def calendar(self, today: dt.date) -> WorkCalendar:
        """How overdue is counted, with the holidays around `today`."""
        return calendar_for(self.day_count, today)

    @property
    def database_url(self) -> str:
        return database_url(self.data_dir, self.db)

    def to_env(self) -> dict[str, str]:
        """The variables that make `load()` in another process give these settings."""
        env = {
            DATA_ENV: str(self.data_dir),
            DB_ENV: self.db or "",
            MAX_UPLOAD_ENV: repr(self.max_upload / (1024 * 1024)),
            READ_TIMEOUT_ENV: repr(self.read_timeout),
            API_DOCS_ENV: "1" if self.api_docs else "",
            FILE_STORE_ENV: self.file_store or "",
            S3_ENDPOINT_ENV: self.s3_endpoint or "",
            S3_REGION_ENV: self.s3_region or "",
            TRUSTED_PROXIES_ENV: self.trusted_proxies,
            DAY_COUNT_ENV: self.day_count,
            PASSPHRASE_ENV: self.key_passphrase,
        }
        if self.faults:
            env[FAULTS_ENV] = ",".join(f"{k}={v}" for k, v in self.faults.items())
        return env


class BadSetting(KnownError):
    """A variable of the server's environment with a value it does not take."""

    exit_code = 2


def _day_count(value: str) -> str:
    if value not in DAY_COUNTS:
        raise BadSetting(f"{DAY_COUNT_ENV} must be calendar or working, not {value[:40]!r}")
    return value


def parse_faults(raw: str) -> dict[str, str]:
    """`fail_before=3,marker=/tmp/m` as a dict (see server/faults.py for the keys)."""
    pairs = (item.split("=", 1) for item in raw.split(",") if "=" in item)
    return {k.strip(): v.strip() for k, v in pairs}
