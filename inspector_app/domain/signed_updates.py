"""The update key's signature on what the server answers at `/v1/registry` and `/v1/forms`.

The same Ed25519 key signs the USB updates bundle's manifest; here it signs each answer's body
(with the resource's name in front, so a signed forms answer cannot stand in for the registry).
The signature travels in a header, so the body stays the document it always was. The laptop
checks it with the key it pinned at enrolment: on plain http, or behind a proxy that
re-encrypts, an altered answer is refused. The signature also covers the time the server
answered (`as_of`, its own clock, in a second header), and a laptop takes an answer only if it is
newer than the last one it took: a genuine but old answer, replayed, would bring back a
withdrawn form or office.
"""

from __future__ import annotations

from typing import Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

SIGNATURE_HEADER = "X-Bazres-Update-Signature"
AS_OF_HEADER = "X-Bazres-Update-As-Of"

# "visits": the visit plan of one inspector (GET /v1/visits) or of all (a USB bundle).
Resource = Literal["registry", "forms", "visits"]


class SignatureInvalid(ValueError):
    """Missing, malformed, or not made by the expected key over these bytes."""


def _message(resource: Resource, content: bytes, as_of: str) -> bytes:
    head = f"bazres.update/2\n{resource}\n{as_of}\n"
    return head.encode("ascii") + content


def sign(resource: Resource, content: bytes, key: Ed25519PrivateKey, as_of: str) -> str:
    """The signature header's value (hex) for this answer, given at `as_of` (UTC ISO 8601)."""
    return key.sign(_message(resource, content, as_of)).hex()


def verify(
    resource: Resource, content: bytes, signature: str | None, key_hex: str, as_of: str | None
) -> None:
    """Raise SignatureInvalid unless `signature` is `key_hex`'s signature of this answer given
    at `as_of`."""
    if not signature or not as_of:
        raise SignatureInvalid("the answer carries no update key signature")
    if not as_of.isascii() or "\n" in as_of:
        raise SignatureInvalid("the answer's time is malformed")
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(key_hex))
        key.verify(bytes.fromhex(signature.strip()), _message(resource, content, as_of))
    except (ValueError, InvalidSignature) as exc:
        raise SignatureInvalid("the update key signature does not verify") from exc
