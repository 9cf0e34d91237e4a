"""The SPARQL query page in a real browser, against a real `kg serve` with the shipped data."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from kg.i18n import ui


def run(browser, server, query: str, lang: str = "en"):
    browser.get(f"{server.url}sparql?lang={lang}")
    box = browser.find_element(By.ID, "query")
    browser.execute_script("arguments[0].value = arguments[1];", box, query)
    browser.find_element(By.CSS_SELECTOR, "#query-form button[type=submit]").click()
    WebDriverWait(browser, 20).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#results table, #results p, #results pre")
        or d.find_element(By.ID, "error").is_displayed())


def test_query_runs_and_results_are_drawn_as_a_table(browser, server, tmp_path):
    run(browser, server, 'SELECT ?x ?y WHERE { VALUES (?x ?y) { ("a" 1) ("b"@de 2) } } ORDER BY ?x')
    rows = [[c.text for c in r.find_elements(By.CSS_SELECTOR, "th, td")]
            for r in browser.find_elements(By.CSS_SELECTOR, "#results tr")]
    assert rows == [["x", "y"], ["a", "1"], ["b @de", "2"]]
    assert browser.find_element(By.ID, "status").text == f"2 {ui('sparql_rows', 'en')}"
    browser.save_screenshot(str(tmp_path / "query-page.png"))


def test_a_syntax_error_is_shown_with_its_status(browser, server):
    run(browser, server, "SELEC ?x WHERE {}")
    error = browser.find_element(By.ID, "error")
    assert error.is_displayed() and f"{ui('sparql_error', 'en')} 400:" in error.text


def test_page_in_german_runs_a_count_over_the_shipped_data(browser, server):
    run(browser, server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", lang="de")
    assert browser.find_element(By.TAG_NAME, "h1").text == ui("sparql_title", "de")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"
    count = int(browser.find_element(By.CSS_SELECTOR, "#results td").text)
    assert count > 1000
    assert browser.find_element(By.ID, "status").text == f"1 {ui('sparql_rows', 'de')}"


def test_example_buttons_fill_the_query(browser, server):
    browser.get(f"{server.url}sparql?lang=en")
    buttons = browser.find_elements(By.CSS_SELECTOR, "#examples button")
    assert len(buttons) >= 2
    buttons[1].click()
    box = browser.find_element(By.ID, "query")
    assert box.get_attribute("value") == buttons[1].get_attribute("data-query")
