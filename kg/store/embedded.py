"""The embedded store: Oxigraph (pyoxigraph) on disk, the default backend.

The public dataset is kept twice over, on purpose. Each published graph stays a named graph of
its own (for `GRAPH ?g`, `FROM NAMED`, provenance), and the RDF merge of all published graphs is
kept materialised, as a set, in the store's default graph, which public queries use as their
default graph. Measured with pyoxigraph 0.5.13 on the shipped data (DESIGN.md): a list of the
published graphs as default graph made queries 4–8× slower than one graph and counted a triple
once per graph holding it (oxigraph#1919). Every write updates both in the same transaction.
"""

from __future__ import annotations

import gc
import io
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg import iris
from kg.errors import BadRequest, InsufficientStorage, StoreBusy, no_space
from kg.store.base import (GraphLoad, QueryResult, StoreStats, Term, iri, load_records_from,
                           to_query_result)
from kg.store.checkpoints import Checkpoints, checkpoint_dir
from kg.store.dumping import write_graphs
from kg.store.updates import record_op, withdraw_from_merges, withdraw_ops

_SYS = iris.SYSTEM
_SYSTEM_GRAPH = ox.NamedNode(iris.SYSTEM_GRAPH)
_PUBLISHED = ox.NamedNode(_SYS + "published")
_TRUE = ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
# Marks a store whose default graph holds the merge of the published graphs. Stores written
# before that layout have none, and get their merge built once when opened for writing.
# The public merge is the default graph (None).
_MERGES = (None,)
_LAYOUT = ox.NamedNode(_SYS + "layout")
_LAYOUT_MERGED = ox.Literal("merged-default-graph/1")
# A graph that never holds anything: the default graph of a query whose dataset names none
# (FROM NAMED alone). Oxigraph reads an empty default graph list as "the store's default
# graph", which is now the public merge.
_EMPTY_GRAPH = ox.NamedNode(_SYS + "empty")
# From this many triples in one write on, replace_graphs writes with the bulk loader under a
# rollback copy instead of one SPARQL update: about 10× faster, and still all or nothing.
BULK_THRESHOLD = 10_000
# Room a reopen needs beyond the write-ahead logs it replays (a new log, MANIFEST and OPTIONS).
_REOPEN_MARGIN = 4 * 1024 * 1024
_WRITTEN_NOT_SERVED = {
    "en": "The write was stored, but there is no space left on the disk to make it visible to "
          "queries yet. Free some space (or ask the operators to): the next write shows it, no "
          "restart is needed.",
    "de": "Der Schreibvorgang wurde gespeichert, aber auf dem Datenträger ist kein Platz mehr, "
          "um ihn schon für Abfragen sichtbar zu machen. Schaffen Sie Platz (oder bitten Sie die "
          "Betreiber darum): der nächste Schreibvorgang macht ihn sichtbar, ein Neustart ist "
          "nicht nötig."}


