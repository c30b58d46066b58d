"""The inspection report as a PDF (reportlab platypus, A4, right to left, Vazirmatn embedded):
the document, the order of its blocks, and the warnings met while drawing it.

Same ReportData, same bytes: reportlab's invariant mode fixes the document id that would
otherwise change every run, and the PDF is dated by the data (its finalize time). The page,
its styles, footers and right-to-left tables are the shared ones of inspector_app.pdf; the
blocks are drawn by sections, photos and signatures.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from inspector_app.domain.jalali import from_iso
from inspector_app.domain.persian import format_number
from inspector_app.pdf.keywords import keywords_for
from inspector_app.pdf.layout import HEADING, build_a4
from inspector_app.pdf.rtl_flowable import RTLParagraph, register_fonts
from inspector_app.services.report.model import ReportData
from inspector_app.services.report.photos import PHOTO_WIDTH, photo_grid
from inspector_app.services.report.sections import (
    details,
    findings,
    followups,
    interviews,
    items_table,
    summary,
    title_block,
    verification,
)
from inspector_app.services.report.signatures import signature_block


def render_report(data: ReportData) -> bytes:
    """The report as PDF bytes."""
    return render_report_with_log(data)[0]


def render_report_with_log(data: ReportData) -> tuple[bytes, list[str]]:
    """The report as PDF bytes, and the warnings met on the way (unreadable photos,
    characters the font lacks), in Persian, each once."""
    register_fonts()
    with _collect_warnings() as warnings, _binary_streams():
        pdf = build_a4(
            _story(data),
            footer=f"گزارش بازرسی {data.office.name}",
            footer_end=f" — شماره {data.report_number}" if data.report_number else " — پیش‌نویس",
            title=f"گزارش بازرسی {data.office.name}",
            author=data.inspector.name,
            subject=f"bazres-report {data.report_id}",
            keywords=keywords_for(data.report_id, data.canonical_sha256),
            created=_created(data),
        )
    return pdf, warnings


def _created(data: ReportData) -> dt.datetime | None:
    """The PDF's date: the finalize time, a draft's last change (the data's times, so the same
    data still gives the same bytes)."""
    moment = data.issued_at or data.changed_at
    return from_iso(moment) if moment else None


SIGNATURE_BOX_ROOM = 80.0  # the signing stamp is 66 pt tall, plus a gap


def _story(data: ReportData) -> list[Flowable]:
    story: list[Flowable] = [title_block(data), Spacer(1, 6), details(data), Spacer(1, 4)]
    story += [verification(data), Spacer(1, 4)]
    story += [*_heading("خلاصه‌ی نتیجه"), summary(data)]
    for index, section in enumerate(data.sections, start=1):
        title = f"{format_number(index, group=False)}. {section.title}"
        if section.score is not None:
            title += f" (امتیاز: {format_number(section.score, 1, trim=True)} از ۱۰۰)"
        story += [*_heading(title), items_table(section.rows)]
    if data.followups:
        story += [*_heading("پیگیری یافته‌های بازدید پیشین"), followups(data)]
    if data.findings:
        story += [*_heading("یافته‌ها و اقدامات اصلاحی"), findings(data)]
    if data.interviews.count or data.interviews.lines or data.interviews.remarks:
        story += [*_heading("خلاصه‌ی مصاحبه با مراجعان"), *interviews(data)]
    if data.photos:
        story += [*_heading("مستندات تصویری", need=PHOTO_WIDTH), photo_grid(data.photos)]
    # The heading, the signatures and the room under them for the digital-signature box drawn
    # at signing move as one block, so the box never needs a page of its own. One flat
    # KeepTogether: a nested one reports an endless height (reportlab's way to force a
    # split), so the outer block never fitted and the heading was left alone on its page.
    story.append(
        KeepTogether(
            [
                RTLParagraph("امضاها", HEADING),
                signature_block(data.signatures),
                Spacer(1, SIGNATURE_BOX_ROOM),
            ]
        )
    )
    return story


def _heading(text: str, need: float = 40 * mm) -> list[Flowable]:
    """A heading that starts a new page when less than `need` is left below it, so it is never
    stranded at the foot of a page (keepWithNext would push whole tables to the next page)."""
    return [CondPageBreak(need), RTLParagraph(text, HEADING)]


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Embed images and pages as binary streams: reportlab's default ASCII85 wrapping is done
    in pure Python (most of the time spent on photos) and makes the file a quarter larger."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


class _Collector(logging.Handler):
    """Keeps the warnings of one render: only those logged by the rendering thread, so two
    reports made at once (preview and export) do not swap warnings."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.thread = threading.get_ident()

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread != self.thread:
            return
        message = record.getMessage()
        if message not in self.messages:
            self.messages.append(message)


@contextmanager
def _collect_warnings() -> Iterator[list[str]]:
    """Warnings logged by the report package and the typesetting it draws with (a glyph the
    font lacks) while rendering, for the caller's log."""
    loggers = [
        logging.getLogger(name) for name in ("inspector_app.services.report", "inspector_app.pdf")
    ]
    collector = _Collector()
    for logger in loggers:
        logger.addHandler(collector)
    try:
        yield collector.messages
    finally:
        for logger in loggers:
            logger.removeHandler(collector)
