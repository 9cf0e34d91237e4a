"""The embedded store: Oxigraph (pyoxigraph) on disk, the default backend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pyoxigraph as ox

from kg import iris, rdfio
from kg.errors import BadRequest, StoreBusy
from kg.store.base import GraphLoad, QueryResult, Term, to_query_result
from kg.store.checkpoints import Checkpoints, checkpoint_dir

_SYS = iris.SYSTEM
_SYSTEM_GRAPH = ox.NamedNode(iris.SYSTEM_GRAPH)
_PUBLISHED = ox.NamedNode(_SYS + "published")
_TRUE = ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
_RECORD_KEYS = ("source", "sha256", "loaded", "triples")


class EmbeddedStore:
    """Oxigraph on disk (or in memory when path is None, for units that need nothing else)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = False
        # Set by enable_checkpoints() when query workers read the store from other processes.
        self._checkpoints: Checkpoints | None = None
        if self.path is None:
            self._ox = ox.Store()
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._ox = ox.Store(str(self.path))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreBusy(
                    f"The store {self.path} is in use by another process (a running `kg serve`?). "
                    "Stop it, or send writes through its API (`kg load` does so by itself when "
                    "the server left its address beside the store)."
                ) from None
            raise

    @classmethod
    def open_read_only(cls, path: str | Path) -> EmbeddedStore:
        """A checkpoint (see checkpoints.py) opened for reading, as query workers do."""
        store = cls.__new__(cls)
        store.path, store.read_only, store._checkpoints = Path(path), True, None
        store._ox = ox.Store.read_only(str(path))
        return store

    # -- checkpoints for query workers -----------------------------------------------------

    def enable_checkpoints(self) -> Checkpoints:
        """Make a checkpoint now and after each committed write, beside the store."""
        if self.path is None or self.read_only:
            raise ValueError("Checkpoints need the writable on-disk store.")
        if self._checkpoints is None:
            self._checkpoints = Checkpoints(checkpoint_dir(self.path))
            self._checkpoints.make(self._ox)
        return self._checkpoints

    def disable_checkpoints(self) -> None:
        """Stop making checkpoints and delete them (once no worker reads them)."""
        if self._checkpoints is not None:
            self._checkpoints.remove_all()
            self._checkpoints = None

    def _committed(self) -> None:
        checkpoints = self._checkpoints
        if checkpoints is not None:
            checkpoints.make(self._ox)

    # -- reading ---------------------------------------------------------------------------

    def query(self, sparql: str, *, substitutions: Mapping[str, Term] | None = None,
              default_graphs: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None,
              row_cap: int | None = None) -> QueryResult:
        published = None
        if default_graphs is None or named_graphs is None:
            published = self.published_graphs()
        default = [ox.NamedNode(g) for g in (published if default_graphs is None else default_graphs)]
        named = [ox.NamedNode(g) for g in (published if named_graphs is None else named_graphs)]
        subs = {ox.Variable(k): v for k, v in (substitutions or {}).items()}
        try:
            # An empty default graph list would mean "the store's default graph" to Oxigraph.
            result = self._ox.query(sparql, default_graph=default or [ox.DefaultGraph()],
                                    named_graphs=named, substitutions=subs)
        except SyntaxError as exc:
            raise BadRequest(f"The query does not parse: {exc}") from None
        except RuntimeError as exc:
            # Oxigraph's evaluation errors (a substitution of an unknown variable, a bad SERVICE …)
            raise BadRequest(f"The query cannot be evaluated: {exc}") from None
        return to_query_result(result, row_cap)

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._ox.named_graphs()
                      if g.value != iris.SYSTEM_GRAPH and self._has_quads(g))

    def _has_quads(self, graph: ox.NamedNode) -> bool:
        return next(iter(self._ox.quads_for_pattern(None, None, None, graph)), None) is not None

    def published_graphs(self) -> list[str]:
        return sorted(q.subject.value for q in
                      self._ox.quads_for_pattern(None, _PUBLISHED, _TRUE, _SYSTEM_GRAPH))

    def load_records(self) -> dict[str, dict[str, str]]:
        records: dict[str, dict[str, str]] = {}
        for quad in self._ox.quads_for_pattern(None, None, None, _SYSTEM_GRAPH):
            key = quad.predicate.value.removeprefix(_SYS)
            if key in _RECORD_KEYS:
                records.setdefault(quad.subject.value, {})[key] = quad.object.value
        return records

    def dump(self, fmt: ox.RdfFormat, graphs: Sequence[str] | None = None) -> bytes:
        names = [ox.NamedNode(g) for g in (self.published_graphs() if graphs is None else graphs)]
        prefixes = iris.PREFIXES if fmt in rdfio.PREFIXED_SYNTAXES else None
        if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            quads = [q for g in names for q in self._ox.quads_for_pattern(None, None, None, g)]
            return ox.serialize(quads, format=fmt, prefixes=prefixes)
        triples = {q.triple for g in names for q in self._ox.quads_for_pattern(None, None, None, g)}
        return ox.serialize(sorted(triples, key=str), format=fmt, prefixes=prefixes)

    def quad_count(self, graphs: Sequence[str] | None = None) -> int:
        names = self.published_graphs() if graphs is None else graphs
        return sum(1 for g in names for _ in self._ox.quads_for_pattern(None, None, None, ox.NamedNode(g)))

    # -- writing ---------------------------------------------------------------------------

    def replace_graphs(self, loads: Iterable[GraphLoad], drop: Iterable[str] = ()) -> None:
        # One SPARQL update is one transaction in Oxigraph: all of it lands or none of it.
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        ops: list[str] = []
        for graph in drop:
            ops.append(self._forget_graph_ops(graph))
        for load in loads:
            ops.append(self._forget_graph_ops(load.graph))
            body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in _relabelled(load.triples))
            ops.append(f"INSERT DATA {{ GRAPH <{load.graph}> {{\n{body}\n}} }}")
            record = {"source": load.source, "sha256": load.sha256, "loaded": now,
                      "triples": str(len(load.triples))}
            pairs = [f"<{_SYS}{k}> {ox.Literal(v)}" for k, v in record.items() if v]
            if load.publish:
                pairs.append(f"<{_SYS}published> true")
            ops.append(f"INSERT DATA {{ GRAPH <{iris.SYSTEM_GRAPH}> {{ <{load.graph}> "
                       f"{' ; '.join(pairs)} . }} }}")
        if ops:
            self._ox.update(" ;\n".join(ops))
            self._committed()

    @staticmethod
    def _forget_graph_ops(graph: str) -> str:
        return (f"DROP SILENT GRAPH <{graph}> ;\n"
                f"DELETE WHERE {{ GRAPH <{iris.SYSTEM_GRAPH}> {{ <{graph}> ?p ?o }} }}")

    def set_published(self, graph: str, published: bool) -> None:
        quad = ox.Quad(ox.NamedNode(graph), _PUBLISHED, _TRUE, _SYSTEM_GRAPH)
        if published:
            self._ox.add(quad)
        else:
            self._ox.remove(quad)
        self._committed()

    def flush(self) -> None:
        if self.path is not None and not self.read_only:
            self._ox.flush()

    def close(self) -> None:
        # pyoxigraph releases the RocksDB lock when the object is collected.
        self.flush()
        self.disable_checkpoints()
        del self._ox


def _relabelled(triples: Iterable[ox.Triple]) -> Iterable[ox.Triple]:
    """Blank node labels of one input are local to it; make them unique within the update."""
    fresh: dict[str, ox.BlankNode] = {}

    def term(t):
        if isinstance(t, ox.BlankNode):
            return fresh.setdefault(t.value, ox.BlankNode())
        return t

    for t in triples:
        yield ox.Triple(term(t.subject), t.predicate, term(t.object))
