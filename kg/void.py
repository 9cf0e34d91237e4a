"""The VoID description of the published dataset, computed from the store.

Every number is asked of the store with the same kind of query, through the same runner and over
the same published dataset as /sparql answers, so that `void:triples` is exactly what
`SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }` returns there.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

import pyoxigraph as ox

from kg import iris
from kg.store.base import QueryResult

VOID = "http://rdfs.org/ns/void#"
SD = "http://www.w3.org/ns/sparql-service-description#"
DCTERMS = "http://purl.org/dc/terms/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")

PREFIXES = {"void": VOID, "sd": SD, "dcterms": DCTERMS, "rdfs": RDFS}

# Runs one query over the published dataset (default: union of published graphs).
QueryFunction = Callable[[str], QueryResult]

COUNT_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
_TOTALS = """SELECT (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?o) AS ?objects)
                    (COUNT(DISTINCT ?p) AS ?properties) WHERE { ?s ?p ?o }"""
_CLASSES = """SELECT ?class (COUNT(DISTINCT ?s) AS ?n)
              WHERE { ?s a ?class } GROUP BY ?class ORDER BY ?class"""
_PROPERTIES = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p"
_GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
# The data's own description (data/'s metadata) names the licence; we repeat it, never invent it.
_LICENCES = """PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?licence ?dataset WHERE {
  VALUES ?type { <http://rdfs.org/ns/void#Dataset> <http://www.w3.org/ns/dcat#Dataset> }
  ?dataset a ?type ; dcterms:license ?licence .
  FILTER(isIRI(?licence))
} ORDER BY ?licence ?dataset"""


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD_INTEGER)


def _number(result: QueryResult, name: str = "n") -> int:
    value = result.rows[0][result.variables.index(name)] if result.rows else None
    return int(value.value) if value is not None else 0


def build(run: QueryFunction, *, document: str, endpoint: str) -> list[ox.Triple]:
    """VoID for the published dataset; `document` is the URL of the VoID document itself."""
    dataset = _n(document + "#dataset")
    totals = run(_TOTALS)
    triples = [
        ox.Triple(dataset, RDF_TYPE, _n(VOID + "Dataset")),
        ox.Triple(dataset, _n(DCTERMS + "title"),
                  ox.Literal("integration-kg: published dataset", language="en")),
        ox.Triple(dataset, _n(VOID + "sparqlEndpoint"), _n(endpoint)),
        ox.Triple(dataset, _n(VOID + "uriSpace"), ox.Literal(iris.ID)),
        ox.Triple(dataset, _n(VOID + "vocabulary"), _n(iris.ONTOLOGY)),
        ox.Triple(dataset, _n(VOID + "triples"), _int(_number(run(COUNT_TRIPLES)))),
        ox.Triple(dataset, _n(VOID + "distinctSubjects"), _int(_number(totals, "subjects"))),
        ox.Triple(dataset, _n(VOID + "distinctObjects"), _int(_number(totals, "objects"))),
        ox.Triple(dataset, _n(VOID + "properties"), _int(_number(totals, "properties"))),
    ]
    triples += _licences(run, dataset)
    triples += _partitions(run, dataset)
    triples += _subsets(run, dataset, document, endpoint)
    return triples


def _licences(run: QueryFunction, dataset: ox.NamedNode) -> list[ox.Triple]:
    result = run(_LICENCES)
    licences = dict.fromkeys(row[0] for row in result.rows)
    described = dict.fromkeys(row[1] for row in result.rows if isinstance(row[1], ox.NamedNode))
    return ([ox.Triple(dataset, _n(DCTERMS + "license"), lic) for lic in licences]
            + [ox.Triple(dataset, _n(RDFS + "seeAlso"), d) for d in described])


def _partitions(run: QueryFunction, dataset: ox.NamedNode) -> list[ox.Triple]:
    triples: list[ox.Triple] = []
    classes = run(_CLASSES).rows
    triples.append(ox.Triple(dataset, _n(VOID + "classes"), _int(len(classes))))
    for index, (cls, count) in enumerate(classes):
        node = ox.BlankNode(f"class{index}")
        triples += [ox.Triple(dataset, _n(VOID + "classPartition"), node),
                    ox.Triple(node, _n(VOID + "class"), cls),
                    ox.Triple(node, _n(VOID + "entities"), _int(int(count.value)))]
    for index, (prop, count) in enumerate(run(_PROPERTIES).rows):
        node = ox.BlankNode(f"property{index}")
        triples += [ox.Triple(dataset, _n(VOID + "propertyPartition"), node),
                    ox.Triple(node, _n(VOID + "property"), prop),
                    ox.Triple(node, _n(VOID + "triples"), _int(int(count.value)))]
    return triples


def _subsets(run: QueryFunction, dataset: ox.NamedNode, document: str,
             endpoint: str) -> list[ox.Triple]:
    """One subset per published graph, named by the graph (sd:name) and with its size."""
    triples: list[ox.Triple] = []
    for graph, count in run(_GRAPHS).rows:
        subset = _n(f"{document}#graph={quote(graph.value, safe='')}")
        triples += [ox.Triple(dataset, _n(VOID + "subset"), subset),
                    ox.Triple(subset, RDF_TYPE, _n(VOID + "Dataset")),
                    ox.Triple(subset, RDF_TYPE, _n(SD + "NamedGraph")),
                    ox.Triple(subset, _n(SD + "name"), graph),
                    ox.Triple(subset, _n(VOID + "triples"), _int(int(count.value))),
                    ox.Triple(subset, _n(VOID + "sparqlEndpoint"), _n(endpoint))]
    return triples
