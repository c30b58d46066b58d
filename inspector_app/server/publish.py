"""What the governorate publishes to laptops: the office registry and the forms.

Both live in the database (so several server processes share them), each with its sha256,
which is also its ETag. USB update bundles and the network answers for both are signed with
the server's Ed25519 update key, kept encrypted in the data folder; laptops pin its public half
at enrolment. A USB bundle also carries the CA's revocation list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine

from inspector_app.domain import signed_updates, visit_plan
from inspector_app.domain.bundle import FORM_NAME_PATTERN, build_updates_bundle, public_key_hex
from inspector_app.domain.canonical import canonical_json, sha256_hex
from inspector_app.domain.forms import load_form
from inspector_app.domain.jalali import utc_now, utc_now_iso
from inspector_app.domain.offices import read_registry_file
from inspector_app.errors import KnownError
from inspector_app.server import keystore, revocation, visits
from inspector_app.server.ca import authority
from inspector_app.server.config import Settings
from inspector_app.server.published import REGISTRY, forms, registry, store

REGISTRY_FORMAT = "bazres.registry/1"


def publish_registry(engine: Engine, path: Path) -> int:
    """Validate a registry file (CSV or JSON, as `offices import` takes) and publish it."""
    content, count = registry_content(path)
    put_registry(engine, content)
    return count


def registry_content(path: Path) -> tuple[bytes, int]:
    """The registry document a registry file publishes, validated as `offices import` takes
    it (InvalidImport names the line and reason), and its count of offices."""
    records, meta = read_registry_file(path)
    document = {
        "format": REGISTRY_FORMAT,
        "version": str(meta.get("version") or utc_now_iso()),
        "offices": [r.model_dump() for r in records],
    }
    return canonical_json(document), len(records)


def put_registry(engine: Engine, content: bytes) -> None:
    """Publish a registry document made by `registry_content`."""
    _put(engine, REGISTRY, "registry", content)


def publish_form(engine: Engine, path: Path) -> str:
    """Validate a form file and publish it under its file name."""
    name = path.name
    if not FORM_NAME_PATTERN.match(name):
        raise KnownError(
            f"form file name must be lowercase letters, digits, - or _ with .yaml: {name}"
        )
    load_form(path)  # raises FormError with file, line and reason
    put_form(engine, name, path.read_bytes())
    return name


def put_form(engine: Engine, name: str, content: bytes) -> None:
    """Publish a form file's bytes under its name (already checked as `publish_form` does)."""
    _put(engine, f"form:{name}", "form", content)


def _put(engine: Engine, name: str, kind: str, content: bytes) -> None:
    with engine.begin() as conn:
        store(conn, name, kind, content)


def forms_document(engine: Engine) -> tuple[dict[str, Any], str]:
    """All published forms as one JSON document, with its ETag (changes when any form does)."""
    items = [
        {"name": name, "sha256": sha256_hex(content), "content": content.decode("utf-8")}
        for name, content in forms(engine).items()
    ]
    document = {"format": "bazres.forms/1", "forms": items}
    return document, sha256_hex(canonical_json(document))


# --- the update signing key -------------------------------------------------------------------

UPDATE_KEY_FILE = "update-signing.p12"
PLAIN_UPDATE_KEY_FILE = "update-signing.pem"  # how versions before encryption at rest kept it


def update_key(settings: Settings) -> Ed25519PrivateKey:
    """The server's update signing key, made on first use, kept encrypted (server/keystore)."""
    folder = settings.data_dir / "keys"
    path = folder / UPDATE_KEY_FILE
    keystore.adopt_plain_pem(folder / PLAIN_UPDATE_KEY_FILE, path, settings.key_passphrase)
    opened = keystore.load(path, settings.key_passphrase)
    if opened is None:
        keystore.save(path, Ed25519PrivateKey.generate(), None, settings.key_passphrase)
        opened = keystore.load(path, settings.key_passphrase)
    assert opened is not None
    if not isinstance(opened.key, Ed25519PrivateKey):
        raise KnownError("the update key file holds no Ed25519 key", where=str(path))
    return opened.key


def update_key_hex(settings: Settings) -> str:
    return public_key_hex(update_key(settings).public_key())


def sign_answer(
    settings: Settings, resource: signed_updates.Resource, content: bytes, as_of: str
) -> str:
    """The update key's signature of a `/v1/registry` or `/v1/forms` answer given at `as_of`."""
    return signed_updates.sign(resource, content, update_key(settings), as_of)


def updates_bundle(
    engine: Engine, settings: Settings, server_certificates: list[Path] | None = None
) -> bytes:
    """Registry, forms, the CRL and every inspector's open visit assignments, signed; with
    `server_certificates` (PEM files), also the server certificates laptops pin from then on:
    the old and the new one while a pin is rotated."""
    current = registry(engine)
    created_at = utc_now().isoformat()  # as precise as the network answers' time
    return build_updates_bundle(
        current[0] if current else None,
        forms(engine),
        {"created_at": created_at},
        update_key(settings),
        _certificates_pem(server_certificates) if server_certificates else None,
        revocation.current_crl(engine, authority(settings))[0],
        visit_plan.document(visits.all_open(engine), created_at),
    )


def _certificates_pem(files: list[Path]) -> bytes:
    pems = []
    for path in files:
        try:
            certificates = x509.load_pem_x509_certificates(path.read_bytes())
        except (OSError, ValueError) as exc:
            raise KnownError(f"not a PEM certificate: {exc}", where=str(path)) from exc
        pems += [c.public_bytes(serialization.Encoding.PEM) for c in certificates]
    return b"".join(pems)
