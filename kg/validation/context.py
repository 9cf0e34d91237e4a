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
from kg.validation.reach import EVERY, Flat, Reads, flat_of
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
        self.index = index
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

    def referenced(self, known: AbstractSet[str]) -> set[ox.NamedNode]:
        """The things it only references: IRIs it links to and does not describe, minus the
        ontology's own terms (`known`)."""
        return {node for node in self.linked - self.own if node.value not in known}

    def described(self) -> list[ox.NamedNode]:
        return sorted((node for node in self.own if type(node) is ox.NamedNode), key=str)

    def referenced_and_described(self, known: AbstractSet[str]) -> tuple[list[ox.NamedNode], list[ox.NamedNode]]:
        """As referenced_and_described gives them from the triples."""
        return sorted(self.referenced(known), key=str), self.described()

    def blank_labels(self) -> set[str]:
        return {node.value for node in self.own if type(node) is ox.BlankNode}


def fetch_context(store: Store, triples: Sequence[ox.Triple], known: AbstractSet[str],
                  incoming: AbstractSet[ox.NamedNode | ox.BlankNode] | None = None,
                  terms: InputTerms | None = None,
                  starts: Iterable[tuple[ox.NamedNode | ox.BlankNode, tuple[Reads, ...]]] | None = None,
                  ) -> list[ox.Triple]:
    """`incoming`: the described things whose links from the store the checks read (the batch
    engine knows them from its shapes); None: every described thing's. `terms`: the input's,
    where the caller has read them from its index. `starts`: the input's nodes with what the
    checks read from each (kg.validation.reach; needs `terms`): then only those triples of the
    referenced things, where the store can be looked up directly; None: all of them."""
    lookup = getattr(store, "public_quads", None)
    if lookup is not None and starts is not None and terms is not None:
        found, blanks = _by_lookups(lookup, [], _into(terms.described(), incoming))
        walked = Walk(lookup, terms, terms.referenced(known))
        walked.run(starts)
        return _apart(found + walked.found, blanks | walked.blanks, triples, terms.blank_labels())
    if terms is not None:
        (referenced, described), mine = terms.referenced_and_described(known), terms.blank_labels()
    else:
        (referenced, described), mine = referenced_and_described(triples, known), None
    described = _into(described, incoming)
    if lookup is not None:  # an embedded store: its indexes directly
        return _apart(*_by_lookups(lookup, referenced, described), triples, mine)
    found: list[ox.Triple] = []
    for query, nodes in ((_OUTGOING, referenced), (_INCOMING, described)):
        for chunk in _chunks(nodes):
            # The IRIs come from a parsed input and are written out by Oxigraph itself, so they
            # are well-formed IRIs in N-Triples syntax: they cannot end the VALUES block early.
            found.extend(store.query(query % " ".join(str(n) for n in chunk)).triples)
    return _apart(found, None, triples, mine)


def _into(described: list[ox.NamedNode],
          incoming: AbstractSet[ox.NamedNode | ox.BlankNode] | None) -> list[ox.NamedNode]:
    """The described things whose links from the store are fetched (`incoming`; None: all)."""
    return described if incoming is None else [node for node in described if node in incoming]


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


# Below this many predicates read from one stored thing, each is looked up on its own; from
# this many on, all its triples at once: a lookup costs about as much as decoding a quad (on
# the benchmark graph about 16 µs a lookup and 11 µs a quad).
WHOLE_FROM = 3
DEPTH = 2  # blank nodes below a referenced thing, as _OUTGOING reaches them


