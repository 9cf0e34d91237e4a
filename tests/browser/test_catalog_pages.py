"""The query catalogue's pages in a real browser, from a real `kg serve` with the shipped data:
the list leads to a query, its form runs it with an iri-list (one IRI per line), the permalink
gives the same table, a bad value is shown beside the form, in German and English, with no
console error and nothing loaded from anywhere but this server."""

import urllib.parse

import pytest
from selenium.webdriver.common.by import By

from browser_pages import check_page, follow

from kg.catalog import load_catalog
from kg.i18n import ui

MUNICIPALITY = "https://w3id.org/integration-kg/id/municipality/"
DRESDEN, COLOGNE = MUNICIPALITY + "14612000", MUNICIPALITY + "05315000"


def table(browser) -> list[list[str]]:
    return [[cell.text for cell in row.find_elements(By.CSS_SELECTOR, "th, td")]
            for row in browser.find_elements(By.CSS_SELECTOR, "#results tr")]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_from_the_list_to_a_query_run_with_two_cities(browser, server, lang, tmp_path):
    browser.get_log("browser")
    browser.get(f"{server.url}queries?lang={lang}")
    check_page(browser, server, lang)
    assert browser.find_element(By.TAG_NAME, "h1").text == ui("queries_title", lang)
    catalog = load_catalog()
    assert len(browser.find_elements(By.CSS_SELECTOR, "#catalogue tbody tr")) == len(catalog)
    follow(browser, browser.find_element(By.CSS_SELECTOR, "#catalogue tr[data-query=cq08] td + td a"))
    check_page(browser, server, lang)
    assert browser.find_element(By.TAG_NAME, "h1").text == catalog.get("cq08").titles[lang]

    box = browser.find_element(By.ID, "param-municipality")
    box.send_keys(DRESDEN + "\n" + COLOGNE)
    follow(browser, browser.find_element(By.ID, "run"))
    check_page(browser, server, lang)
    rows = table(browser)
    cq08 = catalog.get("cq08")
    assert rows[0][:2] == [cq08.heading("municipality", lang), cq08.heading("municipalityLabel", lang)]
    assert rows[0][0] != "municipality"  # headed in the page's language, not by the variable
    assert sorted(row[0] for row in rows[1:]) == sorted([DRESDEN, COLOGNE])
    assert "VALUES ?municipality" in browser.find_element(By.ID, "sparql").get_attribute("value")
    browser.save_screenshot(str(tmp_path / f"cq08-{lang}.png"))

    permalink = browser.find_element(By.ID, "permalink").get_attribute("href")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(permalink).query)["municipality"] == \
        [f"{DRESDEN}\r\n{COLOGNE}"]
    browser.get(permalink + f"&lang={lang}")
    check_page(browser, server, lang)
    assert table(browser) == rows


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_bad_value_is_shown_beside_the_form(browser, server, lang):
    browser.get_log("browser")
    browser.get(f"{server.url}queries/cq16?lang={lang}")
    box = browser.find_element(By.ID, "param-year")
    box.send_keys("zwanzig")
    follow(browser, browser.find_element(By.ID, "run"))
    error = browser.find_element(By.ID, "error")
    assert "'year'" in error.text and {"de": "erwartet wird eine ganze Zahl",
                                       "en": "expected a whole number"}[lang] in error.text
    assert browser.find_element(By.ID, "param-year").get_attribute("value") == "zwanzig"
    assert not browser.find_elements(By.ID, "results")
    # The 400 is the page's status, which Chromium logs as a console error: that one is expected.
    logged = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert all("400" in e["message"] for e in logged), logged


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_required_parameter_is_asked_for_and_its_example_runs(browser, server, lang):
    browser.get_log("browser")
    browser.get(f"{server.url}queries/cq22?lang={lang}")
    box = browser.find_element(By.ID, "param-subject")
    assert box.get_attribute("required") is not None
    error = browser.find_element(By.ID, "error")
    assert "'subject'" in error.text and {"de": "braucht einen Wert", "en": "needs a value"}[lang] in error.text
    assert not browser.find_elements(By.ID, "results")
    # the browser itself will not send the form without it
    browser.find_element(By.ID, "run").click()
    assert browser.find_element(By.ID, "param-subject").get_attribute("validationMessage")
    logged = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert all("400" in e["message"] for e in logged), logged

    follow(browser, browser.find_element(By.CSS_SELECTOR, "#expected-subject a.example"))
    check_page(browser, server, lang)
    example = load_catalog().get("cq22").param("subject").example_value()
    subjects = {row.find_elements(By.CSS_SELECTOR, "td")[0].text
                for row in browser.find_elements(By.CSS_SELECTOR, "#results tbody tr")}
    assert subjects == set(example)
    assert not browser.find_elements(By.ID, "error")
