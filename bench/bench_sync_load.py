"""Load benchmark: many laptops uploading finalized inspections to one server on loopback.

    uv run python bench/bench_sync_load.py [--laptops 50] [--inspections 40]
                                           [--backends sqlite,postgres] [--workers N]
                                           [--paced 0.5] [--paced-inspections 10]
                                           [--json FILE]

Each simulated laptop has its own signing identity (a self-signed RSA certificate, as on a real
laptop), enrols with a one-time code and a CSR for its key, and uploads its inspections one
after another; all laptops run at once (one thread each). Every bundle is real: the canonical
JSON of a real inspection (its id changed), photos, and a PDF signed with pyHanko (by the
laptop's own certificate, as a report finalized before enrolment), so the server does its full
work (bundle checks, PDF signature against the enrolled key, store, commit). Bundles are
made before the clock starts. The server is one `inspector-server serve` process (SQLite in its
data folder, or a throwaway PostgreSQL cluster). Prints inspections/s and latency percentiles,
and checks that every inspection is on the server exactly once.

Fifty laptops each waiting only for its last answer keep fifty uploads in the server at all
times, so each waits for the forty-nine before it: a latency of 50 / throughput (Little's
law), whatever the server does. What a laptop waits when the server is not saturated is
measured next (--paced): on a new server, ten uploads of each laptop planned at half the
throughput just measured, latency counted from each planned moment.

Where the cores go during the load (Linux /proc): the CPU seconds of the server's processes,
of PostgreSQL's, and of this process (the 50 simulated laptops: HTTP clients on the same
machine), each also per inspection. On a 2-core machine the laptops' share is taken from what
a real server, whose clients are elsewhere, would have.
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import os
import pickle
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inspector_app.domain.bundle import InspectionParts, build_inspection_bundle  # noqa: E402
from inspector_app.domain.canonical import canonical_json, sha256_hex  # noqa: E402
from tests.sync.conftest import ServerProcess  # noqa: E402
from tests.sync.pg import throwaway_cluster  # noqa: E402

PASSPHRASE = "bench-passphrase"
Laptop = tuple[str, list[tuple[str, bytes]]]  # CSR PEM, [(inspection id, bundle)]


def template() -> tuple[dict, dict[str, bytes], dict[str, bytes]]:
    """One real finalized inspection: its canonical document, photos and signature images."""
    from inspector_app.services.sync.bundles import inspection_parts
    from tests.sync.factory import make_finalized, make_laptop

    folder = Path(tempfile.mkdtemp(prefix="bazres-bench-template-"))
    ctx = make_laptop(folder)
    (inspection_id,) = make_finalized(ctx, 1, full=True)
    parts = inspection_parts(ctx.db, inspection_id)
    ctx.close()
    return json.loads(parts.canonical_json), dict(parts.photos), dict(parts.signatures)


def make_laptop_bundles(args: tuple[int, int, dict, dict, dict]) -> Laptop:
    """In a worker process: one identity and `count` signed bundles for laptop `index`."""
    index, count, document, photos, signatures = args
    from reportlab.pdfgen import canvas

    from inspector_app.services.signing import csr, identity, keys, pdf_sign

    # Letters only: a holder name with digits (Latin or Persian) or a hamza mark fails pyHanko's
    # validation (seen here; reported). Each laptop still has a key and certificate of its own.
    new = identity.create_self_signed("مریم احمدی", str(1000 + index), PASSPHRASE)
    unlocked = keys.unlock(new.cert_pem, new.key_encrypted, PASSPHRASE)
    bundles: list[tuple[str, bytes]] = []
    for n in range(count):
        inspection_id = str(uuid.uuid4())
        doc = json.loads(json.dumps(document))
        doc["id"] = inspection_id
        # Each inspection's photos differ (a unique trailer after the JPEG end marker).
        own_photos = {pid: jpeg + f"{inspection_id}".encode() for pid, jpeg in photos.items()}
        for photo in doc["photos"]:
            photo["jpeg_sha256"] = sha256_hex(own_photos[photo["id"]])
        data = canonical_json(doc)
        digest = sha256_hex(data)
        out = io.BytesIO()
        pdf = canvas.Canvas(out)
        pdf.setKeywords(f"bazres-sha256:{digest} bazres-id:{inspection_id}")
        pdf.drawString(72, 760, f"Inspection {inspection_id} #{n}")
        pdf.showPage()
        pdf.save()
        signed = pdf_sign.sign_pdf(out.getvalue(), unlocked)
        parts = InspectionParts(inspection_id, data, digest, signed, own_photos, signatures)
        bundles.append((inspection_id, build_inspection_bundle(parts)))
    return csr.certificate_request(unlocked), bundles


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process `pid` and of its children it has waited for."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0  # gone meanwhile
    ticks = sum(int(v) for v in fields[11:15])  # utime, stime, cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def _processes() -> dict[int, tuple[int, str]]:
    """Every process: pid -> (parent pid, command name)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                head, tail = (entry / "stat").read_text().rsplit(")", 1)
            except OSError:
                continue
            found[int(entry.name)] = (int(tail.split()[1]), head.split("(", 1)[1])
    return found


