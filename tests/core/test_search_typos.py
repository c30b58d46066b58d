"""One typo passes in office search (README): a letter missing, extra, wrong or swapped, also
in short words where trigrams alone share too little."""

from __future__ import annotations

import pytest

from inspector_app.domain.search import OfficeIndex, one_edit_apart
from inspector_app.services.context import AppContext
from inspector_app.storage import offices


@pytest.mark.parametrize(
    ("query", "county"),
    [
        ("کنگن", "کنگان"),  # a letter missing
        ("گنگان", "کنگان"),  # a letter wrong
        ("بوشحر", "بوشهر"),  # a letter wrong
        ("بشهر", "بوشهر"),  # a letter missing
        ("عسلوبه", "عسلویه"),  # a neighbouring key
        ("دشتتسان", "دشتستان"),  # two letters swapped
        ("دشتسنتان", "دشتستان"),  # a letter extra
    ],
)
def test_one_typo_finds_the_county(context: AppContext, query: str, county: str) -> None:
    rows = offices.list_offices(context.db)
    found = OfficeIndex(rows).search(query)
    by_code = {r["code"]: r for r in rows}
    assert found
    assert {by_code[c]["county"] for c in found} == {county}
    assert {r["code"] for r in rows if r["county"] == county} <= set(found)


def test_two_typos_or_nonsense_find_nothing(context: AppContext) -> None:
    index = OfficeIndex(offices.list_offices(context.db))
    assert index.search("کنکن") == []  # two letters off «کنگان»
    assert index.search("zzzz") == []
    assert index.search("کنگان بوشحر") == []  # every word must match the same office


def test_one_edit_apart() -> None:
    assert one_edit_apart("کنگن", "کنگان")
    assert one_edit_apart("کنگان", "کنگن")
    assert one_edit_apart("بوشحر", "بوشهر")
    assert one_edit_apart("abcd", "abdc")
    assert one_edit_apart("abcd", "abcd")
    assert not one_edit_apart("abcd", "badc")
    assert not one_edit_apart("abc", "bca")
    assert not one_edit_apart("abcd", "ab")
    assert not one_edit_apart("کنکن", "کنگان")


def test_typo_search_stays_correct_at_national_scale() -> None:
    rows = [
        {"code": f"X-{i:05d}", "name": f"پیشخوان {i}", "city": f"شهر{i % 900}", "county": "جم"}
        for i in range(25_000)
    ]
    rows.append({"code": "X-KNG", "name": "پیشخوان کنگان", "city": "بندر کنگان", "county": "کنگان"})
    index = OfficeIndex(rows)
    assert index.search("کنگن") == ["X-KNG"]
    assert index.search("بندر کنگن") == ["X-KNG"]
