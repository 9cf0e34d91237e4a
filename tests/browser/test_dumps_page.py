"""The dumps listing in a real browser, from a real `kg serve` with the shipped data: it renders
in both languages, logs no console error, loads nothing from elsewhere, and its links lead to
files this server serves."""

import urllib.request

import pytest
from selenium.webdriver.common.by import By

from browser_pages import visit

from kg.i18n import ui


@pytest.mark.parametrize("lang", ["de", "en"])
def test_dumps_page_lists_the_files_of_the_published_state(browser, server, lang, tmp_path):
    visit(browser, server, "dumps/", lang)
    assert browser.find_element(By.TAG_NAME, "h1").text == ui("dumps_title", lang)
    whole = browser.find_elements(By.CSS_SELECTOR, "#whole tbody tr")
    assert [row.get_attribute("data-name") for row in whole] == ["dataset.nq.gz", "dataset.trig"]
    assert ui("dumps_format_nquads-gzip", lang) in whole[0].text
    graphs = browser.find_elements(By.CSS_SELECTOR, "#graphs tbody tr")
    assert graphs and len(graphs) % 2 == 0
    assert graphs[0].get_attribute("data-name").startswith("graph/")
    assert graphs[0].find_element(By.TAG_NAME, "a").text == graphs[0].get_attribute("data-name")
    browser.save_screenshot(str(tmp_path / f"dumps-{lang}.png"))
    link = whole[1].find_element(By.TAG_NAME, "a").get_attribute("href")
    assert link == server.url + "dumps/dataset.trig"
    with urllib.request.urlopen(urllib.request.Request(link, method="HEAD"), timeout=60) as response:
        assert response.status == 200
        assert response.headers["Content-Length"] == whole[1].find_element(
            By.CSS_SELECTOR, "[data-bytes]").get_attribute("data-bytes")
