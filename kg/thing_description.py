"""What the published graph says about one thing, for its linked-data representations.

One catalogue query (site-thing) through the query runner gathers the thing, the blank nodes
below it, the attributions about it, the things it conflicts with, labels and citations; its
RDF description is the part that is about the thing itself (`rdf_triples`). The page uses the rest
to say where each fact comes from, so both come from one bounded answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from kg import iris
from kg.catalog import Catalog
from kg.catalog_runner import Rows, run_graph, run_select
from kg.querying.runner import QueryRunner

LABELS = frozenset(("http://www.w3.org/2000/01/rdf-schema#label",
                    "http://www.w3.org/2004/02/skos/core#prefLabel",
                    "http://xmlns.com/foaf/0.1/name"))
# The part after /id/: {kind}/{key}, a key with slashes for concepts (concept/{scheme}/{key}) and
# a trailing slash for the scheme namespace; characters as the data's IRIs use them.
ID_PATH = re.compile(r"[A-Za-z0-9._~%-]+(/[A-Za-z0-9._~%+-]+)*/?")


@dataclass(frozen=True)
class Description:
    iri: str
    triples: tuple[ox.Triple, ...]  # site-thing's whole answer

    @property
    def known(self) -> bool:
        """The published graph has the thing as a subject (being named as a value is not enough:
        a page would have nothing to say)."""
        subject = ox.NamedNode(self.iri)
        return any(t.subject == subject for t in self.triples)

    def rdf_triples(self) -> list[ox.Triple]:
        """The thing's triples, those of the blank nodes below it, and the labels of the things
        and properties they name: the description every RDF format serves."""
        own = list(below(self.triples, ox.NamedNode(self.iri)))
        named = {t.predicate for t in own} | {t.object for t in own
                                              if isinstance(t.object, ox.NamedNode)}
        labels = {t for t in self.triples
                  if t.subject in named and t.predicate.value in LABELS}
        return own + sorted(labels - set(own), key=str)


def below(triples: Iterable[ox.Triple], start: ox.NamedNode | ox.BlankNode) -> list[ox.Triple]:
    """The triples of `start` and of the blank nodes reachable from it through blank nodes."""
    by_subject: dict = {}
    for t in triples:
        by_subject.setdefault(t.subject, []).append(t)
    found, todo, seen = [], [start], {start}
    while todo:
        for t in by_subject.get(todo.pop(), ()):
            found.append(t)
            if isinstance(t.object, ox.BlankNode) and t.object not in seen:
                seen.add(t.object)
                todo.append(t.object)
    return found


def id_iri(path: str) -> str | None:
    """The IRI of /id/{path}, or None when `path` cannot be one of the project's IRIs."""
    return iris.ID + path if ID_PATH.fullmatch(path) else None


def describe(runner: QueryRunner, catalog: Catalog, iri: str) -> Description:
    # A CONSTRUCT answer repeats a triple once per solution (labels in two languages, say).
    return Description(iri, tuple(dict.fromkeys(
        run_graph(runner, catalog, "site-thing", {"subject": iri}))))


def incoming(runner: QueryRunner, catalog: Catalog, iri: str) -> Rows:
    return run_select(runner, catalog, "site-incoming", {"subject": iri})
