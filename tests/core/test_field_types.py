"""The Iranian field types: national code, mobile, landline, postal code, Jalali date and GPS
point — each rule as typed (Persian, Arabic-Indic and Latin digits), the stored form, the
Persian label, and a form using all of them through `inspector-app forms validate`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from inspector_app import paths
from inspector_app.domain import iran_numbers as rules
from inspector_app.domain.forms import check_answer, load_form
from inspector_app.domain.item_types import answer_label
from inspector_app.errors import FormError, InvalidAnswer
from inspector_app.services import workflow
from inspector_app.services.context import open_context
from inspector_app.services.editing import EditingSession
from inspector_app.services.report.service import render_inspection_pdf
from inspector_app.storage import offices
from tests.helpers.cli import run_cli
from tests.helpers.pdf_text import raw_text

# A pishkhan form (a version above the bundled one's, so a new inspection takes it) with one
# item of each new type; the UI tests put it in the data folder's forms.
FIELD_FORM = """\
id: pishkhan-fields
version: 99
title: "فرم شناسه‌ها"
office_types: [pishkhan]
sections:
  - id: owner
    title: "مشخصات دارندهٔ پروانه"
    items:
      - id: owner_national_code
        type: national_code
        text: "کد ملی دارندهٔ پروانه"
      - id: owner_mobile
        type: mobile
        text: "شمارهٔ همراه دارندهٔ پروانه"
      - id: office_phone
        type: landline
        text: "تلفن ثابت دفتر"
      - id: office_postal_code
        type: postal_code
        text: "کد پستی دفتر"
      - id: licence_date
        type: jalali_date
        text: "تاریخ صدور پروانه"
      - id: office_location
        type: gps_point
        text: "موقعیت دفتر"
        required: false
interview:
  title: "مصاحبه با مراجعان"
  items:
    - id: iv_last_visit
      type: jalali_date
      text: "تاریخ مراجعهٔ پیشین"
      required: false
