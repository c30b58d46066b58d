"""A governorate supervisor in a real browser (headless Chromium from Debian, through Selenium
and chromedriver) at 1366×768, against a real server process that enrolled laptops uploaded
to: sign in, filter the list, open an inspection and its signed PDF, accept one and return one
with a comment (the laptop's next sync brings the comment), resolve a conflict, export XLSX and
open it with openpyxl. Every page is saved as a screenshot in artifacts/console/review-*.png."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from inspector_app.services.sync import reviews, runner
from tests.console.conftest import PASSWORD
from tests.console.laptops import Laptop, synced_laptop
from tests.helpers.browser import by_id, needs_chromium, save_shots, start_chromium, submit
from tests.helpers.paths import ARTIFACTS
from tests.helpers.server import ServerProcess

SHOTS = ARTIFACTS / "console"

pytestmark = [pytest.mark.slow, needs_chromium]


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads: Path) -> Iterator[Any]:
    driver = start_chromium(downloads)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def shot(driver: Any, name: str) -> None:
    save_shots(driver, SHOTS / f"review-{name}.png", tallest=6000)


def choose(driver: Any, element_id: str, text: str) -> None:
    from selenium.webdriver.support.ui import Select

    Select(by_id(driver, element_id)).select_by_visible_text(text)


def no_overflow(driver: Any) -> None:
    """Nothing sticks out sideways at 1366 px (a clipped column or a long line would)."""
    wide = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert wide <= 0, f"the page is {wide} px wider than the window"


def test_a_supervisor_reviews_in_the_browser(
    browser: Any,
    server: ServerProcess,
    users: dict[str, str],
    conflicting: Any,
    downloads: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from selenium.webdriver.common.by import By

    root = tmp_path_factory.mktemp("browser-laptops")
    laptop: Laptop = synced_laptop(server, root / "zahra", "زهرا کریمی", 3, seed=21)
    other = synced_laptop(server, root / "reza", "رضا تهرانی", 1, seed=5)
    pair = conflicting(93)
    assert runner.run_sync(pair.b, pull_updates=False).conflicts == [pair.inspection_id]
    driver = browser
    base = server.url

    # sign in: the login page first, then back to the list
    driver.get(f"{base}/console/inspections")
    assert "/console/login" in driver.current_url
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    shot(driver, "01-login")
    by_id(driver, "username").send_keys("sara")
    by_id(driver, "password").send_keys(PASSWORD)
    submit(driver, by_id(driver, "login"))
    assert driver.current_url.endswith("/console/inspections")
    assert driver.execute_script("return getComputedStyle(document.body).direction") == "rtl"
    assert "Vazirmatn" in driver.execute_script("return getComputedStyle(document.body).fontFamily")
    assert driver.execute_script("return document.fonts.check('16px Vazirmatn')")
    no_overflow(driver)
    shot(driver, "02-inspections")

    # filter by inspector, sorted by score: only hers, Persian digits in the count
    choose(driver, "inspector", "زهرا کریمی")
    choose(driver, "sort", "امتیاز")
    submit(driver, by_id(driver, "apply"))
    rows = driver.find_elements(By.CSS_SELECTOR, "#inspections tbody tr")
    assert sorted(r.get_attribute("data-id") for r in rows) == sorted(laptop.ids)
    assert by_id(driver, "total").text == "۳ بازرسی"
    no_overflow(driver)
    shot(driver, "03-filtered")

    # open one: the PDF frame, the signature check, the findings
    accepted, returned = laptop.ids[0], laptop.ids[1]
    submit(driver, driver.find_element(By.CSS_SELECTOR, f'tr[data-id="{returned}"] a'))
    assert driver.current_url.endswith(f"/console/inspections/{returned}")
    assert by_id(driver, "sig-intact").is_displayed() and by_id(driver, "sig-issued").is_displayed()
    frame = by_id(driver, "report")
    assert frame.size["width"] > 500 and frame.size["height"] > 500
    time.sleep(1.5)  # the PDF viewer draws the first page
    no_overflow(driver)
    shot(driver, "04-inspection")
    head = driver.execute_async_script(
        "const done = arguments[0];"
        f"fetch('/console/inspections/{returned}/report.pdf').then(async r => done("
        "[r.headers.get('content-type'), r.headers.get('content-disposition'),"
        " new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5))]))"
    )
    assert head[0] == "application/pdf" and head[1].startswith("inline") and head[2] == "%PDF-"
    driver.get(f"{base}/console/inspections/{returned}/report.pdf")
    time.sleep(2)
    shot(driver, "05-report-pdf")

    # return it with a comment: reviewed, then returned
    driver.get(f"{base}/console/inspections/{returned}")
    submit(driver, by_id(driver, "to-reviewed"))
    assert by_id(driver, "review-state").text == "بررسی‌شده"
    comment = "امضای نمایندهٔ دفتر در گزارش نیست؛ با امضای او دوباره بفرستید."
    by_id(driver, "comment").send_keys(comment)
    submit(driver, by_id(driver, "to-returned"))
    assert by_id(driver, "review-state").text == "بازگردانده"
    assert comment in by_id(driver, "review-history").text
    shot(driver, "06-returned")
    # and accept another
    driver.get(f"{base}/console/inspections/{accepted}")
    submit(driver, by_id(driver, "to-reviewed"))
    submit(driver, by_id(driver, "to-accepted"))
    assert by_id(driver, "review-state").text == "پذیرفته"
    shot(driver, "07-accepted")

    # the inspector's laptop learns at its next sync; the other laptop learns nothing
    assert runner.run_sync(laptop.ctx).ok
    kept = reviews.kept(laptop.ctx.db)
    assert kept[returned].comment == comment and kept[accepted].state == "accepted"
    assert runner.run_sync(other.ctx).ok and reviews.kept(other.ctx.db) == {}

    # the list by review state
    driver.get(f"{base}/console/inspections")
    choose(driver, "state", "بازگردانده")
    submit(driver, by_id(driver, "apply"))
    rows = driver.find_elements(By.CSS_SELECTOR, "#inspections tbody tr")
    assert returned in [r.get_attribute("data-id") for r in rows]

    # a conflict: both versions side by side, keep both, with a reason
    driver.get(f"{base}/console/conflicts")
    shot(driver, "08-conflicts")
    links = driver.find_elements(By.CSS_SELECTOR, "#open-conflicts a.button")
    targets = [link.get_attribute("href") for link in links]
    for href in targets:
        driver.get(href)
        if pair.inspection_id in driver.page_source:
            break
    else:
        raise AssertionError("the conflict is not listed")
    cells = driver.find_elements(By.CSS_SELECTOR, f'#answer-diff tr[data-item="{pair.item_id}"] td')
    assert [c.text for c in cells[1:]] == ["بله", "خیر"]
    no_overflow(driver)
    shot(driver, "09-conflict")
    by_id(driver, "keep-both").click()
    by_id(driver, "reason").send_keys("دو بازدید جدا در یک روز بوده است")
    submit(driver, by_id(driver, "resolve"))
    assert "نگه‌داشتن هر دو" in by_id(driver, "conflict-state").text
    shot(driver, "10-conflict-resolved")

    # export the filtered inspections as XLSX and open it
    driver.get(f"{base}/console/inspections")
    choose(driver, "inspector", "زهرا کریمی")
    submit(driver, by_id(driver, "apply"))
    submit(driver, by_id(driver, "export-link"))
    assert "/console/exports" in driver.current_url
    no_overflow(driver)
    shot(driver, "11-exports")
    by_id(driver, "export-inspections-xlsx").click()
    deadline = time.monotonic() + 30
    files: list[Path] = []
    while time.monotonic() < deadline:
        files = [p for p in downloads.glob("*.xlsx") if not p.name.endswith(".crdownload")]
        if files:
            break
        time.sleep(0.2)
    assert files, "the XLSX did not download"
    time.sleep(0.5)
    book = load_workbook(files[0])
    sheet = book.worksheets[0]
    assert sheet.title == "بازرسی‌ها" and sheet.sheet_view.rightToLeft
    values = list(sheet.values)
    assert values[0][0] == "شناسه"
    assert sorted(str(r[0]) for r in values[1:]) == sorted(laptop.ids)
    shutil.copy(files[0], SHOTS / "review-export-inspections.xlsx")
    laptop.ctx.close()
    other.ctx.close()
