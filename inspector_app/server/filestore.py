"""Where the server keeps file contents (PDFs, photos, bundles): addressed by sha256 only.

`FileStore` is what the server needs of a store; `FolderStore` keeps files in the data folder
(`files/ab/abcdef...`), `S3Store` (server/s3store.py) in an S3-compatible bucket when the
settings name one (`--file-store s3://bucket/prefix`). No name from a request ever becomes a
path or a key: the only key is a sha256 we computed ourselves, so `put` is idempotent.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Protocol

from inspector_app.domain.canonical import sha256_hex

DIGEST = re.compile(r"^[0-9a-f]{64}$")


class FileStore(Protocol):
    def put(self, data: bytes) -> str:
        """Store `data` (if not there yet) and return its sha256."""

    def get(self, digest: str) -> bytes:
        """The content stored under `digest`; OSError (FileNotFoundError if absent) if it
        cannot be read."""

    def discard_partial(self) -> int:
        """Remove what an interrupted write left behind (called at start); how many."""


def checked_digest(digest: str) -> str:
    if not DIGEST.match(digest):
        raise ValueError("not a sha256 digest")
    return digest


class FolderStore:
    """Content-addressed files in `root`; each written to a temp file, fsynced, then renamed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)

    def _path(self, digest: str) -> Path:
        return self.root / digest[:2] / checked_digest(digest)

    def put(self, data: bytes) -> str:
        digest = sha256_hex(data)
        target = self._path(digest)
        if target.exists():
            return digest
        target.parent.mkdir(mode=0o700, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        return digest

    def get(self, digest: str) -> bytes:
        return self._path(digest).read_bytes()

    def discard_partial(self) -> int:
        count = 0
        for leftover in self.root.glob("*/.incoming-*"):
            leftover.unlink(missing_ok=True)
            count += 1
        return count
