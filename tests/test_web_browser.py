"""The web inbox in a real browser: Debian's headless Chromium driven by Selenium against
`rehabstat serve` started as a user starts it. A facility logs in, uploads two workbooks
(one with an error), reads the issues; its province logs in, sees the grid and downloads
the BC. Skipped only where Chromium or its driver is not installed (.ci/run installs them).

REHABSTAT_SCREENSHOTS=DIR keeps a screenshot of every page (desktop and phone width)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

pytest.importorskip("starlette")
pytest.importorskip("argon2")
webdriver = pytest.importorskip("selenium.webdriver")

from conftest import ROOT, SAMPLES  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="Chromium and chromedriver are not installed")
SL = SAMPLES / "son-la"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from rehabstat.store import Store
    from rehabstat.web import accounts
    root = tmp_path_factory.mktemp("web") / "kho"
    with Store.open(root, create=True) as s:
        accounts.add(s, "sl01", "facility", "sl01-mat-khau", facility="SL01")
        accounts.add(s, "sonla", "province", "sonla-mat-khau", province="Sơn La")
        accounts.add(s, "cuc", "department", "cuc-mat-khau-1")
    port = _free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "rehabstat", "serve", "--store", str(root), "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    line = proc.stdout.readline()
    assert f"http://127.0.0.1:{port}/" in line, line
    yield f"http://127.0.0.1:{port}", root
    proc.terminate()
    assert proc.wait(timeout=60) == 0


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads):
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(120)
    yield driver
    driver.quit()


def shot(driver, name):
    folder = os.environ.get("REHABSTAT_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.body.scrollHeight")
    for label, width in (("desktop", 1280), ("phone", 390)):
        driver.set_window_size(width, max(700, min(height + 150, 4000)))
        height = driver.execute_script("return document.body.scrollHeight")
        driver.set_window_size(width, max(700, min(height + 150, 4000)))
        driver.save_screenshot(str(Path(folder) / f"{name}-{label}.png"))
    driver.set_window_size(1280, 900)


def log_in(driver, base, name, password):
    from selenium.webdriver.common.by import By
    driver.delete_all_cookies()
    driver.get(base + "/login")
    shot(driver, "login")
    driver.find_element(By.NAME, "username").send_keys(name)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button").click()
    wait_all(driver, "form[action='/logout']")


def wait_all(driver, css, seconds=300):
    """The elements matching css once the page that has them is loaded (a click returns at once)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, seconds).until(ec.presence_of_element_located((By.CSS_SELECTOR, css)))
    return driver.find_elements(By.CSS_SELECTOR, css)


def test_facility_uploads_reads_issues_then_province_downloads_the_bc(server, browser, downloads, tmp_path):
    from selenium.webdriver.common.by import By
    base, root = server
    bad = tmp_path / "2021-02.xlsx"
    wb = openpyxl.load_workbook(SL / "2021-02.xlsx")
    ws = wb[[n for n in wb.sheetnames if n.lower().replace(" ", "") in ("siso", "sĩsố")][0]]
    ws["B5"] = 9999  # breaks the month's stock-flow identity
    wb.save(bad)

    log_in(browser, base, "sl01", "sl01-mat-khau")
    wait_all(browser, "form[action='/upload']")
    assert browser.current_url.endswith("/facility")
    shot(browser, "facility-empty")
    browser.find_element(By.NAME, "files").send_keys(f"{SL / '2021-01.xlsx'}\n{bad}")
    browser.find_element(By.CSS_SELECTOR, "form[action='/upload'] button").click()
    results = wait_all(browser, "article.result")
    assert len(results) == 2
    outcomes = [r.find_element(By.CSS_SELECTOR, ".outcome").text for r in results]
    assert outcomes[0].startswith("Đã nhận") and outcomes[1].startswith("Bị từ chối")
    rows = results[1].find_elements(By.CSS_SELECTOR, "table.issues tbody tr")
    cells = [[td.text for td in r.find_elements(By.TAG_NAME, "td")] for r in rows]
    assert any(c[0] == "I001" and c[1] == "lỗi" and "!" in c[2] and c[3] for c in cells), cells
    shot(browser, "facility-results")
    results[1].find_element(By.LINK_TEXT, "Tải bản đánh dấu lỗi").click()
    _wait_for(downloads, ".kiem-tra.xlsx")

    browser.get(base + "/unit/SL01")
    shot(browser, "facility-versions")

    log_in(browser, base, "sonla", "sonla-mat-khau")
    browser.get(base + "/grid?year=2021&quarter=1")
    grid = browser.find_element(By.CSS_SELECTOR, "table.grid").text
    assert "SL01" in grid and "đã nhận" in grid and "có lỗi" in grid and "thiếu" in grid
    shot(browser, "grid")
    browser.get(base + "/unit/SL01")
    shot(browser, "unit")
    browser.get(base + "/documents?year=2021&quarter=1")
    shot(browser, "documents")
    browser.find_element(By.PARTIAL_LINK_TEXT, ".docx").click()
    bc = _wait_for(downloads, ".docx")
    from docx import Document
    text = "\n".join(p.text for p in Document(bc).paragraphs)
    assert "DỰ THẢO" in text and "Sơn La" in text  # February has errors, March is missing: a draft that says so
    browser.get(base + "/audit")
    shot(browser, "audit")
    assert "approve" not in browser.find_element(By.TAG_NAME, "table").text

    log_in(browser, base, "cuc", "cuc-mat-khau-1")
    browser.get(base + "/grid?year=2021")
    shot(browser, "grid-department")
    browser.get(base + "/lang/en?next=/grid%3Fyear%3D2021")
    assert "Completeness" in browser.find_element(By.TAG_NAME, "h1").text
    shot(browser, "grid-english")


def _wait_for(folder: Path, suffix: str, seconds: float = 90) -> Path:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done = [p for p in folder.iterdir() if p.name.endswith(suffix)]
        if done:
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} downloaded into {folder}: {[p.name for p in folder.iterdir()]}")