"""

Reader = Callable[[str], str]
VALID: list[tuple[Reader, str, str]] = [
    (rules.national_code, "0013542419", "0013542419"),
    (rules.national_code, "۰۰۱۳۵۴۲۴۱۹", "0013542419"),
    (rules.national_code, "٠٠١٣٥٤٢٤١٩", "0013542419"),
    (rules.national_code, "001-354241-9", "0013542419"),
    (rules.national_code, "1234567891", "1234567891"),
    (rules.national_code, "9074833780", "9074833780"),  # remainder 0: the check digit is 0
    (rules.national_code, "3040119801", "3040119801"),  # remainder 1: the check digit is 1
    (rules.mobile, "09171234567", "09171234567"),
    (rules.mobile, "۰۹۱۷۱۲۳۴۵۶۷", "09171234567"),
    (rules.mobile, "+989171234567", "09171234567"),
    (rules.mobile, "+۹۸ ۹۱۷ ۱۲۳ ۴۵۶۷", "09171234567"),
    (rules.mobile, "00989171234567", "09171234567"),
    (rules.mobile, "989171234567", "09171234567"),
    (rules.mobile, "9171234567", "09171234567"),
    (rules.mobile, "۰۹۱۷-۱۲۳-۴۵۶۷", "09171234567"),
    (rules.landline, "07733441122", "07733441122"),
    (rules.landline, "۰۷۷۳۳۴۴۱۱۲۲", "07733441122"),
    (rules.landline, "+98 77 3344 1122", "07733441122"),
    (rules.landline, "00987733441122", "07733441122"),
    (rules.landline, "021-88776655", "02188776655"),
    (rules.postal_code, "7514763487", "7514763487"),
    (rules.postal_code, "۷۵۱۴۷-۶۳۴۸۷", "7514763487"),
    (rules.jalali_day, "1403/12/30", "2025-03-20"),  # 1403 is a leap year
    (rules.jalali_day, "۱۴۰۳/۰۱/۰۱", "2024-03-20"),
    (rules.jalali_day, "1403-1-1", "2024-03-20"),
    (rules.jalali_day, "۱۴۰۲/۱۲/۲۹", "2024-03-19"),
    (rules.jalali_day, "۱۴۰۳/۰۶/۳۱", "2024-09-21"),
    (rules.gps_point, "28.9234,50.8203", "28.9234,50.8203"),
    (rules.gps_point, "۲۸٫۹۲۳۴، ۵۰٫۸۲۰۳", "28.9234,50.8203"),
    (rules.gps_point, "۲۸/۹۲۳۴،۵۰/۸۲۰۳", "28.9234,50.8203"),
    (rules.gps_point, "28.92340 50.8203000", "28.9234,50.8203"),
    (rules.gps_point, "-33.8688, 151.2093", "-33.8688,151.2093"),
    (rules.gps_point, "28.123456789,50", "28.123457,50"),
]


@pytest.mark.parametrize(
    ("read", "typed", "stored"), VALID, ids=[f"{r.__name__}-{t}" for r, t, _ in VALID]
)
def test_valid_values_are_stored_in_one_spelling(read: Reader, typed: str, stored: str) -> None:
    assert read(typed) == stored
    if read is not rules.jalali_day:  # a date is typed in Jalali, stored in Gregorian
        assert read(stored) == stored  # the stored form reads as itself


INVALID: list[tuple[Reader, str, bool, str]] = [
    # reader, typed text, still incomplete?, a word of the reason
    (rules.national_code, "0013542418", False, "رقم کنترل"),
    (rules.national_code, "۰۰۱۳۵۴۲۴۱۸", False, "رقم کنترل"),
    (
        rules.national_code,
        "1111111111",
        False,
        "یکسان",
    ),  # its check digit fits: refused all the same
    (rules.national_code, "0000000000", False, "یکسان"),
    (rules.national_code, "001354241", True, "ده رقم"),
    (rules.national_code, "00135424190", False, "ده رقم"),
    (rules.national_code, "00135a2419", False, "فقط رقم"),
    (rules.mobile, "08171234567", False, "۰۹"),
    (rules.mobile, "0917123456", True, "یازده"),
    (rules.mobile, "091712345678", False, "یازده"),
    (rules.mobile, "+19171234567", False, "+۹۸"),
    (rules.mobile, "+9", True, "کامل"),
    (rules.mobile, "۰۹۱۷ب", False, "فقط رقم"),
    (rules.landline, "03033441122", False, "پیش‌شمارهٔ استان"),
    (rules.landline, "33441122", False, "پیش‌شمارهٔ استان"),  # no area code
    (rules.landline, "0773344112", True, "یازده"),
    (rules.landline, "077334411223", False, "یازده"),
    (rules.landline, "09171234567", False, "همراه"),
    (rules.landline, "07", True, "کامل"),
    (rules.postal_code, "751476348", True, "ده رقم"),
    (rules.postal_code, "75147634870", False, "ده رقم"),
    (rules.jalali_day, "1404/12/30", False, "کبیسه"),
    (rules.jalali_day, "۱۴۰۲/۱۲/۳۰", False, "کبیسه"),
    (rules.jalali_day, "1403/07/31", False, "۳۰"),
    (rules.jalali_day, "1403/13/01", False, "ماه"),
    (rules.jalali_day, "1250/01/01", False, "سال"),
    (rules.jalali_day, "۱۴۰۳/۱۲", True, "کامل"),
    (rules.jalali_day, "14031230", False, "۱۴۰۳/۰۱/۱۵"),
    (rules.gps_point, "91,50", False, "عرض"),
    (rules.gps_point, "28,181", False, "طول"),
    (rules.gps_point, "۲۸٫۹", True, "ویرگول"),
    (rules.gps_point, "28.9,50,3", False, "دو عدد"),
    (rules.gps_point, "شمال", False, "رقم"),
]


@pytest.mark.parametrize(
    ("read", "typed", "incomplete", "reason"),
    INVALID,
    ids=[f"{r.__name__}-{t}" for r, t, _, _ in INVALID],
)
def test_invalid_values_are_refused_with_a_persian_reason(
    read: Reader, typed: str, incomplete: bool, reason: str
) -> None:
    with pytest.raises(rules.NotValid) as caught:
        read(typed)
    assert caught.value.incomplete is incomplete
    assert reason in caught.value.message


def test_the_check_digit_rule() -> None:
    assert rules.national_code_check_digit("001354241") == "9"
    assert rules.national_code_check_digit("123456789") == "1"
    for nine in ("074123456", "499370899", "222222223"):
        code = nine + rules.national_code_check_digit(nine)
        assert rules.national_code(code) == code
        wrong = nine + str((int(code[9]) + 1) % 10)
        with pytest.raises(rules.NotValid):
            rules.national_code(wrong)


def test_every_province_has_one_area_code() -> None:
    assert len(rules.AREA_CODES) == 31 == len(set(rules.AREA_CODES.values()))
    assert rules.AREA_CODES["77"] == "بوشهر"


def test_answers_are_stored_normalized_and_labelled_with_persian_digits(tmp_path: Path) -> None:
    path = tmp_path / "fields.yaml"
    path.write_text(FIELD_FORM, encoding="utf-8")
    form = load_form(path).form
    answers = {
        "owner_national_code": ("۰۰۱۳۵۴۲۴۱۹", "0013542419", "۰۰۱۳۵۴۲۴۱۹"),
        "owner_mobile": ("+98 917 123 4567", "09171234567", "۰۹۱۷۱۲۳۴۵۶۷"),
        "office_phone": ("077-33441122", "07733441122", "۰۷۷-۳۳۴۴۱۱۲۲"),
        "office_postal_code": ("۷۵۱۴۷۶۳۴۸۷", "7514763487", "۷۵۱۴۷۶۳۴۸۷"),
        "licence_date": ("2025-03-20", "2025-03-20", "۱۴۰۳/۱۲/۳۰"),
        "office_location": ("۲۸٫۹۲۳۴، ۵۰٫۸۲۰۳", "28.9234,50.8203", "۲۸٫۹۲۳۴، ۵۰٫۸۲۰۳"),
    }
    for item_id, (given, stored, label) in answers.items():
        item = form.item(item_id)
        assert check_answer(item, given) == stored
        assert answer_label(item, stored) == label
        assert not item.scored and item.kind.free_text
    # A date is stored as its Gregorian day: Jalali text is typed in the field, not stored.
    for item_id, bad in (
        ("licence_date", "1403/12/30"),
        ("licence_date", "2025-02-30"),
        ("owner_national_code", "0013542418"),
        ("owner_mobile", 9171234567),
        ("office_location", "28.9"),
    ):
        with pytest.raises(InvalidAnswer) as caught:
            check_answer(form.item(item_id), bad)
        assert item_id in str(caught.value)


def test_a_form_with_every_new_type_validates_on_the_command_line(tmp_path: Path) -> None:
    good = tmp_path / "fields.yaml"
    good.write_text(FIELD_FORM, encoding="utf-8")
    ran = run_cli("forms", "validate", str(good), ok=True)
    assert "ok (pishkhan-fields v99, 7 items)" in ran.stdout
    bad = tmp_path / "broken.yaml"
    bad.write_text(FIELD_FORM.replace("type: postal_code", "type: zip_code"), encoding="utf-8")
    ran = run_cli("forms", "validate", str(bad), ok=False)
    assert f"{bad}:" in ran.stderr and "'postal_code'" in ran.stderr


def test_a_finding_is_refused_on_a_typed_item(tmp_path: Path) -> None:
    path = tmp_path / "finding.yaml"
    path.write_text(
        FIELD_FORM.replace(
            '        text: "کد پستی دفتر"\n',
            '        text: "کد پستی دفتر"\n        finding: "کد پستی نادرست بود."\n',
        ),
        encoding="utf-8",
    )
    with pytest.raises(FormError) as caught:
        load_form(path)
    assert "finding" in str(caught.value)


def test_the_report_shows_the_values_with_persian_digits(data_dir: Path, artifacts: Path) -> None:
    folder = paths.downloaded_forms(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pishkhan-fields.yaml").write_text(FIELD_FORM, encoding="utf-8")
    context = open_context(data_dir)
    try:
        code = offices.list_offices(context.db, office_type="pishkhan")[0]["code"]
        inspection_id = workflow.start_inspection(context, code)
        session = EditingSession(context.db, inspection_id)
        for item_id, typed in (
            ("owner_national_code", "۰۰۱۳۵۴۲۴۱۹"),
            ("owner_mobile", "+98 917 123 4567"),
            ("office_phone", "077-33441122"),
            ("office_postal_code", "7514763487"),
            ("licence_date", "2025-03-20"),
            ("office_location", "28.9234,50.8203"),
        ):
            session.set_answer(item_id, typed)
        session.set_answer("iv_last_visit", "2024-03-20", session.add_interview())
        pdf = render_inspection_pdf(context.db, inspection_id)
    finally:
        context.db.close()
    (artifacts / "report-field-types.pdf").write_bytes(pdf)
    text = raw_text(pdf)
    for shown in ("۰۰۱۳۵۴۲۴۱۹", "۰۹۱۷۱۲۳۴۵۶۷", "۰۷۷-۳۳۴۴۱۱۲۲", "۷۵۱۴۷۶۳۴۸۷", "۱۴۰۳/۱۲/۳۰"):
        assert shown in text, shown
    assert "۲۸٫۹۲۳۴" in text and "۵۰٫۸۲۰۳" in text
    assert "۱۴۰۳/۰۱/۰۱" in text  # a client's answer, quoted (as a Jalali date) in the remarks
    for latin in ("0013542419", "09171234567", "2025-03-20", "28.9234"):
        assert latin not in text