def cpu_split(server_pid: int) -> dict[str, float]:
    """CPU seconds so far: the server (its process and every descendant), PostgreSQL's
    processes, and this one (the simulated laptops)."""
    table = _processes()
    tree, grew = {server_pid}, True
    while grew:
        more = {pid for pid, (parent, _) in table.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    database = [pid for pid, (_, name) in table.items() if name.startswith("postgres")]
    return {
        "server": sum(_cpu_seconds(pid) for pid in tree),
        "database": sum(_cpu_seconds(pid) for pid in database),
        "laptops": sum(os.times()[:2]),
    }


def run_backend(
    name: str, db_url: str | None, laptops: list[Laptop], workers: int, rate: float | None = None
) -> dict[str, float]:
    """Every laptop's bundles uploaded to a new server. With no `rate`, each laptop sends its
    next as soon as the last is answered (the server saturated: throughput). With `rate`, the
    uploads are planned at `rate` a second in all, laptop after laptop, and each latency is
    counted from its planned moment, so a server that falls behind is not excused by the
    uploads it held back."""
    root = Path(tempfile.mkdtemp(prefix=f"bazres-bench-{name}-"))
    server = ServerProcess(root / "data", db_url, extra_args=["--workers", str(workers)])
    server.data_dir.mkdir()
    server.start()
    try:
        tokens = []
        for index, (csr_pem, _) in enumerate(laptops):
            reply = httpx.post(
                f"{server.url}/v1/enrol",
                json={
                    "code": server.enrol_code(),
                    "csr_pem": csr_pem,
                    "device_name": f"l{index}",
                },
                timeout=30,
            )
            reply.raise_for_status()
            tokens.append(reply.json()["token"])
        latencies: list[float] = []
        statuses: list[int] = []
        errors: list[str] = []
        lock = threading.Lock()
        start_gate = threading.Barrier(len(laptops) + 1)

        clock_zero = 0.0  # set as the gate opens

        def laptop(index: int, token: str, bundles: list[tuple[str, bytes]]) -> None:
            with httpx.Client(
                base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=300
            ) as client:
                start_gate.wait()
                for n, (inspection_id, body) in enumerate(bundles):
                    began = time.perf_counter()
                    if rate is not None:
                        began = clock_zero + (n * len(laptops) + index) / rate
                        time.sleep(max(0.0, began - time.perf_counter()))
                    reply = client.put(f"/v1/inspections/{inspection_id}", content=body)
                    took = time.perf_counter() - began
                    with lock:
                        latencies.append(took)
                        statuses.append(reply.status_code)
                        if reply.status_code != 201 and len(errors) < 3:
                            errors.append(reply.text[:500])

        threads = [
            threading.Thread(target=laptop, args=(index, token, bundles))
            for index, (token, (_, bundles)) in enumerate(zip(tokens, laptops, strict=True))
        ]
        for thread in threads:
            thread.start()
        assert server.proc is not None
        cpu_before = cpu_split(server.proc.pid)
        clock_zero = time.perf_counter() + 0.05
        start_gate.wait()
        began = time.perf_counter()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - began
        cpu = {k: v - cpu_before[k] for k, v in cpu_split(server.proc.pid).items()}
        assert set(statuses) == {201}, ({s: statuses.count(s) for s in set(statuses)}, errors)
        held = server.inspections()
        expected = {i for _, bundles in laptops for i, _ in bundles}
        ids = [str(r["id"]) for r in held]
        assert len(ids) == len(set(ids)) == len(expected) and set(ids) == expected, "not once"
        latencies.sort()
        total_bytes = sum(len(b) for _, bundles in laptops for _, b in bundles)
        return {
            "inspections": len(latencies),
            "wall_s": round(wall, 2),
            "inspections_per_s": round(len(latencies) / wall, 1),
            "mb_per_s": round(total_bytes / wall / 1e6, 2),
            "p50_ms": round(statistics.median(latencies) * 1000, 1),
            "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))] * 1000, 1),
            "p99_ms": round(latencies[int(0.99 * (len(latencies) - 1))] * 1000, 1),
            "max_ms": round(latencies[-1] * 1000, 1),
            "cores": os.cpu_count() or 1,
            **{f"cpu_{k}_s": round(v, 1) for k, v in cpu.items()},
            **{f"cpu_{k}_ms_each": round(v * 1000 / len(latencies), 1) for k, v in cpu.items()},
        }
    finally:
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--laptops", type=int, default=50)
    parser.add_argument("--inspections", type=int, default=40)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument(
        "--paced",
        type=float,
        default=0.5,
        help="then the first --paced-inspections of each laptop, planned at this share of the "
        "throughput just measured, on a new server (0: not)",
    )
    parser.add_argument("--paced-inspections", type=int, default=10)
    parser.add_argument(
        "--json",
        type=Path,
        metavar="FILE",
        help="also write the figures to this file (after each backend)",
    )
    args = parser.parse_args()

    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    cache = out / f"sync_load_bundles_csr_{args.laptops}x{args.inspections}.pickle"
    began = time.perf_counter()
    if cache.exists():  # bundles are inputs, not what is measured: reuse them
        laptops = pickle.loads(cache.read_bytes())
    else:
        document, photos, signatures = template()
        work = [(i, args.inspections, document, photos, signatures) for i in range(args.laptops)]
        with multiprocessing.get_context("spawn").Pool() as pool:
            laptops = pool.map(make_laptop_bundles, work)
        cache.write_bytes(pickle.dumps(laptops))
    size = statistics.mean(len(b) for _, bundles in laptops for _, b in bundles)
    print(
        f"{args.laptops} laptops x {args.inspections} signed bundles (mean {size / 1024:.0f} "
        f"KiB) ready in {time.perf_counter() - began:.0f} s; server workers: {args.workers}"
    )
    results: dict[str, dict[str, float]] = {}
    figures = {
        "laptops": args.laptops,
        "per_laptop": args.inspections,
        "workers": args.workers,
        "bundle_mean_kib": round(size / 1024, 1),
        "backends": results,
    }
    fewer = [(csr_pem, bundles[: args.paced_inspections]) for csr_pem, bundles in laptops]

    def both(backend: str, new_database: Callable[[], str | None]) -> dict[str, float]:
        got = run_backend(backend, new_database(), laptops, args.workers)
        if args.paced > 0:
            rate = round(args.paced * got["inspections_per_s"], 1)
            paced = run_backend(backend, new_database(), fewer, args.workers, rate)
            got |= {"paced_rate": rate} | {
                f"paced_{k}": paced[k] for k in ("inspections", "p50_ms", "p95_ms", "p99_ms")
            }
        return got

    for backend in args.backends.split(","):
        if backend == "sqlite":
            results[backend] = both(backend, lambda: None)
        elif backend == "postgres":
            with throwaway_cluster() as cluster:
                results[backend] = both(backend, cluster.new_database)
        print(f"{backend:9s} " + "  ".join(f"{k}={v}" for k, v in results[backend].items()))
        if args.json:  # a later backend that fails leaves the earlier ones' figures
            args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    (out / f"sync_load_w{args.workers}.json").write_text(
        json.dumps(
            {"laptops": args.laptops, "per_laptop": args.inspections, "workers": args.workers}
            | results,
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
