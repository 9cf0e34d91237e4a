"""Serialising a store's graphs, the same for every backend: each backend only says how to read
one graph's triples and, when it keeps one, the merge of the published graphs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import BinaryIO

import pyoxigraph as ox

from kg import iris, rdfio

DATASET_FORMATS = (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)


def write_graphs(output: BinaryIO, fmt: ox.RdfFormat, names: Sequence[str],
                 triples_of: Callable[[str], Iterable[ox.Triple]],
                 merge: Callable[[], Iterable[ox.Triple]] | None = None) -> int:
    """Serialise the graphs `names` into `output`; returns how many quads (or triples) it wrote.

    Dataset formats stream graph by graph, so a dump of any size holds no copy of it in memory.
    A triple format gets the graphs' union as a set, sorted so that the same data give the same
    bytes; `merge`, when given, is that union as the store keeps it (the published dataset)."""
    prefixes = iris.PREFIXES if fmt in rdfio.PREFIXED_SYNTAXES else None
    statements: Iterable
    if fmt in DATASET_FORMATS:
        statements = (ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(g))
                      for g in names for t in triples_of(g))
    elif merge is not None:
        statements = sorted(set(merge()), key=str)
    else:
        statements = sorted({t for g in names for t in triples_of(g)}, key=str)
    counted = _Counted(statements)
    ox.serialize(counted, output, format=fmt, prefixes=prefixes)
    return counted.count


class _Counted:
    """An iterable that counts what the serializer took from it."""

    def __init__(self, items: Iterable) -> None:
        self.items, self.count = items, 0

    def __iter__(self) -> Iterator:
        for item in self.items:
            self.count += 1
            yield item