class EmbeddedStore:
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
            self._ox = self._open_writable(self.path)
        self._ensure_merged_default_graph()

    @staticmethod
    def _open_writable(path: Path) -> ox.Store:
        store = _open_or_busy(path)
        # A bulk write that was cut short (killed, power loss) left its rollback copy: the store
        # itself may be half-written, the copy is the state before that write began. Only the
        # holder of the lock may put it back (a running writer may be mid-write).
        if _rollback_path(path).is_dir():
            del store
            gc.collect()
            _put_back(path, _rollback_path(path))
            store = _open_or_busy(path)
        shutil.rmtree(_rollback_path(path, making=True), ignore_errors=True)
        return store

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
        if ox.Quad(_SYSTEM_GRAPH, _LAYOUT, _LAYOUT_MERGED, _SYSTEM_GRAPH) in self._ox:
            return
        published = " ".join(f"ADD SILENT {iri(g)} TO DEFAULT ;" for g in self.published_graphs())
        self._ox.update(f"DROP SILENT DEFAULT ; {published} INSERT DATA {{ GRAPH <{_SYSTEM_GRAPH.value}> "
                        f"{{ <{_SYSTEM_GRAPH.value}> <{_LAYOUT.value}> {_LAYOUT_MERGED} }} }}")

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
        # The counts belong to the state a checkpoint shows. While a server reads checkpoints
        # they are taken once per write, so that /health never counts a large store per
        # request; a command that writes and exits (kg load) does not count at all.
        self._stats = None
        checkpoints = self._checkpoints
        if checkpoints is not None:
            try:
                checkpoints.make(self._ox)
            except OSError as exc:
                if not no_space(exc):
                    raise
                # Committed, but readers go on seeing the state before it until a checkpoint
                # can be made: the next write makes one first.
                self._full_disk = self._checkpoint_owed = True
                raise InsufficientStorage(messages=_WRITTEN_NOT_SERVED) from None
            self._checkpoint_owed = False
            self.stats()

    # -- reading ---------------------------------------------------------------------------

    def public_quads(self, subject: ox.NamedNode | ox.BlankNode | None = None,
                     obj: Term | None = None) -> Iterator[ox.Quad]:
        """The quads of the public graph (the merge, what queries see as their default graph)
        with this subject or object: one index lookup, no query to plan. A validation's context
        takes thousands of these (kg.validation.context), and reads them as triples (subject,
        predicate, object): making a Triple of each took a third of the context's time."""
        return self._ox.quads_for_pattern(subject, None, obj, ox.DefaultGraph())

    def query(self, sparql: str, *, substitutions: Mapping[str, Term] | None = None,
              default_graphs: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None,
              row_cap: int | None = None) -> QueryResult:
        if default_graphs is None:
            default: list = [ox.DefaultGraph()]  # the merge of the published graphs
        else:
            default = [ox.NamedNode(g) for g in default_graphs] or [_EMPTY_GRAPH]
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
                      self._ox.quads_for_pattern(None, _PUBLISHED, _TRUE, _SYSTEM_GRAPH))

    def load_records(self) -> dict[str, dict[str, str]]:
        return load_records_from((q.subject, q.predicate, q.object) for q in
                                 self._ox.quads_for_pattern(None, None, None, _SYSTEM_GRAPH))

    def dump(self, fmt: ox.RdfFormat, graphs: Sequence[str] | None = None) -> bytes:
        output = io.BytesIO()
        self.write_dump(output, fmt, graphs)
        return output.getvalue()

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
        self._ox = _open_or_busy(self.path)
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
        ops = withdraw_ops([*drop, *(load.graph for load in loads)], _MERGES)
        for load in loads:
            body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in _relabelled(load.triples))
            # One INSERT DATA for both copies: a blank node label names the same node only
            # within one operation.
            merged = f"\n{body}\n" if load.publish else ""
            ops.append(f"INSERT DATA {{ GRAPH {iri(load.graph)} {{\n{body}\n}}{merged} }}")
            ops.append(record_op(load))
        self._ox.update(" ;\n".join(ops))

    def _replace_in_bulk(self, loads: list[GraphLoad], drop: list[str]) -> None:
        """The same change through Oxigraph's bulk loader, which has no transaction: a rollback
        copy made first (hard links, milliseconds) is put back if anything fails, here or after
        a crash (see _recover_from_interrupted_bulk_write). Readers never see the half-written
        store: query workers read checkpoints, made only after the write is complete."""
        with self._rollback_copy():
            self._ox.update(" ;\n".join(withdraw_ops([*drop, *(load.graph for load in loads)], _MERGES)))
            # One bulk_extend for everything: each call writes and ingests files of its own,
            # which cost a quarter of a second apiece even for a small graph.
            self._ox.bulk_extend(_bulk_quads(loads))
            self._ox.update(" ;\n".join(record_op(load) for load in loads))
            # The bulk loader leaves many small files; compacting them before the checkpoint
            # made queries on a national-scale load about 3× faster (cq08: 45-50 ms to 14 ms)
            # for about 3 s per million triples.
            self._ox.optimize()
            self._ox.flush()

    @contextmanager
    def _rollback_copy(self) -> Iterator[None]:
        assert self.path is not None
        copy, making = _rollback_path(self.path), _rollback_path(self.path, making=True)
        shutil.rmtree(making, ignore_errors=True)
        shutil.rmtree(copy, ignore_errors=True)
        self._ox.flush()
        self._ox.backup(str(making))
        making.rename(copy)  # from here on a crash means: put the copy back
        try:
            yield
        except BaseException:
            self._ox = None  # type: ignore[assignment]
            gc.collect()  # the RocksDB lock goes with the last reference to the store
            _put_back(self.path, copy)
            self._ox = _open_or_busy(self.path)
            raise
        shutil.rmtree(copy, ignore_errors=True)

    def rewrite(self) -> None:
        """Copy exactly the current quads into a fresh store and put it in place of this one,
        so that nothing deleted survives on disk: Oxigraph never removes a string from its
        dictionary, and RocksDB keeps deleted values until a compaction (an erasure needs them
        gone). Crash-safe through the rollback copy: once the fresh store is complete it is the
        rollback copy, which the next open puts in place if this process dies first."""
        if self.path is None:
            return
        making, copy = _rollback_path(self.path, making=True), _rollback_path(self.path)
        with self._writing():
            shutil.rmtree(making, ignore_errors=True)
            shutil.rmtree(copy, ignore_errors=True)
            fresh = ox.Store(str(making))
            fresh.bulk_extend(self._ox.quads_for_pattern(None, None, None, None))
            fresh.optimize()
            fresh.flush()
            del fresh
            gc.collect()  # the RocksDB lock goes with the last reference to the store
            making.rename(copy)
            self._ox = None  # type: ignore[assignment]
            gc.collect()
            _put_back(self.path, copy)
            self._ox = _open_or_busy(self.path)
            self._committed()

    def set_published(self, graph: str, published: bool) -> None:
        flag = f"GRAPH <{iris.SYSTEM_GRAPH}> {{ {iri(graph)} <{_PUBLISHED.value}> true }}"
        with self._writing():
            if published:
                self._ox.update(f"INSERT DATA {{ {flag} }} ; ADD SILENT {iri(graph)} TO DEFAULT")
            else:
                self._ox.update(f"{withdraw_from_merges(graph, iri(graph), _MERGES)[0]} ; "
                                f"DELETE DATA {{ {flag} }}")
            self._committed()

    def backup(self, target: Path) -> None:
        """A copy of the committed state in `target` (a new folder). While query workers read
        checkpoints, the newest one is copied: the live store may be in the middle of a bulk
        write, which has no transaction, and a checkpoint is only made once a write is done."""
        checkpoints = self._checkpoints
        if checkpoints is None:
            self._ox.flush()
            self._ox.backup(str(target))
            return
        pinned = checkpoints.acquire()
        try:
            shutil.copytree(pinned, target)
        finally:
            checkpoints.release(pinned)

    def flush(self) -> None:
        if self.path is not None and not self.read_only:
            self._ox.flush()

    def close(self) -> None:
        # pyoxigraph releases the RocksDB lock when the object is collected.
        self.flush()
        self.disable_checkpoints()
        del self._ox


