"""The one canonical serialization used for hashing (RFC 8785 JSON Canonicalization Scheme)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import rfc8785

# RFC 8785 numbers are IEEE doubles: integers beyond ±(2**53 - 1) cannot be represented.
_SAFE_INT = 2**53 - 1
_SURROGATES = "\ud800"  # keys at or above this sort differently by UTF-16 code units


class _NeedsReference(Exception):
    """A value `json` would write otherwise than RFC 8785."""


def _as_plain(value: Any) -> Any:
    """`value` with integral floats made ints, or _NeedsReference when `json.dumps` would not
    write it as RFC 8785 does. Python's float repr and ES6's number-to-string both give the
    shortest round-tripping digits; they agree on notation for 1e-4 <= |x| < 1e16. Keys must
    sort the same by code point as by UTF-16 code unit."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return value
    if kind is int:
        if -_SAFE_INT <= value <= _SAFE_INT:
            return value
        raise _NeedsReference
    if kind is float:
        if value.is_integer():
            if abs(value) <= _SAFE_INT:
                return int(value)
            raise _NeedsReference
        if 1e-4 <= abs(value) < 1e16:
            return value
        raise _NeedsReference
    if kind is dict:
        for key in value:
            if type(key) is not str or (key and max(key) >= _SURROGATES):
                raise _NeedsReference
        return {key: _as_plain(item) for key, item in value.items()}
    if kind is list or kind is tuple:
        return [_as_plain(item) for item in value]
    raise _NeedsReference


def canonical_json(document: Any) -> bytes:
    """Sorted keys, UTF-8, no insignificant whitespace, numbers as RFC 8785 prescribes.

    The rfc8785 package walks the document in Python and costs seconds for a 10,000-answer
    inspection; for documents whose numbers need no ES6 formatting of their own (nearly all of
    ours) the C encoder of `json` writes the very same bytes, so it is used for them."""
    try:
        plain = _as_plain(document)
        text = json.dumps(
            plain, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
        )
        return text.encode("utf-8")
    except (_NeedsReference, UnicodeEncodeError):  # a lone surrogate: rfc8785 refuses it
        return rfc8785.dumps(document)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical_sha256(document: Any) -> str:
    return sha256_hex(canonical_json(document))
