"""The comparison page in a real browser, from a real `kg serve` with the shipped data: the five
seed cities side by side with their sources, the charts drawn (each canvas holds a picture), no
console error and nothing loaded from elsewhere."""

import pytest
from selenium.webdriver.common.by import By

from browser_pages import check_page, follow, visit

from kg.i18n import ui

SEED = ["05116000", "05913000", "15002000", "09564000", "14612000"]
PATH = "compare?" + "&".join(f"ags={a}" for a in SEED)
# how many pixels of a canvas are not transparent: 0 for a chart that was never drawn
PAINTED = """const c = arguments[0]; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return [c.width, c.height, n];"""


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_seed_cities_side_by_side_with_sources_and_charts(browser, server, lang, tmp_path):
    visit(browser, server, PATH, lang)
    assert browser.find_element(By.TAG_NAME, "h1").text == ui("compare_title", lang)
    heads = browser.find_elements(By.CSS_SELECTOR, "#compare-table thead th[data-ags]")
    assert [h.get_attribute("data-ags") for h in heads] == SEED
    assert "Dresden" in heads[-1].text
    dortmund_commissioner = browser.find_element(
        By.CSS_SELECTOR, 'tr[data-aspect="commissioner"] td[data-ags="05913000"]')
    assert dortmund_commissioner.get_attribute("data-status") == "not-recorded"
    assert dortmund_commissioner.text == {"de": "nicht erfasst", "en": "not recorded"}[lang]
    bodies = browser.find_element(By.CSS_SELECTOR, 'tr[data-aspect="advisory_body"] td[data-ags="05913000"]')
    assert "Integrationsrat der Stadt Dortmund" in bodies.text
    sources = browser.find_elements(By.CSS_SELECTOR, "#compare-table a.source")
    assert len(sources) > 20 and all(s.get_attribute("href").startswith("http") for s in sources)
    canvases = browser.find_elements(By.CSS_SELECTOR, "#charts canvas")
    assert len(canvases) == 4
    for canvas in canvases:
        width, height, painted = browser.execute_script(PAINTED, canvas)
        assert width > 0 and height > 0 and painted > 100, canvas.get_attribute("data-chart")
        assert canvas.get_attribute("aria-label")
    browser.save_screenshot(str(tmp_path / f"compare-{lang}.png"))
    check_page(browser, server, lang)


def test_the_form_leads_to_the_comparison(browser, server):
    visit(browser, server, "compare", "en")
    fields = browser.find_elements(By.CSS_SELECTOR, "#compare-form input[name=ags]")
    fields[0].send_keys("05913000")
    fields[1].send_keys("14612000")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "#compare-form button[type=submit]"))
    check_page(browser, server, "en")
    heads = browser.find_elements(By.CSS_SELECTOR, "#compare-table thead th[data-ags]")
    assert [h.get_attribute("data-ags") for h in heads] == ["05913000", "14612000"]
