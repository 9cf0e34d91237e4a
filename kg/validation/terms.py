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


class Index:
    """Oxigraph triples by subject and predicate; by object and predicate made on first use,
    for blank nodes (the report asks which record holds one) apart from the rest (only inverse
    paths ask for those)."""

    def __init__(self, triples: Sequence[ox.Triple]) -> None:
        self.out: dict = {}
        self._triples: Sequence[ox.Triple] = ()
        self.extend(triples)

    def extend(self, triples: Sequence[ox.Triple]) -> None:
        """More triples (an input's context, once it has come from the store)."""
        out = self.out
        for t in triples:
            out.setdefault(t.subject, {}).setdefault(t.predicate, {})[t.object] = None
        self._triples = [*self._triples, *triples] if self._triples else triples
        self._into: dict | None = None
        self._parents: dict | None = None

    @property
    def triples(self) -> Sequence[ox.Triple]:
        return self._triples

    @property
    def into(self) -> dict:
        if self._into is None:
            self._into = self._inverse(self._triples)
        return self._into

    def parents(self) -> dict:
        """`into` for blank node objects only: a fraction of the triples to go through."""
        if self._into is not None:
            return self._into
        if self._parents is None:
            self._parents = self._inverse(t for t in self._triples if isinstance(t.object, ox.BlankNode))
        return self._parents

    @staticmethod
    def _inverse(triples: Iterable[ox.Triple]) -> dict:
        into: dict = {}
        for t in triples:
            into.setdefault(t.object, {}).setdefault(t.predicate, {})[t.subject] = None
        return into


def _found(by_predicate: dict | None, predicate: ox.NamedNode | None) -> Iterable:
    if not by_predicate:
        return ()
    if predicate is not None:
        return by_predicate.get(predicate, ())
    return (node for nodes in by_predicate.values() for node in nodes)


class TripleView:
    """What the report builder reads of the validated data (objects, subjects), answered from
    Oxigraph triples and the ontology graph, without building an rdflib Graph of the data.

    Filling an rdflib Graph with a 10,000-triple input and its context took longer than the
    SHACL engine itself (bench/results/validation-history.md); the report reads a few hundred of those
    triples at most, and none when the input conforms, so the index is built on first use
    (or is the engine's own, when it made one)."""

    def __init__(self, triples: Sequence[ox.Triple], *graphs: Graph, index: Index | None = None) -> None:
        self._triples, self._graphs, self._made = triples, graphs, index

    @property
    def _index(self) -> Index:
        if self._made is None:
            self._made = Index(self._triples)
        return self._made

    def objects(self, subject: Node | None = None, predicate: Node | None = None) -> Iterator[Node]:
        if subject is None:
            raise NotImplementedError("objects() needs a subject")
        seen: set[Node] = set()
        if not isinstance(subject, Literal):
            p = to_oxigraph(predicate) if predicate is not None else None
            for o in _found(self._index.out.get(to_oxigraph(subject)), p):
                seen.add(node := to_rdflib(o))
                yield node
        for graph in self._graphs:
            for node in graph.objects(subject, predicate):
                if node not in seen:
                    seen.add(node)
                    yield node

    def subjects(self, predicate: Node | None = None, obj: Node | None = None) -> Iterator[Node]:
        if obj is None:
            raise NotImplementedError("subjects() needs an object")
        seen: set[Node] = set()
        p = to_oxigraph(predicate) if predicate is not None else None
        by_object = self._index.parents() if isinstance(obj, BNode) else self._index.into
        for s in _found(by_object.get(to_oxigraph(obj)), p):
            seen.add(node := to_rdflib(s))
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
