"""The bundle format shared by the laptop and the governorate server (`bazres.bundle/1`).

A bundle is a ZIP file with a `manifest.json` that lists every other member with its sha256
and size. Three kinds exist:

- `inspection`: one finalized inspection: `canonical.json` (the exact canonical bytes that were
  hashed and signed), `report.pdf` (the signed PDF), `photos/<id>.jpg`, `signatures/<role>.png`.
  This is the body of an upload and the unit the server stores exactly once.
- `inspections`: a USB export: `inspections/<id>.zip`, each an `inspection` bundle.
- `updates`: registry and forms from the governorate: `registry.json`, `forms/<name>`, and
  optionally `server-certificates.pem` (the server certificates laptops pin from now on: how a
  pin is rotated), with `manifest.sig`, an Ed25519 signature of `manifest.json` by the
  server's update key.

Member names are matched against fixed patterns and are never used as file paths; readers look
members up by the names the manifest declares, and refuse anything else (extra members,
duplicates, `../`, sizes beyond the limits, hashes that do not match).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from inspector_app.domain.canonical import canonical_json
from inspector_app.domain.inspection_document import DocumentError, InspectionDocument

FORMAT = "bazres.bundle/1"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SERVER_CERTIFICATES = "server-certificates.pem"
REVOCATIONS = "revocations.crl.pem"
VISITS = "visits.json"  # the visit plan (domain/visit_plan.py)

Kind = Literal["inspection", "inspections", "updates"]

# A generous ceiling: a report with ten downscaled photos is a few MB.
MAX_MEMBER_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 64 * 1024 * 1024
MAX_MEMBERS = 2000

_ID = r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}"
ID_PATTERN = re.compile(rf"^{_ID}$")
FORM_NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}\.(yaml|yml|json)$")
_NAME_PATTERNS: dict[str, re.Pattern[str]] = {
    "inspection": re.compile(
        rf"^(canonical\.json|report\.pdf|photos/{_ID}\.jpg|signatures/(inspector|representative)\.png)$"
    ),
    "inspections": re.compile(rf"^inspections/{_ID}\.zip$"),
    "updates": re.compile(
        r"^(registry\.json|visits\.json|server-certificates\.pem|revocations\.crl\.pem|forms/[a-z0-9][a-z0-9_-]{0,63}\.(yaml|yml|json))$"
    ),
}


class BundleError(ValueError):
    """The bundle is unreadable, incomplete, tampered with, or breaks the format."""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Bundle:
    """A read (and checked) bundle: its manifest and member bytes by declared name."""

    kind: Kind
    manifest: dict[str, Any]
    members: dict[str, bytes] = field(default_factory=dict)
    manifest_bytes: bytes = b""
    signature: bytes | None = None

    def entries(self, role: str | None = None) -> list[dict[str, Any]]:
        files: list[dict[str, Any]] = self.manifest["files"]
        return [f for f in files if role is None or f.get("role") == role]

    def member(self, name: str) -> bytes:
        return self.members[name]


# --- writing -----------------------------------------------------------------------------------


@dataclass
class BundleWriter:
    """Collects members, then writes the manifest listing each with its sha256 and size."""

    kind: Kind
    header: dict[str, Any] = field(default_factory=dict)
    _files: list[tuple[dict[str, Any], bytes]] = field(default_factory=list)

    def add(self, name: str, data: bytes, role: str, **extra: Any) -> dict[str, Any]:
        if not _NAME_PATTERNS[self.kind].match(name):
            raise BundleError(f"member name not allowed in a {self.kind} bundle: {name!r}")
        entry = {"name": name, "role": role, "sha256": sha256_hex(data), "size": len(data)}
        entry.update(extra)
        self._files.append((entry, data))
        return entry

    def manifest(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "kind": self.kind,
            **self.header,
            "files": [entry for entry, _ in self._files],
        }

    def to_bytes(self, signing_key: Ed25519PrivateKey | None = None) -> bytes:
        manifest_bytes = json.dumps(
            self.manifest(), ensure_ascii=False, sort_keys=True, indent=1
        ).encode("utf-8")
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr(MANIFEST, manifest_bytes, compress_type=zipfile.ZIP_DEFLATED)
            if signing_key is not None:
                archive.writestr(SIGNATURE, signing_key.sign(manifest_bytes))
            for entry, data in self._files:
                # JPEG, PDF and nested ZIPs are compressed already; only text is deflated.
                compress = (
                    zipfile.ZIP_DEFLATED
                    if entry["name"].endswith((".json", ".yaml", ".yml"))
                    else zipfile.ZIP_STORED
                )
                archive.writestr(entry["name"], data, compress_type=compress)
        return out.getvalue()


# --- reading -----------------------------------------------------------------------------------


def read_bundle(data: bytes, expected_kind: Kind | None = None) -> Bundle:
    """Open and check a bundle: manifest shape, member names, sizes and sha256 of every member."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise BundleError(f"not a bundle (not a ZIP file): {exc}") from exc
    with archive:
        infos = archive.infolist()
        names = [i.filename for i in infos]
        if len(names) != len(set(names)):
            raise BundleError("bundle has duplicate member names")
        if len(infos) > MAX_MEMBERS:
            raise BundleError("bundle has too many members")
        if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
            raise BundleError("bundle is too large once unpacked")
        if MANIFEST not in names:
            raise BundleError("bundle has no manifest.json")
        manifest_bytes = _read_member(archive, MANIFEST, 1024 * 1024)
        manifest = _parse_manifest(manifest_bytes, expected_kind)
        kind: Kind = manifest["kind"]
        declared = {entry["name"]: entry for entry in manifest["files"]}
        allowed = set(declared) | {MANIFEST} | ({SIGNATURE} if kind == "updates" else set())
        extra = sorted(set(names) - allowed)
        if extra:
            raise BundleError(f"bundle has members its manifest does not list: {extra[:3]}")
        members: dict[str, bytes] = {}
        for name, entry in declared.items():
            if name not in names:
                raise BundleError(f"bundle lacks {name}, listed in its manifest")
            content = _read_member(archive, name, MAX_MEMBER_BYTES)
            if len(content) != entry["size"] or sha256_hex(content) != entry["sha256"]:
                raise BundleError(f"sha256 of {name} does not match the manifest")
            members[name] = content
        signature = _read_member(archive, SIGNATURE, 1024) if SIGNATURE in names else None
    return Bundle(kind, manifest, members, manifest_bytes, signature)


