"""The home page and a municipality page in a real browser, from a real `kg serve` with the
shipped data: they render in both languages, log no console error and load nothing from
anywhere but this server."""

import pytest
from selenium.webdriver.common.by import By

from browser_pages import follow, visit

from kg.coverage import NOT_RECORDED
from kg.i18n import ui

PAGES = {"home": "", "dresden": "id/municipality/14612000", "suhl": "id/municipality/16054000"}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_home_page_shows_the_coverage_table(browser, server, lang, tmp_path):
    visit(browser, server, PAGES["home"], lang)
    assert browser.find_element(By.TAG_NAME, "h1").text == ui("site_title", lang)
    rows = browser.find_elements(By.CSS_SELECTOR, "#coverage tbody tr")
    assert len(rows) == 106
    assert browser.find_element(By.CSS_SELECTOR, "[data-note=not-recorded]").text == NOT_RECORDED[lang]
    browser.save_screenshot(str(tmp_path / f"home-{lang}.png"))
    # a city's name leads to its page, in the same language
    follow(browser, browser.find_element(By.CSS_SELECTOR, "#coverage tr[data-ags='14612000'] a"))
    assert browser.current_url == f"{server.url}id/municipality/14612000?lang={lang}"
    assert browser.find_element(By.TAG_NAME, "h1").text == "Dresden"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_municipality_pages_show_coverage_and_statements(browser, server, lang, tmp_path):
    visit(browser, server, PAGES["dresden"], lang)
    assert browser.find_element(By.CSS_SELECTOR, "#coverage h2").text == ui("municipality_coverage", lang)
    assert "Integrations- und Ausländerbeirat" in browser.find_element(By.ID, "elements").text
    assert browser.find_elements(By.CSS_SELECTOR, "#statements section.subject")
    browser.save_screenshot(str(tmp_path / f"dresden-{lang}.png"))
    visit(browser, server, PAGES["suhl"], lang)
    assert browser.find_element(By.ID, "no-kind-recorded").text == ui("municipality_no_kind_recorded", lang)
    assert browser.find_element(By.CSS_SELECTOR, "[data-note=not-recorded]").text == NOT_RECORDED[lang]
