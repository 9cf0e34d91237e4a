"""The part of the store an input needs to be judged: what it references, not the whole graph.

For a thing the input only points to (a municipality, an organisation, a concept): its own
triples, and the blank nodes hanging from them two levels deep (dates and periods are blank
nodes: `ikg:founded [ ikg:earliest … ]`). That gives sh:class its types, reports their labels,
and SPARQL constraints such as "a membership inside the organisation's lifetime" their dates.
For a thing the input describes: only the links that point to it from the store (so that a
check such as "no population recorded for this municipality" sees the existing observations),
and with the batch engine only where a check can read them (kg.validation.sparql_reads); its
stored description is not mixed in, because the input may be its new version.
The cost grows with what the input references, not with the size of the graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set as AbstractSet

import pyoxigraph as ox

from kg.store.base import Store
from kg.store.updates import relabelled
from kg.validation.terms import Index

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
CHUNK = 400  # IRIs per query: keeps each query text well below the engines' limits

# One query per chunk, one branch per level: each solution gives exactly one triple. (The
# earlier OPTIONAL form repeated `?s ?p ?o` once per triple below its blank node: 17,867
# triples for 13,076 distinct on the benchmark submission, and twice the time.)
_OUTGOING = """
CONSTRUCT { ?s ?p ?o . ?b ?p2 ?o2 . ?c ?p3 ?o3 }
WHERE {
  VALUES ?s { %s }
  { ?s ?p ?o }
  UNION { ?s ?q ?b . FILTER (isBlank(?b)) ?b ?p2 ?o2 }
  UNION { ?s ?q ?x . FILTER (isBlank(?x)) ?x ?q2 ?c . FILTER (isBlank(?c)) ?c ?p3 ?o3 }
}"""

_INCOMING = "CONSTRUCT { ?x ?p ?s } WHERE { VALUES ?s { %s } ?x ?p ?s }"


def referenced_and_described(triples: Sequence[ox.Triple],
                             known: AbstractSet[str]) -> tuple[list[ox.NamedNode], list[ox.NamedNode]]:
    """(things only referenced, things described): IRIs, minus the ontology's own terms (`known`)."""
    described = {t.subject for t in triples if isinstance(t.subject, ox.NamedNode)}
    referenced = {t.object for t in triples
                  if isinstance(t.object, ox.NamedNode) and t.predicate != RDF_TYPE}
    return _only(referenced, described, known), sorted(described, key=str)


def _only(referenced: set[ox.NamedNode], described: set[ox.NamedNode],
          known: AbstractSet[str]) -> list[ox.NamedNode]:
    return sorted((n for n in referenced - described if n.value not in known), key=str)


class InputTerms:
    """What an input has, read from its index in one pass over its distinct terms (reading each
    triple's terms anew makes new objects: three passes over the benchmark submission's took
    0.07 s): its own nodes (subjects and blank nodes, the batch engine's focus nodes) and the IRIs
    it links to other than as a type."""

    def __init__(self, index: Index) -> None:
        self.own: set[ox.NamedNode | ox.BlankNode] = set(index.out)
        self.linked: set[ox.NamedNode] = set()
        for by_predicate in index.out.values():
            for predicate, objects in by_predicate.items():
                typing = predicate == RDF_TYPE
                for obj in objects:
                    kind = type(obj)
                    if kind is ox.BlankNode:
                        self.own.add(obj)
                    elif kind is ox.NamedNode and not typing:
                        self.linked.add(obj)

    def referenced_and_described(self, known: AbstractSet[str]) -> tuple[list[ox.NamedNode], list[ox.NamedNode]]:
        """As referenced_and_described gives them from the triples."""
        described = {node for node in self.own if type(node) is ox.NamedNode}
        return _only(self.linked, described, known), sorted(described, key=str)

    def blank_labels(self) -> set[str]:
        return {node.value for node in self.own if type(node) is ox.BlankNode}


def fetch_context(store: Store, triples: Sequence[ox.Triple], known: AbstractSet[str],
                  incoming: AbstractSet[ox.NamedNode | ox.BlankNode] | None = None,
                  terms: InputTerms | None = None) -> list[ox.Triple]:
    """`incoming`: the described things whose links from the store the checks read (the batch
    engine knows them from its shapes); None: every described thing's. `terms`: the input's,
    where the caller has read them from its index."""
    if terms is not None:
        (referenced, described), mine = terms.referenced_and_described(known), terms.blank_labels()
    else:
        (referenced, described), mine = referenced_and_described(triples, known), None
    if incoming is not None:
        described = [node for node in described if node in incoming]
    lookup = getattr(store, "public_quads", None)
    if lookup is not None:  # an embedded store: its indexes directly
        return _apart(*_by_lookups(lookup, referenced, described), triples, mine)
    found: list[ox.Triple] = []
    for query, nodes in ((_OUTGOING, referenced), (_INCOMING, described)):
        for chunk in _chunks(nodes):
            # The IRIs come from a parsed input and are written out by Oxigraph itself, so they
            # are well-formed IRIs in N-Triples syntax: they cannot end the VALUES block early.
            found.extend(store.query(query % " ".join(str(n) for n in chunk)).triples)
    return _apart(found, None, triples, mine)


def _by_lookups(lookup, referenced: Sequence[ox.NamedNode],
                described: Sequence[ox.NamedNode]) -> tuple[list[ox.Quad], set[str]]:
    """What _OUTGOING and _INCOMING give, by index lookups: on the 10,000-triple benchmark
    submission against an on-disk checkpoint about a fifth less time than the queries (wall
    0.83–1.10 s against 1.04–1.33 s at load 8), and several times less on an in-memory
    replica (bench/results/validation.md). Quads of the default graph, read as triples; and
    the labels of the blank nodes among them, seen on the way."""
    found: list[ox.Quad] = []
    blanks: set[str] = set()
    for node in referenced:
        level = [node]
        for _depth in range(3):  # the thing, then blank nodes two levels below it
            below = []
            for quad in (q for one in level for q in lookup(subject=one)):
                found.append(quad)
                obj = quad.object
                if type(obj) is ox.BlankNode:
                    below.append(obj)
            blanks.update(b.value for b in below)
            level = below
    for node in described:
        for quad in lookup(obj=node):
            found.append(quad)
            if type(quad.subject) is ox.BlankNode:
                blanks.add(quad.subject.value)
    return found, blanks


def _chunks(nodes: Sequence[ox.NamedNode]) -> Iterable[Sequence[ox.NamedNode]]:
    for start in range(0, len(nodes), CHUNK):
        yield nodes[start:start + CHUNK]


def _apart(found: list[ox.Triple], blanks: set[str] | None, given: Sequence[ox.Triple],
           mine: set[str] | None) -> list[ox.Triple]:
    """The triples once each, with the store's blank nodes (labelled `blanks`, None: not known
    yet) apart from the input's (`mine`, None: not known yet): where a label of the store's
    is one the input chose too, the store's get new labels (new objects only then; relabelling
    every triple cost 0.1 s of the benchmark submission's 0.5)."""
    once = list(dict.fromkeys(found))
    if blanks is None:
        blanks = _blank_labels(once)
    if not blanks or not blanks & (mine if mine is not None else _blank_labels(given)):
        return once
    return list(relabelled(once))


def _blank_labels(triples: Iterable[ox.Triple]) -> set[str]:
    return {term.value for t in triples for term in (t.subject, t.object) if isinstance(term, ox.BlankNode)}
