"""The bundle format on its own: what is accepted and what is refused, without a server."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from inspector_app import paths
from inspector_app.domain import bundle as b
from inspector_app.domain.canonical import canonical_json, sha256_hex
from inspector_app.domain.forms import load_form

SNAPSHOT = load_form(paths.BUNDLED_FORMS / "police10.yaml")
PHOTO = {
    "item_id": "a",
    "repeat_index": 0,
    "sha256": "0" * 64,
    "caption": "",
    "original_name": "p1.jpg",
    "width": 320,
    "height": 240,
}
DOC = {
    "format": "bazres.inspection/1",
    "id": "insp-1",
    "replaces": None,
    "office": {"code": "BU-P1", "type": "police10", "county": "بوشهر"},
    "form": {
        "id": SNAPSHOT.form.id,
        "version": SNAPSHOT.form.version,
        "sha256": SNAPSHOT.sha256,
        "snapshot": SNAPSHOT.document,
    },
    "created_at": "2026-11-20T05:00:00Z",
    "visit_date": "2026-11-20",
    "arrival_at": None,
    "departure_at": None,
    "elapsed_seconds": 0.0,
    "inspector": {"name": "بازرس نمونه", "personnel_no": ""},
    "representative": {"name": "", "role": ""},
    "answers": [],
    "interviews": [],
    "photos": [{**PHOTO, "id": "p1", "jpeg_sha256": sha256_hex(b"jpeg-1")}],
    "findings": [],
    "signatures": [
        {
            "role": "inspector",
            "signer_name": "",
            "declined_reason": None,
            "png_sha256": sha256_hex(b"png-1"),
            "signed_at": "2026-11-20T07:00:00Z",
        }
    ],
    "score": {
        "compliance": None,
        "grade": None,
        "critical_failures": [],
        "satisfaction": None,
        "yes": 0,
        "no": 0,
        "na": 0,
    },
}


def parts(**changes: object) -> b.InspectionParts:
    data = canonical_json(DOC)
    base = {
        "inspection_id": "insp-1",
        "canonical_json": data,
        "canonical_sha256": sha256_hex(data),
        "signed_pdf": b"%PDF-1.7 signed",
        "photos": {"p1": b"jpeg-1"},
        "signatures": {"inspector": b"png-1"},
    }
    return b.InspectionParts(**{**base, **changes})  # type: ignore[arg-type]


def rezip(data: bytes, change: dict[str, bytes | None]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    for name, value in change.items():
        if value is None:
            members.pop(name, None)
        else:
            members[name] = value
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, value in members.items():
            archive.writestr(name, value)
    return out.getvalue()


def manifest_of(data: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return dict(json.loads(archive.read("manifest.json")))


def test_round_trip() -> None:
    data = b.build_inspection_bundle(parts())
    checked = b.read_inspection_bundle(data, "insp-1")
    assert checked.parts == parts()
    assert checked.document.to_dict() == DOC


def test_canonical_json_must_be_an_inspection_document() -> None:
    """Hashes and references alone are not enough: the document has the inspection's shape."""
    for broken in ({**DOC, "score": {}}, {**DOC, "extra": 1}, {**DOC, "elapsed_seconds": "1"}):
        data = canonical_json(broken)
        bundle = b.build_inspection_bundle(
            parts(canonical_json=data, canonical_sha256=sha256_hex(data))
        )
        with pytest.raises(b.BundleError, match="not an inspection document"):
            b.read_inspection_bundle(bundle)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"report.pdf": b"%PDF changed"}, "does not match the manifest"),
        ({"photos/p1.jpg": None}, "lacks photos/p1.jpg"),
        ({"photos/p2.jpg": b"extra"}, "does not list"),
        ({"../escape.jpg": b"x"}, "does not list"),
        ({"manifest.json": b"{not json"}, "not valid JSON"),
        ({"manifest.json": None}, "no manifest"),
    ],
)
def test_refused_members(change: dict[str, bytes | None], message: str) -> None:
    data = rezip(b.build_inspection_bundle(parts()), change)
    with pytest.raises(b.BundleError, match=message):
        b.read_inspection_bundle(data)


