"""EmbeddedStore: the Store interface (kg.store.base) on Oxigraph on disk, laid out as
kg.store.embedded.layout says."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg import iris
from kg.errors import BadRequest, InsufficientStorage, no_space
from kg.store.base import (DumpsAsBytes, GraphLoad, QueryResult, StoreStats, Term, iri,
                           load_records_from, to_query_result)
from kg.store.checkpoints import Checkpoints
from kg.store.dumping import write_graphs
from kg.store.embedded.bulk import BULK_THRESHOLD, BulkWrites
from kg.store.embedded.checkpointing import CheckpointedWrites
from kg.store.embedded.folder import open_or_busy, open_writable
from kg.store.embedded.layout import (EMPTY_GRAPH, LAYOUT, LAYOUT_MERGED, MERGES, PUBLISHED,
                                      SYSTEM_GRAPH, TRUE)
from kg.store.updates import record_op, relabelled, withdraw_from_merges, withdraw_ops

# Room a reopen needs beyond the write-ahead logs it replays (a new log, MANIFEST and OPTIONS).
_REOPEN_MARGIN = 4 * 1024 * 1024


class EmbeddedStore(CheckpointedWrites, BulkWrites, DumpsAsBytes):
    """Oxigraph on disk (or in memory when path is None, for units that need nothing else)."""

    def __init__(self, path: str | Path | None = None, *,
                 bulk_threshold: int = BULK_THRESHOLD) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = False
        self.bulk_threshold = bulk_threshold
        # Set by enable_checkpoints() when query workers read the store from other processes.
        self._checkpoints: Checkpoints | None = None
        self._stats: StoreStats | None = None
        self._writes = 0  # see write_generation()
        # Set when a write failed for lack of space: RocksDB then refuses every later write of
        # this handle, even once space is back, until the store is opened again.
        self._full_disk = False
        self._checkpoint_owed = False
        if self.path is None:
            self._ox = ox.Store()
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._ox = open_writable(self.path)
        self._ensure_merged_default_graph()

    @classmethod
    def open_read_only(cls, path: str | Path) -> EmbeddedStore:
        """A checkpoint (see checkpoints.py) opened for reading, as query workers do."""
        store = cls.__new__(cls)
        store.path, store.read_only, store._checkpoints = Path(path), True, None
        store.bulk_threshold, store._stats, store._writes = BULK_THRESHOLD, None, 0
        store._full_disk = store._checkpoint_owed = False
        store._ox = ox.Store.read_only(str(path))
        return store

    def _ensure_merged_default_graph(self) -> None:
        if ox.Quad(SYSTEM_GRAPH, LAYOUT, LAYOUT_MERGED, SYSTEM_GRAPH) in self._ox:
            return
        published = " ".join(f"ADD SILENT {iri(g)} TO DEFAULT ;" for g in self.published_graphs())
        self._ox.update(f"DROP SILENT DEFAULT ; {published} INSERT DATA {{ GRAPH <{SYSTEM_GRAPH.value}> "
                        f"{{ <{SYSTEM_GRAPH.value}> <{LAYOUT.value}> {LAYOUT_MERGED} }} }}")

    # -- reading ---------------------------------------------------------------------------

    def public_quads(self, subject: ox.NamedNode | ox.BlankNode | None = None,
                     obj: Term | None = None,
                     predicate: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """The quads of the public graph (the merge, what queries see as their default graph)
        with this subject or object: one index lookup, no query to plan. A validation's context
        takes thousands of these (kg.validation.context), and reads them as triples (subject,
        predicate, object): making a Triple of each took a third of the context's time."""
        return self._ox.quads_for_pattern(subject, predicate, obj, ox.DefaultGraph())

    def query(self, sparql: str, *, substitutions: Mapping[str, Term] | None = None,
              default_graphs: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None,
              row_cap: int | None = None) -> QueryResult:
        if default_graphs is None:
            default: list = [ox.DefaultGraph()]  # the merge of the published graphs
        else:
            default = [ox.NamedNode(g) for g in default_graphs] or [EMPTY_GRAPH]
        names = self.published_graphs() if named_graphs is None else named_graphs
        named = [ox.NamedNode(g) for g in names]
        subs = {ox.Variable(k): v for k, v in (substitutions or {}).items()}
        try:
            result = self._ox.query(sparql, default_graph=default, named_graphs=named,
                                    substitutions=subs)
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
                      self._ox.quads_for_pattern(None, PUBLISHED, TRUE, SYSTEM_GRAPH))

    def load_records(self) -> dict[str, dict[str, str]]:
        return load_records_from((q.subject, q.predicate, q.object) for q in
                                 self._ox.quads_for_pattern(None, None, None, SYSTEM_GRAPH))

    def write_dump(self, output: BinaryIO, fmt: ox.RdfFormat,
                   graphs: Sequence[str] | None = None) -> int:
        """dump() into `output`, returning how many quads (or triples) were written."""
        def triples_of(graph: str) -> Iterator[ox.Triple]:
            return (q.triple for q in self._ox.quads_for_pattern(None, None, None, ox.NamedNode(graph)))

        def merge() -> Iterator[ox.Triple]:
            return (q.triple for q in self._ox.quads_for_pattern(None, None, None, ox.DefaultGraph()))

        names = self.published_graphs() if graphs is None else list(graphs)
        return write_graphs(output, fmt, names, triples_of, merge if graphs is None else None)

    def write_generation(self) -> int:
        """Odd while a write is under way, and one more after it: a reader that saw the same even
        number before and after its reads read one committed state (a seqlock). Oxigraph gives
        each read its own snapshot, so several reads alone could straddle a write."""
        return self._writes

    @contextmanager
    def _writing(self) -> Iterator[None]:
        self._writes += 1
        try:
            if self._full_disk:
                self._reopen_after_full_disk()
            if self._checkpoint_owed:
                self._committed()
            yield
        except OSError as exc:
            if not no_space(exc):
                raise
            # The write did not commit (one update is one transaction; a bulk write put its
            # rollback copy back). Reads go on from this handle; the next write reopens it.
            self._full_disk = True
            raise InsufficientStorage.no_space() from None
        finally:
            self._writes += 1

    def _reopen_after_full_disk(self) -> None:
        """Open the store again, so that writes work once space is back (no server restart).
        Only with room for the reopen: a reopen that failed for space would leave no handle."""
        assert self.path is not None
        logs = sum(p.stat().st_size for p in self.path.glob("*.log"))
        if shutil.disk_usage(self.path).free < logs + _REOPEN_MARGIN:
            raise InsufficientStorage.no_space()
        self._ox = None  # type: ignore[assignment]
        gc.collect()  # the RocksDB lock goes with the last reference to the store
        self._ox = open_or_busy(self.path)
        self._full_disk = False

    def quad_count(self, graphs: Sequence[str] | None = None) -> int:
        """Quads in the given graphs; without graphs, the distinct published triples."""
        if graphs is None:
            return self.stats().triples
        return sum(1 for g in graphs for _ in self._ox.quads_for_pattern(None, None, None, ox.NamedNode(g)))

    def stats(self) -> StoreStats:
        """Published graphs and distinct published triples, counted once per write."""
        if self._stats is None:
            count = self._ox.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                                   default_graph=ox.DefaultGraph())
            triples = int(next(iter(count))[0].value)
            self._stats = StoreStats(published_graphs=len(self.published_graphs()), triples=triples)
        return self._stats

    # -- writing ---------------------------------------------------------------------------

    def replace_graphs(self, loads: Iterable[GraphLoad], drop: Iterable[str] = ()) -> None:
        loads, drop = list(loads), list(dict.fromkeys(drop))
        if not loads and not drop:
            return
        size = sum(len(load.triples) for load in loads)
        with self._writing():
            if self.path is not None and size >= self.bulk_threshold:
                self._replace_in_bulk(loads, drop)
            else:
                self._replace_in_one_update(loads, drop)
            self._committed()

    def _replace_in_one_update(self, loads: list[GraphLoad], drop: list[str]) -> None:
        # One SPARQL update is one transaction in Oxigraph: all of it lands or none of it.
        ops = withdraw_ops([*drop, *(load.graph for load in loads)], MERGES)
        for load in loads:
            body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in relabelled(load.triples))
            # One INSERT DATA for both copies: a blank node label names the same node only
            # within one operation.
            merged = f"\n{body}\n" if load.publish else ""
            ops.append(f"INSERT DATA {{ GRAPH {iri(load.graph)} {{\n{body}\n}}{merged} }}")
            ops.append(record_op(load))
        self._ox.update(" ;\n".join(ops))

    def set_published(self, graph: str, published: bool) -> None:
        flag = f"GRAPH <{iris.SYSTEM_GRAPH}> {{ {iri(graph)} <{PUBLISHED.value}> true }}"
        with self._writing():
            if published:
                self._ox.update(f"INSERT DATA {{ {flag} }} ; ADD SILENT {iri(graph)} TO DEFAULT")
            else:
                self._ox.update(f"{withdraw_from_merges(graph, iri(graph), MERGES)[0]} ; "
                                f"DELETE DATA {{ {flag} }}")
            self._committed()

    def flush(self) -> None:
        if self.path is not None and not self.read_only:
            self._ox.flush()

    def close(self) -> None:
        # pyoxigraph releases the RocksDB lock when the object is collected.
        self.flush()
        self.disable_checkpoints()
        del self._ox

