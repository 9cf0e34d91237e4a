"""A real `kg serve` with the project's data: SPARQLWrapper as a client in every return format,
and the Service Description and VoID read back over HTTP."""

from __future__ import annotations

import json
import urllib.request

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, XSD
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

VOID = Namespace("http://rdfs.org/ns/void#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
CLASSES = "SELECT DISTINCT ?c WHERE { ?s a ?c } ORDER BY ?c LIMIT 5"
CONSTRUCT = "CONSTRUCT { ?s a ?c } WHERE { ?s a ?c } LIMIT 5"


def _wrapper(server, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    client = SPARQLWrapper(server.url + "sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client


def _count_over_http(server) -> int:
    result = _wrapper(server, COUNT, JSON).queryAndConvert()
    return int(result["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_json(server, method):
    assert _count_over_http(server) > 1000
    result = _wrapper(server, CLASSES, JSON, method).queryAndConvert()
    assert result["head"]["vars"] == ["c"] and len(result["results"]["bindings"]) == 5


def test_sparqlwrapper_xml(server):
    document = _wrapper(server, CLASSES, XML).queryAndConvert()
    assert len(document.getElementsByTagName("result")) == 5


@pytest.mark.parametrize("fmt,separator", [(CSV, ","), (TSV, "\t")])
def test_sparqlwrapper_csv_tsv(server, fmt, separator):
    text = _wrapper(server, CLASSES, fmt).queryAndConvert().decode()
    lines = text.splitlines()
    assert lines[0] == ("c" if fmt == CSV else "?c") and len(lines) == 6


def test_sparqlwrapper_ask(server):
    assert _wrapper(server, "ASK { ?s ?p ?o }", JSON).queryAndConvert()["boolean"] is True
    xml = _wrapper(server, "ASK { <urn:no> <urn:no> <urn:no> }", XML).queryAndConvert()
    assert xml.getElementsByTagName("boolean")[0].firstChild.data == "false"


@pytest.mark.parametrize("fmt", [TURTLE, N3, RDFXML, JSONLD])
def test_sparqlwrapper_graph_formats(server, fmt):
    graph = _wrapper(server, CONSTRUCT, fmt).queryAndConvert()
    if not isinstance(graph, Graph):  # Turtle and N3 come back as bytes
        graph = Graph().parse(data=graph, format="turtle")
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


def test_void_triples_equal_count_over_http(server):
    graph = Graph().parse(data=_get(server, ".well-known/void", "text/turtle"), format="turtle")
    dataset = URIRef(server.url + ".well-known/void#dataset")
    assert graph.value(dataset, VOID.triples) == Literal(_count_over_http(server), datatype=XSD.integer)
    assert graph.value(dataset, VOID.sparqlEndpoint) == URIRef(server.url + "sparql")
    subsets = {str(graph.value(s, SD.name)) for s in graph.objects(dataset, VOID.subset)}
    published = _wrapper(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g {} }", JSON).queryAndConvert()
    assert subsets == {b["g"]["value"] for b in published["results"]["bindings"]}


def test_void_licence_is_the_data_licence(server):
    graph = Graph().parse(data=_get(server, ".well-known/void", "text/turtle"), format="turtle")
    stated = _wrapper(server, "PREFIX dcterms: <http://purl.org/dc/terms/> SELECT DISTINCT ?l "
                      "WHERE { ?d a <http://rdfs.org/ns/void#Dataset> ; dcterms:license ?l }",
                      JSON).queryAndConvert()
    expected = {b["l"]["value"] for b in stated["results"]["bindings"]}
    dataset = URIRef(server.url + ".well-known/void#dataset")
    assert {str(o) for o in graph.objects(dataset, DCTERMS.license)} == expected


def test_errors_come_back_as_json_over_http(server):
    request = server.get("sparql?query=ASK%20%7B")
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=30)
    assert info.value.code == 400
    assert json.loads(info.value.read())["error"] == "parse-error"