def test_refused_content() -> None:
    with pytest.raises(b.BundleError, match="canonical sha256"):
        b.read_inspection_bundle(b.build_inspection_bundle(parts(canonical_sha256="0" * 64)))
    pretty = json.dumps(DOC, indent=2).encode()
    with pytest.raises(b.BundleError, match="canonical form"):
        b.read_inspection_bundle(
            b.build_inspection_bundle(
                parts(canonical_json=pretty, canonical_sha256=sha256_hex(pretty))
            )
        )
    with pytest.raises(b.BundleError, match="photos in the bundle"):
        b.read_inspection_bundle(b.build_inspection_bundle(parts(photos={})))
    with pytest.raises(b.BundleError, match="does not match the inspection"):
        b.read_inspection_bundle(b.build_inspection_bundle(parts(photos={"p1": b"other"})))
    with pytest.raises(b.BundleError, match="another inspection"):
        b.read_inspection_bundle(b.build_inspection_bundle(parts()), "insp-2")
    with pytest.raises(b.BundleError, match="not a ZIP"):
        b.read_inspection_bundle(b"plain bytes")


def test_names_are_patterns_not_paths() -> None:
    data = b.build_inspection_bundle(parts())
    manifest = manifest_of(data)
    for evil in ("../x.jpg", "photos/../../x.jpg", "/abs.jpg", "photos/a b.jpg", "photos/ä.jpg"):
        manifest["files"].append({"name": evil, "role": "photo", "sha256": "0" * 64, "size": 1})
        forged = rezip(data, {"manifest.json": json.dumps(manifest).encode()})
        with pytest.raises(b.BundleError, match="not allowed"):
            b.read_bundle(forged)
        manifest["files"].pop()
    with pytest.raises(b.BundleError, match="not allowed"):
        b.build_inspection_bundle(parts(inspection_id="../x"))


def test_duplicate_member_names_are_refused() -> None:
    data = b.build_inspection_bundle(parts())
    out = io.BytesIO(data)
    with (
        pytest.warns(UserWarning, match="Duplicate name"),
        zipfile.ZipFile(out, "a") as archive,
    ):
        archive.writestr("report.pdf", b"second copy")
    with pytest.raises(b.BundleError, match="duplicate"):
        b.read_bundle(out.getvalue())


def test_declared_sizes_are_bounded() -> None:
    big = b"\0" * (b.MAX_MEMBER_BYTES + 1)
    writer = b.BundleWriter("updates")
    writer.add("registry.json", big, "registry")
    data = writer.to_bytes(Ed25519PrivateKey.generate())
    with pytest.raises(b.BundleError, match=r"bad size|too large"):
        b.read_bundle(data)


def test_updates_bundle_signature() -> None:
    key = Ed25519PrivateKey.generate()
    data = b.build_updates_bundle(b'{"offices": []}', {"pishkhan.yaml": b"id: x\n"}, {}, key)
    updates = b.read_updates_bundle(data)
    assert updates.forms == {"pishkhan.yaml": b"id: x\n"}
    assert updates.signing_key == b.public_key_hex(key.public_key())
    # The manifest changed (even re-hashed consistently): the signature no longer holds.
    manifest = manifest_of(data)
    manifest["created_at"] = "forged"
    forged = rezip(data, {"manifest.json": json.dumps(manifest).encode()})
    with pytest.raises(b.BundleError, match="signature"):
        b.read_updates_bundle(forged)
    with pytest.raises(b.BundleError, match="not signed"):
        b.read_updates_bundle(rezip(data, {"manifest.sig": None}))
    with pytest.raises(b.BundleError, match="does not match"):
        b.read_updates_bundle(rezip(data, {"forms/pishkhan.yaml": b"id: y\n"}))
    with pytest.raises(b.BundleError, match="not allowed"):
        b.build_updates_bundle(None, {"../x.yaml": b""}, {}, key)


def test_usb_export_round_trip() -> None:
    inner = b.build_inspection_bundle(parts())
    data = b.build_inspections_bundle({"insp-1": inner}, {"created_at": "now"})
    assert b.read_inspections_bundle(data) == [("insp-1", inner)]
