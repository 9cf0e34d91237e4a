"""The SPARQL editor (/query) in a real browser, against a real `kg serve` with the shipped data:
catalogue examples, running by button and by Ctrl+Enter, the result table and its links, the
permalink, the downloads, completion of our terms, errors, and /sparql leading browsers here."""

from __future__ import annotations

import csv
import io
import json
import urllib.parse
import urllib.request

import pytest
import rdflib
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser_pages import check_page, follow, visit
from support import ROOT

from kg.catalog import load_catalog
from kg.i18n import ui

IKG = rdflib.Namespace("https://w3id.org/integration-kg/ontology#")


def wait_for_answer(browser, timeout: float = 30) -> None:
    WebDriverWait(browser, timeout).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#result-table, #boolean-result, #graph-result")
        or d.find_element(By.ID, "error").is_displayed())


def editor_text(browser) -> str:
    # The hidden textarea follows the editor (web/src/editor.js); the editor's DOM shows only
    # the lines in view.
    return browser.find_element(By.ID, "query").get_attribute("value")


def type_query(browser, text: str) -> None:
    """Replace the editor's text by typing, as a person would (one line: no auto-indent)."""
    content = browser.find_element(By.CSS_SELECTOR, ".cm-content")
    content.click()
    ActionChains(browser).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL) \
        .send_keys(Keys.DELETE).send_keys(text).perform()


def rows(browser) -> list[list[str]]:
    return [[td.text for td in tr.find_elements(By.TAG_NAME, "td")]
            for tr in browser.find_elements(By.CSS_SELECTOR, "#result-table tbody tr")]


