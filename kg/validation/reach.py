"""What a shape's checks can read from the store, as steps from the focus node.

A validation's context (kg.validation.context) used to be everything the store says of each thing
the input points to, with the blank nodes two levels below: 13,653 triples for the benchmark
submission's 1,697 organisations and citations, of which the checks read 4,313 (an
organisation's type, and the earliest date of its founding). Decoding a quad from the on-disk
store costs about as much as an index lookup, so fetching only the steps the checks take halves
the context's time (bench/results/validation.md).

`Reads` says, for a node: which predicates are read from it (`steps`, each with what is read from
its objects in turn), and whether everything below it is (`every`). A shape's tree comes from its
property paths and the value checks that look into the value (sh:class reads its types; sh:node
and qualified value shapes read what their shapes read), and from its SPARQL constraints' triple
patterns (kg.validation.sparql_reads). Where that cannot be said exactly (an inverse path, which
would need the links into a thing of the store), there is no tree, and the context is fetched
whole as before.
"""

from __future__ import annotations

import pyoxigraph as ox

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


class Imprecise(Exception):
    """What the checks read cannot be said as forward steps."""


class Reads:
    """What is read from a node. `also`: trees read from the same node (a nested shape's, a
    SPARQL variable's), kept as references so that recursive shapes stay finite."""

    __slots__ = ("every", "steps", "also", "_flat")

    def __init__(self) -> None:
        self.every = False
        self.steps: dict[ox.NamedNode, Reads] = {}
        self.also: list[Reads] = []
        self._flat: Flat | None = None

    def step(self, predicate: ox.NamedNode) -> Reads:
        found = self.steps.get(predicate)
        if found is None:
            found = self.steps[predicate] = Reads()
        return found

    def flat(self) -> Flat:
        """This tree with everything it includes (`also`, transitively) merged: made once."""
        if self._flat is None:
            every, steps, seen, pending = False, {}, set(), [self]
            while pending:
                tree = pending.pop()
                if id(tree) in seen:
                    continue
                seen.add(id(tree))
                every = every or tree.every
                for predicate, below in tree.steps.items():
                    steps.setdefault(predicate, []).append(below)
                pending.extend(tree.also)
            self._flat = Flat(every, {p: tuple(below) for p, below in steps.items()})
        return self._flat

    def leaf(self) -> bool:
        """Whether nothing is read below the node (its predicate read, nothing of its object)."""
        flat = self.flat()
        return not flat.every and not flat.steps


class Flat:
    """`steps`: each predicate read with the trees of its objects; `onward`: those of them that
    read something below the objects (where a walk goes on)."""

    __slots__ = ("every", "steps", "onward")

    def __init__(self, every: bool, steps: dict[ox.NamedNode, tuple[Reads, ...]]) -> None:
        self.every, self.steps = every, steps
        self.onward: dict[ox.NamedNode, tuple[Reads, ...]] | None = None

    def ahead(self) -> dict[ox.NamedNode, tuple[Reads, ...]]:
        if self.onward is None:
            self.onward = {p: kept for p, below in self.steps.items()
                           if (kept := tuple(tree for tree in below if not tree.leaf()))}
        return self.onward


EVERY = Reads()
EVERY.every = True


def follow(tree: Reads, path) -> list[Reads]:
    """The trees of the nodes a shape's path (kg.validation.compiled's form) reaches."""
    kind, arg = path
    if kind == "p":
        return [tree.step(arg)]
    if kind == "alt":
        return [end for one in arg for end in follow(tree, one)]
    if kind == "seq":
        ends = [tree]
        for one in arg:
            ends = [end for start in ends for end in follow(start, one)]
        return ends
    raise Imprecise(f"a {kind} path")


def flat_of(trees: tuple[Reads, ...]) -> Flat:
    """What all of `trees` read from one node, merged."""
    if len(trees) == 1:
        return trees[0].flat()
    out = Reads()
    out.also.extend(trees)
    return out.flat()
