"""The province summary report: a Persian PDF of the overview and coverage for a period.

Rendered with the Persian PDF typesetting the inspection report uses too (inspector_app.pdf:
Vazirmatn, RTLParagraph, rtl_table, the page and its styles), so the same text-extraction and
font rules hold; charts come from pdf_charts. The laptop and the server gather the data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from inspector_app.domain.jalali import jalali_date, jalali_datetime
from inspector_app.domain.persian import format_number
from inspector_app.domain.vocabulary import OFFICE_TYPE_HEADINGS, OFFICE_TYPES, WEAK_BELOW
from inspector_app.figures.coverage import Coverage
from inspector_app.figures.overview import ComplianceRow, Overview
from inspector_app.figures.pdf_charts import horizontal_bars, vertical_bars
from inspector_app.pdf.layout import (
    BODY,
    CELL,
    CELL_CENTER,
    CELL_HEAD,
    FAIL_BG,
    FRAME_WIDTH,
    HEADING,
    SMALL,
    SUBTITLE,
    TEXT_WIDTH,
    TITLE,
    build_a4,
)
from inspector_app.pdf.rtl_flowable import (
    FONT_REGULAR,
    RTLParagraph,
    register_fonts,
)
from inspector_app.pdf.tables import rtl_table

ISSUER = "استانداری بوشهر — دفتر امور اجتماعی"
REPORT_TITLE = "گزارش خلاصهٔ استانی بازرسی دفاتر خدمات عمومی"
MAX_MONTHS = 24
SOURCE = ParagraphStyle(
    "source", fontName=FONT_REGULAR, fontSize=7.5, leading=11, alignment=TA_LEFT
)  # a longer trend keeps its most recent months


@dataclass(frozen=True)
class SummaryData:
    overview: Overview
    coverage: Coverage
    generated_at: dt.datetime  # UTC


def render_summary(data: SummaryData) -> bytes:
    """The summary as PDF bytes (A4, right to left, Vazirmatn embedded)."""
    register_fonts()
    return build_a4(
        _story(data),
        footer=f"{REPORT_TITLE} — {_period(data.overview)}",
        title=REPORT_TITLE,
        author=ISSUER,
        subject="bazres-summary",
    )


# -- the story ------------------------------------------------------------------------------


def _story(data: SummaryData) -> list[Flowable]:
    o, cov = data.overview, data.coverage
    story: list[Flowable] = [
        RTLParagraph(ISSUER, SUBTITLE),
        RTLParagraph(REPORT_TITLE, TITLE),
        RTLParagraph(f"دوره: {_period(o)}", SUBTITLE),
        Spacer(1, 4),
        RTLParagraph(
            f"آمار این گزارش: {o.filter.describe()}. "
            f"تاریخ تهیه: {jalali_datetime(data.generated_at)}.",
            SMALL,
        ),
        Spacer(1, 6),
        _key_figures(o, cov),
    ]
    if o.by_county:
        story += _section(
            "انطباق با ضوابط به تفکیک شهرستان",
            horizontal_bars(
                [(r.label, r.mean_score) for r in o.by_county],
                title="میانگین درصد انطباق (کمتر از ۶۰ به رنگ قرمز)",
                width=TEXT_WIDTH,
                highlight_below=WEAK_BELOW,
            ),
            _compliance_table(o.by_county, "شهرستان"),
        )
    if o.by_type:
        story += _section(
            "انطباق به تفکیک نوع دفتر",
            horizontal_bars(
                [(r.label, r.mean_score) for r in o.by_type],
                title="میانگین درصد انطباق",
                width=TEXT_WIDTH,
                highlight_below=WEAK_BELOW,
            ),
            _compliance_table(o.by_type, "نوع دفتر"),
        )
    months = o.by_month[-MAX_MONTHS:]
    if months:
        story += _section(
            "روند ماهانهٔ انطباق",
            vertical_bars(
                [(m.label, m.mean_score) for m in months],
                title="میانگین درصد انطباق در هر ماه",
                width=TEXT_WIDTH,
            ),
            _compliance_table(months, "ماه", worst_first=False),
        )
    story += _failed_items(o)
    if o.satisfaction_by_county:
        rows = [(r.label, r.mean_satisfaction) for r in o.satisfaction_by_county]
        story += _section(
            "رضایت مراجعان به تفکیک شهرستان",
            horizontal_bars(rows, title="شاخص رضایت مراجعان (از ۱۰۰)", width=TEXT_WIDTH),
        )
    story += _coverage(cov)
    story += _overdue(o)
    return story


def _section(title: str, chart: Flowable, *rest: Flowable) -> list[Flowable]:
    # The heading travels with its chart: never alone at the foot of a page.
    return [KeepTogether([RTLParagraph(title, HEADING), chart]), *rest, Spacer(1, 4)]


def _period(o: Overview) -> str:
    f = o.filter
    if f.date_from is None and f.date_to is None:
        return f"همهٔ بازدیدها تا {jalali_date(o.as_of)}"
    if f.date_to is None:
        return f"از {jalali_date(f.date_from)} تا {jalali_date(o.as_of)}"
    if f.date_from is None:
        return f"تا {jalali_date(f.date_to)}"
    return f"از {jalali_date(f.date_from)} تا {jalali_date(f.date_to)}"


def _cell(text: str, style: Any = CELL) -> RTLParagraph:
    return RTLParagraph(text, style)


def _key_figures(o: Overview, cov: Coverage) -> Flowable:
    pairs = [
        ("بازرسی‌ها", format_number(o.inspections)),
        ("دفاتر بازرسی‌شده", format_number(o.offices_inspected)),
        ("میانگین درصد انطباق", format_number(o.mean_score, 1, trim=True)),
        ("بازرسی‌های دارای تخلف حیاتی", format_number(o.critical)),
        ("دفاتر فعال استان", format_number(cov.active_total)),
        ("مجوزهای در انتظار", format_number(cov.pending_total)),
        ("دفتر به ازای هر صد هزار نفر", format_number(cov.per_100k, 2)),  # two decimals, always
        (
            f"دفاتر بی‌بازرسی در {_days(o)} گذشته",
            format_number(len(o.overdue)),
        ),
    ]
    rows = []
    for i in range(0, len(pairs), 2):
        row: list[Any] = []
        for label, value in pairs[i : i + 2]:
            row += [_cell(label, CELL_HEAD), _cell(value, CELL_CENTER)]
        rows.append(row)
    quarter = FRAME_WIDTH / 4
    widths = [quarter * 1.4, quarter * 0.6, quarter * 1.4, quarter * 0.6]
    return rtl_table(rows, widths, [("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f4f7fb"))])


def _compliance_table(
    rows: list[ComplianceRow], first: str, *, worst_first: bool = True
) -> Flowable:
    head = [first, "بازرسی‌ها", "میانگین انطباق", "دارای تخلف حیاتی"]
    body = [
        [
            _cell(r.label),
            _cell(format_number(r.inspections), CELL_CENTER),
            _cell(format_number(r.mean_score, 1, trim=True), CELL_CENTER),
            _cell(format_number(r.critical), CELL_CENTER),
        ]
        for r in rows
    ]
    style = [
        ("BACKGROUND", (2, i), (2, i), FAIL_BG)
        for i, r in enumerate(rows, start=1)
        if r.mean_score is not None and r.mean_score < WEAK_BELOW
    ]
    widths = [FRAME_WIDTH * w for w in (0.34, 0.2, 0.23, 0.23)]
    return rtl_table([[_cell(h, CELL_HEAD) for h in head], *body], widths, style, header=True)


def _failed_items(o: Overview) -> list[Flowable]:
    if not o.failed_items:
        return []
    head = ["ردیف", "پرسش", "دفعات «خیر»", "از بازرسی‌ها", "درصد"]
    body = [
        [
            _cell(format_number(n), CELL_CENTER),
            _cell(item.text),
            _cell(format_number(item.failed), CELL_CENTER),
            _cell(format_number(item.out_of), CELL_CENTER),
            _cell(format_number(item.share, 1, trim=True), CELL_CENTER),
        ]
        for n, item in enumerate(o.failed_items, start=1)
    ]
    widths = [FRAME_WIDTH * w for w in (0.07, 0.57, 0.12, 0.13, 0.11)]
    table = rtl_table([[_cell(h, CELL_HEAD) for h in head], *body], widths, [], header=True)
    heading = RTLParagraph("پرسش‌هایی که بیش از همه «خیر» پاسخ گرفته‌اند", HEADING)
    return [KeepTogether([heading, table]), Spacer(1, 4)]


def _coverage(cov: Coverage) -> list[Flowable]:
    types = list(OFFICE_TYPE_HEADINGS)
    head = ["شهرستان", "جمعیت", *OFFICE_TYPE_HEADINGS.values(), "به ازای ۱۰۰ هزار نفر"]
    head += ["در انتظار مجوز"]
    body: list[list[Any]] = []
    style: list[tuple[Any, ...]] = []
    for row_no, c in enumerate(cov.counties, start=1):
        cells = [_cell(c.county), _cell(format_number(c.population), CELL_CENTER)]
        for col, t in enumerate(types, start=2):
            cells.append(_cell(format_number(c.active[t]), CELL_CENTER))
            if t in c.missing_types:  # no office of this type: where one is needed
                style.append(("BACKGROUND", (col, row_no), (col, row_no), FAIL_BG))
        cells += [
            _cell(format_number(c.per_100k, 2), CELL_CENTER),
            _cell(format_number(c.pending), CELL_CENTER),
        ]
        body.append(cells)
    widths = [FRAME_WIDTH * w for w in (0.17, 0.14, 0.12, 0.12, 0.12, 0.18, 0.15)]
    table = rtl_table([[_cell(h, CELL_HEAD) for h in head], *body], widths, style, header=True)
    gaps = [
        f"{c.county}: {'، '.join(OFFICE_TYPES.get(t, t) for t in c.missing_types)}"
        for c in cov.counties
        if c.missing_types
    ]
    chart = horizontal_bars(
        [(c.county, c.per_100k) for c in cov.counties],
        title="دفاتر فعال به ازای هر صد هزار نفر",
        width=TEXT_WIDTH,
        value_max=max([c.per_100k or 0.0 for c in cov.counties] + [1.0]) * 1.15,
        decimals=2,
    )
    out: list[Flowable] = [
        KeepTogether([RTLParagraph("پوشش دفاتر در شهرستان‌ها", HEADING), chart]),
        table,
        Spacer(1, 3),
        RTLParagraph("خانه‌های قرمز: شهرستان‌هایی که هیچ دفتر فعالی از آن نوع ندارند.", SMALL),
        *_population_source(cov.population_source),
    ]
    if gaps:
        out.append(RTLParagraph("نیاز به دفتر جدید — " + "؛ ".join(gaps), BODY))
    if cov.unknown_counties:
        out.append(
            RTLParagraph(
                "جمعیت این شهرستان‌ها در پروندهٔ جمعیت نیامده است: "
                + "، ".join(cov.unknown_counties),
                SMALL,
            )
        )
    return [*out, Spacer(1, 4)]


def _population_source(source: str) -> list[Flowable]:
    """The population file's source as it gives it: in the report's Persian sentence, or (a
    file naming its source in another script) quoted apart, left to right."""
    if any("\u0600" <= ch <= "\u06ff" for ch in source):
        return [RTLParagraph(f"منبع آمار جمعیت: {source}", SMALL)]
    return [RTLParagraph("منبع آمار جمعیت:", SMALL), Paragraph(escape(source), SOURCE)]


def _days(o: Overview) -> str:
    """«۹۰ روز», or «۹۰ روز کاری» when working days are counted."""
    unit = "روز کاری" if o.overdue_working_days else "روز"
    return f"{format_number(o.overdue_days)} {unit}"


def _overdue(o: Overview) -> list[Flowable]:
    title = f"دفاتری که در {_days(o)} گذشته بازرسی نشده‌اند"
    if not o.overdue:
        return [RTLParagraph(title, HEADING), RTLParagraph("همهٔ دفاتر فعال بازرسی شده‌اند.", BODY)]
    head = ["کد", "نام دفتر", "شهرستان", "نوع", "آخرین بازرسی", "روز گذشته"]
    body = [
        [
            _cell(d.code, CELL_CENTER),
            _cell(d.name),
            _cell(d.county),
            _cell(OFFICE_TYPES.get(d.office_type, d.office_type)),
            _cell(jalali_date(d.last_visit) if d.last_visit else "هرگز", CELL_CENTER),
            _cell(format_number(d.days_since), CELL_CENTER),
        ]
        for d in o.overdue
    ]
    widths = [FRAME_WIDTH * w for w in (0.13, 0.3, 0.14, 0.15, 0.15, 0.13)]
    table = rtl_table([[_cell(h, CELL_HEAD) for h in head], *body], widths, [], header=True)
    note = f"تا تاریخ {jalali_date(o.as_of)}؛ فقط دفاتر فعال."
    return [KeepTogether([RTLParagraph(title, HEADING), table]), RTLParagraph(note, SMALL)]
