"""Server workers writing the same row at once, on both databases: laptops enrolling on a new
server together (each asks for the first CRL), two revocations together (one is held
mid-transaction while the other runs into it), a laptop's two syncs sending its first audit
head together, and an attacker's password guesses sent in parallel, each of which must count
towards the lock.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import Connection, Engine, select, text

from inspector_app.server import accounts, published, revocation, schema
from inspector_app.server.api.routes.audit import AnchorReply, AnchorUpdate, set_anchor
from inspector_app.server.ca import Authority, authority
from inspector_app.server.config import Settings
from inspector_app.server.console import throttle
from inspector_app.server.console.tables import login_failures_t
from inspector_app.server.database import database_url, make_engine
from tests.helpers.server import SERVER_KEY_PASSPHRASE


@pytest.fixture
def engine(fresh_db: str | None, tmp_path: Path) -> Iterator[Engine]:
    made = make_engine(database_url(tmp_path, fresh_db))
    schema.upgrade(made)
    yield made
    made.dispose()


@pytest.fixture
def ca(tmp_path: Path) -> Authority:
    return authority(Settings(data_dir=tmp_path, key_passphrase=SERVER_KEY_PASSPHRASE))


def enrolled(engine: Engine, ca: Authority, name: str) -> str:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "laptop")])
    csr = x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256())
    pem = csr.public_bytes(serialization.Encoding.PEM).decode("ascii")
    device, _token = accounts.enrol(engine, ca, accounts.new_enrol_code(engine, name), pem, name)
    return device.id


def while_held(engine: Engine, hold: Callable[[Connection], Any], other: Callable[[], Any]) -> Any:
    """Run `hold` in a transaction left open while `other` runs in a thread and reaches the
    point where it waits for it; then commit, and give `other`'s answer (or raise its error)."""
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = other()
        except Exception as exc:  # re-raised below, in the test's thread
            result["error"] = exc

    with engine.begin() as conn:
        hold(conn)
        worker = threading.Thread(target=run)
        worker.start()
        _wait_until_blocked(engine, worker)
    worker.join(60)
    assert not worker.is_alive()
    if "error" in result:
        raise result["error"]
    return result["value"]


def _wait_until_blocked(engine: Engine, worker: threading.Thread) -> None:
    """PostgreSQL tells when a backend waits on a lock; SQLite cannot, so give it time."""
    if engine.dialect.name != "postgresql":
        time.sleep(1.0)
        return
    deadline = time.monotonic() + 20
    probe = make_engine(engine.url.render_as_string(hide_password=False))
    try:
        while time.monotonic() < deadline and worker.is_alive():
            with probe.connect() as conn:
                waiting = conn.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity"
                        " WHERE datname = current_database() AND wait_event_type = 'Lock'"
                    )
                ).scalar_one()
            if waiting:
                return
            time.sleep(0.05)
    finally:
        probe.dispose()
    raise AssertionError("the second writer never waited for the first")


def test_two_processes_asking_for_the_first_crl_both_get_the_one_stored(
    engine: Engine, ca: Authority
) -> None:
    def first(conn: Connection) -> None:
        revocation.refresh_crl(conn, ca, replace=False)

    answered = while_held(engine, first, lambda: revocation.current_crl(engine, ca))
    assert answered == published.read(engine, revocation.CRL)


def test_two_revocations_at_once_both_reach_the_crl(engine: Engine, ca: Authority) -> None:
    devices = [enrolled(engine, ca, name) for name in ("علی رضایی", "مریم احمدی")]

    def revoke_first(conn: Connection) -> None:
        assert revocation.retire_devices(conn, devices[:1], "key_compromise") == 1
        revocation.refresh_crl(conn, ca)

    assert while_held(
        engine,
        revoke_first,
        lambda: revocation.revoke_device(engine, ca, devices[1], "key_compromise"),
    )
    stored = published.read(engine, revocation.CRL)
    assert stored is not None
    crl = x509.load_pem_x509_crl(stored[0])
    assert crl.is_signature_valid(ca.root.public_key())
    listed = {format(entry.serial_number, "x") for entry in crl}
    with engine.connect() as conn:
        serials = set(
            conn.execute(
                text("SELECT serial FROM certificates WHERE revoked_at IS NOT NULL")
            ).scalars()
        )
    assert len(serials) == 2 and listed == serials


def test_password_guesses_sent_in_parallel_each_count(engine: Engine) -> None:
    workers, rounds = 6, 4
    names = throttle.keys("admin", "203.0.113.9")

    def guesses() -> None:
        for _ in range(rounds):
            throttle.failed(engine, names)

    assert in_parallel(workers, guesses) == [None] * workers
    with engine.connect() as conn:
        counted = dict(
            conn.execute(select(login_failures_t.c.key, login_failures_t.c.failures)).all()
        )
    assert counted == {name: workers * rounds for name in names}
    assert throttle.locked_for(engine, names) is not None


def in_parallel(workers: int, work: Callable[[], Any]) -> list[Any]:
    """`work` in `workers` threads started together; each one's answer or error."""
    start = threading.Barrier(workers)
    answers: list[Any] = []

    def run() -> None:
        start.wait()
        try:
            answers.append(work())
        except Exception as exc:  # judged by the caller, in the test's thread
            answers.append(exc)

    threads = [threading.Thread(target=run) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return answers


def test_a_laptops_first_audit_head_sent_twice_at_once_is_held_once(
    engine: Engine, ca: Authority
) -> None:
    device_id = enrolled(engine, ca, "علی رضایی")
    device = next(d for d in accounts.list_devices(engine) if d.id == device_id)
    head = AnchorUpdate(seq=7, hash="a" * 64)
    answers = in_parallel(4, lambda: set_anchor(head, device, engine))
    assert all(isinstance(a, AnchorReply) for a in answers), answers
    assert {(a.anchor.seq, a.anchor.hash) for a in answers} == {(7, "a" * 64)}
