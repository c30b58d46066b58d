"""What the PDF report prints: plain data, already in display form (Persian labels, Jalali dates).

The adapter from the database fills these; the renderer does no lookups of its own, so the same
ReportData always gives the same PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Office:
    name: str
    kind: str  # «دفتر پیشخوان دولت», «دفتر پلیس +۱۰», …
    code: str = ""
    county: str = ""  # شهرستان
    address: str = ""
    phone: str = ""
    manager: str = ""


@dataclass(frozen=True)
class Inspector:
    name: str
    role: str = "بازرس"
    code: str = ""  # personnel code


@dataclass(frozen=True)
class Summary:
    score: float | None  # 0-100, None when nothing was scored
    grade: str  # grade label, e.g. «خوب»
    critical_failures: list[str] = field(default_factory=list)  # texts of failed critical items
    satisfaction_index: float | None = None  # 0-100 from the client interviews
    yes: int = 0
    no: int = 0
    na: int = 0


@dataclass(frozen=True)
class Row:
    item: str
    answer: str  # the answer's label as shown, e.g. «بله», «خیر», «مورد ندارد», «۳ از ۵»
    note: str = ""
    failed: bool = False  # shaded in the table
    critical: bool = False  # marked with «(حیاتی)»
    free_text: bool = False  # the answer is written text: printed across answer and note columns


@dataclass(frozen=True)
class Section:
    title: str
    rows: list[Row]
    score: float | None = None


@dataclass(frozen=True)
class Finding:
    text: str
    corrective_action: str = ""
    deadline: str = ""  # Jalali date as shown


@dataclass(frozen=True)
class FollowUp:
    """A finding an earlier visit left open and what this visit found of it."""

    text: str
    corrective_action: str = ""
    found_on: str = ""  # Jalali date of the visit that recorded it
    deadline: str = ""  # Jalali, as shown
    overdue: bool = False  # the deadline had passed by this visit
    outcome: str = ""  # «انجام شد», «انجام نشد», «دیگر موضوعیت ندارد», «بررسی نشد»
    note: str = ""


@dataclass(frozen=True)
class InterviewLine:
    question: str
    summary: str  # e.g. «بله: ۷ — خیر: ۳»


@dataclass(frozen=True)
class Interviews:
    count: int = 0
    satisfaction_index: float | None = None
    lines: list[InterviewLine] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)  # clients' own words, anonymised


@dataclass(frozen=True)
class Photo:
    data: bytes  # JPEG (or any image Pillow reads); corrupt data gives a placeholder
    caption: str = ""
    taken: str = ""  # when and where it was taken, from its EXIF (photo_evidence)


@dataclass(frozen=True)
class Signature:
    name: str
    role: str
    png: bytes | None = None  # the drawn signature
    declined_reason: str = ""  # when the person did not sign
    signed_at: str = ""  # Jalali date and time as shown


@dataclass(frozen=True)
class ReportData:
    report_id: str  # the inspection's UUID
    office: Office
    inspector: Inspector
    date: str  # Jalali date as shown, «۱۴۰۳/۰۵/۱۲»
    start_time: str  # «۰۹:۳۰»
    end_time: str
    form_title: str
    summary: Summary
    sections: list[Section]
    canonical_sha256: str  # sha256 of the canonical inspection JSON (hex)
    form_version: str = ""
    report_number: str = ""  # the letter's «شماره» (Latin digits); empty for a draft
    issued_at: str = ""  # ISO UTC time of finalizing: the letter's «تاریخ»; empty for a draft
    changed_at: str = ""  # ISO UTC time of the last change: a draft PDF's creation date
    replaces: str = ""  # a correction: the id of the inspection whose report it replaces
    replaces_number: str = ""  # and that report's number
    findings: list[Finding] = field(default_factory=list)
    followups: list[FollowUp] = field(default_factory=list)
    interviews: Interviews = field(default_factory=Interviews)
    photos: list[Photo] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    governorate: str = "استانداری بوشهر"
    unit: str = "بازرسی و پاسخگویی به شکایات"
    logo: bytes | None = None  # the letterhead's logo image; None: the bundled one
    bismillah: bool = False  # «بسمه تعالی» above the titles
