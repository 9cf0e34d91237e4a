"""Linked data from a real `kg serve` over a store `kg load` built from the shipped files: every
/id/… IRI of the published graph dereferences (HTML and four RDF formats, chosen by Accept or
`format=`, with Link and Vary), graphs, ontology versions and shapes are served, every w3id rule
lands on a path that answers, and unknown IRIs are 404s in German and English."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from html.parser import HTMLParser

import pytest
import rdflib

from kg.i18n import ui
import remote_backend
from support import ROOT, SHAPES_FILES, shipped_triples, start_server, stop_server

ID = "https://w3id.org/integration-kg/id/"
RDF_TYPES = {"text/turtle": "turtle", "application/ld+json": "json-ld",
             "application/n-triples": "nt", "application/rdf+xml": "xml"}
# One thing of each kind the data hold (concepts and schemes from ontology/concepts.ttl).
THINGS = {
    "municipality": "municipality/14612000",
    "body": "body/14612000-integrations-und-auslaenderbeirat",
    "post": "post/14612000-integrationsbeauftragte",
    "plan": "plan/14612000-aktionsplan-integration-2022-2026",
    "election": "election/14612000-integrations-und-auslaenderbeirat-2024",
    "organisation": "organisation/afropa",
    "composition": "composition/14612000-integrations-und-auslaenderbeirat-2019",
    "citation": "citation/infrastructure-001",
    "concept": "concept/plan-kind/action-plan",
    "scheme": "scheme/plan-kind",
}
CONFLICTING = "plan/14612000-aktionsplan-integration-2021-2026-entwurf"


def fetch(server, path: str, accept: str = "text/html", **headers: str):
    request = urllib.request.Request(server.url + path.lstrip("/"), headers={"Accept": accept, **headers})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read().decode()


def sparql_construct(server, query: str) -> rdflib.Graph:
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(server.url + "sparql", data=body,
                                     headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return rdflib.Graph().parse(data=response.read().decode(), format="nt")


@pytest.mark.parametrize("kind", THINGS)
def test_every_kind_dereferences_in_each_format(server, kind):
    path = "id/" + THINGS[kind]
    iri = rdflib.URIRef(ID + THINGS[kind])
    # what the published merge says with the thing as subject, blank nodes aside
    expected = {(p, o) for _, p, o in sparql_construct(
        server, f"CONSTRUCT {{ <{iri}> ?p ?o }} WHERE {{ <{iri}> ?p ?o FILTER (!isBLANK(?o)) }}")}
    assert expected, kind
    for media_type, rdflib_format in RDF_TYPES.items():
        status, headers, body = fetch(server, path, media_type)
        assert status == 200 and headers.get_content_type() == media_type, (kind, media_type)
        graph = rdflib.Graph().parse(data=body, format=rdflib_format)
        got = {(p, o) for p, o in graph.predicate_objects(iri) if not isinstance(o, rdflib.BNode)}
        assert got == expected, (kind, media_type)
        assert "Accept" in headers["Vary"]
        links = headers["Link"]
        for other in [*RDF_TYPES, "text/html"]:
            assert f'type="{other}"' in links
    for lang in ("de", "en"):
        status, headers, html = fetch(server, f"{path}?lang={lang}")
        assert status == 200 and headers.get_content_type() == "text/html"
        assert f'<html lang="{lang}">' in html


def test_a_description_holds_the_blank_nodes_below_and_the_labels_of_what_it_names(server):
    iri = rdflib.URIRef(ID + THINGS["composition"])
    status, _, body = fetch(server, f"id/{THINGS['composition']}?format=turtle", "*/*")
    graph = rdflib.Graph().parse(data=body, format="turtle")
    ikg = rdflib.Namespace("https://w3id.org/integration-kg/ontology#")
    time = rdflib.Namespace("http://www.w3.org/2006/time#")
    instant = graph.value(iri, ikg.referenceTime)
    assert isinstance(instant, rdflib.BNode)
    assert str(graph.value(instant, time.inXSDgYearMonth)) == "2019-12"
    groups = list(graph.objects(iri, ikg.hasSeatGroup))
    assert len(groups) == 2 and all(graph.value(g, ikg.seats) is not None for g in groups)
    method = graph.value(groups[0], ikg.selectionMethod)
    assert {lit.language for lit in graph.objects(method, rdflib.SKOS.prefLabel)} == {"de", "en"}
    assert graph.value(ikg.totalSeats, rdflib.RDFS.label) is not None
    # nothing about other things beyond their labels: no attribution, no citation details
    subjects = {s for s in graph.subjects() if isinstance(s, rdflib.URIRef)}
    for other in subjects - {iri}:
        assert set(graph.predicates(other)) <= {rdflib.RDFS.label, rdflib.SKOS.prefLabel, rdflib.FOAF.name}


class Page(HTMLParser):
    """Texts by element id, links, and the embedded JSON-LD."""

    def __init__(self):
        super().__init__()
        self.stack, self.texts, self.links, self.json_ld, self._script = [], {}, [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        self._script = tag == "script" and attrs.get("type") == "application/ld+json"
        if attrs.get("id"):
            self.stack.append(attrs["id"])
            self.texts.setdefault(attrs["id"], "")

    def handle_data(self, data):
        if self._script:
            self.json_ld.append(json.loads(data))
        for element in self.stack:
            self.texts[element] += data

    def handle_endtag(self, tag):
        if tag == "section" and self.stack:
            self.stack.pop()
        self._script = False


def page(server, path, lang):
    status, _, html = fetch(server, f"{path}?lang={lang}")
    assert status == 200
    parsed = Page()
    parsed.feed(html)
    return parsed


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_page_shows_facts_with_sources_dates_conflicts_and_incoming_links(server, lang):
    plan = page(server, "id/" + CONFLICTING, lang)
    facts = re.sub(r"\s+", " ", plan.texts["facts"])
    assert ui("thing_facts", lang) in facts
    # the planned period as stated: two years, no invented days
    assert "2021 – 2026" in facts and "2021-01-01" not in facts
    assert "https://www.dresden.de/de/rathaus/aktuelles/pressemitteilungen/2021/06/pm_010.php" in facts
    assert f"{ui('thing_read_on', lang)} 2026-11-25" in facts
    assert ("Aktionsplan" if lang == "de" else "action plan") in facts
    conflicts = re.sub(r"\s+", " ", plan.texts["conflicts"])
    assert "Aktionsplan Integration 2022–2026" in conflicts and "2022 – 2026" in conflicts
    assert f"/id/{THINGS['plan']}?lang={lang}" in plan.links
    assert "/id/municipality/14612000?lang=" + lang in plan.links
    [data] = plan.json_ld
    assert data["@id"] == ID + CONFLICTING and data["@type"] == "CreativeWork"
    # a date with its note, at its precision
    composition = page(server, "id/composition/14612000-integrations-und-auslaenderbeirat-2019-rules", lang)
    assert "undatierte Seite; spätestens am Lesetag 25.11.2026" in composition.texts["facts"]
    body = page(server, "id/" + THINGS["body"], lang)
    assert "/id/" + THINGS["composition"] + "?lang=" + lang in body.links
    assert page(server, "id/" + THINGS["composition"], lang).texts["incoming"].count(
        "Integrations- und Ausländerbeirat") >= 1


@pytest.mark.parametrize("path", ["id/body/no-such-body", "id/nothing", "id/municipality/99999999",
                                  "id/bad%3Cname%3E", "graph/system", "graph/data/no-such-file",
                                  "ontology/9.9.9", "ontology/latest"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_what_the_graph_does_not_know_is_a_404_in_both_languages(server, path, lang):
    status, headers, html = fetch(server, f"{path}?lang={lang}")
    assert status == 404 and headers.get_content_type() == "text/html"
    assert f'<html lang="{lang}">' in html
    status, headers, body = fetch(server, path, "text/turtle", **{"Accept-Language": lang})
    assert status == 404 and headers.get_content_type() == "application/json"
    message = json.loads(body)["message"]
    german = ("kennt" in message or "keine Kommune" in message)
    assert german if lang == "de" else ("does not know" in message or "no municipality" in message)


def test_formats_nobody_offers_are_406_not_500(server):
    assert fetch(server, "id/" + THINGS["plan"] + "?format=bogus")[0] == 406
    assert fetch(server, "id/" + THINGS["plan"], "application/pdf")[0] == 406
    assert fetch(server, "graph/data/dresden", "image/png")[0] == 406


def test_graphs_shapes_and_ontology_versions(server):
    dresden = ROOT / "data" / "dresden.ttl"
    status, headers, body = fetch(server, "graph/data/dresden", "text/turtle")
    assert status == 200 and "Accept" in headers["Vary"] and 'type="application/ld+json"' in headers["Link"]
    assert len(rdflib.Graph().parse(data=body, format="turtle")) == len(shipped_triples(dresden))
    status, _, html = fetch(server, "graph/data/dresden?lang=de")
    assert status == 200 and "data/dresden.ttl" in html and ui("graph_title", "de") in html
    status, _, body = fetch(server, "shapes", "application/n-triples")
    assert status == 200
    assert len(rdflib.Graph().parse(data=body, format="nt")) == sum(len(shipped_triples(p)) for p in SHAPES_FILES)
    status, _, body = fetch(server, "ontology/0.1.0", "text/turtle")
    assert status == 200
    version = rdflib.Graph().parse(data=body, format="turtle").value(
        rdflib.URIRef("https://w3id.org/integration-kg/ontology"), rdflib.OWL.versionIRI)
    assert str(version) == "https://w3id.org/integration-kg/ontology/0.1.0"


# -- the w3id rules ------------------------------------------------------------------------------

HTACCESS = ROOT / "ontology" / "w3id" / ".htaccess"
RULE = re.compile(r"^RewriteRule\s+(\S+)\s+(\S+)\s+\[([^\]]*)\]", re.M)
# IRIs of the published graph (path after https://w3id.org/integration-kg/), one or more per rule.
W3ID_EXAMPLES = ["ontology", "ontology/", "ontology/0.1.0", *("id/" + p for p in THINGS.values()),
                 "id/scheme/", "graph/data/dresden", "graph/ontology/integration",
                 "graph/shapes/integration-shapes", "shapes", ""]


def test_every_w3id_rule_leads_to_a_path_this_server_answers(server):
    rules = RULE.findall(HTACCESS.read_text())
    assert len(rules) == 6
    used = set()
    for example in W3ID_EXAMPLES:
        for pattern, target, flags in rules:
            match = re.match(pattern, example)
            if match:
                used.add(pattern)
                assert "R=303" in flags
                location = re.sub(r"\$(\d)", lambda m: match.group(int(m.group(1))), target)
                path = location.replace("https://integration-kg.example.org/", "")
                # the home page speaks HTML and JSON; everything else HTML and RDF
                machine = "text/turtle" if path else "application/json"
                for accept in ("text/html", machine):
                    status, headers, _ = fetch(server, path, accept)
                    assert status == 200, (example, location, accept)
                    assert headers.get_content_type() == accept, (example, accept)
                break
        else:
            pytest.fail(f"no rule matches {example!r}")
    assert used == {pattern for pattern, _, _ in rules}


# -- canonical IRIs whatever the host ------------------------------------------------------------

def test_canonical_iris_stay_whatever_host_serves_them(loaded_store_path, tmp_path):
    store = remote_backend.beside(loaded_store_path, tmp_path)
    server = start_server(store, env={"KG_BASE_URL": "https://kg.example.test/"})
    try:
        path = "id/" + THINGS["plan"]
        status, headers, body = fetch(server, path, "text/turtle")
        assert status == 200
        graph = rdflib.Graph().parse(data=body, format="turtle")
        assert (rdflib.URIRef(ID + THINGS["plan"]), None, None) in graph
        assert "kg.example.test" not in body and "127.0.0.1" not in body
        # only the links for browsers and clients follow the deployment's address
        assert f"<https://kg.example.test/{path}?format=turtle>" in headers["Link"]
        status, _, html = fetch(server, path)
        assert ID + THINGS["plan"] in html
    finally:
        stop_server(server)


def test_properties_of_w3c_vocabularies_are_labelled_in_the_page_language(server):
    # the published graph has no labels for rdf:type, rdfs:label, skos:note
    properties = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                  "http://www.w3.org/2000/01/rdf-schema#label",
                  "http://www.w3.org/2004/02/skos/core#note")
    for lang, words in (("de", ("Art", "Bezeichnung", "Anmerkung")), ("en", ("type", "label", "note"))):
        _, _, html = fetch(server, f"id/{THINGS['composition']}?lang={lang}")
        for prop, word in zip(properties, words):
            assert re.search(rf'title="{re.escape(prop)}">{word}</th>', html), (lang, word)


@pytest.mark.parametrize("path", ["id/", "id/%00", "id/body/" + "x" * 3000, "graph/", "id/body/a?format=trig"])
def test_odd_addresses_are_clear_4xx(server, path):
    status, headers, _ = fetch(server, path)
    assert 400 <= status < 500 and headers.get_content_type() == "text/html", (path, status)
