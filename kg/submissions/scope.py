"""Which municipalities a package is about, and whether a token may submit it.

A thing a package describes (an IRI subject) belongs to the municipalities it is, or links to:
directly (ikg:municipality, ikg:seatIn, ikg:activeIn, … — any property whose value is a
municipality IRI), through its blank nodes, or through a thing it links to, in the package or
in the published graph (a membership names a body, the body its municipality). A thing that
reaches no municipality at all (a citation, an observation) goes with the things of the package
that link to it. The package is in scope when every thing it describes reaches a municipality
of the token's scope that way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pyoxigraph as ox

from kg import iris
from kg.store.base import Store
from kg.submissions.tokens import Principal

# Links followed from a thing before giving up: enough for membership -> body -> municipality.
DEPTH = 3


def ags_of(iri: str) -> str | None:
    if iri.startswith(iris.MUNICIPALITY):
        key = iri[len(iris.MUNICIPALITY):]
        return key if key.isdigit() and len(key) == 8 else None
    return None


class Reach:
    def __init__(self, triples: Sequence[ox.Triple], store: Store | None) -> None:
        self.store = store
        self.out: dict[ox.NamedNode | ox.BlankNode, list] = {}
        for t in triples:
            self.out.setdefault(t.subject, []).append(t.object)
        self._stored: dict[str, frozenset[str]] = {}

    def described(self) -> list[str]:
        """The IRI subjects of the package, in the order they first appear."""
        return [s.value for s in self.out if isinstance(s, ox.NamedNode)]

    def municipalities(self, iri: str) -> frozenset[str]:
        return frozenset(self._walk(ox.NamedNode(iri), DEPTH, set()))

    def _walk(self, node, depth: int, seen: set) -> set[str]:
        if node in seen:
            return set()
        seen.add(node)
        if isinstance(node, ox.NamedNode) and (ags := ags_of(node.value)):
            return {ags}
        found: set[str] = set()
        values = self.out.get(node)
        if values is None and isinstance(node, ox.NamedNode):
            # Not described here: what the published graph links it to (one lookup each).
            return set(self._in_store(node.value)) if depth < DEPTH else set()
        for value in values or ():
            if isinstance(value, ox.BlankNode):
                found |= self._walk(value, depth, seen)
            elif isinstance(value, ox.NamedNode) and (depth > 1 or ags_of(value.value)):
                found |= self._walk(value, depth - 1, seen)
        return found

    def _in_store(self, iri: str) -> frozenset[str]:
        if iri not in self._stored:
            found: set[str] = set()
            if self.store is not None and iri.startswith(iris.ID):
                # The IRI as the parser made it (a NamedNode prints itself escaped).
                result = self.store.query(
                    f"SELECT DISTINCT ?m WHERE {{ {ox.NamedNode(iri)} ?p ?m . FILTER(isIRI(?m) && "
                    f"STRSTARTS(STR(?m), \"{iris.MUNICIPALITY}\")) }} LIMIT 50")
                found = {a for (m,) in result.rows if m is not None and (a := ags_of(m.value))}
            self._stored[iri] = frozenset(found)
        return self._stored[iri]


def first_out_of_scope(triples: Sequence[ox.Triple], principal: Principal,
                       store: Store | None) -> str | None:
    """The first thing the package describes that the principal may not submit, or None."""
    if principal.everywhere:
        return None
    reach = Reach(triples, store)
    things = reach.described()
    reached = {thing: reach.municipalities(thing) for thing in things}
    allowed = {t for t, found in reached.items() if any(principal.covers(a) for a in found)}
    # Things that reach no municipality go with what links to them, for as long as that adds any.
    loose = [t for t, found in reached.items() if not found]
    linked_from = _referrers(triples)
    changed = True
    while changed:
        changed = False
        for thing in loose:
            if thing not in allowed and linked_from.get(thing, set()) & allowed:
                allowed.add(thing)
                changed = True
    for thing in things:
        if thing not in allowed:
            return thing
    return None


def municipalities(triples: Sequence[ox.Triple], store: Store | None) -> list[str]:
    """Every municipality (AGS) the package's things reach: what a submission is listed under."""
    reach = Reach(triples, store)
    found: set[str] = set()
    for thing in reach.described():
        found |= reach.municipalities(thing)
    return sorted(found)


def _referrers(triples: Iterable[ox.Triple]) -> dict[str, set[str]]:
    """IRI -> the IRI subjects that link to it, through blank nodes too."""
    parents: dict = {}
    for t in triples:
        parents.setdefault(t.object, set()).add(t.subject)
    out: dict[str, set[str]] = {}
    for node in list(parents):
        if not isinstance(node, ox.NamedNode):
            continue
        todo, seen, found = list(parents[node]), set(), set()
        while todo:
            parent = todo.pop()
            if parent in seen:
                continue
            seen.add(parent)
            if isinstance(parent, ox.NamedNode):
                found.add(parent.value)
            else:
                todo.extend(parents.get(parent, ()))
        out[node.value] = found
    return out