def _bulk_quads(loads: list[GraphLoad]) -> Iterator[ox.Quad]:
    """Each load's triples in its graph and, when published, in the merge (the default graph)."""
    for load in loads:
        graph = ox.NamedNode(load.graph)
        triples = list(_relabelled(load.triples))
        for t in triples:
            yield ox.Quad(t.subject, t.predicate, t.object, graph)
        if load.publish:
            for t in triples:
                yield t if isinstance(t, ox.Quad) else ox.Quad(t.subject, t.predicate, t.object)


def _rollback_path(store: Path, *, making: bool = False) -> Path:
    return store.with_name(store.name + (".rollback-making" if making else ".rollback"))


def _put_back(store: Path, copy: Path) -> None:
    """Replace the store's directory by the rollback copy (the store must be closed)."""
    failed = store.with_name(store.name + ".failed-write")
    shutil.rmtree(failed, ignore_errors=True)
    if store.exists():
        store.rename(failed)
    copy.rename(store)
    shutil.rmtree(failed, ignore_errors=True)


def _open_or_busy(path: Path) -> ox.Store:
    try:
        return ox.Store(str(path))
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise StoreBusy(
                f"The store {path} is in use by another process (a running `kg serve`?). "
                "Stop it, or send writes through its API (`kg load` does so by itself when "
                "the server left its address beside the store)."
            ) from None
        raise


