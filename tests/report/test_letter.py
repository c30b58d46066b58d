"""The report as an official letter: «شماره», «تاریخ» and «پیوست» at the top left with a number
from the finalize sequence (never burnt or given twice, even by a kill -9), the full sha256 for
a person to read beside the QR code, and the PDF dated by its finalize time."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app.domain.jalali import jalali_date, utc_now
from inspector_app.domain.persian import to_persian_digits
from inspector_app.pdf.layout import PAGE
from inspector_app.services import finalize
from inspector_app.services.context import AppContext, open_context
from inspector_app.services.signing import identity as identity_service
from inspector_app.storage import inspections, report_numbers
from inspector_app.storage.identities import StoredIdentity
from tests.helpers.cli import run_cli
from tests.helpers.paths import ROOT
from tests.helpers.pdf_text import render_pngs, text_lines
from tests.helpers.signing import PASSPHRASE, make_filled_draft, sign_both

# Within the test certificate's validity (it starts at its making).
NOW = (utc_now() + dt.timedelta(minutes=5)).replace(microsecond=0)
NOW_ISO = NOW.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def ready(context: AppContext) -> str:
    inspection_id = make_filled_draft(context)
    sign_both(context, inspection_id)
    return inspection_id


@pytest.fixture
def identity(context: AppContext) -> StoredIdentity:
    # Valid from before NOW, which is fixed when the module is collected: in a long run the
    # test starts well after that, and a certificate made then would not yet be valid at NOW.
    new = identity_service.create_self_signed(
        "مریم احمدی", "۱۲۳۴۵", PASSPHRASE, not_before=NOW - dt.timedelta(hours=1)
    )
    return identity_service.store(context.db, new)


def _prefix(context: AppContext, inspection_id: str) -> str:
    personnel = inspections.get(context.db, inspection_id)["inspector_personnel_no"]
    return f"{jalali_date(NOW, persian=False)[:4]}/{personnel}/"


def _finalized_pdf(context: AppContext, inspection_id: str, tmp_path: Path) -> Path:
    path = tmp_path / f"{inspection_id}.pdf"
    path.write_bytes(finalize.signed_pdf(context.db, inspection_id))
    return path


def _pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(
        ["pdfinfo", "-isodates", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def test_letter_header_numbers_and_dates_the_report_at_the_top_left(
    context: AppContext, ready: str, identity: StoredIdentity, tmp_path: Path
) -> None:
    finalize.finalize(context.db, ready, identity, PASSPHRASE, now=NOW)
    number = report_numbers.number_of(context.db, ready)
    assert number == _prefix(context, ready) + "1"
    pdf = _finalized_pdf(context, ready, tmp_path)
    render_pngs(pdf, ROOT / "artifacts" / "report" / "letter")
    lines = text_lines(pdf)
    first = [line for line in lines if line.page == 1]
    # pdftotext -bbox-layout gives each line's glyphs in drawing order: Persian words reversed.
    expected = {
        "شماره": to_persian_digits(number),
        "تاریخ": jalali_date(NOW),
        "پیوست": "تصویر"[::-1],
    }
    top = 16 * 72 / 25.4 + 30 * 72 / 25.4  # the letterhead's height below the top margin
    for label, value in expected.items():
        [line] = [x for x in first if label[::-1] in x.text and x.y_min < top]
        assert value in line.text, line
        assert line.x_max < PAGE[0] / 3, f"{label} is not on the left: {line}"
    # The footer of every page carries the number too.
    footers = [x for x in lines if "یسرزاب شرازگ" in x.text and x.y_min > PAGE[1] - 70]
    assert len(footers) == max(x.page for x in lines)
    assert all(to_persian_digits(number) in x.text for x in footers)


def test_full_sha256_is_printed_beside_the_qr_code_in_groups(
    context: AppContext, ready: str, identity: StoredIdentity, tmp_path: Path
) -> None:
    result = finalize.finalize(context.db, ready, identity, PASSPHRASE, now=NOW)
    digest = result.canonical_sha256
    lines = [x for x in text_lines(_finalized_pdf(context, ready, tmp_path)) if x.page == 1]
    groups = [digest[i : i + 8] for i in range(0, 64, 8)]
    first = [x for x in lines if x.text == " ".join(groups[:4])]
    second = [x for x in lines if x.text == " ".join(groups[4:])]
    assert len(first) == 1 and len(second) == 1, [x.text for x in lines]
    assert second[0].y_min > first[0].y_min  # read top to bottom
    # Beside the QR code (drawn at the frame's left edge, 24 mm wide): just right of it.
    qr_right = 16 * 72 / 25.4 + 6 + 24 * 72 / 25.4
    for line in (first[0], second[0]):
        assert qr_right < line.x_min < qr_right + 30, line


def test_pdf_is_dated_by_its_finalize_time_and_stays_byte_identical(
    context: AppContext, ready: str, identity: StoredIdentity, tmp_path: Path
) -> None:
    from inspector_app.services.report.service import render_inspection_pdf

    finalize.finalize(context.db, ready, identity, PASSPHRASE, now=NOW)
    info = _pdfinfo(_finalized_pdf(context, ready, tmp_path))
    assert info["CreationDate"] == NOW_ISO, info
    again = render_inspection_pdf(context.db, ready)
    assert again == render_inspection_pdf(context.db, ready)
    path = tmp_path / "again.pdf"
    path.write_bytes(again)
    info = _pdfinfo(path)
    assert info["CreationDate"] == info["ModDate"] == NOW_ISO, info


def test_number_taken_by_another_finalize_meanwhile_aborts_and_is_never_given_twice(
    context: AppContext, ready: str, identity: StoredIdentity
) -> None:
    other = make_filled_draft(context, seed=11)
    sign_both(context, other)

    def render_while_another_finalizes(db: object, inspection_id: str, digest: str) -> bytes:
        finalize.finalize(context.db, other, identity, PASSPHRASE, now=NOW)
        return finalize.default_renderer(context.db, inspection_id, digest)

    with pytest.raises(finalize.ChangedWhileFinalizing):
        finalize.finalize(
            context.db, ready, identity, PASSPHRASE, now=NOW, render=render_while_another_finalizes
        )
    assert inspections.get(context.db, ready)["status"] == "draft"
    finalize.finalize(context.db, ready, identity, PASSPHRASE, now=NOW)
    prefix = _prefix(context, ready)
    assert report_numbers.number_of(context.db, other) == prefix + "1"
    assert report_numbers.number_of(context.db, ready) == prefix + "2"


_KILLED_IN_FINALIZE = """
import os, signal, sys
from pathlib import Path
from inspector_app.services import finalize
from inspector_app.services.context import open_context
from inspector_app.services.signing import identity as identity_service
from inspector_app.storage import lifecycle

