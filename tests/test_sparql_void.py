"""/.well-known/void in-process: numbers, partitions and subsets exactly, licence from the data."""

from __future__ import annotations

import json
from urllib.parse import quote, urlencode

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from kg.config import Settings
from kg.store.base import GraphLoad

EX = "https://example.org/"
ONE, TWO, PRIVATE, META = EX + "g/one", EX + "g/two", EX + "g/private", EX + "g/meta"
VOID = Namespace("http://rdfs.org/ns/void#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
CC_BY = URIRef("https://creativecommons.org/licenses/by/4.0/")
# Under the configured base URL (by default http://<host>:<port>/), never the request's Host.
DOC = Settings().public_base_url + ".well-known/void"


def _triples(turtle: str) -> list[ox.Triple]:
    prefixes = (f"@prefix ex: <{EX}> . @prefix void: <{VOID}> . "
                "@prefix dcterms: <http://purl.org/dc/terms/> .\n")
    return list(ox.parse((prefixes + turtle).encode(), format=ox.RdfFormat.TURTLE))


@pytest.fixture
def store(store):
    store.replace_graphs([
        GraphLoad(ONE, _triples('ex:a a ex:City ; ex:name "A" . ex:b a ex:City ; ex:name "B" .')),
        # ex:a a ex:City again, so a triple lies in two published graphs.
        GraphLoad(TWO, _triples("ex:c a ex:Org ; ex:in ex:a . ex:a a ex:City .")),
        GraphLoad(PRIVATE, _triples('ex:secret a ex:Secret ; ex:p "hidden" .'), publish=False),
    ])
    return store


def _void(client, accept: str = "text/turtle", fmt: str = "turtle") -> Graph:
    response = client.get("/.well-known/void", headers={"Accept": accept})
    assert response.status_code == 200
    return Graph().parse(data=response.data, format=fmt)


def _int(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def test_void_numbers_are_what_sparql_answers(client):
    graph = _void(client)
    dataset = URIRef(DOC + "#dataset")
    answer = client.get("/sparql?" + urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}))
    n = int(json.loads(answer.data)["results"]["bindings"][0]["n"]["value"])
    # The published dataset is the RDF merge, a set: `ex:a a ex:City`, held by both graphs,
    # counts once (7 quads, 6 distinct triples), in /sparql and in VoID alike.
    assert n == 6
    assert graph.value(dataset, VOID.triples) == _int(n)
    assert graph.value(dataset, VOID.distinctSubjects) == _int(3)
    assert graph.value(dataset, VOID.properties) == _int(3)
    assert graph.value(dataset, VOID.classes) == _int(2)
    assert graph.value(dataset, VOID.sparqlEndpoint) == URIRef(Settings().public_base_url + "sparql")
    assert (dataset, RDF.type, VOID.Dataset) in graph


def test_void_partitions(client):
    graph = _void(client)
    dataset = URIRef(DOC + "#dataset")
    classes = {(graph.value(p, VOID["class"]), graph.value(p, VOID.entities))
               for p in graph.objects(dataset, VOID.classPartition)}
    assert classes == {(URIRef(EX + "City"), _int(2)), (URIRef(EX + "Org"), _int(1))}
    properties = {(graph.value(p, VOID.property), graph.value(p, VOID.triples))
                  for p in graph.objects(dataset, VOID.propertyPartition)}
    assert properties == {(RDF.type, _int(3)), (URIRef(EX + "name"), _int(2)),
                          (URIRef(EX + "in"), _int(1))}


def test_void_one_subset_per_published_graph(client):
    graph = _void(client, "application/ld+json", "json-ld")
    dataset = URIRef(DOC + "#dataset")
    subsets = {(graph.value(s, SD.name), graph.value(s, VOID.triples))
               for s in graph.objects(dataset, VOID.subset)}
    assert subsets == {(URIRef(ONE), _int(4)), (URIRef(TWO), _int(3))}
    assert URIRef(f"{DOC}#graph={quote(ONE, safe='')}") in set(graph.objects(dataset, VOID.subset))


def test_void_has_no_licence_until_the_data_states_one(client, store):
    assert _void(client).value(URIRef(DOC + "#dataset"), DCTERMS.license) is None
    store.replace_graphs([GraphLoad(META, _triples(
        f"ex:dataset a void:Dataset ; dcterms:license <{CC_BY}> ."))])
    graph = _void(client)
    assert set(graph.objects(URIRef(DOC + "#dataset"), DCTERMS.license)) == {CC_BY}
    assert graph.value(URIRef(DOC + "#dataset"), URIRef("http://www.w3.org/2000/01/rdf-schema#seeAlso")) \
        == URIRef(EX + "dataset")


def test_void_ignores_a_licence_in_a_private_graph(client, store):
    store.replace_graphs([GraphLoad(META, _triples(
        f"ex:dataset a void:Dataset ; dcterms:license <{CC_BY}> ."), publish=False)])
    assert _void(client).value(URIRef(DOC + "#dataset"), DCTERMS.license) is None


def test_void_406_lists_rdf_formats(client):
    response = client.get("/.well-known/void", headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 406
    assert "text/turtle" in response.get_json()["detail"]["offered"]
