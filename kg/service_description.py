"""The SPARQL 1.1 Service Description of /sparql, built from what the endpoint really offers."""

from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph as ox

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCTERMS = "http://purl.org/dc/terms/"

# Our short format names (kg.results / kg.rdfio tables) -> the W3C's IRIs for them.
FORMAT_IRIS = {
    "json": FORMATS + "SPARQL_Results_JSON",
    "xml": FORMATS + "SPARQL_Results_XML",
    "csv": FORMATS + "SPARQL_Results_CSV",
    "tsv": FORMATS + "SPARQL_Results_TSV",
    "turtle": FORMATS + "Turtle",
    "ntriples": FORMATS + "N-Triples",
    "jsonld": FORMATS + "JSON-LD",
    "rdfxml": FORMATS + "RDF_XML",
    "trig": FORMATS + "TriG",
    "nquads": FORMATS + "N-Quads",
}

PREFIXES = {"sd": SD, "formats": FORMATS, "dcterms": DCTERMS}


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def build(endpoint: str, *, format_names: Sequence[str], published_graphs: Sequence[str],
          federation: bool = False, title: str = "") -> list[ox.Triple]:
    """The description: endpoint, language, result formats, features, the default dataset.

    `format_names` are exactly the formats the endpoint serves, so nothing is advertised that is
    not there; federation (sd:BasicFederatedQuery) only when SERVICE is really allowed.
    """
    service, dataset, default_graph = ox.BlankNode("service"), ox.BlankNode("dataset"), \
        ox.BlankNode("defaultGraph")
    triples = [
        ox.Triple(service, RDF_TYPE, _n(SD + "Service")),
        ox.Triple(service, _n(SD + "endpoint"), _n(endpoint)),
        ox.Triple(service, _n(SD + "supportedLanguage"), _n(SD + "SPARQL11Query")),
        ox.Triple(service, _n(SD + "feature"), _n(SD + "UnionDefaultGraph")),
        ox.Triple(service, _n(SD + "defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, _n(SD + "Dataset")),
        ox.Triple(dataset, _n(SD + "defaultGraph"), default_graph),
        ox.Triple(default_graph, RDF_TYPE, _n(SD + "Graph")),
    ]
    if title:
        triples.append(ox.Triple(service, _n(DCTERMS + "title"), ox.Literal(title, language="en")))
    if federation:
        triples.append(ox.Triple(service, _n(SD + "feature"), _n(SD + "BasicFederatedQuery")))
    triples += [ox.Triple(service, _n(SD + "resultFormat"), _n(FORMAT_IRIS[name]))
                for name in format_names]
    for index, graph in enumerate(published_graphs):
        node = ox.BlankNode(f"namedGraph{index}")
        triples += [ox.Triple(dataset, _n(SD + "namedGraph"), node),
                    ox.Triple(node, RDF_TYPE, _n(SD + "NamedGraph")),
                    ox.Triple(node, _n(SD + "name"), _n(graph))]
    return triples