def _under(bundle: Bundle, folder: str) -> dict[str, bytes]:
    """Members in `folder` by id: `photos/ab-12.jpg` -> `ab-12` (names were matched already)."""
    return {
        name.rsplit("/", 1)[-1].rsplit(".", 1)[0]: content
        for name, content in bundle.members.items()
        if name.startswith(folder)
    }


def _read_member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    try:
        with archive.open(name) as member:
            content = member.read(limit + 1)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
        raise BundleError(f"member {name} is unreadable: {exc}") from exc
    if len(content) > limit:
        raise BundleError(f"member {name} is too large")
    return content


def _parse_manifest(raw: bytes, expected_kind: Kind | None) -> dict[str, Any]:
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleError(f"manifest.json is not valid JSON: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError(f"manifest format is not {FORMAT}")
    kind = manifest.get("kind")
    if kind not in _NAME_PATTERNS:
        raise BundleError(f"unknown bundle kind: {kind!r}")
    if expected_kind is not None and kind != expected_kind:
        raise BundleError(f"expected a {expected_kind} bundle, got {kind}")
    files = manifest.get("files")
    if not isinstance(files, list):
        raise BundleError("manifest has no file list")
    for entry in files:
        _check_entry(entry, kind)
    return manifest


def _check_entry(entry: Any, kind: str) -> None:
    if not isinstance(entry, dict):
        raise BundleError("manifest file entry is not an object")
    name, digest, size = entry.get("name"), entry.get("sha256"), entry.get("size")
    if not isinstance(name, str) or not _NAME_PATTERNS[kind].match(name):
        raise BundleError(f"member name not allowed: {name!r}")
    if not isinstance(digest, str) or not re.fullmatch(r"[0-9a-f]{64}", digest):
        raise BundleError(f"bad sha256 for {name}")
    if not isinstance(size, int) or isinstance(size, bool) or not 0 <= size <= MAX_MEMBER_BYTES:
        raise BundleError(f"bad size for {name}")


# --- the inspection bundle -----------------------------------------------------------------------


@dataclass(frozen=True)
class InspectionParts:
    """What one finalized inspection consists of, as it travels."""

    inspection_id: str
    canonical_json: bytes
    canonical_sha256: str
    signed_pdf: bytes
    photos: Mapping[str, bytes] = field(default_factory=dict)  # photo id -> downscaled JPEG
    signatures: Mapping[str, bytes] = field(default_factory=dict)  # role -> PNG


def build_inspection_bundle(parts: InspectionParts) -> bytes:
    if not ID_PATTERN.match(parts.inspection_id):
        raise BundleError(f"inspection id not allowed: {parts.inspection_id!r}")
    writer = BundleWriter(
        "inspection",
        {"inspection_id": parts.inspection_id, "canonical_sha256": parts.canonical_sha256},
    )
    writer.add("canonical.json", parts.canonical_json, "canonical")
    writer.add("report.pdf", parts.signed_pdf, "pdf")
    for photo_id, jpeg in sorted(parts.photos.items()):
        writer.add(f"photos/{photo_id}.jpg", jpeg, "photo", id=photo_id)
    for role, png in sorted(parts.signatures.items()):
        writer.add(f"signatures/{role}.png", png, "signature", id=role)
    return writer.to_bytes()


@dataclass(frozen=True)
class CheckedInspection:
    """An inspection bundle whose internal consistency holds (the signature is checked apart)."""

    parts: InspectionParts
    document: InspectionDocument


def read_inspection_bundle(data: bytes, expected_id: str | None = None) -> CheckedInspection:
    """Read an inspection bundle and check it against itself: ids, the canonical hash, that the
    JSON really is canonical, and that every photo and signature it names is there and matches."""
    bundle = read_bundle(data, "inspection")
    manifest = bundle.manifest
    inspection_id = manifest.get("inspection_id")
    claimed = manifest.get("canonical_sha256")
    if not isinstance(inspection_id, str) or not ID_PATTERN.match(inspection_id):
        raise BundleError(f"inspection id not allowed: {inspection_id!r}")
    if expected_id is not None and inspection_id != expected_id:
        raise BundleError("the bundle is for another inspection than the address says")
    for name in ("canonical.json", "report.pdf"):
        if name not in bundle.members:
            raise BundleError(f"bundle lacks {name}")
    canonical = bundle.members["canonical.json"]
    if sha256_hex(canonical) != claimed:
        raise BundleError("canonical sha256 does not match canonical.json")
    document = _canonical_document(canonical)
    if document.id != inspection_id:
        raise BundleError("canonical.json is for another inspection")
    # Ids come from the checked member names, never from free-form manifest fields.
    photos = _under(bundle, "photos/")
    signatures = _under(bundle, "signatures/")
    _check_references(document, photos, signatures)
    parts = InspectionParts(
        inspection_id=inspection_id,
        canonical_json=canonical,
        canonical_sha256=claimed,
        signed_pdf=bundle.members["report.pdf"],
        photos=photos,
        signatures=signatures,
    )
    return CheckedInspection(parts, document)


def _canonical_document(canonical: bytes) -> InspectionDocument:
    try:
        decoded = json.loads(canonical.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleError(f"canonical.json is not valid JSON: {exc}") from exc
    if not isinstance(decoded, dict):
        raise BundleError("canonical.json is not an object")
    if canonical_json(decoded) != canonical:
        raise BundleError("canonical.json is not in canonical form (RFC 8785)")
    try:
        return InspectionDocument.parse(decoded)
    except DocumentError as exc:
        raise BundleError(f"canonical.json is not an inspection document: {exc}") from exc


def _check_references(
    document: InspectionDocument, photos: Mapping[str, bytes], signatures: Mapping[str, bytes]
) -> None:
    wanted = {photo.id: photo.jpeg_sha256 for photo in document.photos}
    if set(wanted) != set(photos):
        raise BundleError("the photos in the bundle are not the ones the inspection names")
    for photo_id, digest in wanted.items():
        if sha256_hex(photos[photo_id]) != digest:
            raise BundleError(f"photo {photo_id} does not match the inspection's sha256")
    wanted_sig = {s.role: s.png_sha256 for s in document.signatures if s.png_sha256}
    if set(wanted_sig) != set(signatures):
        raise BundleError("the signature images in the bundle are not the ones named")
    for role, digest in wanted_sig.items():
        if sha256_hex(signatures[role]) != digest:
            raise BundleError(f"signature image {role} does not match the inspection's sha256")


# --- the USB export (many inspections) ------------------------------------------------------------


def build_inspections_bundle(items: Mapping[str, bytes], header: Mapping[str, Any]) -> bytes:
    """One file for a USB stick: each value an inspection bundle, keyed by inspection id."""
    writer = BundleWriter("inspections", dict(header))
    for inspection_id, inner in sorted(items.items()):
        if not ID_PATTERN.match(inspection_id):
            raise BundleError(f"inspection id not allowed: {inspection_id!r}")
        writer.add(f"inspections/{inspection_id}.zip", inner, "inspection", id=inspection_id)
    return writer.to_bytes()


def read_inspections_bundle(data: bytes) -> list[tuple[str, bytes]]:
    bundle = read_bundle(data, "inspections")
    return sorted(_under(bundle, "inspections/").items())


# --- the updates bundle (registry and forms from the governorate) -------------------------------


def public_key_hex(key: Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return key.public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def build_updates_bundle(
    registry: bytes | None,
    forms: Mapping[str, bytes],
    header: Mapping[str, Any],
    signing_key: Ed25519PrivateKey,
    server_certificates: bytes | None = None,
    revocations: bytes | None = None,
    visits: bytes | None = None,
) -> bytes:
    writer = BundleWriter(
        "updates", {**header, "signing_key": public_key_hex(signing_key.public_key())}
    )
    if registry is not None:
        writer.add("registry.json", registry, "registry")
    if server_certificates is not None:
        writer.add(SERVER_CERTIFICATES, server_certificates, "server_certificates")
    if revocations is not None:
        writer.add(REVOCATIONS, revocations, "revocations")
    if visits is not None:
        writer.add(VISITS, visits, "visits")
    for name, content in sorted(forms.items()):
        if not FORM_NAME_PATTERN.match(name):
            raise BundleError(f"form file name not allowed: {name!r}")
        writer.add(f"forms/{name}", content, "form", id=name)
    return writer.to_bytes(signing_key)


@dataclass(frozen=True)
class Updates:
    signing_key: str  # hex of the Ed25519 public key that signed the manifest
    registry: bytes | None
    forms: dict[str, bytes]
    created_at: str
    server_certificates: bytes | None = None  # PEM, one or more: the pins from now on
    revocations: bytes | None = None  # the governorate CA's CRL (PEM)
    visits: bytes | None = None  # the visit plan of every inspector


def read_updates_bundle(data: bytes) -> Updates:
    """Read an updates bundle; its manifest signature must verify with the key it names."""
    bundle = read_bundle(data, "updates")
    key_hex = bundle.manifest.get("signing_key")
    if bundle.signature is None or not isinstance(key_hex, str):
        raise BundleError("the updates bundle is not signed")
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(key_hex))
        key.verify(bundle.signature, bundle.manifest_bytes)
    except (ValueError, InvalidSignature) as exc:
        raise BundleError("the signature of the updates bundle does not verify") from exc
    forms = {
        name.removeprefix("forms/"): content
        for name, content in bundle.members.items()
        if name.startswith("forms/")
    }
    registry = bundle.members.get("registry.json")
    return Updates(
        key_hex,
        registry,
        forms,
        str(bundle.manifest.get("created_at", "")),
        bundle.members.get(SERVER_CERTIFICATES),
        bundle.members.get(REVOCATIONS),
        bundle.members.get(VISITS),
    )
