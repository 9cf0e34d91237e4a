"""Moving terms between Oxigraph and rdflib, and showing them to people."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg import iris

# Prefixes for showing IRIs compactly in reports; the data's own prefixes are added per input.
PREFIXES: dict[str, str] = {
    "ikg": iris.ONTOLOGY,
    "ikgsh": "https://w3id.org/integration-kg/shapes#",
    "id": iris.ID,
    "sh": "http://www.w3.org/ns/shacl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "time": "http://www.w3.org/2006/time#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "qb": "http://purl.org/linked-data/cube#",
    "cpov": "http://data.europa.eu/m8g/",
    "schema": "https://schema.org/",
}


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    datatype = term.datatype
    return ox.Literal(str(term), datatype=ox.NamedNode(str(datatype)) if datatype else None)


class TripleView:
    """What the report builder reads of the validated data (objects, subjects), answered from
    Oxigraph triples and the ontology graph, without building an rdflib Graph of the data.

    Filling an rdflib Graph with a 10,000-triple input and its context took longer than the
    SHACL engine itself (bench/results/validation.md); the report reads a few hundred of those
    triples at most, and none when the input conforms, so the index is built on first use."""

    def __init__(self, triples: Sequence[ox.Triple], *graphs: Graph) -> None:
        self._triples, self._graphs = triples, graphs
        self._by_subject: dict | None = None
        self._by_object: dict = {}

    def _index(self) -> None:
        if self._by_subject is None:
            by_subject: dict = {}
            by_object: dict = {}
            for t in self._triples:
                by_subject.setdefault(t.subject, []).append(t)
                by_object.setdefault(t.object, []).append(t)
            self._by_subject, self._by_object = by_subject, by_object

    def objects(self, subject: Node | None = None, predicate: Node | None = None) -> Iterator[Node]:
        if subject is None:
            raise NotImplementedError("objects() needs a subject")
        self._index()
        seen: set[Node] = set()
        if not isinstance(subject, Literal):
            p = to_oxigraph(predicate) if predicate is not None else None
            for t in self._by_subject.get(to_oxigraph(subject), ()):
                if p is None or t.predicate == p:
                    seen.add(node := to_rdflib(t.object))
                    yield node
        for graph in self._graphs:
            for node in graph.objects(subject, predicate):
                if node not in seen:
                    seen.add(node)
                    yield node

    def subjects(self, predicate: Node | None = None, obj: Node | None = None) -> Iterator[Node]:
        if obj is None:
            raise NotImplementedError("subjects() needs an object")
        self._index()
        seen: set[Node] = set()
        p = to_oxigraph(predicate) if predicate is not None else None
        for t in self._by_object.get(to_oxigraph(obj), ()):
            if p is None or t.predicate == p:
                seen.add(node := to_rdflib(t.subject))
                yield node
        for graph in self._graphs:
            for node in graph.subjects(predicate, obj):
                if node not in seen:
                    seen.add(node)
                    yield node

    def value(self, subject: Node, predicate: Node) -> Node | None:
        return next(self.objects(subject, predicate), None)


def node_id(node: Node) -> str:
    """How the report model names a node: its IRI, or `_:label` for a blank node."""
    return f"_:{node}" if isinstance(node, BNode) else str(node)


def from_node_id(text: str) -> URIRef | BNode:
    """The node a `node_id` names."""
    return BNode(text[2:]) if text.startswith("_:") else URIRef(text)


def graph_of(triples: Iterable[ox.Triple], graph: Graph | None = None) -> Graph:
    graph = graph if graph is not None else Graph()
    for t in triples:
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return graph


def compact(iri: str, prefixes: Mapping[str, str] = PREFIXES) -> str:
    """`ikg:ags` for a known namespace, else the IRI itself."""
    best = ""
    for prefix, namespace in prefixes.items():
        if iri.startswith(namespace) and len(namespace) > len(prefixes.get(best, "")):
            local = iri[len(namespace):]
            if local and all(c.isalnum() or c in "-_." for c in local):
                best = prefix
    return f"{best}:{iri[len(prefixes[best]):]}" if best else iri


def display(term: Node | None) -> str:
    """How a value reads in a report: literals as their text, IRIs compacted, blank nodes as []."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        return str(term)
    if isinstance(term, BNode):
        return "[]"
    return compact(str(term))
