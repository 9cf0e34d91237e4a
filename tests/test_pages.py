"""The home page and the municipality pages, from a real `kg serve` over a store that `kg load`
built from the shipped data; their figures are checked against what /sparql answers."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

import pytest
import rdflib

from kg.catalog import load_catalog
from kg.coverage import FACT_KINDS, NOT_RECORDED
from kg.i18n import ui

DRESDEN, SUHL = "14612000", "16054000"
MUNICIPALITY = "https://w3id.org/integration-kg/id/municipality/"
KREISFREI = ("kreisfreie-stadt", "stadtkreis", "stadtstaat")
COLUMNS = [kind for kind, _ in FACT_KINDS] + ["sources", "newestRead"]


class Rows(HTMLParser):
    """The cell texts of each <tr data-ags|data-kind> of the element with the given id."""

    def __init__(self, element_id: str) -> None:
        super().__init__()
        self.element_id, self.depth, self.rows, self.row, self.cell = element_id, 0, {}, None, None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            self.depth += 1
        elif attrs.get("id") == self.element_id:
            self.depth = 1
        if not self.depth:
            return
        if tag == "tr" and (attrs.get("data-ags") or attrs.get("data-kind")):
            self.row = self.rows.setdefault(attrs.get("data-ags") or attrs["data-kind"], [])
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if not self.depth:
            return
        self.depth -= 1
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr":
            self.row = None

    def handle_data(self, data):
        self.text.append(data)
        if self.cell is not None:
            self.cell.append(data)


def get(server, path: str, accept: str = "text/html", lang: str | None = None):
    query = f"{'&' if '?' in path else '?'}lang={lang}" if lang else ""
    request = urllib.request.Request(server.url + path.lstrip("/") + query, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers.get_content_type(), response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get_content_type(), exc.read().decode()


def rows_of(html: str, element_id: str) -> dict[str, list[str]]:
    parser = Rows(element_id)
    parser.feed(html)
    return parser.rows


def sparql(server, query: str) -> list[dict[str, str]]:
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(server.url + "sparql", data=body, headers={
        "Accept": "application/sparql-results+json",
        "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = json.load(response)
    return [{name: cell["value"] for name, cell in binding.items()}
            for binding in answer["results"]["bindings"]]


def cq17(server, municipality: str | None = None) -> dict[str, dict[str, str]]:
    query = load_catalog().get("cq17")
    text = query.bind({"municipality": MUNICIPALITY + municipality} if municipality else None)
    return {row["municipality"].rsplit("/", 1)[-1]: row for row in sparql(server, text)}


def kreisfreie_staedte(server) -> set[str]:
    kinds = ", ".join(f"<https://w3id.org/integration-kg/id/concept/municipality-kind/{k}>"
                      for k in KREISFREI)
    rows = sparql(server, "PREFIX ikg: <https://w3id.org/integration-kg/ontology#>\n"
                          "SELECT ?ags WHERE { ?m a ikg:Municipality ; ikg:ags ?ags ; "
                          f"ikg:municipalityKind ?kind FILTER (?kind IN ({kinds})) }}")
    return {row["ags"] for row in rows}


def expected_cells(row: dict[str, str]) -> list[str]:
    return [row.get(column, "") for column in COLUMNS]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_home_lists_every_kreisfreie_stadt_with_the_figures_cq17_gives(server, lang):
    status, media_type, html = get(server, "/", lang=lang)
    assert (status, media_type) == (200, "text/html")
    table = rows_of(html, "coverage")
    cities = kreisfreie_staedte(server)
    assert len(cities) == 106 and set(table) == cities
    answer = cq17(server)
    for ags, cells in table.items():
        # city, Land, then the counts, sources and newest date read
        assert cells[0] == answer[ags]["municipalityLabel"] and cells[1] == answer[ags]["landName"]
        assert cells[2:] == expected_cells(answer[ags]), ags
    assert NOT_RECORDED[lang] in html and ui("home_intro", lang) in html
    assert f'<html lang="{lang}">' in html


def test_home_counts_what_the_graph_holds(server):
    html = get(server, "/", lang="en")[2]
    summary = dict(re.findall(r'<div data-kind="(\w+)"><dt>[^<]*</dt><dd>([^<]*)</dd>', html))
    assert summary["kreisfreieStaedte"] == "106"
    municipalities = sparql(server, "PREFIX ikg: <https://w3id.org/integration-kg/ontology#>\n"
                                    "SELECT (COUNT(*) AS ?n) WHERE { ?m a ikg:Municipality }")
    assert summary["municipalities"] == municipalities[0]["n"]
    assert set(summary) == {"municipalities", "kreisfreieStaedte", "sources",
                            *(kind for kind, _ in FACT_KINDS)}
    for href in ('href="/sparql', 'href="/validate', 'href="/ontology', 'href="/.well-known/void',
                 'href="https://creativecommons.org/licenses/by/4.0/"'):
        assert href in html
    assert "https://w3id.org/integration-kg/id/dataset/integration-kg" in html  # the citation


def test_home_answers_json_to_a_client_that_asks_for_it(server):
    status, media_type, body = get(server, "/", accept="application/json")
    assert (status, media_type) == (200, "application/json")
    home = json.loads(body)
    assert home["summary"]["kreisfreieStaedte"] == len(home["coverage"]) == 106
    dresden = next(city for city in home["coverage"] if city["ags"] == DRESDEN)
    assert dresden["page"].endswith(f"/id/municipality/{DRESDEN}")
    assert str(dresden["sources"]) == cq17(server, DRESDEN)[DRESDEN]["sources"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_dresden_shows_its_coverage_and_its_advisory_body(server, lang):
    status, media_type, html = get(server, f"/id/municipality/{DRESDEN}", lang=lang)
    assert (status, media_type) == (200, "text/html")
    figures = rows_of(html, "coverage")
    answer = cq17(server, DRESDEN)[DRESDEN]
    for kind in [k for k, _ in FACT_KINDS] + ["sources", "citations", "newestRead"]:
        assert figures[kind][1] == answer[kind], kind
    assert int(answer["advisoryBodies"]) >= 1 and int(answer["sources"]) > 0
    assert "Integrations- und Ausländerbeirat der Landeshauptstadt Dresden" in html
    assert 'id="elements"' in html and ui("municipality_statements", lang) in html
    assert NOT_RECORDED[lang] in html and ui("municipality_coverage", lang) in html
    # sources are links; municipalities link to their page here, not to w3id.org
    assert '<a href="https://dresden.de/' in html or '<a href="http://www.dresden.de/' in html
    assert f'href="/id/municipality/{DRESDEN}?lang={lang}"' in html


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_city_with_few_facts_shows_zeros_and_the_not_recorded_note(server, lang):
    status, _, html = get(server, f"/id/municipality/{SUHL}", lang=lang)
    assert status == 200
    figures = rows_of(html, "coverage")
    assert [figures[kind][1] for kind, _ in FACT_KINDS] == ["0"] * len(FACT_KINDS)
    assert NOT_RECORDED[lang] in html and ui("municipality_no_kind_recorded", lang) in html
    assert ui("elements_not_recorded", lang) in html
    assert "Suhl" in html and "Thüringen" in html


@pytest.mark.parametrize("ags", ["99999999", "1461200", "14612000x", "abc"])
@pytest.mark.parametrize("lang, title", [("de", "Nicht gefunden"), ("en", "Not found")])
def test_an_unknown_or_malformed_ags_is_a_404_page_in_the_language_asked_for(server, ags, lang,
                                                                                 title):
    status, media_type, html = get(server, f"/id/municipality/{ags}", lang=lang)
    assert (status, media_type) == (404, "text/html")
    assert f"<h1>404 {title}</h1>" in html and f'<html lang="{lang}">' in html
    assert ("keine Kommune" if lang == "de" else "no municipality") in html


def test_the_municipality_iri_gives_turtle_to_rdf_clients(server):
    status, media_type, body = get(server, f"/id/municipality/{DRESDEN}", accept="text/turtle")
    assert (status, media_type) == (200, "text/turtle")
    graph = rdflib.Graph().parse(data=body, format="turtle")
    node = rdflib.URIRef(MUNICIPALITY + DRESDEN)
    ags = rdflib.URIRef("https://w3id.org/integration-kg/ontology#ags")
    assert list(graph.objects(node, ags)) == [rdflib.Literal(DRESDEN)]
    # the description of every /id/ IRI: the node, blank nodes below it, labels of what it names
    labels = {rdflib.RDFS.label, rdflib.SKOS.prefLabel, rdflib.FOAF.name}
    for subject in set(graph.subjects()) - {node}:
        assert isinstance(subject, rdflib.BNode) or set(graph.predicates(subject)) <= labels
    assert get(server, "/id/municipality/99999999", accept="text/turtle")[0] == 404
