"""The file store in an S3-compatible bucket (AWS S3, MinIO, Ceph...): `--file-store
s3://BUCKET/PREFIX`, `--s3-endpoint URL` for a store other than AWS, `--s3-region`.

Objects are keyed `PREFIX/ab/abcdef...` by the sha256 we computed of the content, as in the
folder store; `put` sends nothing when the key is there already (the content is the same by
its hash), and S3 checks the body against its sha256 on arrival, so a damaged upload is
refused, never stored. An S3 PUT is whole or absent: nothing partial is left to discard.

Credentials are boto3's usual ones (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE,
AWS_SHARED_CREDENTIALS_FILE, an instance role); the server never takes a secret as an option.
The bucket is checked when the store opens, so a wrong endpoint, bucket or credential stops
the server at start with one line saying which.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import boto3
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectTimeoutError,
    EndpointConnectionError,
    NoCredentialsError,
    PartialCredentialsError,
)

from inspector_app.errors import KnownError
from inspector_app.server.config import Settings
from inspector_app.server.filestore import checked_digest

_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
_PREFIX = re.compile(r"^[A-Za-z0-9._/-]*$")
_MISSING = {"404", "NoSuchKey", "NotFound"}
_REFUSED = {"403", "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "Forbidden"}


@dataclass(frozen=True)
class Location:
    bucket: str
    prefix: str  # "" or ending in "/"

    def __str__(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}"


def parse_location(url: str) -> Location:
    """`s3://bucket` or `s3://bucket/some/prefix`; KnownError for anything else."""
    parts = urlsplit(url)
    prefix = parts.path.strip("/")
    if (
        parts.scheme != "s3"
        or not _BUCKET.match(parts.netloc)
        or parts.query
        or parts.fragment
        or not _PREFIX.match(prefix)
        or ".." in prefix.split("/")
    ):
        raise KnownError(
            f"--file-store {url!r} is not s3://BUCKET or s3://BUCKET/PREFIX (a bucket name of "
            "3-63 lower-case letters, digits, dots and hyphens)"
        )
    return Location(parts.netloc, f"{prefix}/" if prefix else "")


class S3Store:
    """Content-addressed objects in one bucket, under one prefix."""

    def __init__(self, client: Any, location: Location) -> None:
        self.client = client
        self.location = location

    def key(self, digest: str) -> str:
        return f"{self.location.prefix}{digest[:2]}/{checked_digest(digest)}"

    def put(self, data: bytes) -> str:
        raw = hashlib.sha256(data).digest()
        digest = raw.hex()
        key = self.key(digest)
        try:
            if self._exists(key):
                return digest
            self.client.put_object(
                Bucket=self.location.bucket,
                Key=key,
                Body=data,
                ChecksumSHA256=base64.b64encode(raw).decode("ascii"),
            )
        except (BotoCoreError, ClientError) as exc:
            raise OSError(f"the S3 file store cannot store {key}: {_reason(exc)}") from exc
        return digest

    def get(self, digest: str) -> bytes:
        key = self.key(digest)
        try:
            reply = self.client.get_object(Bucket=self.location.bucket, Key=key)
            data: bytes = reply["Body"].read()
        except ClientError as exc:
            if _code(exc) in _MISSING:
                raise FileNotFoundError(f"{key} is not in the S3 file store") from exc
            raise OSError(f"the S3 file store cannot read {key}: {_reason(exc)}") from exc
        except BotoCoreError as exc:
            raise OSError(f"the S3 file store cannot read {key}: {_reason(exc)}") from exc
        if hashlib.sha256(data).hexdigest() != digest:
            raise OSError(f"{key} in the S3 file store does not match its sha256")
        return data

    def discard_partial(self) -> int:
        return 0  # an S3 PUT is whole or absent

    def _exists(self, key: str) -> bool:
        try:
            self.client.head_object(Bucket=self.location.bucket, Key=key)
        except ClientError as exc:
            if _code(exc) in _MISSING:
                return False
            raise
        return True

    def check(self, endpoint: str) -> None:
        """The bucket is there and these credentials may use it; KnownError saying what is
        wrong (one line) if not."""
        where = f"{self.location} at {endpoint}"
        try:
            self.client.head_bucket(Bucket=self.location.bucket)
        except (NoCredentialsError, PartialCredentialsError) as exc:
            raise KnownError(
                f"no S3 credentials for {where}: set AWS_ACCESS_KEY_ID and "
                "AWS_SECRET_ACCESS_KEY, or AWS_SHARED_CREDENTIALS_FILE (and AWS_PROFILE)"
            ) from exc
        except (EndpointConnectionError, ConnectTimeoutError) as exc:
            raise KnownError(f"the S3 endpoint cannot be reached: {exc}") from exc
        except ClientError as exc:
            code = _code(exc)
            if code in _MISSING or code == "NoSuchBucket":
                raise KnownError(
                    f"there is no bucket {self.location.bucket!r} at {endpoint}"
                ) from exc
            if code in _REFUSED:
                raise KnownError(
                    f"the S3 credentials were refused for {where} ({code}): check the access "
                    "key, its secret and its rights on the bucket"
                ) from exc
            raise KnownError(f"the S3 file store {where} refused: {_reason(exc)}") from exc
        except BotoCoreError as exc:
            raise KnownError(f"the S3 file store {where} cannot be used: {exc}") from exc


def open_s3_store(settings: Settings) -> S3Store:
    location = parse_location(settings.file_store or "")
    config = Config(
        connect_timeout=5,
        read_timeout=60,
        retries={"max_attempts": 3, "mode": "standard"},
        # Most S3-compatible servers want path-style addressing (no bucket DNS names).
        s3={"addressing_style": "path" if settings.s3_endpoint else "auto"},
    )
    try:
        client = boto3.session.Session().client(
            "s3",
            endpoint_url=settings.s3_endpoint,
            region_name=settings.s3_region,
            config=config,
        )
    except (ValueError, BotoCoreError) as exc:  # a malformed endpoint URL or region
        raise KnownError(f"the S3 file store cannot be set up: {exc}") from exc
    store = S3Store(client, location)
    store.check(settings.s3_endpoint or "AWS S3")
    return store


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


def _reason(exc: Exception) -> str:
    if isinstance(exc, ClientError):
        error = exc.response.get("Error", {})
        return f"{error.get('Code', '')} {error.get('Message', '')}".strip() or str(exc)
    return str(exc)
