"""The query page (/query, web/src/query-page.js) in a real browser links only web addresses: a
result may bind any IRI, and `javascript:` or `data:` ones became links that ran or opened what
the query's author wrote when clicked. They are shown as text; http(s) IRIs stay links."""

from __future__ import annotations

import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser_pages import check_page

UNSAFE = ["javascript:alert(1)", "JavaScript:alert(2)", "data:text/html,hello",
          "mailto:someone@example.org"]
SAFE = ["https://example.org/a", "http://example.org/b"]


def iri_cells(browser) -> dict[str, object]:
    """The one column's cells, by the text they show."""
    cells = browser.find_elements(By.CSS_SELECTOR, "#result-table tbody td")
    return {cell.text: cell for cell in cells}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_only_http_and_https_iris_in_results_become_links(browser, server, lang):
    values = " ".join(f"<{iri}>" for iri in UNSAFE + SAFE)
    query = f"SELECT ?x WHERE {{ VALUES ?x {{ {values} }} }}"
    browser.get_log("browser")
    browser.get(f"{server.url}query?" + urllib.parse.urlencode(
        {"query": query, "run": "1", "lang": lang}))
    WebDriverWait(browser, 30).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#result-table tbody td")) == 6)
    check_page(browser, server, lang)
    cells = iri_cells(browser)
    assert set(cells) == set(UNSAFE + SAFE)
    for iri in UNSAFE:
        assert cells[iri].find_elements(By.TAG_NAME, "a") == [], iri
    for iri in SAFE:
        links = cells[iri].find_elements(By.TAG_NAME, "a")
        assert [a.get_attribute("href") for a in links] == [iri]
    # Nowhere in the table, whatever the cell: every link is a web address.
    hrefs = [a.get_attribute("href")
             for a in browser.find_elements(By.CSS_SELECTOR, "#result-table a")]
    assert hrefs and all(urllib.parse.urlsplit(h).scheme in ("http", "https") for h in hrefs)
