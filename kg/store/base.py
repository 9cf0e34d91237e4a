"""The store interface every backend implements, and the result type of its queries."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol

import pyoxigraph as ox

from kg import iris

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass
class QueryResult:
    """One type for every query form: SELECT fills variables/rows, ASK boolean, CONSTRUCT/DESCRIBE triples."""

    form: str  # "select" | "ask" | "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
    # Set when the row cap cut the result short.
    truncated: bool = False

    def column(self, name: str) -> list[Term | None]:
        index = self.variables.index(name)
        return [row[index] for row in self.rows]

    def records(self) -> list[dict[str, Term | None]]:
        return [dict(zip(self.variables, row)) for row in self.rows]


@dataclass(frozen=True)
class StoreStats:
    """What /health reports, taken once per committed write rather than per request."""

    published_graphs: int
    triples: int  # distinct triples of the published dataset (its RDF merge)


@dataclass(frozen=True)
class GraphLoad:
    """The new content of one named graph and what it was made from."""

    graph: str
    # Triples, or default-graph quads as a parser gives them (taken as their triples).
    triples: Sequence[ox.Triple] | Sequence[ox.Quad]
    source: str = ""  # e.g. "data/dresden.ttl", or a submission id
    sha256: str = ""
    publish: bool = True


class Store(Protocol):
    """A quad store with a published dataset.

    Published graphs form the public dataset: a public query's default graph is their RDF merge
    (a set: a triple held by two graphs is there once) and only they are visible to GRAPH.
    Everything else (staging, superseded versions, audit, the system graph) stays private.
    """

    def query(self, sparql: str, *, substitutions: Mapping[str, Term] | None = None,
              default_graphs: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None,
              row_cap: int | None = None) -> QueryResult:
        """Run a query. Without graphs given, over the published dataset."""
        ...

    def replace_graphs(self, loads: Iterable[GraphLoad], drop: Iterable[str] = ()) -> None:
        """Atomically give each graph its new content and drop others: all or nothing."""
        ...

    def graphs(self) -> list[str]:
        """Every named graph holding data, published or not."""
        ...

    def published_graphs(self) -> list[str]:
        ...

    def set_published(self, graph: str, published: bool) -> None:
        ...

    def load_records(self) -> dict[str, dict[str, str]]:
        """graph -> {"source": …, "sha256": …, "loaded": …, "triples": …} for graphs loaded by replace_graphs."""
        ...

    def dump(self, fmt: ox.RdfFormat, graphs: Sequence[str] | None = None) -> bytes:
        """Serialise graphs (default: the published ones) as a dataset or, for triple formats, their union."""
        ...

    def write_dump(self, output: BinaryIO, fmt: ox.RdfFormat,
                   graphs: Sequence[str] | None = None) -> int:
        """dump() streamed into `output`; returns how many quads (or triples) it wrote."""
        ...

    def write_generation(self) -> int:
        """Odd while a write is under way, one more when it ends: equal even values before and
        after a series of reads mean they read one committed state."""
        ...

    def quad_count(self, graphs: Sequence[str] | None = None) -> int:
        """Quads in the given graphs; without graphs, the distinct triples of the published
        dataset (the merge: a triple held by two graphs counts once)."""
        ...

    def stats(self) -> StoreStats:
        """Published graphs and triples, as of the last write: cheap enough for every request."""
        ...

    def close(self) -> None:
        ...


RECORD_KEYS = ("source", "sha256", "loaded", "triples")


def load_records_from(statements: Iterable[tuple[Term, Term, Term]]) -> dict[str, dict[str, str]]:
    """graph -> its load record, from the system graph's (graph, predicate, value) statements."""
    records: dict[str, dict[str, str]] = {}
    for graph, predicate, value in statements:
        key = predicate.value.removeprefix(iris.SYSTEM)
        if key in RECORD_KEYS:
            records.setdefault(graph.value, {})[key] = value.value
    return records


def iri(value: str) -> str:
    """An IRI as a SPARQL term, written by the library: a graph name (made from a file name or a
    submission's id) never reaches an update as raw text, where a `>`, a space or a quote in it
    would end the IRI early and let the rest be read as SPARQL. An invalid IRI is refused."""
    return str(ox.NamedNode(value))


def to_query_result(result: object, row_cap: int | None = None) -> QueryResult:
    """A pyoxigraph query result (from the engine or parsed from a remote endpoint) as a QueryResult."""
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows: list[tuple] = []
        truncated = False
        # The engine hands out a new object per cell: one object per distinct term lets pickle (the
        # worker's reply) and the result writers handle each term once, not once per row.
        # A solution iterates its values in the order of the variables: reading them so took a fifth
        # of the time of looking each up by variable (cq12, 4,422 rows × 10: 20 ms against 125 ms).
        same_term = {}.setdefault
        for solution in result:
            if row_cap is not None and len(rows) >= row_cap:
                truncated = True
                break
            rows.append(tuple([None if t is None else same_term(t, t) for t in solution]))
        return QueryResult("select", variables=variables, rows=rows, truncated=truncated)
    triples = list(result)  # QueryTriples
    truncated = row_cap is not None and len(triples) > row_cap
    return QueryResult("graph", triples=triples[:row_cap] if truncated else triples, truncated=truncated)


class DumpsAsBytes:
    """`dump` as bytes, from the store's own streaming `write_dump`: one definition for every
    backend."""

    def write_dump(self, output: BinaryIO, fmt: ox.RdfFormat,
                   graphs: Sequence[str] | None = None) -> int:
        raise NotImplementedError

    def dump(self, fmt: ox.RdfFormat, graphs: Sequence[str] | None = None) -> bytes:
        output = io.BytesIO()
        self.write_dump(output, fmt, graphs)
        return output.getvalue()
