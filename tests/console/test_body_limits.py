"""The cap on request bodies, against a real server process: a console POST over 256 KB is
refused with 413 before its body is read whole (a Persian page for a browser, JSON otherwise)
and changes nothing, whether it says its length or comes chunked without one; the publishing
upload pages (/console/publishing...) take up to 5 MB, and a look-alike path does not.
"""

from __future__ import annotations

import re
import select
import socket
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from tests.console.conftest import Console
from tests.console.laptops import Laptop, synced_laptop
from tests.helpers.server import ServerProcess

KB = 1024


@pytest.fixture(scope="module")
def inspection(server: ServerProcess, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("laptops")
    laptop: Laptop = synced_laptop(server, root / "maryam", "مریم احمدی", 1, seed=5)
    yield laptop.ids[0]
    laptop.ctx.close()


def review_state(supervisor: Console, inspection_id: str) -> str:
    page = supervisor.get(f"/console/inspections/{inspection_id}")
    found = re.search(r'name="seen" value="([^"]+)"', page.text)
    assert found, page.text
    return found[1]


def step(supervisor: Console, padding: int) -> dict[str, str]:
    """A valid review step (received → reviewed), with `padding` bytes of an extra field a
    handler ignores: without the cap it would be taken."""
    return {
        "csrf_token": supervisor.csrf,
        "seen": "received",
        "to": "reviewed",
        "pad": "x" * padding,
    }


def test_a_large_console_post_is_refused_and_changes_nothing(
    server: ServerProcess, inspection: str, console: Callable[[str], Console]
) -> None:
    supervisor = console("sara")
    path = f"/console/inspections/{inspection}/review"
    assert review_state(supervisor, inspection) == "received"

    browser = supervisor.http.post(
        path, data=step(supervisor, 300 * KB), headers={"Accept": "text/html"}
    )
    assert browser.status_code == 413
    assert browser.headers["content-type"].startswith("text/html")
    assert 'lang="fa"' in browser.text and "بزرگ‌تر" in browser.text
    assert "۲۵۶" in browser.text  # the limit, in Persian digits

    script = supervisor.http.post(
        path, data=step(supervisor, 300 * KB), headers={"Accept": "application/json"}
    )
    assert script.status_code == 413
    assert script.json()["detail"] == f"request body is larger than {256 * KB} bytes"
    assert review_state(supervisor, inspection) == "received"

    # Just under the cap, the same step is taken: the cap, not the form, refused the others.
    taken = supervisor.http.post(
        path, data=step(supervisor, 200 * KB), headers={"Accept": "text/html"}
    )
    assert taken.status_code == 303, taken.text
    assert review_state(supervisor, inspection) == "reviewed"


def chunked_post(server: ServerProcess, path: str, cookie: str, total: int) -> tuple[bytes, int]:
    """POST up to `total` bytes in 16 KB chunks with no Content-Length, reading the answer as
    soon as there is one; (the answer's first bytes, how many body bytes were sent by then)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall(
            (
                f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookie}\r\n"
                "Accept: text/html\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                "Transfer-Encoding: chunked\r\n\r\n"
            ).encode()
        )
        chunk = b"pad=" + b"x" * (16 * KB - 4)
        frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
        sent = 0
        deadline = time.monotonic() + 60
        while sent < total and time.monotonic() < deadline:
            readable, writable, _ = select.select([sock], [sock], [], 1.0)
            if readable:
                break
            if writable:
                try:
                    sock.sendall(frame)
                except OSError:  # closed by the server: its answer is waiting
                    break
                sent += len(chunk)
        return sock.recv(4096), sent


def test_a_chunked_body_without_a_length_is_cut_off(
    server: ServerProcess, inspection: str, console: Callable[[str], Console]
) -> None:
    supervisor = console("sara")
    before = review_state(supervisor, inspection)
    cookie = "; ".join(f"{k}={v}" for k, v in supervisor.http.cookies.items())
    answer, sent = chunked_post(
        server, f"/console/inspections/{inspection}/review", cookie, 64 * 1024 * KB
    )
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    # Answered long before the 64 MB the client was ready to send (kernel buffers hold some).
    assert sent < 16 * 1024 * KB, sent
    assert review_state(supervisor, inspection) == before


def test_publishing_uploads_get_5_mb_and_a_look_alike_path_does_not(
    server: ServerProcess, console: Callable[[str], Console]
) -> None:
    supervisor = console("sara")
    supervisor.get("/console/inspections")
    body = {"csrf_token": supervisor.csrf}
    big = {"file": ("registry.csv", b"x" * (1024 * KB), "text/csv")}
    within = supervisor.http.post("/console/publishing/upload", data=body, files=big)
    assert within.status_code != 413, within.text  # past the cap; the page answers itself
    huge = {"file": ("registry.csv", b"x" * (6 * 1024 * KB), "text/csv")}
    over = supervisor.http.post(
        "/console/publishing/upload", data=body, files=huge, headers={"Accept": "text/html"}
    )
    assert over.status_code == 413 and "۵" in over.text
    for path in ("/console/publishing-upload", "/console/publishingx", "/console/x/publishing"):
        lookalike = supervisor.http.post(path, data=body, files=big)
        assert lookalike.status_code == 413, path


def test_the_device_api_keeps_its_limits_and_answers_json(server: ServerProcess) -> None:
    """Unchanged for /v1 (tests/sync/test_bad_input.py has the upload limit with a token):
    256 KB for anything but an upload, answered in JSON even to a browser."""
    reply = httpx.post(
        f"{server.url}/v1/enrol",
        content=b"{" + b" " * (300 * KB) + b"}",
        headers={"Accept": "text/html", "Content-Type": "application/json"},
        timeout=30,
    )
    assert reply.status_code == 413
    assert reply.json()["detail"] == f"request body is larger than {256 * KB} bytes"
