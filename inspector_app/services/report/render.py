"""The inspection report as a PDF (reportlab platypus, A4, right to left, Vazirmatn embedded).

Same ReportData, same bytes: reportlab's invariant mode fixes the dates and document id that
would otherwise change every run. The page, its styles, footers and right-to-left tables are
the shared ones of inspector_app.pdf.
"""

from __future__ import annotations

import io
import logging
import os
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError
from reportlab import rl_config
from reportlab.graphics.barcode.qr import QrCode
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
    Table,
)
from reportlab.platypus.tables import TableStyle

from inspector_app.domain.persian import to_persian_digits
from inspector_app.paths import resource
from inspector_app.pdf.keywords import keywords_for
from inspector_app.pdf.layout import (
    BODY,
    BOX_BG,
    CAPTION,
    CELL,
    CELL_CENTER,
    CELL_HEAD,
    FAIL_BG,
    FRAME_WIDTH,
    GRID,
    HEAD_BG,
    HEADING,
    MARGIN,
    NAVY,
    PAGE,
    SMALL,
    SUBTITLE,
    TABLE_FONT,
    TITLE,
    NumberedCanvas,
    paragraph_style,
)
from inspector_app.pdf.rtl_flowable import FONT_BOLD, RTLParagraph, register_fonts
from inspector_app.pdf.tables import rtl_table
from inspector_app.services.report.model import Photo, ReportData, Signature

log = logging.getLogger(__name__)

PHOTO_MAX_PX = 1000  # long side after downscaling: sharp at ~8 cm, small file
PHOTO_WIDTH = (FRAME_WIDTH - 12) / 2


def render_report(data: ReportData) -> bytes:
    """The report as PDF bytes."""
    return render_report_with_log(data)[0]


def render_report_with_log(data: ReportData) -> tuple[bytes, list[str]]:
    """The report as PDF bytes, and the warnings met on the way (unreadable photos,
    characters the font lacks), in Persian, each once."""
    register_fonts()
    with _collect_warnings() as warnings, _binary_streams():
        buffer = io.BytesIO()
        doc = SimpleDocTemplate(
            buffer,
            pagesize=PAGE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 8 * mm,
            invariant=1,
            title=f"گزارش بازرسی {data.office.name}",
            author=data.inspector.name,
            subject=f"bazres-report {data.report_id}",
            keywords=keywords_for(data.report_id, data.canonical_sha256),
            creator="Bazres",
            producer="Bazres (reportlab)",
            lang="fa-IR",
        )
        footer = _footer_lines(data)

        def canvasmaker(*args: Any, **kwargs: Any) -> Canvas:
            return NumberedCanvas(*args, footer=footer, **kwargs)

        doc.build(_story(data), canvasmaker=canvasmaker)
    return buffer.getvalue(), warnings


# -- pieces of the story ------------------------------------------------------------------


SIGNATURE_BOX_ROOM = 80.0  # the signing stamp is 66 pt tall, plus a gap


def _story(data: ReportData) -> list[Flowable]:
    story: list[Flowable] = [_header(data), Spacer(1, 6), _details(data), Spacer(1, 8)]
    story += [*_heading("خلاصه‌ی نتیجه"), _summary(data)]
    for index, section in enumerate(data.sections, start=1):
        title = f"{_fa(index)}. {section.title}"
        if section.score is not None:
            title += f" (امتیاز: {_number(section.score)} از ۱۰۰)"
        story += [*_heading(title), _items_table(section.rows)]
    if data.findings:
        story += [*_heading("یافته‌ها و اقدامات اصلاحی"), _findings(data)]
    if data.interviews.count or data.interviews.lines or data.interviews.remarks:
        story += [*_heading("خلاصه‌ی مصاحبه با مراجعان"), *_interviews(data)]
    if data.photos:
        story += [*_heading("مستندات تصویری", need=PHOTO_WIDTH), _photos(data.photos)]
    # Room under the signatures for the digital-signature box drawn on the last page at
    # signing, so the box never needs a page of its own (and the page count stays right).
    story += [
        *_heading("امضاها", need=55 * mm + SIGNATURE_BOX_ROOM),
        KeepTogether([_signatures(data.signatures), Spacer(1, SIGNATURE_BOX_ROOM)]),
    ]
    return story


