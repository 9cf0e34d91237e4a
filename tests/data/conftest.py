"""Fixtures over the real shipped files: ontology, shapes, queries, data."""

from __future__ import annotations

import pyoxigraph
import pytest
import rdflib

from support import DATA_FILES, GRAPH, ONTOLOGY_FILES, SHAPES_FILES


@pytest.fixture(scope="session")
def data_graph() -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in DATA_FILES:
        graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="session")
def shipped_graph(data_graph) -> rdflib.Graph:
    """Ontology + data, as the shapes see them."""
    graph = rdflib.Graph()
    for path in ONTOLOGY_FILES:
        graph.parse(path, format="turtle")
    graph += data_graph
    return graph


@pytest.fixture(scope="session")
def store() -> pyoxigraph.Store:
    """Ontology, shapes and each data file in its own named graph, as published."""
    store = pyoxigraph.Store()
    for folder, paths in (("ontology", ONTOLOGY_FILES), ("shapes", SHAPES_FILES), ("data", DATA_FILES)):
        for path in paths:
            name = f"{GRAPH}{folder}" if folder != "data" else f"{GRAPH}data/{path.stem}"
            if folder != "data" and len(paths) > 1:
                name = f"{GRAPH}{folder}/{path.stem}"
            store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE, to_graph=pyoxigraph.NamedNode(name))
    return store
