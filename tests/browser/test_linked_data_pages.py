"""Linked-data pages in a real browser, from a real `kg serve` with the shipped data: a thing
of each kind, a graph and the shapes render in German and English, log no console error, load
nothing from anywhere but this server, and their links lead to other pages here."""

import json

import pytest
from selenium.webdriver.common.by import By

from browser_pages import follow, visit

from kg.i18n import ui

PAGES = {
    "plan with a conflicting claim": "id/plan/14612000-aktionsplan-integration-2021-2026-entwurf",
    "body": "id/body/14612000-integrations-und-auslaenderbeirat",
    "composition": "id/composition/14612000-integrations-und-auslaenderbeirat-2019",
    "concept": "id/concept/plan-kind/action-plan",
    "citation": "id/citation/infrastructure-001",
    "graph": "graph/data/dresden",
    "shapes": "shapes",
}


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_linked_data_pages_render(browser, server, name, lang, tmp_path):
    visit(browser, server, PAGES[name], lang)
    assert browser.find_element(By.TAG_NAME, "h1").text
    browser.save_screenshot(str(tmp_path / f"{name}-{lang}.png"))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_thing_page_shows_conflicts_side_by_side_and_links_on(browser, server, lang):
    visit(browser, server, PAGES["plan with a conflicting claim"], lang)
    assert browser.find_element(By.CSS_SELECTOR, "#conflicts h2").text == ui("thing_conflicts", lang)
    headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#conflicts thead th")]
    assert headers[2] == "Aktionsplan Integration 2022–2026"
    data = json.loads(browser.find_element(
        By.CSS_SELECTOR, "script[type='application/ld+json']").get_attribute("textContent"))
    assert data["@type"] == "CreativeWork"
    follow(browser, browser.find_element(By.CSS_SELECTOR, "#conflicts thead a"))
    assert browser.current_url == (f"{server.url}id/plan/14612000-aktionsplan-integration-2022-2026"
                                   f"?lang={lang}")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Aktionsplan Integration 2022–2026"
    assert not [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