class Walk:
    """The triples of the referenced things (and of the blank nodes up to DEPTH below them) that
    the checks read, found by following what they read (kg.validation.reach) from the input's
    nodes: through the input's own triples while on its nodes, through the store's once on a
    thing it only references. Only what _OUTGOING would give is fetched, so the checks read the
    same triples as with the whole context; a thing the input describes is read from the input
    alone, as there."""

    def __init__(self, lookup, terms: InputTerms, referenced: set[ox.NamedNode]) -> None:
        self.lookup, self.terms, self.referenced = lookup, terms, referenced
        self.found: list[ox.Quad] = []
        self.blanks: set[str] = set()
        self._stored: dict = {}        # a stored node's fetched triples: predicate -> objects
        self._whole: set = set()       # stored nodes fetched whole

    def run(self, starts: Iterable[tuple[ox.NamedNode | ox.BlankNode, tuple[Reads, ...]]]) -> None:
        # (node, trees, depth): depth None for the input's nodes, 0 for a referenced thing, 1 and
        # 2 for the stored blank nodes below one (labels of the input's and the store's blank
        # nodes can be the same: the depth keeps them apart)
        pending: list = [(node, trees, None) for node, trees in starts]
        out = self.terms.index.out
        flats: dict[tuple[Reads, ...], Flat] = {}
        seen: set = set()
        while pending:
            node, trees, depth = pending.pop()
            key = (node, trees, depth is None)
            if key in seen:
                continue
            seen.add(key)
            flat = flats.get(trees)
            if flat is None:
                flat = flats[trees] = flat_of(trees)
            if depth is None:
                by_predicate = out.get(node) or {}
            else:
                by_predicate = self._fetch(node, flat)
            for predicate, below in (flat.ahead().items() if not flat.every else
                                     ((p, (EVERY,)) for p in by_predicate)):
                for value in by_predicate.get(predicate, ()):
                    where = self._depth(value, depth)
                    if where is not False:
                        pending.append((value, below, where))

    def _depth(self, value, depth: int | None) -> int | None | bool:
        """Where `value` is read from: None the input, 0–DEPTH the store; False: nowhere (a
        literal, a term of the ontology, a node of the store beyond the context)."""
        kind = type(value)
        if kind is ox.BlankNode:
            if depth is None:
                return None
            return depth + 1 if depth < DEPTH else False
        if kind is ox.NamedNode:
            if value in self.terms.own:
                return None
            if value in self.referenced:
                return 0
        return False

    def _fetch(self, node, flat) -> dict:
        stored = self._stored.get(node)
        if stored is None:
            stored = self._stored[node] = {}
        if node in self._whole:
            return stored
        missing = [p for p in flat.steps if p not in stored]
        if flat.every or len(missing) >= WHOLE_FROM:
            self._whole.add(node)
            have = set(stored)
            for quad in self.lookup(subject=node):
                if quad.predicate not in have:
                    self._add(stored, quad)
            for p in flat.steps:
                stored.setdefault(p, [])
        else:
            for predicate in missing:
                stored[predicate] = []
                for quad in self.lookup(subject=node, predicate=predicate):
                    self._add(stored, quad)
        return stored

    def _add(self, stored: dict, quad: ox.Quad) -> None:
        self.found.append(quad)
        obj = quad.object
        stored.setdefault(quad.predicate, []).append(obj)
        if type(obj) is ox.BlankNode:
            self.blanks.add(obj.value)
        if type(quad.subject) is ox.BlankNode:
            self.blanks.add(quad.subject.value)


_LABELS = (ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"))


def fetch_labels(store: Store, iris: Iterable[str], terms: InputTerms, known: AbstractSet[str],
                 index: Index) -> list[ox.Quad]:
    """The labels of the referenced things among `iris` that a context fetched by a Walk left
    out, for the report to name them as the whole context would have (the report's values, and
    the things its messages name): those the index does not hold yet."""
    lookup = getattr(store, "public_quads", None)
    if lookup is None:
        return []
    referenced = terms.referenced(known)
    found: list[ox.Quad] = []
    for iri in sorted(set(iris)):
        node = ox.NamedNode(iri)
        if node not in referenced:
            continue
        have = index.out.get(node) or {}
        for predicate in _LABELS:
            if predicate not in have:
                found.extend(lookup(subject=node, predicate=predicate))
    return found


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