real = lifecycle.finalize

def finalize_then_die(*args, **kwargs):
    real(*args, **kwargs)  # every row written, the transaction not yet committed
    os.kill(os.getpid(), signal.SIGKILL)

lifecycle.finalize = finalize_then_die
context = open_context(Path(sys.argv[1]))
stored = identity_service.active_identity(context.db)
finalize.finalize(context.db, sys.argv[2], stored, sys.argv[3])
"""


def test_kill_9_during_finalize_neither_burns_nor_duplicates_a_number(data_dir: Path) -> None:
    context = open_context(data_dir)
    first, second = make_filled_draft(context), make_filled_draft(context, seed=11)
    for inspection_id in (first, second):
        sign_both(context, inspection_id)
    identity = identity_service.store(
        context.db, identity_service.create_self_signed("مریم احمدی", "۱۲۳۴۵", PASSPHRASE)
    )
    prefix = _prefix(context, first)
    context.close()
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_IN_FINALIZE, str(data_dir), first, PASSPHRASE],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    context = open_context(data_dir)
    try:
        assert inspections.get(context.db, first)["status"] == "draft"
        assert report_numbers.number_of(context.db, first) == ""
        year = int(prefix.split("/")[0])
        assert report_numbers.next_number(context.db, year, prefix.split("/")[1]) == prefix + "1"
        finalize.finalize(context.db, second, identity, PASSPHRASE)
        finalize.finalize(context.db, first, identity, PASSPHRASE)
        assert report_numbers.number_of(context.db, second) == prefix + "1"
        assert report_numbers.number_of(context.db, first) == prefix + "2"
    finally:
        context.close()


def test_letterhead_set_by_the_admin_prints_name_logo_and_bismillah(
    context: AppContext, ready: str, data_dir: Path, tmp_path: Path
) -> None:
    from PIL import Image

    from inspector_app.services.report.service import render_inspection_pdf

    logo = tmp_path / "logo.png"
    Image.new("RGB", (321, 123), (200, 30, 30)).save(logo)
    before = render_inspection_pdf(context.db, ready)
    # A file that is not an image is refused, in Persian, and changes nothing.
    junk = tmp_path / "logo.txt"
    junk.write_text("not an image")
    bad = run_cli("letterhead", "--data-dir", str(data_dir), "--logo", str(junk), "--unit", "x")
    assert bad.returncode == 1 and "تصویر آرم خوانده نشد" in bad.stderr, bad
    assert render_inspection_pdf(context.db, ready) == before
    args = ["--governorate", "استانداری خوزستان", "--logo", str(logo), "--bismillah"]
    run_cli("letterhead", "--data-dir", str(data_dir), *args, ok=True)
    pdf = tmp_path / "letterhead.pdf"
    pdf.write_bytes(render_inspection_pdf(context.db, ready))
    render_pngs(pdf, ROOT / "artifacts" / "report" / "letterhead")
    first = [x for x in text_lines(pdf) if x.page == 1]
    [bismillah] = [x for x in first if "یلاعت همسب" in x.text]
    [governorate] = [x for x in first if "ناتسزوخ یرادناتسا" in x.text]
    assert bismillah.y_min < governorate.y_min  # above it
    assert not [x for x in first if "رهشوب یرادناتسا" in x.text]
    images = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    sizes = {(int(cols[3]), int(cols[4])) for cols in (line.split() for line in images)}
    assert (321, 123) in sizes, images
    # Back to the bundled logo and no «بسمه تعالی».
    run_cli("letterhead", "--data-dir", str(data_dir), "--bundled-logo", "--no-bismillah", ok=True)
    pdf.write_bytes(render_inspection_pdf(context.db, ready))
    assert not [x for x in text_lines(pdf) if "یلاعت همسب" in x.text]
