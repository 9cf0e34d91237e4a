"""The SPARQL Update text both stores write with: a graph's load record, and taking graphs out
of the public merge. Graph names enter as terms written by pyoxigraph (base.iri). And the fresh
blank node labels both stores give what they write."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

import pyoxigraph as ox

from kg import iris
from kg.store.base import GraphLoad, iri

PUBLISHED = iris.SYSTEM + "published"


def record_op(load: GraphLoad) -> str:
    """Record where a graph's content came from, and publish it if the load says so."""
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    record = {"source": load.source, "sha256": load.sha256, "loaded": now,
              "triples": str(len(load.triples))}
    pairs = [f"<{iris.SYSTEM}{k}> {ox.Literal(v)}" for k, v in record.items() if v]
    if load.publish:
        pairs.append(f"<{PUBLISHED}> true")
    return (f"INSERT DATA {{ GRAPH <{iris.SYSTEM_GRAPH}> {{ {iri(load.graph)} "
            f"{' ; '.join(pairs)} . }} }}")


def withdraw_ops(graphs: Sequence[str], merges: Sequence[str | None]) -> list[str]:
    """Drop these graphs and their records, and take their triples out of each merge (a graph
    name, or None for the default graph) unless a published graph not among these holds them."""
    if not graphs:
        return []
    leaving = ", ".join(iri(g) for g in graphs)
    ops = []
    for graph in graphs:
        ops.extend(withdraw_from_merges(graph, leaving, merges))
        ops.append(f"DROP SILENT GRAPH {iri(graph)}")
        ops.append(f"DELETE WHERE {{ GRAPH <{iris.SYSTEM_GRAPH}> {{ {iri(graph)} ?p ?o }} }}")
    return ops


def withdraw_from_merges(graph: str, leaving: str, merges: Sequence[str | None]) -> list[str]:
    """Delete from each merge the triples of `graph` that no published graph outside `leaving`
    holds. Per row a bound lookup (s, p, o known), so it costs what `graph` holds."""
    keep = (f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} "
            f"GRAPH <{iris.SYSTEM_GRAPH}> {{ ?other <{PUBLISHED}> true }} "
            f"FILTER(?other NOT IN ({leaving})) }}")
    return [f"DELETE {{ {_within(merge, '?s ?p ?o')} }} "
            f"WHERE {{ GRAPH {iri(graph)} {{ ?s ?p ?o }} {keep} }}" for merge in merges]


def _within(graph: str | None, pattern: str) -> str:
    return pattern if graph is None else f"GRAPH <{graph}> {{ {pattern} }}"


def relabelled(triples: Iterable[ox.Triple]) -> Iterator[ox.Triple]:
    """Blank node labels of one input are local to it; make them unique within the store."""
    fresh: dict[str, ox.BlankNode] = {}
    for t in triples:
        subject, obj = t.subject, t.object
        if isinstance(subject, ox.BlankNode) or isinstance(obj, ox.BlankNode):
            if isinstance(subject, ox.BlankNode):
                subject = fresh.setdefault(subject.value, ox.BlankNode())
            if isinstance(obj, ox.BlankNode):
                obj = fresh.setdefault(obj.value, ox.BlankNode())
            t = ox.Triple(subject, t.predicate, obj)
        yield t
