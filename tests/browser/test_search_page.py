"""The search page in a real browser, from a real `kg serve` with the shipped data: a search
typed into the form lists its results in German and in English, a too-short one shows its
message in the form, and the page logs no console error and loads nothing from elsewhere."""

import pytest
from selenium.webdriver.common.by import By

from browser_pages import check_page, follow, visit

from kg.i18n import ui


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_search_typed_into_the_form_lists_its_results(browser, server, lang, tmp_path):
    visit(browser, server, "search", lang)
    assert browser.find_element(By.TAG_NAME, "h1").text == ui("search_title", lang)
    box = browser.find_element(By.ID, "q")
    box.send_keys("NUERNBERG")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "#search-form button[type=submit]"))
    check_page(browser, server, lang)
    rows = browser.find_elements(By.CSS_SELECTOR, "#search-results tbody tr")
    assert rows and rows[0].get_attribute("data-kind") == "municipality"
    first = rows[0].find_element(By.TAG_NAME, "a")
    assert first.text == "Nürnberg"
    assert {"de": "Kommune", "en": "Municipality"}[lang] in rows[0].text
    browser.save_screenshot(str(tmp_path / f"search-{lang}.png"))
    follow(browser, first)
    assert browser.current_url == f"{server.url}id/municipality/09564000?lang={lang}"
    assert browser.find_element(By.TAG_NAME, "h1").text == "Nürnberg"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_too_short_search_shows_its_message_in_the_form(browser, server, lang):
    browser.get_log("browser")
    browser.get(f"{server.url}search?q=x&lang={lang}")
    # The page answers 400 on purpose; Chromium logs that status as a console error.
    errors = [e for e in browser.get_log("browser")
              if e["level"] == "SEVERE" and "400" not in e["message"]]
    assert errors == [], errors
    message = browser.find_element(By.ID, "search-error").text
    assert ("Buchstaben" if lang == "de" else "letters") in message
    assert browser.find_element(By.ID, "q").get_attribute("value") == "x"
