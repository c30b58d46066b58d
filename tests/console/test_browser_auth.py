"""The console's sign-in and devices pages in a real browser (Debian's headless Chromium via
Selenium) against a real `inspector-server serve` process: an admin signs in by typing and
clicking, issues an enrolment code, a laptop enrols with it through the API, the admin revokes
that device, finds both in the audit log and signs out. Every page is left as a screenshot at
1366×768 in artifacts/console/ and checked to be right to left, in Vazirmatn (loaded from the
server itself), and not wider than the window."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.helpers.browser import submit
from tests.helpers.cli import run_cli
from tests.helpers.paths import ARTIFACTS
from tests.helpers.server import ServerProcess, laptop_csr
from tests.sync.conftest import key_passphrases  # noqa: F401  (fixture: the server key passphrase)
from tests.sync.factory import PASSPHRASE, make_laptop

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(
        "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)",
        allow_module_level=True,
    )

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.select import Select  # noqa: E402

pytestmark = pytest.mark.slow

PASSWORD = "browser console passphrase"
SHOTS = ARTIFACTS / "console"


@pytest.fixture(scope="module")
def auth_server(
    tmp_path_factory: pytest.TempPathFactory, console_db: str | None
) -> Iterator[ServerProcess]:
    root = tmp_path_factory.mktemp("console-auth")
    process = ServerProcess(root / "data", console_db)
    process.data_dir.mkdir()
    process.start()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BAZRES_CONSOLE_PASSWORD", PASSWORD)
        run_cli(
            "user", "add", "admin1", *process.db_args(), "--role", "admin",
            "--name", "زهرا کریمی", program="inspector-server", ok=True,
        )  # fmt: skip
    yield process
    process.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--window-size=1366,768", "--lang=fa", "--disable-dev-shm-usage"):  # fmt: skip
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    # The page itself 1366×768 (a laptop screen), whatever the window around it takes.
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 1366, "height": 768, "deviceScaleFactor": 1, "mobile": False},
    )
    yield driver
    driver.quit()


def look(driver: WebDriver, name: str) -> None:
    """Screenshot, and the checks a person would make of it."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{name}.png"))
    assert driver.execute_script("return getComputedStyle(document.body).direction") == "rtl"
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fa"
    # Vazirmatn came from the server (no internet here) and is the font in use.
    driver.execute_async_script("document.fonts.ready.then(() => arguments[0]())")
    assert driver.execute_script("return document.fonts.check('16px Vazirmatn')"), name
    loaded = driver.execute_script(
        "return [...document.fonts].filter(f => f.family.includes('Vazirmatn')).map(f => f.status)"
    )
    assert "loaded" in loaded, (name, loaded)
    family = driver.execute_script("return getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Vazirmatn"') or family.startswith("Vazirmatn"), family
    # Nothing runs off the side of the window.
    width = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert width[0] <= width[1], (name, width)


def laptop_enrols(server: ServerProcess, code: str, folder: Path) -> str:
    """A laptop's enrolment with the code: its identity's CSR, POST /v1/enrol."""
    ctx = make_laptop(folder)
    try:
        csr = laptop_csr(ctx.db, PASSPHRASE)
    finally:
        ctx.close()
    answer = httpx.post(
        f"{server.url}/v1/enrol",
        json={"code": code, "csr_pem": csr, "device_name": "لپ‌تاپ بازرسی ۳"},
        timeout=60,
    )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["device_id"])


def test_sign_in_issue_a_code_revoke_a_device_read_the_audit_log_sign_out(
    auth_server: ServerProcess, browser: WebDriver, tmp_path: Path
) -> None:
    browser.get(f"{auth_server.url}/console/devices")
    assert browser.current_url.endswith("/console/login?next=/console/devices")
    look(browser, "01-login")
    browser.find_element(By.ID, "username").send_keys("admin1")
    browser.find_element(By.ID, "password").send_keys("not the password")
    submit(browser, browser.find_element(By.ID, "login"))
    assert (
        "نام کاربری یا گذرواژه درست نیست" in browser.find_element(By.CSS_SELECTOR, ".notice").text
    )
    look(browser, "02-login-refused")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    submit(browser, browser.find_element(By.ID, "login"))
    assert browser.current_url.endswith("/console/devices")
    assert "هنوز دستگاهی ثبت نشده است" in browser.page_source
    look(browser, "03-devices-empty")

    browser.find_element(By.ID, "inspector").send_keys("مریم احمدی")
    browser.find_element(By.ID, "personnel_no").send_keys("۱۲۳۴۵")
    submit(browser, browser.find_element(By.ID, "issue-code"))
    code = browser.find_element(By.ID, "enrol-code").text
    assert re.fullmatch(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){3}", code), code
    assert "مریم احمدی" in browser.find_element(By.ID, "code-issued").text
    look(browser, "04-code-issued")

    device_id = laptop_enrols(auth_server, code, tmp_path / "laptop")
    browser.get(f"{auth_server.url}/console/devices")
    row = browser.find_element(By.ID, f"device-{device_id}")
    assert "مریم احمدی" in row.text and "فعال" in row.text
    assert "۱۴" in row.text  # the enrolment time as a Jalali date in Persian digits
    look(browser, "05-devices-enrolled")
    Select(row.find_element(By.NAME, "reason")).select_by_value("key_compromise")
    submit(browser, row.find_element(By.CSS_SELECTOR, "button.danger"))
    assert "دستگاه باطل شد" in browser.find_element(By.CSS_SELECTOR, ".notice.ok").text
    assert "باطل شده" in browser.find_element(By.ID, f"device-{device_id}").text
    look(browser, "06-device-revoked")

    submit(browser, browser.find_element(By.LINK_TEXT, "گزارش رویدادها"))
    actions = [
        cell.get_attribute("data-action")
        for cell in browser.find_elements(By.CSS_SELECTOR, "td[data-action]")
    ]
    assert actions[:4] == ["device_revoked", "enrol_code", "login", "login_failed"], actions
    assert "ابطال دستگاه" in browser.page_source and "صدور کد ثبت دستگاه" in browser.page_source
    look(browser, "07-audit-log")

    submit(browser, browser.find_element(By.ID, "logout"))
    assert browser.current_url.endswith("/console/login")
    browser.get(f"{auth_server.url}/console/audit")
    assert "/console/login?next=/console/audit" in browser.current_url
    look(browser, "08-signed-out")
