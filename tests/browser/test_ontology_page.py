"""The ontology's documentation page as a browser gets it from a real `kg serve`."""

import rdflib
from selenium.webdriver.common.by import By

from support import ROOT


def title(lang: str) -> str:
    graph = rdflib.Graph().parse(ROOT / "ontology" / "integration.ttl")
    ontology = rdflib.URIRef("https://w3id.org/integration-kg/ontology")
    return next(str(t) for t in graph.objects(ontology, rdflib.DCTERMS.title) if t.language == lang)


def test_browser_gets_html_documentation_in_the_chosen_language(browser, server, tmp_path):
    for lang in ("de", "en"):
        browser.get(f"{server.url}ontology?lang={lang}")
        assert browser.find_element(By.TAG_NAME, "h1").text == title(lang)
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
    browser.save_screenshot(str(tmp_path / "ontology.png"))
