"""Bad input to a real server: each refused with the right status, and nothing stored."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import httpx
import pytest
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from inspector_app.domain.bundle import InspectionParts, build_inspection_bundle, sha256_hex
from inspector_app.services.context import AppContext
from inspector_app.services.sync import config, runner
from inspector_app.services.sync.bundles import inspection_parts
from inspector_app.storage import settings
from tests.helpers.server import UPLOAD_LIMIT_MB, LaptopTemplates, ServerProcess
from tests.sync.factory import PASSPHRASE

LIMIT_MB = UPLOAD_LIMIT_MB


@pytest.fixture(scope="module")
def setup(
    server: ServerProcess,
    templates: LaptopTemplates,
    tmp_path_factory: pytest.TempPathFactory,
):
    ctx, ids = templates.clone("bad-input", 2, tmp_path_factory.mktemp("laptop") / "a")
    assert isinstance(ctx, AppContext)
    runner.enrol(ctx, server.url, server.enrol_code(), PASSPHRASE, allow_insecure_http=True)
    token = config.load(ctx.db).token
    assert token
    return server, ctx, ids, token


def stored_files(server: ServerProcess) -> set[str]:
    return {p.name for p in (server.data_dir / "files").rglob("*") if p.is_file()}


def put(server: ServerProcess, token: str | None, inspection_id: str, body: bytes, **kw):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.put(
        f"{server.url}/v1/inspections/{inspection_id}", content=body, headers=headers, **kw
    )


def refused(setup, inspection_id: str, body: bytes, status: int, token: str | None = "") -> dict:
    server, _ctx, _ids, good = setup
    before = stored_files(server)
    reply = put(server, good if token == "" else token, inspection_id, body)
    assert reply.status_code == status, reply.text
    assert inspection_id not in {r["id"] for r in server.inspections()}
    assert stored_files(server) == before
    return dict(reply.json())


def parts_of(setup, index: int = 0) -> InspectionParts:
    _server, ctx, ids, _token = setup
    return inspection_parts(ctx.db, ids[index])


def rebuild(parts: InspectionParts, **changes: object) -> bytes:
    """A bundle consistent with itself (manifest hashes right) around changed parts."""
    return build_inspection_bundle(InspectionParts(**{**parts.__dict__, **changes}))


def test_tampered_pdf(setup) -> None:
    parts = parts_of(setup)
    pdf = bytearray(parts.signed_pdf)
    at = 400  # inside the signed byte range (the signature itself sits at the end)
    pdf[at] ^= 0x01
    body = refused(setup, parts.inspection_id, rebuild(parts, signed_pdf=bytes(pdf)), 422)
    assert body["problems"]


def test_pdf_with_something_appended_after_signing(setup) -> None:
    parts = parts_of(setup)
    writer = IncrementalPdfFileWriter(io.BytesIO(parts.signed_pdf))
    writer.root["/Bazres"] = writer.root.get("/Lang", None) or writer.root["/Type"]
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    refused(setup, parts.inspection_id, rebuild(parts, signed_pdf=out.getvalue()), 422)


def test_wrong_hashes(setup) -> None:
    parts = parts_of(setup)
    # A photo that does not match the sha256 the inspection names.
    photo_id = next(iter(parts.photos))
    photos = {**parts.photos, photo_id: parts.photos[photo_id] + b"x"}
    refused(setup, parts.inspection_id, rebuild(parts, photos=photos), 400)
    # A claimed canonical hash that is not the hash of canonical.json.
    refused(setup, parts.inspection_id, rebuild(parts, canonical_sha256="0" * 64), 400)
    # canonical.json changed and re-hashed: consistent, but not what the PDF was signed for.
    document = json.loads(parts.canonical_json)
    document["representative"]["name"] = "کس دیگر"
    from inspector_app.domain.canonical import canonical_json

    changed = canonical_json(document)
    body = rebuild(parts, canonical_json=changed, canonical_sha256=sha256_hex(changed))
    problems = refused(setup, parts.inspection_id, body, 422)["problems"]
    assert any("sha256" in p for p in problems)
    # A member whose bytes do not match the manifest.
    raw = rebuild(parts)
    tampered = raw.replace(parts.signed_pdf[-200:], bytes(200))
    refused(setup, parts.inspection_id, tampered, 400)


def test_signed_by_another_certificate(setup, templates: LaptopTemplates, tmp_path: Path) -> None:
    other, other_ids = templates.clone("bad-input-other", 1, tmp_path / "other")
    assert isinstance(other, AppContext)
    parts = inspection_parts(other.db, other_ids[0])
    problems = refused(setup, parts.inspection_id, build_inspection_bundle(parts), 422)
    assert problems["problems"]


def test_tokens(setup) -> None:
    server, _ctx, _ids, _token = setup
    parts = parts_of(setup)
    bundle = build_inspection_bundle(parts)
    refused(setup, parts.inspection_id, bundle, 401, token=None)
    refused(setup, parts.inspection_id, bundle, 401, token="not-a-token")
    for path in (
        "/v1/registry",
        "/v1/forms",
        "/v1/device",
        f"/v1/inspections/{parts.inspection_id}",
    ):
        assert httpx.get(server.url + path).status_code == 401
        assert (
            httpx.get(server.url + path, headers={"Authorization": "Bearer x"}).status_code == 401
        )
    assert httpx.get(server.url + "/health").status_code == 200


def test_revoked_token(setup, templates: LaptopTemplates, tmp_path: Path) -> None:
    server = setup[0]
    ctx, ids = templates.clone("bad-input-revoked", 1, tmp_path / "r")
    assert isinstance(ctx, AppContext)
    runner.enrol(ctx, server.url, server.enrol_code(), PASSPHRASE, allow_insecure_http=True)
    token = config.load(ctx.db).token
    server.admin("revoke", str(settings.get(ctx.db, config.DEVICE_ID)))
    bundle = build_inspection_bundle(inspection_parts(ctx.db, ids[0]))
    refused(setup, ids[0], bundle, 401, token=token)


def test_oversized_body(setup) -> None:
    server, _ctx, _ids, token = setup
    parts = parts_of(setup)
    big = b"\0" * (LIMIT_MB * 1024 * 1024 + 10)
    refused(setup, parts.inspection_id, big, 413)

    def chunks():  # no Content-Length: the limit must hold for a streamed body too
        for _ in range(LIMIT_MB * 16 + 2):
            yield b"\0" * 65536

    reply = put(server, token, parts.inspection_id, chunks())
    assert reply.status_code == 413
    reply = httpx.post(f"{server.url}/v1/enrol", content=b"{" + b" " * 300_000 + b"}")
    assert reply.status_code == 413


def test_malformed_json_and_schema(setup) -> None:
    server = setup[0]
    reply = httpx.post(
        f"{server.url}/v1/enrol",
        content=b'{"code": "AAAA", "csr_pem": ',
        headers={"Content-Type": "application/json"},
    )
    assert reply.status_code == 400 and reply.json()["detail"] == "malformed JSON"
    reply = httpx.post(f"{server.url}/v1/enrol", json={"code": 5})
    assert reply.status_code == 422
    reply = httpx.post(f"{server.url}/v1/enrol", json={"code": "NOPE-NOPE", "csr_pem": "x"})
    assert reply.status_code == 403  # unknown code
    code = server.enrol_code()
    for _ in range(2):  # not a certificate request: refused, and the code is not used up by it
        reply = httpx.post(f"{server.url}/v1/enrol", json={"code": code, "csr_pem": "x"})
        assert reply.status_code == 422 and "CSR" in reply.json()["detail"]
    parts = parts_of(setup)
    from inspector_app.domain.bundle import BundleWriter

    writer = BundleWriter("inspection", {"inspection_id": parts.inspection_id})
    raw = writer.to_bytes().replace(b'"kind"', b'"kind" ,,')
    refused(setup, parts.inspection_id, raw, 400)
    refused(setup, parts.inspection_id, b"not a zip at all", 400)


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _entry(name: str, data: bytes) -> dict[str, object]:
    return {"name": name, "role": "x", "sha256": sha256_hex(data), "size": len(data)}


def test_path_traversal_names(setup) -> None:
    server, _ctx, _ids, token = setup
    parts = parts_of(setup)
    evil = b"evil"
    for name in ("../../evil.jpg", "photos/../../evil.jpg", "/etc/evil.jpg", "photos/..\\x.jpg"):
        manifest = {
            "format": "bazres.bundle/1",
            "kind": "inspection",
            "inspection_id": parts.inspection_id,
            "canonical_sha256": parts.canonical_sha256,
            "files": [
                _entry("canonical.json", parts.canonical_json),
                _entry("report.pdf", parts.signed_pdf),
                _entry(name, evil),
            ],
        }
        body = _zip(
            {
                "manifest.json": json.dumps(manifest).encode(),
                "canonical.json": parts.canonical_json,
                "report.pdf": parts.signed_pdf,
                name: evil,
            }
        )
        assert "not allowed" in refused(setup, parts.inspection_id, body, 400)["detail"]
    # An unlisted extra member with a traversal name is refused too.
    good = build_inspection_bundle(parts)
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    refused(setup, parts.inspection_id, _zip({**members, "../evil": evil}), 400)
    # Ids in the address are matched against a pattern before anything else.
    for bad_id in ("..%2F..%2Fetc", "a" * 65, "x.y"):
        reply = put(server, token, bad_id, good)
        assert reply.status_code in (404, 422), (bad_id, reply.status_code)
    # A bundle for another inspection than the address names.
    refused(setup, "another-id", good, 400)
    assert not list(server.data_dir.parent.rglob("evil*"))


def test_good_bundle_still_accepted(setup) -> None:
    """The refusals above left the inspection sendable: the real bundle is stored once."""
    server, ctx, ids, token = setup
    body = build_inspection_bundle(inspection_parts(ctx.db, ids[0]))
    assert put(server, token, ids[0], body).status_code == 201
    assert put(server, token, ids[0], body).status_code == 200
    assert [r["id"] for r in server.inspections()].count(ids[0]) == 1
