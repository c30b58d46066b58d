"""The province overview in a real browser (Debian's headless Chromium through Selenium) at
1366×768, against a real server process on SQLite and on PostgreSQL that enrolled laptops
synced to: a supervisor signs in, reads the figures, filters by county and office type with
Jalali dates typed in Persian digits, and follows a figure to the inspections list behind it.
Every page is saved in artifacts/console/overview-<backend>-*.png."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from inspector_app.domain.jalali import jalali_date
from inspector_app.domain.persian import format_number
from inspector_app.domain.vocabulary import OFFICE_TYPES
from tests.console.conftest import PASSWORD
from tests.console.laptops import Laptop, synced_laptop
from tests.helpers.browser import by_id, needs_chromium, save_shots, start_chromium, submit
from tests.helpers.paths import ARTIFACTS
from tests.helpers.server import ServerProcess

SHOTS = ARTIFACTS / "console"
REPO = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.slow, needs_chromium]


@pytest.fixture(scope="module")
def browser(console_db: str | None) -> Iterator[Any]:
    """One browser per backend (a fresh cookie jar for each server)."""
    driver = start_chromium()
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def laptops(
    server: ServerProcess, users: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[list[Laptop]]:
    server.admin("publish", "--registry", str(REPO / "resources/data/offices_demo.json"))
    root = tmp_path_factory.mktemp("overview-browser")
    made = [
        synced_laptop(server, root / "zahra", "زهرا کریمی", 2, seed=2),
        synced_laptop(server, root / "reza", "رضا تهرانی", 1, seed=20),
    ]
    yield made
    for laptop in made:
        laptop.ctx.close()


def look(driver: Any, name: str) -> None:
    """Checks a person would make, then the window (1366×768) and the whole page as shots."""
    assert driver.execute_script("return getComputedStyle(document.body).direction") == "rtl"
    driver.execute_async_script("document.fonts.ready.then(() => arguments[0]())")
    assert driver.execute_script("return document.fonts.check('16px Vazirmatn')"), name
    clipped = driver.execute_script(
        "return [document.documentElement, ...document.querySelectorAll('.card, td, th, dd')]"
        ".filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.id || e.className"
        " || e.tagName + ':' + e.textContent.trim().slice(0, 30))"
    )
    assert clipped == [], f"{name}: cut off sideways: {clipped}"
    save_shots(driver, SHOTS / f"{name}.png")


def latin_digits_in(driver: Any, selector: str) -> list[str]:
    """Texts of the elements under `selector` that show a Latin digit (codes excepted)."""
    found: list[str] = driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])]"
        ".filter(e => !e.closest('.mono') && /[0-9]/.test(e.textContent))"
        ".map(e => e.textContent.trim())",
        selector,
    )
    return found


def test_a_supervisor_filters_the_overview_and_opens_a_figures_list(
    browser: Any,
    server: ServerProcess,
    laptops: list[Laptop],
    console_db: str | None,
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver, base = browser, server.url
    backend = "postgres" if console_db else "sqlite"
    shot = f"overview-{backend}"
    everything = json.loads(server.admin("summary", "--json"))["overview"]
    assert everything["inspections"] == sum(len(laptop.ids) for laptop in laptops)
    if console_db:  # the figures come from PostgreSQL, not a SQLite file beside it
        import psycopg

        with psycopg.connect(console_db) as conn:
            held = conn.execute("SELECT COUNT(*) FROM inspections").fetchone()
        assert held == (everything["inspections"],)
        assert not (server.data_dir / "server.db").exists()

    # sign in on the way to the overview, then back to it
    driver.get(f"{base}/console/overview")
    assert "/console/login" in driver.current_url
    by_id(driver, "username").send_keys("sara")
    by_id(driver, "password").send_keys(PASSWORD)
    submit(driver, by_id(driver, "login"))
    assert urlsplit(driver.current_url).path == "/console/overview"
    nav = driver.find_element(By.CSS_SELECTOR, 'nav a[aria-current="page"]')
    assert nav.text == "نمای کلی استان"
    assert by_id(driver, "total").text == format_number(everything["inspections"])
    assert latin_digits_in(driver, "#key-figures dd, td.num") == []
    look(driver, f"{shot}-01-province")

    # filter: the worst county, its first office type, the visit day typed in Persian digits
    county = everything["by_county"][0]["key"]
    one = json.loads(server.admin("summary", "--json", "--county", county))["overview"]
    office_type = one["by_type"][0]["key"]
    visit = str(server.inspections()[0]["visit_date"])
    day = jalali_date(visit, persian=False).replace("/", "-")
    Select(by_id(driver, "county")).select_by_value(county)
    Select(by_id(driver, "office_type")).select_by_value(office_type)
    for field in ("from", "to"):
        by_id(driver, field).send_keys(jalali_date(visit))
    submit(driver, by_id(driver, "apply"))
    query = dict(parse_qsl(urlsplit(driver.current_url).query))
    assert query == {
        "county": county,
        "office_type": office_type,
        "from": jalali_date(visit),
        "to": jalali_date(visit),
    }
    narrowed = ["--county", county, "--type", office_type, "--from", day, "--to", day]
    filtered = json.loads(server.admin("summary", "--json", *narrowed))["overview"]
    assert 0 < filtered["inspections"] < everything["inspections"]
    assert by_id(driver, "total").text == format_number(filtered["inspections"])
    assert county in by_id(driver, "described").text
    assert by_id(driver, "from").get_attribute("value") == jalali_date(visit)
    assert latin_digits_in(driver, "#key-figures dd, td.num") == []
    look(driver, f"{shot}-02-filtered")

    # follow the office type's figure to the list behind it: the same filters, as many rows
    row = filtered["by_type"][0]
    cell = driver.find_element(By.CSS_SELECTOR, f'#by-type tr[data-key="{row["key"]}"] a')
    assert cell.text == format_number(row["inspections"])
    submit(driver, cell)
    parts = urlsplit(driver.current_url)
    assert parts.path == "/console/inspections"
    assert dict(parse_qsl(parts.query)) == {
        "county": county,
        "office_type": office_type,
        "from": jalali_date(visit, persian=False),
        "to": jalali_date(visit, persian=False),
    }
    assert by_id(driver, "total").text == f"{format_number(row['inspections'])} بازرسی"
    shown = [
        [cell.text for cell in r.find_elements(By.TAG_NAME, "td")]
        for r in driver.find_elements(By.CSS_SELECTOR, "#inspections tbody tr")
    ]
    assert len(shown) == row["inspections"]
    label = OFFICE_TYPES[office_type].replace("\u200e", "")  # the browser's text drops marks
    assert all(cells[2:4] == [label, county] for cells in shown), shown
    assert Select(by_id(driver, "county")).first_selected_option.get_attribute("value") == county
    look(driver, f"{shot}-03-list")
