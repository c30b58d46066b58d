"""An admin publishes in a real browser (Debian's headless Chromium through Selenium) at
1366×768, against a real server process: a registry CSV with a bad row is refused naming its
line, the corrected one is previewed (offices added, removed, changed) and confirmed, then a
new version of a form; the audit page shows both publishes. Every page is saved as a
screenshot in artifacts/console/publishing-*.png and checked to be right to left and not
wider than the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.console.conftest import PASSWORD, add_user
from tests.console.test_publishing import DEMO, as_csv, demo_offices, fa
from tests.helpers.browser import by_id, needs_chromium, save_shots, submit
from tests.helpers.paths import ARTIFACTS, FORMS
from tests.helpers.server import ServerProcess

SHOTS = ARTIFACTS / "console"

pytestmark = [pytest.mark.slow, needs_chromium]


def shot(driver: Any, name: str) -> None:
    save_shots(driver, SHOTS / f"publishing-{name}.png", tallest=6000)


def laid_out(driver: Any) -> None:
    """Right to left, in the console's font, and nothing sticking out sideways at 1366 px."""
    assert driver.execute_script("return getComputedStyle(document.body).direction") == "rtl"
    assert driver.execute_script("return document.fonts.check('16px Vazirmatn')")
    wide = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert wide <= 0, f"the page is {wide} px wider than the window"


def send(driver: Any, kind: str, path: Path) -> None:
    """Choose the kind and the file on the publishing page, and ask for the preview."""
    from selenium.webdriver.support.ui import Select

    Select(by_id(driver, "kind")).select_by_value(kind)
    by_id(driver, "file").send_keys(str(path))
    submit(driver, by_id(driver, "preview"))


def test_an_admin_publishes_in_the_browser(
    browser: Any, server: ServerProcess, tmp_path_factory: pytest.TempPathFactory
) -> None:
    files = tmp_path_factory.mktemp("to-publish")
    add_user(server, "parisa", "admin", "پریسا رحیمی")
    server.admin("publish", "--registry", str(DEMO), "--form", str(FORMS / "pishkhan.yaml"))
    driver = browser
    driver.get(f"{server.url}/console/publishing")
    by_id(driver, "username").send_keys("parisa")
    by_id(driver, "password").send_keys(PASSWORD)
    submit(driver, by_id(driver, "login"))
    assert driver.current_url.endswith("/console/publishing")
    assert by_id(driver, "now-registry").text.startswith(f"فهرست دفترها: {fa(65)} دفتر")
    laid_out(driver)
    shot(driver, "01-page")

    # a row with an unknown office type: refused, its line named, nothing published
    rows = demo_offices()
    rows[6]["type"] = "bank"  # line 8: the header is line 1
    bad = files / "offices-bad.csv"
    bad.write_bytes(as_csv(rows))
    send(driver, "registry", bad)
    assert by_id(driver, "refused-line").text == f"سطر {fa(8)}"
    assert "type" in by_id(driver, "refused-column").text
    assert "چیزی منتشر نشد" in by_id(driver, "refused").text
    assert by_id(driver, "now-registry").text.startswith(f"فهرست دفترها: {fa(65)} دفتر")
    laid_out(driver)
    shot(driver, "02-refused")

    # the corrected file: one office added, one removed, one renamed
    rows = demo_offices()
    rows[0]["name"] = "پیشخوان دولت بوشهر با نام تازه"
    rows = [r for i, r in enumerate(rows) if i != 1]
    rows.append({**rows[3], "code": "PK-BSH-901", "name": "پیشخوان دولت تازه‌گشایش"})
    good = files / "offices.csv"
    good.write_bytes(as_csv(rows))
    send(driver, "registry", good)
    assert by_id(driver, "added-count").text == fa(1)
    assert by_id(driver, "removed-count").text == fa(1)
    assert by_id(driver, "changed-count").text == fa(1)
    assert "PK-BSH-901" in by_id(driver, "added").text
    assert "نام" in by_id(driver, "changed").text
    laid_out(driver)
    shot(driver, "03-registry-preview")
    submit(driver, by_id(driver, "confirm"))
    assert "فهرست دفترها منتشر شد" in by_id(driver, "published").text
    assert by_id(driver, "now-registry").text.startswith(f"فهرست دفترها: {fa(65)} دفتر")
    laid_out(driver)
    shot(driver, "04-registry-published")

    # a new version of a form: one question's text changed, one added
    document = yaml.safe_load((FORMS / "pishkhan.yaml").read_text("utf-8"))
    before = int(document["version"])
    document["version"] = before + 1
    items = document["sections"][0]["items"]
    items[0]["text"] = "آیا پروانهٔ فعالیت معتبر در دید همهٔ مراجعان نصب شده است؟"
    items.append({"id": "tariff_leaflet", "type": "yesno", "text": "آیا برگهٔ تعرفه‌ها هست؟"})
    form = files / "pishkhan.yaml"
    form.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
    send(driver, "form", form)
    assert f"{fa(before)} ← {fa(before + 1)}" in by_id(driver, "form-version").text
    assert by_id(driver, "added-count").text == fa(1)
    assert by_id(driver, "changed-count").text == fa(1)
    laid_out(driver)
    shot(driver, "05-form-preview")
    submit(driver, by_id(driver, "confirm"))
    assert "pishkhan.yaml" in by_id(driver, "published").text
    assert fa(before + 1) in by_id(driver, "now-forms").text
    shot(driver, "06-form-published")

    # the audit page: both publishes, by this admin
    driver.get(f"{server.url}/console/audit")
    from selenium.webdriver.common.by import By

    rows_shown = driver.find_elements(By.CSS_SELECTOR, "#audit tbody tr")
    published = [r.text for r in rows_shown if "انتشار" in r.text]
    assert any("pishkhan.yaml" in r and "parisa" in r for r in published)
    assert any("offices.csv" in r and "parisa" in r for r in published)
    laid_out(driver)
    shot(driver, "07-audit")
