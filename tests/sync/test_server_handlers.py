"""Every route of the server in-process (FastAPI's TestClient), on SQLite and on PostgreSQL:
each answer it documents, success and refusal, with real signed bundles from a laptop."""

from __future__ import annotations

import random
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette 1.x would rather drive its TestClient with httpx2 (not a dependency); the
    # httpx it falls back to is the client the laptop itself uses.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from inspector_app.server import accounts, publish
from inspector_app.server.app import create_app
from inspector_app.server.config import Settings
from inspector_app.server.faults import FaultInjection
from inspector_app.server.state import ServerState
from inspector_app.services import finalize
from inspector_app.services.context import open_context
from inspector_app.services.signing import identity as identity_service
from inspector_app.services.sync.bundles import inspection_bundle
from inspector_app.storage import inspections
from inspector_app.storage.db import backup_to, db_path
from tests.helpers.server import SERVER_KEY_PASSPHRASE, laptop_csr
from tests.sync.factory import PASSPHRASE, make_draft, make_finalized, make_laptop, quick_render

REPO = Path(__file__).resolve().parents[2]
UPLOAD_LIMIT = 1024 * 1024


@dataclass
class Laptop:
    csr_pem: str
    bundles: dict[str, bytes]  # inspection id -> its upload body
    conflicting: tuple[str, bytes]  # an id of `bundles` finalized differently on a copy


@pytest.fixture(scope="module")
def laptop(tmp_path_factory: pytest.TempPathFactory) -> Laptop:
    root = tmp_path_factory.mktemp("handlers-laptop")
    ctx = make_laptop(root / "a")
    ids = make_finalized(ctx, 2, seed=11)
    draft = make_draft(ctx, random.Random(2), "PK-BSH-001", full=False)
    (root / "b").mkdir()
    backup_to(ctx.db, root / "b" / db_path(ctx.db).name)
    stored = identity_service.active_identity(ctx.db)
    finalize.finalize(ctx.db, draft, stored, PASSPHRASE, render=quick_render)
    other = open_context(root / "b")
    inspections.update_header(other.db, draft, rep_name="نام دیگر")
    finalize.finalize(other.db, draft, stored, PASSPHRASE, render=quick_render)
    made = Laptop(
        csr_pem=laptop_csr(ctx.db, PASSPHRASE),
        bundles={i: inspection_bundle(ctx.db, i) for i in [*ids, draft]},
        conflicting=(draft, inspection_bundle(other.db, draft)),
    )
    other.close()
    ctx.close()
    return made


