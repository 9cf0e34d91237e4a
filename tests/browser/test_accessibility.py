"""Every kind of page in a real browser, in German and English, from a real `kg serve` with the
shipped data: no console error, nothing loaded from anywhere but this server, the navigation in
the page's language with the current page marked, and no serious or critical accessibility
problem as axe-core (from npm, installed by `make assets`) finds them."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from browser_pages import axe_problems, check_page, follow, other_language_texts, visit

from kg import iris
from kg.i18n import UI, ui

NAV_KEYS = [key for key in UI if key.startswith("nav_")] + ["other_language"]
# A query that runs on the editor page, so that axe sees its result table and links too.
RUN = urllib.parse.urlencode({"query": "PREFIX ikg: <https://w3id.org/integration-kg/ontology#>\n"
                                       "SELECT ?body ?type WHERE { ?body a ikg:AdvisoryBody, ?type }"
                                       " ORDER BY ?body LIMIT 20", "run": "1"})


def first_advisory_body(server) -> str:
    """A thing of the shipped data, asked of the endpoint rather than written down here."""
    query = ("PREFIX ikg: <https://w3id.org/integration-kg/ontology#>\n"
             "SELECT ?s WHERE { ?s a ikg:AdvisoryBody } ORDER BY ?s LIMIT 1")
    request = server.get("sparql?" + urllib.parse.urlencode({"query": query}),
                         Accept="application/sparql-results+json")
    with urllib.request.urlopen(request, timeout=30) as response:
        iri = json.load(response)["results"]["bindings"][0]["s"]["value"]
    return iris.local_path(iri).lstrip("/")


PAGES = {
    "home": "",
    "search": "search?q=Dresden",
    "catalogue": "queries",
    "catalogue query": "queries/cq03",
    "compare": "compare?ags=05116000&ags=05913000&ags=15002000&ags=09564000&ags=14612000",
    "editor": f"query?{RUN}",
    "validate": "validate",
    "submit": "submit",
    "ontology": "ontology",
    "municipality": "id/municipality/14612000",
    "thing": None,  # an advisory body, found by first_advisory_body
    "dumps": "dumps/",
    "graph": "graph/ontology/integration",
}
# The navigation link each page is (aria-current="page") or lies below (aria-current="true").
CURRENT = {"home": ("/", "page"), "search": ("/search", "page"), "catalogue": ("/queries", "page"),
           "catalogue query": ("/queries", "true"), "editor": ("/query", "page"),
           "compare": ("/compare", "page"),
           "validate": ("/validate", "page"), "submit": ("/submit", "page"),
           "ontology": ("/ontology", "page")}


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_page_is_accessible_and_in_one_language(browser, server, name, lang):
    path = PAGES[name] if name != "thing" else first_advisory_body(server)
    visit(browser, server, path, lang)
    if name == "editor":  # the query runs after the page loaded: wait for its answer
        WebDriverWait(browser, 30).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#result-table tbody tr")
            or d.find_element(By.ID, "error").is_displayed())
        assert not browser.find_element(By.ID, "error").is_displayed()
        check_page(browser, server, lang)
    assert_navigation(browser, server, name, lang)
    problems = axe_problems(browser)
    assert problems == [], "\n".join(problems)


def test_the_error_page_is_accessible(browser, server):
    for lang in ("de", "en"):
        browser.get_log("browser")
        browser.get(f"{server.url}no/such/page?lang={lang}")
        # The one console error allowed: the browser notes the page's own 404.
        errors = [e for e in browser.get_log("browser")
                  if e["level"] == "SEVERE" and "404" not in e["message"]]
        assert errors == []
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
        assert browser.find_element(By.TAG_NAME, "h1").text.startswith("404")
        assert_navigation(browser, server, "error", lang)
        problems = axe_problems(browser)
        assert problems == [], "\n".join(problems)


def assert_navigation(browser, server, name: str, lang: str) -> None:
    nav = browser.find_element(By.CSS_SELECTOR, "header nav")
    labels = [a.text for a in nav.find_elements(By.CSS_SELECTOR, "ul a")]
    assert labels == [ui(key, lang) for key in ("nav_home", "nav_search", "nav_queries", "nav_compare",
                                                 "nav_validate", "nav_submit", "nav_sparql",
                                                 "nav_ontology")]
    shown = nav.text + " " + browser.find_element(By.CSS_SELECTOR, "a.skip").get_attribute("textContent")
    assert [t for t in other_language_texts(lang, NAV_KEYS) if t in shown] == []
    marked = [(urllib.parse.urlsplit(a.get_attribute("href")).path, a.get_attribute("aria-current"))
              for a in nav.find_elements(By.CSS_SELECTOR, "a[aria-current]")]
    assert marked == ([CURRENT[name]] if name in CURRENT else [])
    # The switch leads to this very page (same path and parameters) in the other language.
    switch = urllib.parse.urlsplit(nav.find_element(By.CSS_SELECTOR, "a.lang").get_attribute("href"))
    here = urllib.parse.urlsplit(browser.current_url)
    assert switch.path == here.path
    other = "en" if lang == "de" else "de"
    assert (sorted(urllib.parse.parse_qsl(switch.query))
            == sorted([(k, v) for k, v in urllib.parse.parse_qsl(here.query) if k != "lang"]
                      + [("lang", other)]))


def test_skip_link_and_language_switch_work_by_keyboard(browser, server):
    visit(browser, server, "queries", "de")
    ActionChains(browser).send_keys(Keys.TAB).perform()
    skip = browser.switch_to.active_element
    assert skip.text == ui("nav_skip", "de") and skip.is_displayed()
    skip.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "main"
    # The search page puts the focus in its field; the switch keeps what was searched for.
    visit(browser, server, "search?q=Dresden", "de")
    switch = browser.find_element(By.CSS_SELECTOR, "header nav a.lang")
    follow(browser, switch, Keys.ENTER)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(browser.current_url).query) == {
        "q": ["Dresden"], "lang": ["en"]}
    check_page(browser, server, "en")
