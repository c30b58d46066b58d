"""The update key's signature on what the server answers at `/v1/registry` and `/v1/forms`.

The same Ed25519 key signs the USB updates bundle's manifest; here it signs each answer's body
(with the resource's name in front, so a signed forms answer cannot stand in for the registry).
The signature travels in a header, so the body stays the document it always was. The laptop
checks it with the key it pinned at enrolment: on plain http, or behind a proxy that
re-encrypts, an altered answer is refused.
"""

from __future__ import annotations

from typing import Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

SIGNATURE_HEADER = "X-Bazres-Update-Signature"

Resource = Literal["registry", "forms"]


class SignatureInvalid(ValueError):
    """Missing, malformed, or not made by the expected key over these bytes."""


def _message(resource: Resource, content: bytes) -> bytes:
    return b"bazres.update/1\n" + resource.encode("ascii") + b"\n" + content


def sign(resource: Resource, content: bytes, key: Ed25519PrivateKey) -> str:
    """The header value: hex of the signature."""
    return key.sign(_message(resource, content)).hex()


def verify(resource: Resource, content: bytes, signature: str | None, key_hex: str) -> None:
    """Raise SignatureInvalid unless `signature` is `key_hex`'s signature of this answer."""
    if not signature:
        raise SignatureInvalid("the answer carries no update key signature")
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(key_hex))
        key.verify(bytes.fromhex(signature.strip()), _message(resource, content))
    except (ValueError, InvalidSignature) as exc:
        raise SignatureInvalid("the update key signature does not verify") from exc
