"""/ontology by content negotiation, from the ontology files as the store publishes them."""

import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.loading import collect_sources, load_sources
from support import ROOT

IKG = "https://w3id.org/integration-kg/ontology#"


@pytest.fixture
def loaded(store):
    load_sources(store, collect_sources(ROOT, folders=["ontology"]), folders=["ontology"])
    return store


def expected_ontology() -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        graph.parse(path)
    return graph


def label(graph: rdflib.Graph, term: str, lang: str) -> str:
    return next(str(o) for o in graph.objects(rdflib.URIRef(term), rdflib.RDFS.label) if o.language == lang)


@pytest.mark.parametrize("accept, fmt, media_type, rdflib_format", [
    ("text/turtle", None, "text/turtle", "turtle"),
    ("application/ld+json", None, "application/ld+json", "json-ld"),
    ("application/rdf+xml", None, "application/rdf+xml", "xml"),
    ("application/n-triples", None, "application/n-triples", "nt"),
    ("text/html;q=0.5, text/turtle", None, "text/turtle", "turtle"),
    ("text/plain, application/ld+json;q=0.5", None, "application/ld+json", "json-ld"),
    ("text/html", "turtle", "text/turtle", "turtle"),
    (None, "jsonld", "application/ld+json", "json-ld"),
])
def test_machine_formats_hold_exactly_the_ontology_files(client, loaded, accept, fmt, media_type, rdflib_format):
    headers = {"Accept": accept} if accept else {}
    response = client.get("/ontology" + (f"?format={fmt}" if fmt else ""), headers=headers)
    assert response.status_code == 200
    assert response.mimetype == media_type and "Accept" in response.vary
    got = rdflib.Graph().parse(data=response.data, format=rdflib_format)
    assert isomorphic(got, expected_ontology())


@pytest.mark.parametrize("lang", ["de", "en"])
def test_html_for_browsers_in_both_languages(client, loaded, lang):
    response = client.get("/ontology", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
                                                 "Accept-Language": lang})
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    graph = expected_ontology()
    assert label(graph, IKG + "Municipality", lang) in page
    assert label(graph, IKG + "AdvisoryBody", lang) in page


def test_lang_parameter_wins_over_accept_language(client, loaded):
    page = client.get("/ontology?lang=de", headers={"Accept": "text/html", "Accept-Language": "en"}).get_data(as_text=True)
    assert label(expected_ontology(), IKG + "Municipality", "de") in page


def test_nothing_acceptable_is_a_406_listing_the_offer(client, loaded):
    response = client.get("/ontology", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "text/turtle" in response.json["message"] and "text/html" in response.json["message"]


def test_unknown_format_parameter_is_a_406(client, loaded):
    response = client.get("/ontology?format=yaml")
    assert response.status_code == 406 and "turtle" in response.json["message"]


def test_without_a_loaded_ontology_it_is_a_404_that_says_what_to_do(client):
    response = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert response.status_code == 404 and "kg load" in response.json["message"]


@pytest.mark.parametrize("lang, other", [("de", "English"), ("en", "Deutsch")])
def test_html_links_the_machine_formats_and_the_other_language(client, loaded, lang, other):
    page = client.get(f"/ontology?lang={lang}", headers={"Accept": "text/html"}).get_data(as_text=True)
    for fmt in ("turtle", "jsonld", "rdfxml"):
        assert f'href="?format={fmt}"' in page
    assert f">{other}</a>" in page