def _relabelled(triples: Iterable[ox.Triple]) -> Iterator[ox.Triple]:
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


class MemoryReplica(EmbeddedStore):
    """An in-memory copy of a read-only checkpoint's public dataset, for a query worker.

    It holds the default graph (the maintained merge) and the published named graphs, nothing
    else, so a public query runs with no dataset list at all: the store's own default graph is
    the merge and `GRAPH ?g` is one scan of its named graphs. Measured with pyoxigraph 0.5.13 on
    the shipped graph (queries/ENGINE.md): 3–8× faster than the on-disk checkpoint, where each
    pattern lookup creates a RocksDB iterator. Terms are copied quad by quad (not dumped and
    re-parsed) so that blank nodes keep their labels and answers equal the checkpoint's.
    """

    _published: frozenset[str]

    @classmethod
    def build(cls, checkpoint: EmbeddedStore,
              cancelled: Callable[[], bool] = lambda: False) -> MemoryReplica | None:
        """The replica of `checkpoint`, or None when `cancelled()` turned true meanwhile."""
        published = checkpoint.published_graphs()
        graphs = [ox.DefaultGraph(), *(ox.NamedNode(g) for g in published)]
        memory = ox.Store()
        source = checkpoint._ox

        def quads() -> Iterator[ox.Quad]:
            for graph in graphs:
                for count, quad in enumerate(source.quads_for_pattern(None, None, None, graph)):
                    # Asked now and then: a copy of a state already replaced stops early.
                    if count % 10_000 == 0 and cancelled():
                        return
                    yield quad

        memory.bulk_extend(quads())
        if cancelled():
            return None
        replica = cls.__new__(cls)
        replica.path, replica.read_only, replica._checkpoints = None, True, None
        replica.bulk_threshold, replica._stats, replica._writes = BULK_THRESHOLD, None, 0
        replica._ox, replica._published = memory, frozenset(published)
        return replica

    def holds(self, graphs: Iterable[str]) -> bool:
        return all(g in self._published for g in graphs)

    def published_graphs(self) -> list[str]:
        return sorted(self._published)

    def graphs(self) -> list[str]:
        return self.published_graphs()

    def load_records(self) -> dict[str, dict[str, str]]:
        raise NotImplementedError("A replica holds no system graph: ask the checkpoint.")

    def query(self, sparql: str, *, substitutions: Mapping[str, Term] | None = None,
              default_graphs: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None,
              row_cap: int | None = None) -> QueryResult:
        if default_graphs is not None or named_graphs is not None:
            return super().query(sparql, substitutions=substitutions,
                                 default_graphs=default_graphs, named_graphs=named_graphs,
                                 row_cap=row_cap)
        subs = {ox.Variable(k): v for k, v in (substitutions or {}).items()}
        try:
            # No dataset given: the store's default graph and all its named graphs, which here
            # are exactly the public dataset. The caller keeps queries naming graphs in their
            # text (FROM) away from here, as Oxigraph would honour those.
            result = self._ox.query(sparql, substitutions=subs)
        except SyntaxError as exc:
            raise BadRequest(f"The query does not parse: {exc}") from None
        except RuntimeError as exc:
            raise BadRequest(f"The query cannot be evaluated: {exc}") from None
        return to_query_result(result, row_cap)

    def close(self) -> None:
        del self._ox
