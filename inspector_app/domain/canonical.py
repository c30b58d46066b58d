"""The one canonical serialization used for hashing (RFC 8785 JSON Canonicalization Scheme)."""

from __future__ import annotations

import hashlib
from typing import Any

import rfc8785


def canonical_json(document: Any) -> bytes:
    """Sorted keys, UTF-8, no insignificant whitespace, numbers as RFC 8785 prescribes."""
    return rfc8785.dumps(document)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical_sha256(document: Any) -> str:
    return sha256_hex(canonical_json(document))
