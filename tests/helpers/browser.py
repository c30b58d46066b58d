"""Driving the console in headless Chromium from Debian: starting it as every browser test
does, finding by id, the window and the whole page as screenshots, a click that loads the next
page, waited for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
WIDTH, HEIGHT = 1366, 768  # a laptop screen

needs_chromium = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="Debian's chromium and chromium-driver are not installed (/usr/bin/chromium, "
    "/usr/bin/chromedriver): apt-get install chromium chromium-driver",
)


def start_chromium(downloads: Path | None = None) -> Any:
    """Headless Chromium in Persian at 1366×768; files it downloads go to `downloads`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
    for argument in (*arguments, f"--window-size={WIDTH},{HEIGHT}", "--lang=fa"):
        options.add_argument(argument)
    if downloads is not None:
        options.add_experimental_option(
            "prefs",
            {"download.default_directory": str(downloads), "download.prompt_for_download": False},
        )
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    if downloads is not None:
        driver.execute_cdp_cmd(
            "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
        )
    driver.set_window_size(WIDTH, HEIGHT)
    return driver


def by_id(driver: Any, element_id: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, element_id)


def save_shots(driver: Any, png: Path, *, tallest: int = 8000) -> None:
    """The page as the window shows it (1366×768) into `png`, and the whole page into
    NAME-full.png when it is longer."""
    png.parent.mkdir(parents=True, exist_ok=True)
    driver.set_window_size(WIDTH, HEIGHT)
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(png))
    height = int(driver.execute_script("return document.documentElement.scrollHeight"))
    if height > HEIGHT:
        driver.set_window_size(WIDTH, min(height + 140, tallest))
        driver.save_screenshot(str(png.with_name(f"{png.stem}-full.png")))
        driver.set_window_size(WIDTH, HEIGHT)


def submit(driver: Any, element: Any) -> None:
    """Click what sends a form or follows a link, and wait for the next page to load (a click
    returns before the browser has navigated: reading the page at once reads the old one)."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    old = driver.find_element(By.TAG_NAME, "html")
    element.click()

    def gone(_driver: Any) -> bool:
        # Chromium reports a node of a page already left either as stale or, at times, as an
        # inspector error ("Node with given id does not belong to the document"): both mean
        # the old page is gone.
        try:
            old.is_enabled()
        except WebDriverException:
            return True
        return False

    WebDriverWait(driver, 30).until(gone)
    WebDriverWait(driver, 30).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )
