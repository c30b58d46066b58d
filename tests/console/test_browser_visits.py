"""A supervisor plans visits in a real browser (Debian's headless Chromium through Selenium) at
1366×768, against a real server process: one visit added through the form (the office taken
from the offices suggested as not inspected lately, inspector chosen by name, a Jalali due date
typed in Persian digits), a plan file with a
bad line refused naming it, the corrected file taken, one visit cancelled, the list filtered by
state. Every page is saved in artifacts/console/visits-*.png and checked to be right to left
and not wider than the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.console.conftest import PASSWORD, add_user
from tests.console.test_browser_publishing import laid_out
from tests.console.test_publishing import DEMO
from tests.console.test_visit_plans import fa, plan, typed
from tests.helpers.browser import by_id, needs_chromium, save_shots, submit
from tests.helpers.paths import ARTIFACTS
from tests.helpers.server import ServerProcess

SHOTS = ARTIFACTS / "console"
NUMBER = "4207"  # the planned inspector's personnel number, this test's own

pytestmark = [pytest.mark.slow, needs_chromium]


def shot(driver: Any, name: str) -> None:
    save_shots(driver, SHOTS / f"visits-{name}.png", tallest=6000)


def rows(driver: Any) -> dict[str, Any]:
    """This inspector's rows in the list, by office code."""
    from selenium.webdriver.common.by import By

    found = {}
    for row in driver.find_elements(By.CSS_SELECTOR, "#visits tbody tr"):
        if fa(NUMBER) in row.text:
            code = row.find_element(By.CSS_SELECTOR, ".mono").text
            found[code] = row
    return found


def suggested(driver: Any) -> set[str]:
    """The office codes the page suggests planning a visit to."""
    from selenium.webdriver.common.by import By

    rows = driver.find_elements(By.CSS_SELECTOR, "#suggested tbody tr")
    return {str(row.get_attribute("data-key")) for row in rows}


def upload(driver: Any, path: Path) -> None:
    by_id(driver, "file").send_keys(str(path))
    submit(driver, by_id(driver, "import"))


def test_a_supervisor_plans_visits_in_the_browser(
    browser: Any, server: ServerProcess, tmp_path: Path
) -> None:
    from selenium.webdriver.support.ui import Select

    add_user(server, "nasrin", "supervisor", "نسرین امینی")
    server.admin("publish", "--registry", str(DEMO))
    server.admin("enrol-code", "--inspector", "رضا تنگسیری", "--personnel-no", NUMBER)
    driver = browser
    driver.get(f"{server.url}/console/visits")
    by_id(driver, "username").send_keys("nasrin")
    by_id(driver, "password").send_keys(PASSWORD)
    submit(driver, by_id(driver, "login"))
    assert driver.current_url.endswith("/console/visits")
    assert driver.title == "برنامهٔ بازدید · استانداری"
    laid_out(driver)
    shot(driver, "01-page")

    # Offices nobody has inspected lately are suggested; «افزودن به برنامه» fills the form.
    # (which ones depends on what the shared server received from other tests: take one)
    chosen = sorted(suggested(driver) - {"PK-BSH-004", "PK-BSH-005"})[0]
    submit(driver, by_id(driver, f"plan-{chosen}"))
    assert by_id(driver, "office_code").get_attribute("value") == chosen
    Select(by_id(driver, "personnel_no")).select_by_visible_text(f"رضا تنگسیری — {fa(NUMBER)}")
    by_id(driver, "due").send_keys(typed(12))
    by_id(driver, "note").send_keys("شکایت مراجعان از نوبت‌دهی")
    submit(driver, by_id(driver, "add"))
    assert by_id(driver, "notice").is_displayed()
    mine = rows(driver)
    assert set(mine) == {chosen}
    assert chosen not in suggested(driver)  # planned now
    for shown in (typed(12), "باز", "شکایت مراجعان از نوبت‌دهی", "رضا تنگسیری"):
        assert shown in mine[chosen].text, shown
    laid_out(driver)
    shot(driver, "02-added")

    header = "کد دفتر,شماره پرسنلی,مهلت,یادداشت\n"
    bad = tmp_path / "plan-bad.csv"
    bad.write_text(
        header + f"PK-BSH-004,{NUMBER},1405/10/20,\nPK-NOPE-999,{NUMBER},1405/10/21,\n", "utf-8"
    )
    upload(driver, bad)
    assert by_id(driver, "refused-line").text == f"سطر {fa(3)}"
    assert "PK-NOPE-999" in by_id(driver, "refused-reason").text
    assert set(rows(driver)) == {chosen}  # nothing of the file was added
    laid_out(driver)
    shot(driver, "03-refused")

    good = tmp_path / "plan.csv"
    good.write_text(
        header + f"PK-BSH-004,{NUMBER},1405/10/20,\nPK-BSH-005,{NUMBER},۱۴۰۵/۱۰/۲۱,بازدید سرزده\n",
        "utf-8",
    )
    upload(driver, good)
    assert by_id(driver, "notice").is_displayed()
    assert set(rows(driver)) == {chosen, "PK-BSH-004", "PK-BSH-005"}
    shot(driver, "04-imported")

    ident = next(a["id"] for a in plan(server) if a["office_code"] == "PK-BSH-004"
                 and a["personnel_no"] == NUMBER)  # fmt: skip
    submit(driver, by_id(driver, f"cancel-{ident}"))
    assert "لغوشده" in rows(driver)["PK-BSH-004"].text
    shot(driver, "05-cancelled")

    Select(by_id(driver, "state")).select_by_value("open")
    submit(driver, by_id(driver, "apply"))
    assert set(rows(driver)) == {chosen, "PK-BSH-005"}
    laid_out(driver)
    shot(driver, "06-open-only")
