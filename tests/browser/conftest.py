"""A real browser: Debian's Chromium, headless, driven through its ChromeDriver (selenium)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.fail("Browser tests need Debian's chromium and chromium-driver "
                    "(apt-get install chromium chromium-driver; make test does so).")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    # The machine has no network beyond loopback: keep Chromium from reaching out at all.
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,900",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    # The console's messages, so that a page can be checked for errors (driver.get_log("browser")).
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    # 60 s, not 30: with the machine's two cores shared by several test runs (load 10+), a
    # starved renderer missed 30 s once on a page that takes 1-5 s alone.
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