@pytest.fixture(scope="module")
def settings(
    request: pytest.FixtureRequest, backend: str | None, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    """A server of its own (own data folder, own PostgreSQL database) for this module."""
    db = request.getfixturevalue("pg_cluster").new_database() if backend else None
    return Settings(
        data_dir=tmp_path_factory.mktemp("handlers-server"),
        db=db,
        max_upload=UPLOAD_LIMIT,
        key_passphrase=SERVER_KEY_PASSPHRASE,
    )


@pytest.fixture(scope="module")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def state_of(client: TestClient) -> ServerState:
    state: ServerState = client.app.state.server  # type: ignore[attr-defined]
    return state


@pytest.fixture(scope="module")
def token(client: TestClient, laptop: Laptop) -> str:
    code = accounts.new_enrol_code(state_of(client).engine, "مریم احمدی")
    reply = client.post("/v1/enrol", json={"code": code, "csr_pem": laptop.csr_pem})
    assert reply.status_code == 201, reply.text
    return str(reply.json()["token"])


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_health(client: TestClient) -> None:
    reply = client.get("/health")
    assert reply.status_code == 200
    assert reply.json() == {"status": "ok", "api": "1"}


def test_enrol(client: TestClient, laptop: Laptop) -> None:
    engine = state_of(client).engine
    code = accounts.new_enrol_code(engine, "علی رضایی")
    reply = client.post(
        "/v1/enrol", json={"code": code, "csr_pem": laptop.csr_pem, "device_name": "لپ‌تاپ"}
    )
    assert reply.status_code == 201
    body = reply.json()
    assert body["inspector_name"] == "علی رضایی"
    assert body["update_key"] == publish.update_key_hex(state_of(client).settings)
    assert set(body) == {
        "device_id", "token", "inspector_name", "cert_fingerprint", "certificate_pem",
        "ca_root_pem", "crl_pem", "update_key",
    }  # fmt: skip
    issued = x509.load_pem_x509_certificate(body["certificate_pem"].encode("ascii"))
    issued.verify_directly_issued_by(
        x509.load_pem_x509_certificate(body["ca_root_pem"].encode("ascii"))
    )
    # Used once: the same code again is refused.
    again = client.post("/v1/enrol", json={"code": code, "csr_pem": laptop.csr_pem})
    assert again.status_code == 403 and "already used" in again.json()["detail"]


def test_enrol_refusals(client: TestClient) -> None:
    engine = state_of(client).engine
    unknown = client.post("/v1/enrol", json={"code": "AAAA-BBBB", "csr_pem": "x"})
    assert unknown.status_code == 403
    code = accounts.new_enrol_code(engine, "علی رضایی")
    not_a_csr = client.post("/v1/enrol", json={"code": code, "csr_pem": "not a request"})
    assert not_a_csr.status_code == 422 and "CSR" in not_a_csr.json()["detail"]
    malformed = client.post(
        "/v1/enrol", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert malformed.status_code == 400 and malformed.json()["detail"] == "malformed JSON"
    wrong_shape = client.post("/v1/enrol", json={"code": ""})
    assert wrong_shape.status_code == 422 and wrong_shape.json()["problems"]
    too_large = client.post("/v1/enrol", content=b"x" * (256 * 1024 + 1))
    assert too_large.status_code == 413


def test_device(client: TestClient, token: str) -> None:
    reply = client.get("/v1/device", headers=auth(token))
    assert reply.status_code == 200 and reply.json()["inspector_name"] == "مریم احمدی"
    for headers in ({}, auth("not-a-token")):
        refused = client.get("/v1/device", headers=headers)
        assert refused.status_code == 401
        assert refused.headers["WWW-Authenticate"] == "Bearer"


def test_upload_stored_then_already_there(client: TestClient, laptop: Laptop, token: str) -> None:
    inspection_id, body = next(iter(laptop.bundles.items()))
    first = client.put(f"/v1/inspections/{inspection_id}", content=body, headers=auth(token))
    assert first.status_code == 201, first.text
    assert first.json()["status"] == "stored" and first.json()["inspection_id"] == inspection_id
    again = client.put(f"/v1/inspections/{inspection_id}", content=body, headers=auth(token))
    assert again.status_code == 200 and again.json()["status"] == "already_there"
    status = client.get(f"/v1/inspections/{inspection_id}", headers=auth(token))
    assert status.status_code == 200
    assert status.json()["canonical_sha256"] == first.json()["canonical_sha256"]


def test_upload_conflict(client: TestClient, laptop: Laptop, token: str) -> None:
    inspection_id, other = laptop.conflicting
    stored = client.put(
        f"/v1/inspections/{inspection_id}",
        content=laptop.bundles[inspection_id],
        headers=auth(token),
    )
    assert stored.status_code == 201
    reply = client.put(f"/v1/inspections/{inspection_id}", content=other, headers=auth(token))
    assert reply.status_code == 409 and reply.json()["status"] == "conflict"
    assert reply.json()["stored_sha256"] == stored.json()["canonical_sha256"]


def test_upload_refusals(client: TestClient, laptop: Laptop, token: str) -> None:
    ids = list(laptop.bundles)
    body = laptop.bundles[ids[1]]
    no_token = client.put(f"/v1/inspections/{ids[1]}", content=body)
    assert no_token.status_code == 401
    not_a_bundle = client.put(f"/v1/inspections/{ids[1]}", content=b"zip?", headers=auth(token))
    assert not_a_bundle.status_code == 400 and not_a_bundle.json()["detail"].startswith(
        "bad bundle"
    )
    wrong_address = client.put(f"/v1/inspections/{ids[0]}", content=body, headers=auth(token))
    assert wrong_address.status_code == 400
    bad_id = client.put("/v1/inspections/..%2Fx", content=body, headers=auth(token))
    assert bad_id.status_code in (404, 422)
    too_large = client.put(
        f"/v1/inspections/{ids[1]}", content=b"\0" * (UPLOAD_LIMIT + 1), headers=auth(token)
    )
    assert too_large.status_code == 413
    missing = client.get("/v1/inspections/never-sent", headers=auth(token))
    assert missing.status_code == 404


def test_upload_signed_by_another_certificate(
    client: TestClient, laptop: Laptop, tmp_path: Path
) -> None:
    """A device enrolled with another inspector's certificate cannot upload this laptop's PDF."""
    other = make_laptop(tmp_path / "other", holder="علی رضایی")
    request = laptop_csr(other.db, PASSPHRASE)
    other.close()
    code = accounts.new_enrol_code(state_of(client).engine, "علی رضایی")
    enrolled = client.post("/v1/enrol", json={"code": code, "csr_pem": request})
    inspection_id = list(laptop.bundles)[1]
    reply = client.put(
        f"/v1/inspections/{inspection_id}",
        content=laptop.bundles[inspection_id],
        headers=auth(enrolled.json()["token"]),
    )
    assert reply.status_code == 422 and reply.json()["problems"]


def test_registry_and_forms(client: TestClient, token: str) -> None:
    engine = state_of(client).engine
    assert client.get("/v1/registry", headers=auth(token)).status_code == 404
    publish.publish_registry(engine, REPO / "resources/data/offices_demo.json")
    publish.publish_form(engine, REPO / "forms/police10.yaml")
    for path in ("/v1/registry", "/v1/forms"):
        reply = client.get(path, headers=auth(token))
        assert reply.status_code == 200 and reply.headers["content-type"] == "application/json"
        etag = reply.headers["ETag"]
        cached = client.get(path, headers={**auth(token), "If-None-Match": etag})
        assert cached.status_code == 304 and cached.headers["ETag"] == etag
        assert client.get(path).status_code == 401
    forms = client.get("/v1/forms", headers=auth(token)).json()
    assert forms["format"] == "bazres.forms/1"
    assert [f["name"] for f in forms["forms"]] == ["police10.yaml"]


def test_summary_is_not_for_devices(client: TestClient, token: str) -> None:
    """Province-wide figures are for console users (`inspector-server summary` for now)."""
    reply = client.get(
        "/v1/summary", params={"from": "1400-01-01", "to": "1499-12-29"}, headers=auth(token)
    )
    assert reply.status_code == 403 and "province-wide" in reply.json()["detail"]
    assert client.get("/v1/summary").status_code == 401
    assert client.get("/v1/summary", headers=auth("not-a-token")).status_code == 401


def test_faults_are_off_unless_switched_on(
    settings: Settings, client: TestClient, token: str
) -> None:
    assert not any(m.cls is FaultInjection for m in client.app.user_middleware)  # type: ignore[attr-defined]
    switched = Settings(
        data_dir=settings.data_dir,
        db=settings.db,
        faults={"fail_before": "1"},
        key_passphrase=settings.key_passphrase,
    )
    app = create_app(switched)
    assert any(m.cls is FaultInjection for m in app.user_middleware)
    with TestClient(app) as faulty:
        reply = faulty.put("/v1/inspections/any-id", content=b"x", headers=auth(token))
        assert reply.status_code == 500
        assert reply.json() == {"detail": "injected failure before storing"}
        assert faulty.get("/health").status_code == 200
