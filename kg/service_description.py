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


def iri_node(iri: str) -> ox.NamedNode:
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
        ox.Triple(service, RDF_TYPE, iri_node(SD + "Service")),
        ox.Triple(service, iri_node(SD + "endpoint"), iri_node(endpoint)),
        ox.Triple(service, iri_node(SD + "supportedLanguage"), iri_node(SD + "SPARQL11Query")),
        ox.Triple(service, iri_node(SD + "feature"), iri_node(SD + "UnionDefaultGraph")),
        ox.Triple(service, iri_node(SD + "defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, iri_node(SD + "Dataset")),
        ox.Triple(dataset, iri_node(SD + "defaultGraph"), default_graph),
        ox.Triple(default_graph, RDF_TYPE, iri_node(SD + "Graph")),
    ]
    if title:
        triples.append(ox.Triple(service, iri_node(DCTERMS + "title"), ox.Literal(title, language="en")))
    if federation:
        triples.append(ox.Triple(service, iri_node(SD + "feature"), iri_node(SD + "BasicFederatedQuery")))
    triples += [ox.Triple(service, iri_node(SD + "resultFormat"), iri_node(FORMAT_IRIS[name]))
                for name in format_names]
    for index, graph in enumerate(published_graphs):
        node = ox.BlankNode(f"namedGraph{index}")
        triples += [ox.Triple(dataset, iri_node(SD + "namedGraph"), node),
                    ox.Triple(node, RDF_TYPE, iri_node(SD + "NamedGraph")),
                    ox.Triple(node, iri_node(SD + "name"), iri_node(graph))]
    return triples
