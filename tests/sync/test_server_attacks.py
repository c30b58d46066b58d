"""The server attacked by what an enrolled laptop, or anyone on the network, can send: each
attempt is refused and leaves nothing behind.

One laptop against another (a correction that names another inspector's inspection, reading
other laptops' data), the API description, and limits before work: unauthenticated bodies
refused before they are read, bodies that trickle in, JSON nested too deeply, a USB file with
bad bundles among good ones, and the modes of the files the server creates. In-process
(TestClient) where no process is needed; a real `inspector-server serve` where memory, time or
file modes are what is measured."""

from __future__ import annotations

import hashlib
import json
import random
import socket
import sqlite3
import stat
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # As in test_server_handlers.py: Starlette's TestClient on the laptop's own httpx.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from inspector_app.domain.bundle import (
    InspectionParts,
    build_inspection_bundle,
    build_inspections_bundle,
)
from inspector_app.figures.filters import OverviewFilter
from inspector_app.server import accounts, figure_counts, replaced
from inspector_app.server.app import create_app
from inspector_app.server.config import Settings
from inspector_app.server.database import inspections_t
from inspector_app.server.state import ServerState
from inspector_app.server.summary import province_summary
from inspector_app.services import finalize
from inspector_app.services.context import AppContext
from inspector_app.services.correction import start_correction
from inspector_app.services.signing import identity as identity_service
from inspector_app.services.sync.bundles import inspection_bundle
from inspector_app.storage import drafts, inspections
from inspector_app.storage import settings as app_settings
from inspector_app.storage.db import db_path
from tests.helpers.cli import run_cli
from tests.helpers.server import (
    SERVER_KEY_PASSPHRASE,
    LaptopTemplates,
    ServerProcess,
    laptop_csr,
    make_server,
)
from tests.sync.factory import PASSPHRASE, make_draft, make_finalized, make_laptop, quick_render
from tests.sync.factory import signature_png as drawn_signature

MB = 1024 * 1024


# --- laptops and an in-process server --------------------------------------------------------


@dataclass
class Laptops:
    csrs: dict[str, str]  # laptop name -> the certificate request it enrols with
    original: tuple[str, bytes]  # laptop A's inspection
    second: tuple[str, bytes]  # another of laptop A's inspections
    own_correction: tuple[str, bytes]  # laptop A correcting its own inspection
    foreign: dict[str, tuple[str, bytes]]  # laptop name -> its "correction" of A's inspection
    dangling: tuple[str, bytes]  # a correction of an inspection the server never received


def _sign_and_finalize(ctx: AppContext, inspection_id: str, seed: int) -> None:
    name = app_settings.inspector_profile(ctx.db).name
    drafts.save_signature(
        ctx.db,
        inspection_id,
        "inspector",
        signer_name=name,
        strokes=[[(0.0, 0.0), (1.0, 1.0)]],
        png=drawn_signature(seed),
    )
    drafts.save_signature(
        ctx.db,
        inspection_id,
        "representative",
        signer_name="علی رضایی",
        declined_reason="نماینده در محل نبود",
    )
    stored = identity_service.active_identity(ctx.db)
    finalize.finalize(ctx.db, inspection_id, stored, PASSPHRASE, render=quick_render)


def _forged_correction(ctx: AppContext, office_code: str, replaces: str, seed: int) -> str:
    """What the holder of a laptop's database can make: a draft whose `replaces` is set with
    plain sqlite3 to an inspection this laptop never had, then finalized and signed as usual."""
    draft = make_draft(ctx, random.Random(seed), office_code, full=False)
    with closing(sqlite3.connect(db_path(ctx.db))) as raw:
        raw.execute("PRAGMA foreign_keys = OFF")
        raw.execute("UPDATE inspections SET replaces = ? WHERE id = ?", [replaces, draft])
        raw.commit()
    finalize.finalize(
        ctx.db, draft, identity_service.active_identity(ctx.db), PASSPHRASE, render=quick_render
    )
    return draft


def _csr(ctx: AppContext) -> str:
    return laptop_csr(ctx.db, PASSPHRASE)


