"""Benchmark: the Persian report vs the same document drawn with plain, unshaped reportlab.

A 60-item inspection, 10 interviews and 10 phone-size photos (4000x3000 JPEG). The baseline
runs the same renderer with RTLParagraph swapped for reportlab's Paragraph on the raw strings
(no shaping, no bidi) and the footer drawn with drawString, so the ratio is the cost of the
Persian text engine. Goals (issue 4): ratio < 1.5, absolute < 1 s, file < 3 MB.

Run: uv run python bench/bench_report.py [--repeat N] [--out DIR]
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph

from inspector_app.pdf import layout, rtl_flowable
from inspector_app.services.report import photos as report_photos
from inspector_app.services.report import render, sections, signatures
from inspector_app.services.report.model import ReportData
from tests.helpers.report_sample import sample_jpeg, sample_report

# The report modules that draw paragraphs, and the page footer's line drawing.
PARAGRAPH_USERS = (render, sections, report_photos, signatures)


def _plain_paragraph(text: str, style: Any, **_: Any) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _plain_line(
    canvas: Any,
    text: str,
    x: float,
    y: float,
    *,
    font_name: str = "Vazirmatn",
    font_size: float = 10,
    align: str = "right",
    **_: Any,
) -> float:
    canvas.setFont(font_name, font_size)
    {
        "right": canvas.drawRightString,
        "center": canvas.drawCentredString,
        "left": canvas.drawString,
    }[align](x, y, text)
    return 0.0


@contextmanager
def plain_reportlab() -> Iterator[None]:
    saved = rtl_flowable.RTLParagraph, layout.draw_rtl_line
    for module in PARAGRAPH_USERS:
        module.RTLParagraph = _plain_paragraph  # type: ignore[assignment,misc]
    layout.draw_rtl_line = _plain_line
    try:
        yield
    finally:
        for module in PARAGRAPH_USERS:
            module.RTLParagraph = saved[0]  # type: ignore[misc]
        layout.draw_rtl_line = saved[1]


def timed_pair(
    run: Callable[[], bytes], repeat: int, *, cold: Callable[[], None]
) -> tuple[list[tuple[float, float]], list[tuple[float, float]], bytes, bytes]:
    """(wall, cpu) seconds of `run` with our text engine and with plain reportlab, alternated
    so that load from other processes hits both alike. CPU time (all threads) is what load
    from other processes does not inflate."""
    ours: list[tuple[float, float]] = []
    plain: list[tuple[float, float]] = []
    ours_pdf = plain_pdf = b""
    for _ in range(repeat):
        cold()
        wall, cpu = time.perf_counter(), time.process_time()
        ours_pdf = run()
        ours.append((time.perf_counter() - wall, time.process_time() - cpu))
        cold()
        with plain_reportlab():
            wall, cpu = time.perf_counter(), time.process_time()
            plain_pdf = run()
            plain.append((time.perf_counter() - wall, time.process_time() - cpu))
    return ours, plain, ours_pdf, plain_pdf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    t0 = time.perf_counter()
    photos = [sample_jpeg(4000, 3000, seed=i) for i in range(10)]
    print(
        f"generated 10 photos 4000x3000 in {time.perf_counter() - t0:.1f} s, "
        f"{sum(map(len, photos)) / 1e6:.1f} MB of JPEG"
    )
    data: ReportData = sample_report(items=60, interviews=10, photos=photos)
    no_photos = sample_report(items=60, interviews=10, photos=[])
    render.render_report(no_photos)  # import, font registration, first-use costs

    def clear() -> None:  # every run measures its words from scratch
        rtl_flowable._word_width.cache_clear()

    rows = []
    for label, report in (("with 10 photos", data), ("text only", no_photos)):
        run = functools.partial(render.render_report, report)
        ours, plain, pdf, plain_pdf = timed_pair(run, args.repeat, cold=clear)
        (args.out / f"report-{label.split()[0]}.pdf").write_bytes(pdf)
        (args.out / f"plain-{label.split()[0]}.pdf").write_bytes(plain_pdf)
        rows.append((label, ours, plain, len(pdf), len(plain_pdf)))

    load = os.getloadavg()[0]
    print(f"{args.repeat} runs each, alternated; load average {load:.1f} on {os.cpu_count()} cores")
    print(
        f"{'case':15} {'':5} {'ours med':>9} {'min':>7} {'plain med':>10} {'min':>7} "
        f"{'ratio med':>10} {'min':>5}"
    )
    for label, ours, plain, size, plain_size in rows:
        for kind, index in (("wall", 0), ("cpu", 1)):
            a = [t[index] for t in ours]
            b = [t[index] for t in plain]
            med, best, p_med, p_best = statistics.median(a), min(a), statistics.median(b), min(b)
            print(
                f"{label:15} {kind:5} {med:8.3f}s {best:6.3f}s {p_med:9.3f}s {p_best:6.3f}s "
                f"{med / p_med:10.2f} {best / p_best:5.2f}"
            )
        print(f"{label:15} size  ours {size / 1e6:.2f} MB, plain {plain_size / 1e6:.2f} MB")
    _, ours, plain, size, _ = rows[0]
    walls = [t[0] for t in ours]
    print(
        f"goals with photos: wall ratio "
        f"{statistics.median(walls) / statistics.median(t[0] for t in plain):.2f} (< 1.5), "
        f"time median {statistics.median(walls):.2f} s, best {min(walls):.2f} s (< 1 s), "
        f"size {size / 1e6:.2f} MB (< 3 MB)"
    )


if __name__ == "__main__":
    main()
