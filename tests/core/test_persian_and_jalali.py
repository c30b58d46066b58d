from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.domain import jalali
from inspector_app.domain.persian import (
    fold,
    format_number,
    from_wrong_layout,
    to_latin_digits,
    to_persian_digits,
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("كنگان", "کنگان"),  # Arabic kaf
        ("ديلم", "دیلم"),  # Arabic yeh
        ("پیش خوان", "پیش\u200cخوان"),  # space vs ZWNJ
        ("پیشخوان", "پیش\u200cخوان"),  # nothing vs ZWNJ
        ("بوشهر 12", "بوشهر ۱۲"),  # Latin vs Persian digits
        ("بوشهر ١٢", "بوشهر ۱۲"),  # Arabic-Indic vs Persian digits
        ("بُوشِهر", "بوشهر"),  # diacritics
        ("عالیشهر", "عالی‌شهر"),
    ],
)
def test_fold_makes_keyboard_variants_equal(typed: str, stored: str) -> None:
    assert fold(typed) == fold(stored)


def test_fold_keeps_different_words_apart() -> None:
    assert fold("کنگان") != fold("گناوه")
    assert fold("۱۲") != fold("۲۱")


def test_digits_both_ways() -> None:
    assert to_persian_digits("1234-ب/56") == "۱۲۳۴-ب/۵۶"
    assert to_latin_digits("۱۴۰۳/٠١/۰۱") == "1403/01/01"


@pytest.mark.parametrize(
    ("value", "decimals", "options", "persian", "latin"),
    [
        (1234567, 0, {}, "۱٬۲۳۴٬۵۶۷", "1,234,567"),
        (70.0, 1, {}, "۷۰٫۰", "70.0"),
        (1234.5, 2, {}, "۱٬۲۳۴٫۵۰", "1,234.50"),
        (4.5, 1, {"trim": True}, "۴٫۵", "4.5"),
        (12.0, 1, {"trim": True}, "۱۲", "12"),
        (0.125, 2, {}, "۰٫۱۳", "0.13"),  # a tie rounds away from zero
        (2.675, 2, {}, "۲٫۶۷", "2.67"),  # 2.675 is stored just below the tie
        (-3.25, 1, {}, "\u200e−۳٫۳", "-3.3"),
        (-0.04, 1, {}, "۰٫۰", "0.0"),  # no sign on a value that rounds to zero
        (1403, 0, {"group": False}, "۱۴۰۳", "1403"),
        (None, 1, {}, "—", "—"),
    ],
)
def test_format_number(
    value: float | None, decimals: int, options: dict[str, bool], persian: str, latin: str
) -> None:
    assert format_number(value, decimals, **options) == persian
    assert format_number(value, decimals, persian=False, **options) == latin


def test_wrong_layout_reads_latin_keys_as_persian() -> None:
    # "کنگان" typed on a Persian keyboard while the Latin layout was active
    assert from_wrong_layout(";k'hk") == "کنگان"


def test_jalali_known_dates() -> None:
    # Nowruz 1403 was 20 March 2024; 1403-06-31 is 21 September 2024
    assert jalali.parse_jalali_date("1403-01-01") == dt.date(2024, 3, 20)
    assert jalali.parse_jalali_date("۱۴۰۳/۰۶/۳۱") == dt.date(2024, 9, 21)
    assert jalali.jalali_date("2024-03-20") == "۱۴۰۳/۰۱/۰۱"


def test_jalali_uses_tehran_time() -> None:
    # 21:00 UTC on 19 March 2024 is already 00:30 on 20 March (1 Farvardin) in Tehran
    assert jalali.jalali_date("2024-03-19T21:00:00Z") == "۱۴۰۳/۰۱/۰۱"
    assert jalali.clock_time("2024-03-19T21:00:00Z") == "۰۰:۳۰"
    assert jalali.jalali_month("2024-03-19T21:00:00Z") == "1403-01"


def test_jalali_of_calendar_dates_and_of_nothing() -> None:
    # A calendar (visit) date is that day whatever the zone; a missing value is a dash.
    assert jalali.jalali_date(dt.date(2024, 3, 20)) == "۱۴۰۳/۰۱/۰۱"
    assert jalali.jalali_date(dt.date(2024, 3, 20), persian=False) == "1403/01/01"
    assert jalali.jalali_date(None) == jalali.jalali_date("") == "—"
    assert jalali.clock_time(None) == "—"
    assert jalali.jalali_month(dt.date(2024, 3, 19)) == "1402-12"
    assert jalali.jalali_month("2024-03-19") == "1402-12"


def test_jalali_months() -> None:
    assert jalali.jalali_month_label("1403-01") == "فروردین ۱۴۰۳"
    assert jalali.jalali_month_label("1402-12") == "اسفند ۱۴۰۲"
    assert jalali.jalali_month_label("1402-12", persian=False) == "اسفند 1402"
    # Esfand 1403 has 30 days (a leap year), Esfand 1402 has 29.
    assert jalali.jalali_month_bounds("1403-12") == (dt.date(2025, 2, 19), dt.date(2025, 3, 20))
    assert jalali.jalali_month_bounds("1402-12") == (dt.date(2024, 2, 20), dt.date(2024, 3, 19))


@pytest.mark.parametrize("bad", ["1403-13-01", "1403-12-31x", "yesterday", "1403-00-10"])
def test_bad_jalali_dates_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        jalali.parse_jalali_date(bad)


def test_stored_times_are_utc_iso() -> None:
    moment = dt.datetime(2024, 3, 20, 12, 0, tzinfo=jalali.TEHRAN)
    assert jalali.to_iso(moment) == "2024-03-20T08:30:00Z"
    with pytest.raises(ValueError):
        jalali.to_iso(dt.datetime(2024, 3, 20, 12, 0))


@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list("پیشخوان كي ۱2٣\u200c-،.aB\u064e\t")), max_size=12)
    )
)
def test_folding_many_at_once_equals_one_by_one(texts: list[str]) -> None:
    from inspector_app.domain.persian import fold_words, fold_words_many

    assert fold_words_many(texts) == [fold_words(t) for t in texts]
