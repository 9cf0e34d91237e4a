"""A real `kg serve` with the project's data: SPARQLWrapper as a client in every return format,
and the Service Description and VoID read back over HTTP."""

from __future__ import annotations

import functools
import json
import urllib.request

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from support import ROOT, SHIPPED_COUNT, SHIPPED_FILES, published_triple_count, shipped_graph, shipped_triples

VOID = Namespace("http://rdfs.org/ns/void#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
DRESDEN = ROOT / "data" / "dresden.ttl"
COUNT_DRESDEN = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{shipped_graph(DRESDEN)}> {{ ?s ?p ?o }} }}"
CLASSES = "SELECT DISTINCT ?c WHERE { ?s a ?c } ORDER BY ?c LIMIT 5"
CONSTRUCT = "CONSTRUCT { ?s a ?c } WHERE { ?s a ?c FILTER isIRI(?s) } ORDER BY ?s ?c LIMIT 5"


# The expectations, read from the shipped files with rdflib (a SPARQL ORDER BY puts IRIs in the
# order of their strings; no class and no subject chosen below is a blank node).
@functools.cache
def shipped() -> Graph:
    graph = Graph()
    for path in SHIPPED_FILES:
        for triple in shipped_triples(path):
            graph.add(triple)
    return graph


def first_classes() -> list[str]:
    classes = {str(c) for c in shipped().objects(None, RDF.type)}
    assert classes and all(c.startswith("http") for c in classes)
    return sorted(classes)[:5]


def first_typed() -> set[tuple[str, str]]:
    pairs = {(str(s), str(c)) for s, c in shipped().subject_objects(RDF.type) if isinstance(s, URIRef)}
    return set(sorted(pairs)[:5])


def _wrapper(server, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    client = SPARQLWrapper(server.url + "sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client


def _count_over_http(server, query: str = COUNT) -> int:
    result = _wrapper(server, query, JSON).queryAndConvert()
    return int(result["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_json(server, method):
    assert _count_over_http(server, COUNT_DRESDEN) == len(shipped_triples(DRESDEN))
    result = _wrapper(server, CLASSES, JSON, method).queryAndConvert()
    assert result["head"]["vars"] == ["c"]
    assert [b["c"]["value"] for b in result["results"]["bindings"]] == first_classes()


def test_sparqlwrapper_xml(server):
    document = _wrapper(server, CLASSES, XML).queryAndConvert()
    uris = [node.firstChild.data for node in document.getElementsByTagName("uri")]
    assert uris == first_classes()


@pytest.mark.parametrize("fmt", [CSV, TSV])
def test_sparqlwrapper_csv_tsv(server, fmt):
    text = _wrapper(server, CLASSES, fmt).queryAndConvert().decode()
    if fmt == CSV:
        assert text.splitlines() == ["c", *first_classes()]
    else:
        assert text.splitlines() == ["?c", *(f"<{c}>" for c in first_classes())]


def test_sparqlwrapper_ask(server):
    assert _wrapper(server, "ASK { ?s ?p ?o }", JSON).queryAndConvert()["boolean"] is True
    xml = _wrapper(server, "ASK { <urn:no> <urn:no> <urn:no> }", XML).queryAndConvert()
    assert xml.getElementsByTagName("boolean")[0].firstChild.data == "false"


@pytest.mark.parametrize("fmt", [TURTLE, N3, RDFXML, JSONLD])
def test_sparqlwrapper_graph_formats(server, fmt):
    graph = _wrapper(server, CONSTRUCT, fmt).queryAndConvert()
    if not isinstance(graph, Graph):  # Turtle and N3 come back as bytes
        graph = Graph().parse(data=graph, format="turtle")
    assert {(str(s), str(c)) for s, p, c in graph if p == RDF.type} == first_typed()
    assert len(graph) == 5


def _get(server, path: str, accept: str) -> bytes:
    with urllib.request.urlopen(server.get(path, Accept=accept), timeout=30) as response:
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        return response.read()


def test_service_description_over_http(server):
    graph = Graph().parse(data=_get(server, "sparql", "text/turtle"), format="turtle")
    assert {str(o) for o in graph.objects(None, SD.endpoint)} == {server.url + "sparql"}
    jsonld = Graph().parse(data=_get(server, "sparql", "application/ld+json"), format="json-ld")
    assert graph.isomorphic(jsonld)


def test_void_triples_and_count_over_http_are_the_published_set(server):
    # The published dataset is the RDF merge of the shipped files: a set, so a triple that two
    # files share counts once.
    expected = published_triple_count()
    assert _count_over_http(server) == expected
    graph = Graph().parse(data=_get(server, ".well-known/void", "text/turtle"), format="turtle")
    dataset = URIRef(server.url + ".well-known/void#dataset")
    assert graph.value(dataset, VOID.triples) == Literal(expected, datatype=XSD.integer)
    assert graph.value(dataset, VOID.sparqlEndpoint) == URIRef(server.url + "sparql")
    graphs = {shipped_graph(path) for path in SHIPPED_FILES}
    assert len(graphs) == SHIPPED_COUNT
    subsets = {str(graph.value(s, SD.name)) for s in graph.objects(dataset, VOID.subset)}
    assert subsets == graphs
    published = _wrapper(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g {} }", JSON).queryAndConvert()
    assert {b["g"]["value"] for b in published["results"]["bindings"]} == graphs


def test_void_licence_is_the_data_licence(server):
    graph = Graph().parse(data=_get(server, ".well-known/void", "text/turtle"), format="turtle")
    stated = {str(licence) for d in shipped().subjects(RDF.type, VOID.Dataset)
              for licence in shipped().objects(d, DCTERMS.license)}
    assert stated == {"https://creativecommons.org/licenses/by/4.0/"}
    dataset = URIRef(server.url + ".well-known/void#dataset")
    assert {str(o) for o in graph.objects(dataset, DCTERMS.license)} == stated


def test_errors_come_back_as_json_over_http(server):
    request = server.get("sparql?query=ASK%20%7B")
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=30)
    assert info.value.code == 400
    assert json.loads(info.value.read())["error"] == "parse-error"