def _header(data: ReportData) -> Table:
    logo = Image(str(resource("logo.png")), width=24 * mm, height=24 * mm)
    titles = [
        RTLParagraph(data.governorate, TITLE),
        RTLParagraph(data.unit, SUBTITLE),
        RTLParagraph(f"گزارش بازرسی: {data.form_title}", SUBTITLE),
    ]
    number = data.report_number or data.report_id
    meta = [
        _qr(data),
        RTLParagraph(f"شماره: {number}", paragraph_style("meta", 7.5, alignment=TA_CENTER)),
    ]
    # Visual order, left to right: QR and number | titles | logo (the logo sits on the right).
    middle = FRAME_WIDTH - 28 * mm - 34 * mm
    table = Table([[meta, titles, logo]], colWidths=[34 * mm, middle, 28 * mm])
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, 0), "CENTER"),
                ("ALIGN", (2, 0), (2, 0), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, NAVY),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _qr(data: ReportData) -> QrCode:
    # QrCode draws its modules straight on the canvas; the graphics Drawing route would also
    # put an unused Helvetica (base-14, not embedded) into the PDF.
    value = f"bazres:{data.report_id};sha256:{data.canonical_sha256}"
    return QrCode(value, width=24 * mm, height=24 * mm, qrBorder=2, qrLevel="M")


def _details(data: ReportData) -> Table:
    office, inspector = data.office, data.inspector
    pairs = [
        ("نام واحد", office.name),
        ("نوع واحد", office.kind),
        ("کد واحد", office.code),
        ("شهرستان", office.county),
        ("مدیر / مسئول", office.manager),
        ("تلفن", office.phone),
        ("نشانی", office.address),
        ("بازرس", f"{inspector.name} ({inspector.role})" if inspector.role else inspector.name),
        ("تاریخ بازرسی", data.date),
        ("ساعت شروع و پایان", f"{data.start_time} تا {data.end_time}"),
        ("فرم", f"{data.form_title} {data.form_version}".strip()),
        ("شناسه", data.report_id),
    ]
    if data.replaces:  # a correction names the report it replaces, by number and by id
        pairs += [
            ("اصلاحیهٔ گزارش", data.replaces.split("-")[0].upper()),
            ("شناسهٔ گزارش اصلی", data.replaces),
        ]
    rows: list[list[Any]] = []
    for i in range(0, len(pairs), 2):
        row: list[Any] = []
        for label, value in pairs[i : i + 2]:
            row += [RTLParagraph(label, CELL_HEAD), RTLParagraph(value or "—", CELL)]
        rows.append(row)
    label_w = 26 * mm
    value_w = FRAME_WIDTH / 2 - label_w
    style = [
        ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
        ("BACKGROUND", (2, 0), (2, -1), HEAD_BG),
    ]
    return rtl_table(rows, [label_w, value_w, label_w, value_w], style)


def _summary(data: ReportData) -> Table:
    s = data.summary
    score = f"{_number(s.score)} از ۱۰۰" if s.score is not None else "—"
    satisfaction = _number(s.satisfaction_index) if s.satisfaction_index is not None else "—"
    critical = "ندارد" if not s.critical_failures else f"{_fa(len(s.critical_failures))} مورد"
    rows: list[list[Any]] = [
        [
            RTLParagraph("امتیاز کل", CELL_HEAD),
            RTLParagraph(score, paragraph_style("score", 13, font=FONT_BOLD, textColor=NAVY)),
            RTLParagraph("درجه", CELL_HEAD),
            RTLParagraph(
                s.grade or "—", paragraph_style("grade", 12, font=FONT_BOLD, textColor=NAVY)
            ),
        ],
        [
            RTLParagraph("موارد حیاتی ناموفق", CELL_HEAD),
            RTLParagraph(critical, CELL),
            RTLParagraph("شاخص رضایت مراجعان", CELL_HEAD),
            RTLParagraph(satisfaction, CELL),
        ],
        [
            RTLParagraph("پاسخ‌ها", CELL_HEAD),
            RTLParagraph(f"بله: {_fa(s.yes)}، خیر: {_fa(s.no)}، مورد ندارد: {_fa(s.na)}", CELL),
            "",
            "",
        ],
    ]
    style: list[tuple[Any, ...]] = [
        ("SPAN", (1, 2), (3, 2)),
        ("BACKGROUND", (0, 0), (-1, -1), BOX_BG),
    ]
    for failure in s.critical_failures:
        rows.append([RTLParagraph("•", CELL_CENTER), RTLParagraph(failure, CELL), "", ""])
        style.append(("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)))
    widths = [34 * mm, FRAME_WIDTH / 2 - 34 * mm, 38 * mm, FRAME_WIDTH / 2 - 38 * mm]
    table = rtl_table(rows, widths, style, grid=False)
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, NAVY)]))
    return table


def _items_table(rows: Sequence[Any]) -> Table:
    head = [RTLParagraph(t, CELL_HEAD) for t in ("ردیف", "بند", "پاسخ", "توضیحات")]
    data: list[list[Any]] = [head]
    style: list[tuple[Any, ...]] = []
    for number, row in enumerate(rows, start=1):
        item = f"{row.item} (حیاتی)" if row.critical else row.item
        data.append(
            [
                RTLParagraph(_fa(number), CELL_CENTER),
                RTLParagraph(item, CELL),
                RTLParagraph(row.answer, CELL_CENTER),
                RTLParagraph(row.note, CELL),
            ]
        )
        if row.failed:
            style.append(("BACKGROUND", (2, number), (2, number), FAIL_BG))
    widths = [11 * mm, 0.43 * (FRAME_WIDTH - 11 * mm - 22 * mm), 22 * mm]
    widths.append(FRAME_WIDTH - sum(widths))
    return rtl_table(data, widths, style, header=True)


def _findings(data: ReportData) -> Table:
    head = [RTLParagraph(t, CELL_HEAD) for t in ("ردیف", "یافته", "اقدام اصلاحی", "مهلت")]
    rows: list[list[Any]] = [head]
    for number, f in enumerate(data.findings, start=1):
        rows.append(
            [
                RTLParagraph(_fa(number), CELL_CENTER),
                RTLParagraph(f.text, CELL),
                RTLParagraph(f.corrective_action or "—", CELL),
                RTLParagraph(f.deadline or "—", CELL_CENTER),
            ]
        )
    rest = FRAME_WIDTH - 11 * mm - 24 * mm
    return rtl_table(rows, [11 * mm, rest / 2, rest / 2, 24 * mm], [], header=True)


def _interviews(data: ReportData) -> list[Flowable]:
    iv = data.interviews
    line = f"تعداد مصاحبه‌ها: {_fa(iv.count)}"
    if iv.satisfaction_index is not None:
        line += f"؛ شاخص رضایت: {_number(iv.satisfaction_index)} از ۱۰۰"
    out: list[Flowable] = [RTLParagraph(line, BODY)]
    if iv.lines:
        head = [RTLParagraph(t, CELL_HEAD) for t in ("پرسش", "خلاصه‌ی پاسخ‌ها")]
        rows: list[list[Any]] = [head]
        rows += [[RTLParagraph(x.question, CELL), RTLParagraph(x.summary, CELL)] for x in iv.lines]
        out.append(rtl_table(rows, [FRAME_WIDTH * 0.6, FRAME_WIDTH * 0.4], [], header=True))
    if iv.remarks:
        out.append(
            RTLParagraph(
                "گفته‌های مراجعان:", paragraph_style("remarks-h", 9.5, font=FONT_BOLD, spaceBefore=6)
            )
        )
        out += [RTLParagraph(f"• {remark}", BODY) for remark in iv.remarks]
    return out


def _photos(photos: Sequence[Photo]) -> Table:
    # Decoding phone photos is most of the report's time; Pillow releases the GIL while
    # decoding, so the photos are prepared in parallel (results and warnings stay in order).
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        prepared = list(pool.map(_try_downscale, (photo.data for photo in photos)))
    cells: list[list[Flowable]] = []
    for number, (photo, result) in enumerate(zip(photos, prepared, strict=True), start=1):
        caption = RTLParagraph(f"تصویر {_fa(number)}: {photo.caption}".rstrip(": "), CAPTION)
        cells.append([_photo_flowable(result, number), caption])
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    if len(rows[-1]) == 1:
        rows[-1].append([])
    # Two photos a row; the first photo of each row on the right.
    visual = [row[::-1] for row in rows]
    table = Table(visual, colWidths=[PHOTO_WIDTH + 6, PHOTO_WIDTH + 6])
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def _try_downscale(data: bytes) -> tuple[bytes, int, int] | Exception:
    try:
        return downscale_jpeg(data)
    except (OSError, UnidentifiedImageError, ValueError, PILImage.DecompressionBombError) as exc:
        return exc


