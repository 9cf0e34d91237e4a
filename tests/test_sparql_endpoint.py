"""/sparql in-process: the protocol's three ways in, formats, dataset choice, every error kind,
the row cap, the Service Description, browsers led to the editor page (/query), CORS."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import parse_qs, urlencode, urlsplit

import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace, URIRef

from kg.config import Settings
from kg.store.base import GraphLoad
from kg.web import create_app

EX = "https://example.org/"
ONE, TWO, PRIVATE = EX + "g/one", EX + "g/two", EX + "g/private"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = "http://www.w3.org/ns/formats/"
ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
CONSTRUCT = "CONSTRUCT WHERE { ?s ?p ?o }"


def _triples(turtle: str) -> list[ox.Triple]:
    text = f"@prefix ex: <{EX}> .\n{turtle}".encode()
    return [q.triple for q in ox.parse(text, format=ox.RdfFormat.TURTLE)]


IN_ONE = _triples('ex:a a ex:City ; ex:name "A" . ex:b a ex:City ; ex:name "B"@de .')
IN_TWO = _triples("ex:c a ex:Org ; ex:in ex:a .")
PUBLISHED = IN_ONE + IN_TWO


@pytest.fixture
def store(store):
    store.replace_graphs([
        GraphLoad(ONE, IN_ONE),
        GraphLoad(TWO, IN_TWO),
        GraphLoad(PRIVATE, _triples('ex:secret ex:p "hidden" .'), publish=False),
    ])
    return store


def get(client, query: str | None = None, **params):
    headers = params.pop("headers", {})
    if query is not None:
        params["query"] = query
    return client.get("/sparql?" + urlencode(params, doseq=True), headers=headers)


def rows(response) -> list[dict]:
    assert response.status_code == 200, response.get_data(as_text=True)
    return json.loads(response.data)["results"]["bindings"]


def count(client) -> int:
    return int(rows(get(client, COUNT))[0]["n"]["value"])


# -- three ways in -------------------------------------------------------------------------------

def test_get_post_form_and_post_direct_answer_alike(client):
    by_get = get(client, ALL)
    by_form = client.post("/sparql", data={"query": ALL})
    by_body = client.post("/sparql", data=ALL.encode(), content_type="application/sparql-query")
    assert by_get.content_type == "application/sparql-results+json; charset=utf-8"
    answered = {ox.Triple(r["s"], r["p"], r["o"]) for r in
                ox.parse_query_results(by_get.data, format=ox.QueryResultsFormat.JSON)}
    assert answered == set(PUBLISHED) and len(rows(by_get)) == 6
    assert json.loads(by_get.data) == json.loads(by_form.data) == json.loads(by_body.data)


def test_direct_post_takes_graphs_from_the_url(client):
    response = client.post("/sparql?" + urlencode({"default-graph-uri": TWO}), data=COUNT,
                           content_type="application/sparql-query; charset=UTF-8")
    assert rows(response)[0]["n"]["value"] == "2"


# -- formats -------------------------------------------------------------------------------------

@pytest.mark.parametrize("how", ["format", "accept"])
@pytest.mark.parametrize("name,media_type", [
    ("json", "application/sparql-results+json"), ("xml", "application/sparql-results+xml"),
    ("csv", "text/csv"), ("tsv", "text/tab-separated-values")])
def test_select_formats(client, how, name, media_type):
    params = {"format": name} if how == "format" else {"headers": {"Accept": media_type}}
    response = get(client, "SELECT ?s WHERE { ?s a <https://example.org/City> } ORDER BY ?s", **params)
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert response.headers["Vary"] == "Accept"
    if name == "csv":
        parsed = [r[0] for r in csv.reader(io.StringIO(response.get_data(as_text=True)))][1:]
    else:
        oxfmt = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                 "tsv": ox.QueryResultsFormat.TSV}[name]
        parsed = [s["s"].value for s in ox.parse_query_results(response.data, format=oxfmt)]
    assert parsed == [EX + "a", EX + "b"]


@pytest.mark.parametrize("name,media_type", [
    ("turtle", "text/turtle"), ("ntriples", "application/n-triples"),
    ("jsonld", "application/ld+json"), ("rdfxml", "application/rdf+xml")])
def test_construct_formats_parse_back(client, name, media_type):
    expected = set(PUBLISHED)
    for response in (get(client, CONSTRUCT, format=name),
                     get(client, CONSTRUCT, headers={"Accept": media_type})):
        assert response.status_code == 200 and response.mimetype == media_type
        fmt = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
               "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}[name]
        assert {q.triple for q in ox.parse(response.data, format=fmt)} == expected
    assert len(expected) == 6


def test_ask_in_json_and_xml(client):
    assert json.loads(get(client, "ASK { ?s a <https://example.org/Org> }").data)["boolean"] is True
    xml = get(client, "ASK { ?s <https://example.org/p> ?o }", format="xml")
    assert bool(ox.parse_query_results(xml.data, format=ox.QueryResultsFormat.XML)) is False


@pytest.mark.parametrize("query,params", [
    (ALL, {"headers": {"Accept": "image/png"}}),
    (ALL, {"format": "turtle"}),
    (CONSTRUCT, {"headers": {"Accept": "application/sparql-results+json"}}),
    (CONSTRUCT, {"format": "csv"}),
])
def test_nothing_fits_is_406_listing_offers(client, query, params):
    response = get(client, query, **params)
    assert response.status_code == 406
    body = response.get_json()
    assert body["error"] == "not-acceptable"
    offered = body["detail"]["offered"]
    assert ("text/turtle" in offered) == (query == CONSTRUCT)
    assert ("application/sparql-results+json" in offered) == (query == ALL)


# -- the dataset ---------------------------------------------------------------------------------

def test_private_graph_is_invisible(client):
    assert count(client) == 6
    graphs = {r["g"]["value"] for r in rows(get(client, "SELECT DISTINCT ?g WHERE { GRAPH ?g {} }"))}
    assert graphs == {ONE, TWO}
    assert rows(get(client, 'SELECT * WHERE { ?s ?p "hidden" }')) == []


@pytest.mark.parametrize("params,graph", [
    ({"query": f"SELECT * FROM <{PRIVATE}> WHERE {{ ?s ?p ?o }}"}, PRIVATE),
    ({"query": f"SELECT * FROM NAMED <{PRIVATE}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"}, PRIVATE),
    ({"query": f"PREFIX g: <{EX}g/> SELECT * FROM g:private WHERE {{ ?s ?p ?o }}"}, PRIVATE),
    ({"query": ALL, "default-graph-uri": PRIVATE}, PRIVATE),
    ({"query": ALL, "named-graph-uri": "http://example.com/on/the/web"},
     "http://example.com/on/the/web"),
])
def test_unpublished_or_unknown_graph_is_400_naming_it(client, params, graph):
    response = client.get("/sparql?" + urlencode(params))
    assert response.status_code == 400
    body = response.get_json()
    assert body["detail"]["unknown_graphs"] == [graph]
    assert graph in body["message"]


def test_from_and_protocol_graphs_choose_among_published(client):
    two_only = f"SELECT (COUNT(*) AS ?n) FROM <{TWO}> WHERE {{ ?s ?p ?o }}"
    assert rows(get(client, two_only))[0]["n"]["value"] == "2"
    # The protocol's graphs override FROM (SPARQL 1.1 Protocol 2.1.4).
    assert rows(get(client, two_only, **{"default-graph-uri": ONE}))[0]["n"]["value"] == "4"
    named = get(client, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                **{"named-graph-uri": TWO})
    assert [r["g"]["value"] for r in rows(named)] == [TWO]


# -- errors --------------------------------------------------------------------------------------

def test_syntax_error_is_400_with_position(client):
    response = get(client, "SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER( }")
    assert response.status_code == 400
    body = response.get_json()
    assert body["error"] == "parse-error"
    assert body["detail"]["line"] == 3 and body["detail"]["column"] == 12
    assert "line 3, column 12" in body["message"]


def test_syntax_error_on_the_first_line_keeps_its_column(client):
    body = get(client, "ASK {").get_json()
    assert (body["detail"]["line"], body["detail"]["column"]) == (1, 6)


@pytest.mark.parametrize("method,kwargs,status", [
    ("post", {"data": ALL.encode(), "content_type": "text/plain"}, 415),
    ("post", {"data": ALL.encode()}, 415),  # no media type at all
    ("post", {"data": "query=" + ALL, "content_type": "application/json"}, 415),
    ("post", {"data": ALL.encode("utf-16"), "content_type": "application/sparql-query"}, 400),
    ("post", {"data": ALL.encode(), "content_type": "application/sparql-query; charset=UTF-16"}, 400),
    ("post", {"data": b"query=%FF%FE", "content_type": "application/x-www-form-urlencoded"}, 400),
    ("post", {"data": {"format": "json"}}, 400),  # no query
    ("post", {"data": b"", "content_type": "application/sparql-query"}, 400),
    ("get", {"query_string": "query=ASK%7B%7D&query=ASK%7B%7D"}, 400),
    ("post", {"query_string": "query=ASK%7B%7D", "data": {"query": "ASK {}"}}, 400),
    ("get", {"query_string": "query=%C3%28"}, 400),  # not UTF-8 once decoded
    ("put", {"data": ALL}, 405),
    ("delete", {}, 405),
])
def test_bad_requests(client, method, kwargs, status):
    response = getattr(client, method)("/sparql", **kwargs)
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.get_json()["message"]


@pytest.mark.parametrize("method,kwargs", [
    ("get", {"query_string": "update=CLEAR%20ALL"}),
    ("post", {"data": {"update": "CLEAR ALL"}}),
    ("post", {"data": b"DROP GRAPH <https://example.org/g/one>",
              "content_type": "application/sparql-update"}),
    ("post", {"data": {"query": "INSERT DATA { <urn:x> <urn:y> <urn:z> }"}}),
    ("get", {"query_string": "query=" + "DELETE%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D"}),
])
def test_updates_are_refused_and_change_nothing(client, store, method, kwargs):
    before = store.quad_count(store.graphs())
    response = getattr(client, method)("/sparql", **kwargs)
    assert response.status_code == 403
    assert "read-only" in response.get_json()["message"]
    assert store.quad_count(store.graphs()) == before and count(client) == 6


def test_service_is_refused_without_fetching(client):
    response = get(client, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")
    assert response.status_code == 400  # no --service-allow: federation is off (test_federation_*)
    body = response.get_json()
    assert "SERVICE" in body["message"] and "--service-allow" in body["message"]
    assert "nicht eingeschaltet" in body["messages"]["de"]


def test_query_over_the_size_limit_is_413(settings, store):
    client = create_app(settings.replace(max_query_bytes=200), store=store).test_client()
    long_query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 200
    assert get(client, long_query).status_code == 413
    assert client.post("/sparql", data={"query": long_query}).status_code == 413
    response = client.post("/sparql", data=long_query.encode() * 10,
                           content_type="application/sparql-query")
    assert response.status_code == 413
    assert "200" in response.get_json()["message"]


@pytest.mark.parametrize("query,error", [
    ("", "bad-request"), ("   ", "bad-request"), ("SELECT", "parse-error"), ("{" * 50, "parse-error"),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT -1", "parse-error"), ("PREFIX x: SELECT", "parse-error"),
    ("SELECT * FROM x:g WHERE {}", "bad-request"), ("SELECT * FROM WHERE {}", "bad-request"),
    ("\x00", "parse-error"), ("CONSTRUCT", "parse-error"),
    ('SELECT * WHERE { BIND("\\u00" AS ?x) }', "parse-error"), ("ASK { <a b> ?p ?o }", "parse-error"),
])
def test_bad_input_is_a_400_saying_what_is_wrong(client, query, error):
    response = get(client, query)
    assert response.status_code == 400, response.get_data(as_text=True)
    body = response.get_json()
    assert body["error"] == error and body["message"]


# -- the row cap ---------------------------------------------------------------------------------

def test_row_cap_is_stated_when_applied(settings, store):
    client = create_app(settings.replace(result_row_cap=3), store=store).test_client()
    capped = get(client, ALL)
    assert capped.headers["X-KG-Result-Truncated"] == "3" and len(rows(capped)) == 3
    small = get(client, "SELECT ?s WHERE { ?s a <https://example.org/Org> }")
    assert "X-KG-Result-Truncated" not in small.headers and len(rows(small)) == 1


# -- service description and page ----------------------------------------------------------------

@pytest.mark.parametrize("accept,fmt", [
    ("text/turtle", "turtle"), ("application/ld+json", "json-ld"), (None, "turtle"),
    ("application/n-triples", "nt"), ("application/rdf+xml", "xml")])
def test_service_description(client, accept, fmt):
    response = client.get("/sparql", headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    graph = Graph().parse(data=response.data, format=fmt)
    service = graph.value(None, SD.endpoint, URIRef(Settings().public_base_url + "sparql"))
    assert service is not None
    assert set(graph.objects(service, SD.supportedLanguage)) == {SD.SPARQL11Query}
    assert set(graph.objects(service, SD.feature)) == {SD.UnionDefaultGraph}
    assert {str(f) for f in graph.objects(service, SD.resultFormat)} == {
        FORMATS + n for n in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                              "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML")}
    dataset = graph.value(service, SD.defaultDataset)
    names = {str(graph.value(g, SD.name)) for g in graph.objects(dataset, SD.namedGraph)}
    assert names == {ONE, TWO}


def test_service_description_names_the_configured_url_not_the_request_host(client):
    # The Host header is the client's to choose: it no longer reaches the description.
    response = client.get("/sparql", base_url="https://kg.example.org:8443",
                          headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.data, format="turtle")
    assert {str(o) for o in graph.objects(None, SD.endpoint)} == {
        Settings().public_base_url + "sparql"}


BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_browser_is_led_to_the_editor_page(client, lang):
    response = client.get(f"/sparql?lang={lang}", headers={"Accept": BROWSER})
    assert response.status_code == 303 and response.location == f"/query?lang={lang}"
    assert "Accept" in response.vary
    page = client.get(response.location, headers={"Accept": BROWSER})
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert f'<html lang="{lang}">' in page.get_data(as_text=True)


def test_a_browser_following_a_query_link_gets_the_editor_running_it(client):
    response = client.get("/sparql?" + urlencode({"query": COUNT}), headers={"Accept": BROWSER})
    target = urlsplit(response.location)
    assert response.status_code == 303 and target.path == "/query"
    assert parse_qs(target.query) == {"query": [COUNT], "run": ["1"]}


@pytest.mark.parametrize("params, accept", [
    ({"query": COUNT, "format": "csv"}, BROWSER),  # the editor's downloads
    ({"query": COUNT, "default-graph-uri": ONE}, BROWSER),
    ({"query": COUNT}, None), ({"query": COUNT}, "*/*"),
    ({"query": COUNT}, "application/json, text/html;q=0.9"),
])
def test_programs_and_downloads_get_results_not_the_page(client, params, accept):
    response = client.get("/sparql?" + urlencode(params), headers={"Accept": accept} if accept else {})
    assert response.status_code == 200 and response.mimetype != "text/html"


# -- CORS ----------------------------------------------------------------------------------------

def test_cors_on_reads_and_preflight(client):
    assert get(client, "ASK {}").headers["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/sparql", headers={
        "Origin": "https://other.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert preflight.headers["Access-Control-Allow-Headers"] == "content-type"
    assert "X-KG-Result-Truncated" in get(client, "ASK {}").headers["Access-Control-Expose-Headers"]
    assert client.get("/.well-known/void").headers["Access-Control-Allow-Origin"] == "*"
    assert client.get("/health").headers["Access-Control-Allow-Origin"] == "*"


def test_no_cors_on_the_write_api(client):
    response = client.post("/api/admin/load", json={"files": []})
    assert "Access-Control-Allow-Origin" not in response.headers
