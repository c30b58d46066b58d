"""Driving the console in headless Chromium: a click that loads the next page, waited for."""

from __future__ import annotations

from typing import Any


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