def _photo_flowable(prepared: tuple[bytes, int, int] | Exception, number: int) -> Flowable:
    if isinstance(prepared, Exception):
        log.warning(
            "تصویر %s خوانده نشد و جای آن خالی ماند (%s)", _fa(number), type(prepared).__name__
        )
        box = Table(
            [[RTLParagraph("تصویر قابل خواندن نیست", CAPTION)]],
            colWidths=[PHOTO_WIDTH],
            rowHeights=[PHOTO_WIDTH * 0.6],
        )
        box.setStyle(
            TableStyle(
                [
                    TABLE_FONT,
                    ("BOX", (0, 0), (-1, -1), 0.8, GRID),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("BACKGROUND", (0, 0), (-1, -1), BOX_BG),
                ]
            )
        )
        return box
    jpeg, width_px, height_px = prepared
    height = PHOTO_WIDTH * height_px / width_px
    if height > PHOTO_WIDTH * 1.1:  # portrait: limit the height, keep the aspect
        scale = PHOTO_WIDTH * 1.1 / height
        return Image(io.BytesIO(jpeg), width=PHOTO_WIDTH * scale, height=PHOTO_WIDTH * 1.1)
    return Image(io.BytesIO(jpeg), width=PHOTO_WIDTH, height=height)


def downscale_jpeg(data: bytes, max_px: int = PHOTO_MAX_PX) -> tuple[bytes, int, int]:
    """A JPEG whose long side is at most `max_px`, upright per EXIF, and its size in pixels."""
    with PILImage.open(io.BytesIO(data)) as img:
        # JPEG decoding at 1/2, 1/4 or 1/8 scale is far faster than a full decode + resize;
        # draft keeps both sides at least as large as asked, so ask with the photo's aspect.
        scale = min(1.0, max_px / max(img.size))
        img.draft("RGB", (round(img.width * scale), round(img.height * scale)))
        img.load()
        out = ImageOps.exif_transpose(img).convert("RGB")
    out.thumbnail((max_px, max_px), PILImage.Resampling.BILINEAR)
    buffer = io.BytesIO()
    out.save(buffer, "JPEG", quality=72)
    return buffer.getvalue(), out.width, out.height


def _signatures(signatures: Sequence[Signature]) -> Flowable:
    if not signatures:
        return RTLParagraph("امضایی ثبت نشده است.", BODY)
    cells: list[list[Flowable]] = []
    for sig in signatures:
        cell: list[Flowable] = [
            RTLParagraph(sig.role, CELL_HEAD),
            RTLParagraph(sig.name, CELL),
        ]
        image = _signature_image(sig)
        if image is not None:
            cell.append(image)
        elif sig.declined_reason:
            cell.append(RTLParagraph(f"امضا نکرد: {sig.declined_reason}", CELL))
        else:
            cell.append(RTLParagraph("امضا نشده", CELL))
        if sig.signed_at:
            cell.append(RTLParagraph(sig.signed_at, SMALL))
        cells.append(cell)
    per_row = 3
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    while len(rows[-1]) < per_row:
        rows[-1].append([])
    width = FRAME_WIDTH / per_row
    table = Table([row[::-1] for row in rows], colWidths=[width] * per_row)
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 0.6, GRID),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, GRID),
            ]
        )
    )
    return KeepTogether([table])


def _signature_image(sig: Signature) -> Flowable | None:
    if not sig.png:
        return None
    try:
        with PILImage.open(io.BytesIO(sig.png)) as img:
            img.load()
            width_px, height_px = img.size
    except (OSError, UnidentifiedImageError, ValueError) as exc:
        log.warning("تصویر امضای %s خوانده نشد (%s)", sig.name, type(exc).__name__)
        return None
    width = min(FRAME_WIDTH / 3 - 16, 45 * mm)
    height = min(width * height_px / max(width_px, 1), 22 * mm)
    width = height * width_px / max(height_px, 1)
    return Image(io.BytesIO(sig.png), width=width, height=height)


# -- page furniture -----------------------------------------------------------------------


def _footer_lines(data: ReportData) -> str:
    number = data.report_number or data.report_id
    return f"گزارش بازرسی {data.office.name} — شماره {number}"


# -- small helpers ------------------------------------------------------------------------


def _heading(text: str, need: float = 40 * mm) -> list[Flowable]:
    """A heading that starts a new page when less than `need` is left below it, so it is never
    stranded at the foot of a page (keepWithNext would push whole tables to the next page)."""
    return [CondPageBreak(need), RTLParagraph(text, HEADING)]


def _fa(value: int) -> str:
    return to_persian_digits(value)


def _number(value: float) -> str:
    """«۸۵» or «۸۵٫۵»: one decimal at most, Persian decimal separator."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return to_persian_digits(text.replace(".", "\u066b"))


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