@pytest.fixture(scope="module")
def laptops(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Laptops]:
    root = tmp_path_factory.mktemp("attack-laptops")
    a = make_laptop(root / "a")
    original, second = make_finalized(a, 2, seed=31)
    office = str(inspections.get(a.db, original)["office"]["code"])
    correction = start_correction(a, original)
    _sign_and_finalize(a, correction, 5)
    # B: another inspector; C: another key claiming A's very name and personnel number.
    b = make_laptop(root / "b", holder="علی رضایی", personnel_no="67890")
    c = make_laptop(root / "c")
    foreign = {
        name: _forged_correction(ctx, office, original, 7) for name, ctx in (("b", b), ("c", c))
    }
    dangling = _forged_correction(b, office, "never-sent-to-the-server", 8)
    made = Laptops(
        csrs={"a": _csr(a), "b": _csr(b), "c": _csr(c)},
        original=(original, inspection_bundle(a.db, original)),
        second=(second, inspection_bundle(a.db, second)),
        own_correction=(correction, inspection_bundle(a.db, correction)),
        foreign={
            "b": (foreign["b"], inspection_bundle(b.db, foreign["b"])),
            "c": (foreign["c"], inspection_bundle(c.db, foreign["c"])),
        },
        dangling=(dangling, inspection_bundle(b.db, dangling)),
    )
    for ctx in (a, b, c):
        ctx.close()
    yield made


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(
        data_dir=tmp_path_factory.mktemp("attack-server"),
        max_upload=MB,
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
def tokens(client: TestClient, laptops: Laptops) -> dict[str, str]:
    """Each laptop enrolled as a device of its own."""
    made = {}
    for name, request in laptops.csrs.items():
        code = accounts.new_enrol_code(state_of(client).engine, f"laptop {name}")
        reply = client.post("/v1/enrol", json={"code": code, "csr_pem": request})
        assert reply.status_code == 201, reply.text
        made[name] = str(reply.json()["token"])
    return made


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def put(client: TestClient, token: str, item: tuple[str, bytes]) -> httpx.Response:
    return client.put(f"/v1/inspections/{item[0]}", content=item[1], headers=auth(token))


def held_ids(client: TestClient) -> set[str]:
    with state_of(client).engine.connect() as conn:
        return set(conn.execute(select(inspections_t.c.id)).scalars())


def figures(client: TestClient) -> dict[str, object]:
    overview = province_summary(state_of(client).engine, OverviewFilter()).overview
    return {
        "inspections": overview.inspections,
        "mean_score": overview.mean_score,
        "by_county": [(r.key, r.inspections, r.mean_score) for r in overview.by_county],
    }


# --- one laptop against another --------------------------------------------------------------


def test_a_correction_replaces_only_its_own_inspectors_inspection(
    client: TestClient, laptops: Laptops, tokens: dict[str, str]
) -> None:
    assert put(client, tokens["a"], laptops.original).status_code == 201
    before, held = figures(client), held_ids(client)
    assert before["inspections"] == 1
    # Another inspector's laptop, and another key under the same name and personnel number.
    for name in ("b", "c"):
        reply = put(client, tokens[name], laptops.foreign[name])
        assert reply.status_code == 403, reply.text
        assert "signed by another inspector's key" in reply.json()["detail"]
    # Replacing what the server does not hold is no way round it.
    dangling = put(client, tokens["b"], laptops.dangling)
    assert dangling.status_code == 422 and "not on the server" in dangling.json()["detail"]
    assert held_ids(client) == held and figures(client) == before

    # A row stored before ingest checked this (or put in by hand) drops nothing either.
    engine = state_of(client).engine
    original_id = laptops.original[0]
    with engine.begin() as conn:
        row = dict(
            conn.execute(select(inspections_t).where(inspections_t.c.id == original_id))
            .mappings()
            .one()
        )
        row.update(
            id="forged-old", signer_fingerprint="0" * 64, signer_key_sha256="0" * 64,
            replaces=original_id,
        )  # fmt: skip
        conn.execute(inspections_t.insert().values(**row))
        figure_counts.add(conn, row, [])  # as the upgrade that added the figures counted it
        replaced.refresh(conn, [row["id"], original_id])  # as the upgrade that flagged them
    assert figures(client)["inspections"] == 2
    with engine.begin() as conn:
        figure_counts.remove(conn, "forged-old")
        conn.execute(inspections_t.delete().where(inspections_t.c.id == "forged-old"))

    # The inspector's own correction counts instead of the inspection it replaces.
    assert put(client, tokens["a"], laptops.own_correction).status_code == 201
    assert held_ids(client) == {*held, laptops.own_correction[0]}
    assert figures(client)["inspections"] == 1


def test_a_device_reads_nothing_of_other_laptops(
    client: TestClient, laptops: Laptops, tokens: dict[str, str]
) -> None:
    put(client, tokens["a"], laptops.original)
    for name in ("a", "b"):
        summary = client.get("/v1/summary", headers=auth(tokens[name]))
        assert summary.status_code == 403
    path = f"/v1/inspections/{laptops.original[0]}"
    assert client.get(path, headers=auth(tokens["a"])).status_code == 200
    assert client.get(path, headers=auth(tokens["b"])).status_code == 404
    # The governorate still reads the figures on the server.
    ran = run_cli(
        "summary", "--json", "--data-dir", str(state_of(client).settings.data_dir),
        program="inspector-server",
    )  # fmt: skip
    assert ran.returncode == 0 and json.loads(ran.stdout)["overview"]["inspections"] >= 1


def test_no_docs_and_no_schema_unless_asked(settings: Settings, client: TestClient) -> None:
    for path in ("/docs", "/redoc", "/openapi.json", "/docs/oauth2-redirect"):
        assert client.get(path).status_code == 404, path
    asked = Settings(
        data_dir=settings.data_dir,
        max_upload=MB,
        api_docs=True,
        key_passphrase=settings.key_passphrase,
    )
    with TestClient(create_app(asked)) as documented:
        assert documented.get("/openapi.json").status_code == 200
        assert documented.get("/docs").status_code == 404  # its page would load a CDN


# --- bodies that should never cost the server -----------------------------------------------


def deep_json(depth: int = 100_000) -> bytes:
    return b"[" * depth + b"]" * depth


def test_json_nested_too_deeply_is_400(client: TestClient, tokens: dict[str, str]) -> None:
    enrol = client.post(
        "/v1/enrol",
        content=b'{"code": ' + deep_json(50_000) + b"}",
        headers={"content-type": "application/json"},
    )
    assert enrol.status_code == 400
    canonical = deep_json()
    nested = build_inspection_bundle(
        InspectionParts(
            inspection_id="nested-1",
            canonical_json=canonical,
            canonical_sha256=hashlib.sha256(canonical).hexdigest(),
            signed_pdf=b"%PDF-1.7",
        )
    )
    reply = client.put("/v1/inspections/nested-1", content=nested, headers=auth(tokens["a"]))
    assert reply.status_code == 400 and "nested too deeply" in reply.json()["detail"]


def test_usb_file_with_bad_bundles_imports_the_good_ones(
    client: TestClient, laptops: Laptops, tokens: dict[str, str], tmp_path: Path
) -> None:
    canonical = deep_json()
    nested = build_inspection_bundle(
        InspectionParts("nested-2", canonical, hashlib.sha256(canonical).hexdigest(), b"%PDF")
    )
    second_id, foreign_id = laptops.second[0], laptops.foreign["b"][0]
    usb = tmp_path / "stick.zip"
    usb.write_bytes(
        build_inspections_bundle(
            {
                second_id: laptops.second[1],
                "garbage-1": b"not a zip at all",
                "nested-2": nested,
                foreign_id: laptops.foreign["b"][1],
            },
            {"created_at": "2026-12-01T00:00:00Z"},
        )
    )
    data_dir = str(state_of(client).settings.data_dir)
    ran = run_cli("import", str(usb), "--json", "--data-dir", data_dir, program="inspector-server")
    assert ran.returncode == 1, ran.stderr
    results = {item["id"]: item for item in json.loads(ran.stdout)}
    assert results[second_id]["status"] == "stored"
    for bad in ("garbage-1", "nested-2", foreign_id):
        assert results[bad]["status"] == "refused" and results[bad]["reason"], results[bad]
    assert "another inspector's key" in results[foreign_id]["reason"]
    assert second_id in held_ids(client) and foreign_id not in held_ids(client)


# --- a real server process: memory, time and file modes -------------------------------------


def vm_rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def raw_request(server: ServerProcess, head: str) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    sock.sendall(head.encode("latin-1"))
    return sock


def status_of(sock: socket.socket) -> int:
    answer = b""
    while b"\r\n" not in answer:
        chunk = sock.recv(4096)
        if not chunk:
            break
        answer += chunk
    return int(answer.split(b" ", 2)[1])


@pytest.fixture
def big_server(server_factory: list[ServerProcess], tmp_path: Path) -> ServerProcess:
    server = make_server(
        server_factory, tmp_path, None, extra_args=["--max-upload-mb", "64", "--read-timeout", "1"]
    )
    server.data_dir.rmdir()  # the server makes its data folder itself
    return server.start()


@pytest.fixture
def enrolled_token(big_server: ServerProcess, templates: LaptopTemplates, tmp_path: Path) -> str:
    """A device of a laptop enrolled on `big_server`, which holds one of its inspections."""
    ctx, ids = templates.clone("attacks", 1, tmp_path / "laptop")
    assert isinstance(ctx, AppContext)
    enrolled = httpx.post(
        f"{big_server.url}/v1/enrol",
        json={"code": big_server.enrol_code(), "csr_pem": _csr(ctx)},
    )
    assert enrolled.status_code == 201, enrolled.text
    token = str(enrolled.json()["token"])
    stored = httpx.put(
        f"{big_server.url}/v1/inspections/{ids[0]}",
        content=inspection_bundle(ctx.db, ids[0]),
        headers=auth(token),
    )
    ctx.close()
    assert stored.status_code == 201, stored.text
    return token


def test_unauthenticated_uploads_are_refused_before_their_body(big_server: ServerProcess) -> None:
    # The headers and a first 64 KB of a 50 MB body: the answer comes without the rest.
    sock = raw_request(
        big_server,
        "PUT /v1/inspections/x HTTP/1.1\r\nHost: a\r\nContent-Type: application/zip\r\n"
        f"Content-Length: {50 * MB}\r\n\r\n",
    )
    sock.sendall(b"\0" * 65536)
    started = time.monotonic()
    assert status_of(sock) == 401 and time.monotonic() - started < 5
    sock.close()

    # 16 such uploads at once, sent whole: the server neither buffers them nor slows down.
    baseline = vm_rss_kb(big_server.proc.pid)  # type: ignore[union-attr]
    block = b"\0" * MB
    results: list[object] = []
    peak = [baseline]
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], vm_rss_kb(big_server.proc.pid))  # type: ignore[union-attr]
            time.sleep(0.05)

    def upload(index: int) -> None:
        try:
            reply = httpx.put(
                f"{big_server.url}/v1/inspections/attack-{index}",
                content=iter([block] * 50),
                headers={"Content-Length": str(50 * MB), "Authorization": "Bearer forged"},
                timeout=30,
            )
            results.append(reply.status_code)
        except httpx.TransportError as exc:  # the server closed the connection, body unread
            results.append(type(exc).__name__)

    watcher = threading.Thread(target=watch)
    watcher.start()
    started = time.monotonic()
    threads = [threading.Thread(target=upload, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    stop.set()
    watcher.join()
    assert len(results) == 16 and all(r == 401 or isinstance(r, str) for r in results), results
    assert 401 in results
    assert elapsed < 20, elapsed
    assert peak[0] - baseline < 64 * 1024, (baseline, peak[0])  # KB: far below one body
    assert httpx.get(f"{big_server.url}/health").status_code == 200


def test_a_body_that_trickles_in_is_cut_off(big_server: ServerProcess, enrolled_token: str) -> None:
    sock = raw_request(
        big_server,
        f"PUT /v1/inspections/slow-1 HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer {enrolled_token}"
        "\r\nContent-Type: application/zip\r\nContent-Length: 100000\r\n\r\n",
    )
    started = time.monotonic()
    sock.settimeout(0.4)
    answer = None
    while time.monotonic() - started < 15:
        try:
            sock.sendall(b"P")  # a byte now and then, as a slow-loris does
            answer = sock.recv(4096)
            break
        except TimeoutError:
            continue
        except OSError:
            break
    sock.close()
    assert answer is not None and answer.split(b" ", 2)[1] == b"408", answer
    assert time.monotonic() - started < 6
    assert httpx.get(f"{big_server.url}/health").status_code == 200


def test_server_files_are_private(big_server: ServerProcess, enrolled_token: str) -> None:
    data = big_server.data_dir
    created = [data, *data.rglob("*")]
    names = {p.name for p in created}
    assert {"server.db", "update-signing.p12", "governorate-ca.p12", "files"} <= names, names
    assert any(p.parent.parent.name == "files" for p in created if p.is_file())
    for path in created:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path}: {oct(mode)}"
    with closing(sqlite3.connect(data / "server.db")) as conn:
        assert conn.execute("SELECT count(*) FROM inspections").fetchone()[0] == 1
