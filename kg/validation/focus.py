"""Judging only the input's own nodes: the engine is told its focus nodes, so the context's
records (fetched so that sh:class and the SPARQL checks see what the input points to) are not
validated themselves. On the benchmark submission they made 1,600 of 1,634 results and most of
the engine's time (bench/results/validation-history.md).

pyshacl-turbo takes IRIs only as focus nodes, and the input's dates and periods are blank
nodes; so the input's blank nodes go to the engine as IRIs of a scheme of our own (`urn:x-kg-bnode:N`)
and come back as the blank nodes they were. A blank node turned IRI is judged the same by every
constraint except those that ask what kind of term a value is: sh:nodeKind, and SPARQL's
isIRI/isBlank/isLiteral/isURI/sameTerm. `Focus.applies` says when the input could meet one of
those with such a node (as read from the shapes, not listed here), and then the whole input is
judged as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set as AbstractSet
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH

SCHEME = "urn:x-kg-bnode:"
_BACK = re.compile(r"<" + re.escape(SCHEME) + r"(\d+)>")
KIND_FUNCTIONS = re.compile(r"\b(isIRI|isURI|isBlank|isLiteral|sameTerm)\s*\(", re.IGNORECASE)


@dataclass(frozen=True)
class KindChecks:
    """Where the shapes ask whether a node is an IRI (or a blank node): the predicates whose
    values (objects), inverse predicates whose subjects, and classes whose members such a
    sh:nodeKind applies to; `anywhere` when some such check cannot be tied to those (a complex
    path, a shape reached otherwise than by sh:node from a property, a SPARQL kind function).
    sh:nodeKind sh:Literal does not count: a blank node fails it as an IRI does."""
    objects_of: frozenset[str]
    subjects_of: frozenset[str]
    members_of: frozenset[str]
    anywhere: bool


def kind_checks(shapes: Graph, ontology: Graph) -> KindChecks:
    objects, subjects, classes, anywhere = set(), set(), set(), False
    for shape, kind in shapes.subject_objects(SH.nodeKind):
        if kind == SH.Literal:
            continue
        path = shapes.value(shape, SH.path)
        if path is not None:
            places = list(_predicates(shapes, path))
        else:  # a node shape's own kind: its targets, and the values of where it is sh:node
            places = [("class", str(c)) for c in shapes.objects(shape, SH.targetClass)]
            if (shape, SH.targetClass, shape) in shapes or any(
                    (shape, p, None) in shapes for p in (SH.targetNode, SH.targetSubjectsOf,
                                                          SH.targetObjectsOf, SH.target)):
                places.append((None, ""))
            for user, link in shapes.subject_predicates(shape):
                user_path = shapes.value(user, SH.path) if link == SH.node else None
                places += list(_predicates(shapes, user_path)) if user_path is not None \
                    else [(None, "")]
        for place, name in places:
            if place is None:
                anywhere = True
            else:
                {"object": objects, "subject": subjects, "class": classes}[place].add(name)
    for query in [*shapes.objects(None, SH.select), *shapes.objects(None, SH.ask)]:
        anywhere = anywhere or bool(KIND_FUNCTIONS.search(str(query)))
    return KindChecks(frozenset(objects), frozenset(subjects),
                      frozenset(_with_subclasses(ontology, shapes, classes)), anywhere)


def _with_subclasses(ontology: Graph, shapes: Graph, classes: set[str]) -> set[str]:
    below: dict[str, set[str]] = {}
    for graph in (ontology, shapes):
        for sub, sup in graph.subject_objects(RDFS.subClassOf):
            below.setdefault(str(sup), set()).add(str(sub))
    found, pending = set(), list(classes)
    while pending:
        one = pending.pop()
        if one not in found:
            found.add(one)
            pending.extend(below.get(one, ()))
    return found


def _predicates(shapes: Graph, path) -> Iterable[tuple[str | None, str]]:
    """(object|subject, predicate) for a predicate path, an inverse of one, or alternatives of
    those; (None, "") for any other path form."""
    if isinstance(path, URIRef):
        yield "object", str(path)
        return
    inverse = shapes.value(path, SH.inversePath)
    if isinstance(inverse, URIRef):
        yield "subject", str(inverse)
        return
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        for member in shapes.items(alternatives):
            yield from _predicates(shapes, member)
        return
    yield None, ""


class Focus:
    """The input's own nodes as the engine's focus nodes, blank ones as IRIs."""

    def __init__(self, own: AbstractSet[ox.NamedNode | ox.BlankNode]) -> None:
        self.blanks = sorted((n for n in own if isinstance(n, ox.BlankNode)), key=str)
        self.iris = sorted(n.value for n in own if isinstance(n, ox.NamedNode))
        self._as_iri = {b: ox.NamedNode(f"{SCHEME}{i}") for i, b in enumerate(self.blanks)}

    def applies(self, triples: Iterable[ox.Triple], checks: KindChecks) -> bool:
        """False when a blank node of the input turned IRI could change a result: it is the
        value of a property whose kind of term is checked, or the shapes check kinds where
        this cannot be told."""
        if not self.blanks:
            return True
        if checks.anywhere:
            return False
        swap, rdf_type = self._as_iri, RDF.type.toPython()
        for t in triples:
            p = t.predicate.value
            if ((p in checks.objects_of and t.object in swap)
                    or (p in checks.subjects_of and t.subject in swap)
                    or (p == rdf_type and t.subject in swap and t.object.value in checks.members_of)):
                return False
        return True

    def nodes(self) -> list[str]:
        return self.iris + [n.value for n in self._as_iri.values()]

    def data(self, triples: Iterable[ox.Triple]) -> list[ox.Triple]:
        swap = self._as_iri
        return [t if not (t.subject in swap or t.object in swap)
                else ox.Triple(swap.get(t.subject, t.subject), t.predicate, swap.get(t.object, t.object))
                for t in triples]

    def back(self, report: str) -> str:
        """The engine's report (N-Triples) with the input's blank nodes as they were."""
        return _BACK.sub(lambda m: "_:" + self.blanks[int(m.group(1))].value, report)
