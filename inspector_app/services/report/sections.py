"""The report's text blocks: title with logo and QR code, details of the visit, the summary of
the result, the checklist of each section, findings, and the client interviews."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.barcode.qr import QrCode
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Table
from reportlab.platypus.tables import TableStyle

from inspector_app.domain.jalali import jalali_date
from inspector_app.domain.persian import format_number
from inspector_app.paths import resource
from inspector_app.pdf.layout import (
    BODY,
    BOX_BG,
    CELL,
    CELL_CENTER,
    CELL_HEAD,
    FAIL_BG,
    FRAME_WIDTH,
    HEAD_BG,
    NAVY,
    SUBTITLE,
    TABLE_FONT,
    TITLE,
    paragraph_style,
)
from inspector_app.pdf.rtl_flowable import FONT_BOLD, FONT_MEDIUM, RTLParagraph
from inspector_app.pdf.tables import rtl_table
from inspector_app.services.report.model import ReportData


def title_block(data: ReportData) -> Table:
    """The letterhead: the letter's «شماره», «تاریخ» and «پیوست» on the left (an Iranian
    official letter's place for them), the titles in the middle (under «بسمه تعالی» when the
    letterhead asks for it), the logo on the right."""
    logo = Image(io.BytesIO(data.logo) if data.logo else str(resource("logo.png")))
    logo._restrictSize(24 * mm, 24 * mm)
    titles = [RTLParagraph("بسمه تعالی", BISMILLAH)] if data.bismillah else []
    titles += [
        RTLParagraph(data.governorate, TITLE),
        RTLParagraph(data.unit, SUBTITLE),
        RTLParagraph(f"گزارش بازرسی: {data.form_title}", SUBTITLE),
    ]
    photos = len(data.photos)
    fields = [
        ("شماره", data.report_number or "پیش‌نویس"),
        ("تاریخ", jalali_date(data.issued_at) if data.issued_at else "—"),
        ("پیوست", f"{format_number(photos)} تصویر" if photos else "ندارد"),
    ]
    letter = [RTLParagraph(f"{label}: {value}", LETTER_FIELD) for label, value in fields]
    middle = FRAME_WIDTH - 28 * mm - LETTER_FIELDS_WIDTH
    table = Table([[letter, titles, logo]], colWidths=[LETTER_FIELDS_WIDTH, middle, 28 * mm])
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (2, 0), (2, 0), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, NAVY),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


LETTER_FIELDS_WIDTH = 46 * mm
LETTER_FIELD = paragraph_style("letter-field", 9, font=FONT_MEDIUM)
BISMILLAH = paragraph_style("bismillah", 10, font=FONT_MEDIUM, alignment=TA_CENTER, leading=18)
HASH = paragraph_style("hash", 8.5, alignment=TA_LEFT, leading=13)


def verification(data: ReportData) -> Table:
    """The QR code and, beside it, the document's full sha256 for a person to read and compare
    (8 groups of 8 hex digits, Latin, left to right)."""
    digest = data.canonical_sha256
    groups = [digest[i : i + 8] for i in range(0, len(digest), 8)]
    text = [
        RTLParagraph("اثر انگشت سند (sha256) برای بررسی اصالت:", CELL),
        RTLParagraph(" ".join(groups[:4]), HASH, persian_digits=False),
        RTLParagraph(" ".join(groups[4:]), HASH, persian_digits=False),
    ]
    # The text column is as wide as the hash, so its label ends right above the hash's end.
    table = Table([[_qr(data), text]], colWidths=[28 * mm, 78 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _qr(data: ReportData) -> QrCode:
    # QrCode draws its modules straight on the canvas; the graphics Drawing route would also
    # put an unused Helvetica (base-14, not embedded) into the PDF.
    value = f"bazres:{data.report_id};sha256:{data.canonical_sha256}"
    return QrCode(value, width=24 * mm, height=24 * mm, qrBorder=2, qrLevel="M")


def details(data: ReportData) -> Table:
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
            ("اصلاحیهٔ گزارش", data.replaces_number or data.replaces),
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


def summary(data: ReportData) -> Table:
    s = data.summary
    score = f"{format_number(s.score, 1, trim=True)} از ۱۰۰" if s.score is not None else "—"
    satisfaction = format_number(s.satisfaction_index, 1, trim=True)
    critical = (
        "ندارد" if not s.critical_failures else f"{format_number(len(s.critical_failures))} مورد"
    )
    answers = "، ".join(
        f"{label}: {format_number(count)}"
        for label, count in (("بله", s.yes), ("خیر", s.no), ("مورد ندارد", s.na))
    )
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
            RTLParagraph(answers, CELL),
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


def items_table(rows: Sequence[Any]) -> Table:
    head = [RTLParagraph(t, CELL_HEAD) for t in ("ردیف", "بند", "پاسخ", "توضیحات")]
    data: list[list[Any]] = [head]
    style: list[tuple[Any, ...]] = []
    for number, row in enumerate(rows, start=1):
        item = f"{row.item} (حیاتی)" if row.critical else row.item
        cells: list[Any] = [
            RTLParagraph(format_number(number, group=False), CELL_CENTER),
            RTLParagraph(item, CELL),
        ]
        if row.free_text:
            # A written answer would stand two words a line in the narrow answer column: it
            # takes the note's column too, the note (if any) under it.
            answer = [RTLParagraph(row.answer, CELL)]
            if row.note:
                answer.append(RTLParagraph(f"توضیحات: {row.note}", CELL))
            cells += [answer, ""]
            style.append(("SPAN", (2, number), (3, number)))
        else:
            cells += [RTLParagraph(row.answer, CELL_CENTER), RTLParagraph(row.note, CELL)]
        data.append(cells)
        if row.failed:
            style.append(("BACKGROUND", (2, number), (2, number), FAIL_BG))
    widths = [11 * mm, 0.43 * (FRAME_WIDTH - 11 * mm - 22 * mm), 22 * mm]
    widths.append(FRAME_WIDTH - sum(widths))
    return rtl_table(data, widths, style, header=True)


def findings(data: ReportData) -> Table:
    head = [RTLParagraph(t, CELL_HEAD) for t in ("ردیف", "یافته", "اقدام اصلاحی", "مهلت")]
    rows: list[list[Any]] = [head]
    for number, f in enumerate(data.findings, start=1):
        rows.append(
            [
                RTLParagraph(format_number(number, group=False), CELL_CENTER),
                RTLParagraph(f.text, CELL),
                RTLParagraph(f.corrective_action or "—", CELL),
                RTLParagraph(f.deadline or "—", CELL_CENTER),
            ]
        )
    rest = FRAME_WIDTH - 11 * mm - 24 * mm
    return rtl_table(rows, [11 * mm, rest / 2, rest / 2, 24 * mm], [], header=True)


def followups(data: ReportData) -> Table:
    """The earlier visit's open findings: each with its deadline (shaded when passed by this
    visit) and what this visit found."""
    head = [RTLParagraph(t, CELL_HEAD) for t in ("ردیف", "یافته", "مهلت", "نتیجه", "توضیح")]
    rows: list[list[Any]] = [head]
    style: list[Any] = []
    for number, f in enumerate(data.followups, start=1):
        deadline = f.deadline or "—"
        if f.overdue:
            deadline += " (گذشته)"
            style.append(("BACKGROUND", (2, number), (2, number), FAIL_BG))
        rows.append(
            [
                RTLParagraph(format_number(number, group=False), CELL_CENTER),
                RTLParagraph(f"{f.text} (بازدید {f.found_on})", CELL),
                RTLParagraph(deadline, CELL_CENTER),
                RTLParagraph(f.outcome, CELL_CENTER),
                RTLParagraph(f.note or "—", CELL),
            ]
        )
    rest = FRAME_WIDTH - 11 * mm - 30 * mm - 28 * mm
    return rtl_table(rows, [11 * mm, rest * 0.6, 30 * mm, 28 * mm, rest * 0.4], style, header=True)


def interviews(data: ReportData) -> list[Flowable]:
    iv = data.interviews
    line = f"تعداد مصاحبه‌ها: {format_number(iv.count)}"
    if iv.satisfaction_index is not None:
        line += f"؛ شاخص رضایت: {format_number(iv.satisfaction_index, 1, trim=True)} از ۱۰۰"
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
