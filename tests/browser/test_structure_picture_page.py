"""Dresden's structure picture in a real browser, from a real `kg serve` with the shipped data: the
page shows the SVG with its boxes, legend and caption, every box is a link that Tab reaches and
Enter follows, a new date redraws it, and the source's Strukturbild stands beside it."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser_pages import check_page, follow, visit

from kg.i18n import ui

DRESDEN = "id/municipality/14612000"
BEIRAT = "https://w3id.org/integration-kg/id/body/14612000-integrations-und-auslaenderbeirat"


def boxes(browser):
    return browser.find_elements(By.CSS_SELECTOR, "#structure svg a.thing")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_dresden_shows_its_structure_picture(browser, server, lang, tmp_path):
    visit(browser, server, f"{DRESDEN}?date=2025-12-11", lang)
    svg = browser.find_element(By.CSS_SELECTOR, "#structure svg")
    assert svg.is_displayed() and svg.size["width"] > 600
    caption = ui("structure_caption", lang).format(date="2025-12-11")
    assert caption in svg.find_element(By.CSS_SELECTOR, "text.caption").text
    found = boxes(browser)
    assert len(found) >= 8
    by_iri = {box.get_attribute("data-iri"): box for box in found}
    assert "Integrations- und Ausländerbeirat" in by_iri[BEIRAT].get_attribute("aria-label")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#structure svg g.relation")) >= 3
    assert len(browser.find_elements(By.CSS_SELECTOR, "#structure svg g.legend g.legend-item")) >= 6
    # the source's own Strukturbild, labelled as what the source says
    beside = browser.find_element(By.ID, "source-strukturbilder")
    assert ui("structure_sources_intro", lang) in beside.text
    assert beside.find_elements(By.CSS_SELECTOR, "article.source-strukturbild")
    browser.save_screenshot(str(tmp_path / f"structure-{lang}.png"))


def test_every_box_is_reached_by_tab_and_enter_opens_its_page(browser, server):
    visit(browser, server, f"{DRESDEN}?date=2025-12-11", "en")
    expected = [box.get_attribute("data-iri") for box in boxes(browser)]
    # start from the download link just before the picture, then Tab through it
    browser.execute_script("document.getElementById('structure-download').focus()")
    reached = []
    for _ in range(len(expected)):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        reached.append(browser.switch_to.active_element.get_attribute("data-iri"))
    assert reached == expected
    focused = browser.switch_to.active_element
    target = focused.get_dom_attribute("href")  # (an SVG link's href property is no string)
    follow(browser, focused, Keys.ENTER)
    assert browser.current_url == server.url + target.lstrip("/")
    check_page(browser, server, "en")


def test_an_earlier_date_redraws_the_picture(browser, server):
    visit(browser, server, f"{DRESDEN}?date=2025-12-11", "de")
    later = {box.get_attribute("data-iri") for box in boxes(browser)}
    field = browser.find_element(By.ID, "structure-date")
    # set as its value: typed digits go in the order of the browser's locale
    browser.execute_script("arguments[0].value = '2010-01-01'", field)
    follow(browser, browser.find_element(By.CSS_SELECTOR, "#structure-form button"))
    assert browser.find_element(By.CSS_SELECTOR, "#structure svg[data-date='2010-01-01']")
    check_page(browser, server, "de")
    earlier = {box.get_attribute("data-iri") for box in boxes(browser)}
    assert earlier and earlier < later  # projects and links that began later are gone
    assert "date=2010-01-01" in browser.current_url
