from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from inspector_app.domain.search import OfficeIndex
from inspector_app.errors import InvalidImport
from inspector_app.services.context import AppContext
from inspector_app.storage import offices
from tests.helpers.cli import run_cli as cli

COUNTIES = {"بوشهر", "دشتستان", "دشتی", "دیر", "دیلم", "گناوه", "جم", "کنگان", "تنگستان", "عسلویه"}


def test_demo_registry_facts_through_the_cli(data_dir: Path) -> None:
    result = cli("offices", "list", "--json", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {r["county"] for r in rows} == COUNTIES
    assert all(r["is_demo"] == 1 for r in rows)
    police = [r for r in rows if r["type"] == "police10"]
    assert len(police) == 22
    assert sum(r["city"] == "بوشهر" for r in police) == 6
    brokers = [r for r in rows if r["type"] == "brokerage"]
    active = [r for r in brokers if r["status"] == "active"]
    assert len(active) == 6
    assert sum(r["city"] == "بوشهر" for r in active) == 2
    assert sum(r["county"] == "عسلویه" for r in active) == 2
    assert sum(r["county"] == "گناوه" for r in active) == 1
    assert sum(r["county"] == "کنگان" for r in active) == 1
    pending = [r for r in brokers if r["status"] == "pending"]
    assert [(r["city"], r["county"]) for r in pending] == [("برازجان", "دشتستان")]
    pishkhan = [r for r in rows if r["type"] == "pishkhan"]
    assert len(pishkhan) >= 30
    assert {r["county"] for r in pishkhan} == COUNTIES


def test_cli_filters_by_type_and_county(data_dir: Path) -> None:
    result = cli(
        "offices",
        "list",
        "--type",
        "brokerage",
        "--county",
        "عسلویه",
        "--json",
        "--data-dir",
        str(data_dir),
    )
    rows = json.loads(result.stdout)
    assert len(rows) == 2 and all(r["type"] == "brokerage" for r in rows)


@pytest.mark.parametrize("query", ["كنگان", "کنگان", "KANGAN-typo-free", ";k'hk"])
def test_search_finds_kangan_whatever_the_keyboard(context: AppContext, query: str) -> None:
    if query == "KANGAN-typo-free":
        query = "كنگان"  # Arabic kaf again, through the fold path of a full sentence
    rows = offices.list_offices(context.db)
    found = OfficeIndex(rows).search(query)
    by_code = {r["code"]: r for r in rows}
    assert found
    assert all(
        "کنگان" in (by_code[c]["county"] + by_code[c]["name"] + by_code[c]["city"]) for c in found
    )
    assert {r["code"] for r in rows if r["county"] == "کنگان"} <= set(found)


def test_search_by_code_digits_and_typo(context: AppContext) -> None:
    rows = offices.list_offices(context.db)
    index = OfficeIndex(rows)
    assert index.search("br-knG-001")[0] == "BR-KNG-001"
    named = next(r for r in rows if any(ch in r["name"] for ch in "۱۲۳۴۵۶۷۸۹"))
    latin = named["name"].translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))
    assert named["code"] in index.search(latin)
    # one letter wrong: «دشتستن» for «دشتستان»
    typo = index.search("دشتستن")
    assert typo and all(
        next(r for r in rows if r["code"] == c)["county"] == "دشتستان" for c in typo[:3]
    )
    assert index.search("zzzzqqqq") == []


def test_search_at_national_scale_is_correct() -> None:
    rng = random.Random(7)
    words = ["پیشخوان", "دولت", "کارگزاری", "پلیس", "خدمات", "بیمه", "شهرداری", "مرکزی"]
    rows = [
        {
            "code": f"X-{i:05d}",
            "name": f"{rng.choice(words)} {rng.choice(words)} {i}",
            "city": f"شهر{i % 900}",
            "county": f"شهرستان{i % 400}",
        }
        for i in range(25_000)
    ]
    rows.append({"code": "X-KNG", "name": "پیشخوان کنگان", "city": "بندر کنگان", "county": "کنگان"})
    index = OfficeIndex(rows)
    assert len(index) == 25_001
    assert index.search("پيشخوان كنگان")[0] == "X-KNG"
    assert "X-12345" in index.search("۱۲۳۴۵")


def test_registry_import_reports_changes(context: AppContext, tmp_path: Path) -> None:
    update = tmp_path / "update.csv"
    update.write_text(
        "code,name,type,county,city,address,phone,manager,licence_no,status,lat,lon\n"
        "BR-DST-001,کارگزاری برازجان,brokerage,دشتستان,برازجان,,,,,active,,\n"
        "PK-NEW-001,پیشخوان جديد,pishkhan,جم,جم,,,,,active,27.8,52.3\n",
        encoding="utf-8",
    )
    report = offices.import_file(context.db, update)
    assert report.added == ["PK-NEW-001"]
    assert report.changed == ["BR-DST-001"]
    new = offices.get(context.db, "PK-NEW-001")
    assert new is not None and new["name"] == "پیشخوان جدید"  # Arabic yeh stored as Persian
    again = offices.import_file(context.db, update)
    assert again.added == [] and again.changed == [] and again.unchanged == 2


@pytest.mark.parametrize(
    ("name", "text", "expect"),
    [
        ("missing.csv", "code,name,type\nA,b,pishkhan\n", "county"),
        ("bad-type.csv", "code,name,type,county,city,status\nA,b,bank,جم,جم,active\n", "line 2"),
        ("bad.json", '{"offices": [', "bad.json:1"),
        ("shape.json", '{"rows": []}', "offices"),
        (
            "dup.csv",
            "code,name,type,county,city,status\nA,b,pishkhan,جم,جم,active\n"
            "A,c,pishkhan,جم,جم,active\n",
            "A",
        ),
        ("notes.txt", "hello", "CSV"),
    ],
)
def test_bad_registry_files_change_nothing(
    context: AppContext, tmp_path: Path, name: str, text: str, expect: str
) -> None:
    before = offices.list_offices(context.db)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidImport) as caught:
        offices.import_file(context.db, path)
    assert expect in str(caught.value)
    assert offices.list_offices(context.db) == before


def test_cli_import_error_is_one_clear_line(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "missing.csv"
    path.write_text("code,name\nA,b\n", encoding="utf-8")
    result = cli("offices", "import", str(path), "--data-dir", str(data_dir))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert str(path) in result.stderr and "county" in result.stderr


def test_data_dir_may_stand_before_the_command(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from inspector_app.cli.main import main

    assert (
        main(["--data-dir", str(data_dir), "offices", "list", "--type", "police10", "--json"]) == 0
    )
    assert len(json.loads(capsys.readouterr().out)) == 22
    assert (data_dir / "bazres.db").exists()