def endpoint_json(server, query: str, lang: str = "en") -> tuple[int, dict]:
    request = urllib.request.Request(
        server.url + "sparql", data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Accept": "application/sparql-results+json", "Accept-Language": lang})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_example_from_the_catalogue_runs_and_its_iris_link_to_their_pages(browser, server, lang):
    catalog = load_catalog()
    visit(browser, server, "query", lang)
    options = browser.find_elements(By.CSS_SELECTOR, "#example option")
    assert [o.get_attribute("value") for o in options] == [q.id for q in catalog]
    assert [o.text for o in options] == [f"{q.id} – {q.titles[lang]}" for q in catalog]
    Select(browser.find_element(By.ID, "example")).select_by_value("cq13")
    browser.find_element(By.ID, "load-example").click()
    cq13 = catalog.get("cq13")
    loaded = editor_text(browser)
    # Parameters bound to their defaults, as the catalogue page runs it, without the header.
    bound = cq13.bind({p.name: p.default for p in cq13.params if p.default})
    assert loaded == "\n".join(line for line in bound.split("\n") if not line.startswith("#+"))
    assert "VALUES ?date" in loaded
    browser.find_element(By.ID, "run").click()
    wait_for_answer(browser)
    assert not browser.find_element(By.ID, "error").is_displayed()
    status, expected = endpoint_json(server, loaded)
    shown = rows(browser)
    assert status == 200 and len(shown) == len(expected["results"]["bindings"]) > 100
    assert browser.find_element(By.ID, "status").text == f"{len(shown)} {ui('sparql_rows', lang)}"
    headings = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#result-table thead th")]
    assert headings == expected["head"]["vars"]
    link = browser.find_element(By.CSS_SELECTOR, "#result-table a[href*='/id/municipality/']")
    target = link.get_attribute("href")
    assert target.startswith(server.url + "id/municipality/") and target.endswith(f"?lang={lang}")
    check_page(browser, server, lang)
    follow(browser, link)
    assert browser.current_url == target
    assert browser.find_element(By.TAG_NAME, "h1").text
    check_page(browser, server, lang)


def test_ctrl_enter_runs_and_the_permalink_gives_the_query_back(browser, server):
    visit(browser, server, "query", "en")
    query = 'SELECT ?x ?y WHERE { VALUES (?x ?y) { ("a" 1) ("b"@de 2) } } ORDER BY ?x'
    type_query(browser, query)
    assert editor_text(browser) == query
    ActionChains(browser).key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(Keys.CONTROL).perform()
    wait_for_answer(browser)
    assert editor_text(browser) == query  # Ctrl+Enter ran it; it did not add a line
    assert rows(browser) == [["a", "1"], ["b @de", "2"]]
    assert browser.find_element(By.ID, "status").text == f"2 {ui('sparql_rows', 'en')}"
    permalink = browser.find_element(By.ID, "permalink").get_attribute("href")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(permalink).query) == {
        "query": [query], "lang": ["en"], "run": ["1"]}
    # The downloads are the same answer from the endpoint, in each format.
    links = {a.get_attribute("data-format"): a.get_attribute("href")
             for a in browser.find_elements(By.CSS_SELECTOR, "#downloads a")}
    assert sorted(links) == ["csv", "json", "tsv", "xml"]
    with urllib.request.urlopen(links["csv"], timeout=30) as response:
        assert response.headers.get_content_type() == "text/csv"
        assert list(csv.reader(io.StringIO(response.read().decode()))) == [
            ["x", "y"], ["a", "1"], ["b", "2"]]
    # A new browser visit of the permalink shows the query and runs it.
    browser.get("about:blank")
    browser.get_log("browser")
    browser.get(permalink)
    wait_for_answer(browser)
    assert editor_text(browser) == query
    assert rows(browser) == [["a", "1"], ["b @de", "2"]]
    check_page(browser, server, "en")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_completion_offers_our_terms_named_in_the_page_language(browser, server, lang):
    visit(browser, server, "query", lang)
    content = browser.find_element(By.CSS_SELECTOR, ".cm-content")
    content.click()
    ActionChains(browser).key_down(Keys.CONTROL).send_keys(Keys.END).key_up(Keys.CONTROL) \
        .send_keys(Keys.ENTER, "ikg:Mun").perform()
    WebDriverWait(browser, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".cm-tooltip-autocomplete li"))
    offered = {li.find_element(By.CSS_SELECTOR, ".cm-completionLabel").text:
               li.find_element(By.CSS_SELECTOR, ".cm-completionDetail").text
               for li in browser.find_elements(By.CSS_SELECTOR, ".cm-tooltip-autocomplete li")}
    ontology = rdflib.Graph().parse(ROOT / "ontology" / "integration.ttl")
    label = next(str(o) for o in ontology.objects(IKG.Municipality, rdflib.RDFS.label)
                 if o.language == lang)
    assert offered["ikg:Municipality"] == label
    assert all(name.startswith("ikg:") for name in offered)
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    assert editor_text(browser).endswith("\n" + next(iter(offered)))
    check_page(browser, server, lang)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_error_shows_the_servers_message_in_the_page_language(browser, server, lang):
    visit(browser, server, "query", lang)
    type_query(browser, "SELECT ?x WHERE { ?x ?y }")
    browser.find_element(By.ID, "run").click()
    wait_for_answer(browser)
    status, body = endpoint_json(server, "SELECT ?x WHERE { ?x ?y }", lang)
    error = browser.find_element(By.ID, "error")
    assert status == 400 and error.is_displayed()
    assert error.text == f"{ui('sparql_error', lang)} 400: {body['message']}"
    assert not browser.find_elements(By.CSS_SELECTOR, "#result-table")


def test_a_browser_at_sparql_is_led_to_the_editor(browser, server):
    browser.get(f"{server.url}sparql?lang=de")
    assert urllib.parse.urlsplit(browser.current_url).path == "/query"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"
    # A link to a query at /sparql opens it in the editor and runs it.
    browser.get(f"{server.url}sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }",
                                                                 "lang": "en"}))
    wait_for_answer(browser)
    assert editor_text(browser) == "ASK { ?s ?p ?o }"
    assert browser.find_element(By.ID, "boolean-result").text == ui("yes", "en")


def test_a_construct_answer_is_shown_as_turtle_with_graph_downloads(browser, server):
    query = ("PREFIX ikg: <https://w3id.org/integration-kg/ontology#>\n"
             "CONSTRUCT { ?m a ikg:Municipality } WHERE { ?m a ikg:Municipality } LIMIT 3")
    browser.get(f"{server.url}query?" + urllib.parse.urlencode({"query": query, "run": "1"}))
    wait_for_answer(browser)
    turtle = browser.find_element(By.ID, "graph-result").text
    assert len(rdflib.Graph().parse(data=turtle, format="turtle")) == 3
    formats = [a.get_attribute("data-format") for a in browser.find_elements(By.CSS_SELECTOR, "#downloads a")]
    assert formats == ["turtle", "ntriples", "jsonld", "rdfxml"]
