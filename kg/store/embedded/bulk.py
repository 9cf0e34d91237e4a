"""The embedded store's writes without a transaction: through Oxigraph's bulk loader, and the
rewrite into a fresh store. A rollback copy of the folder, made first, makes each all or
nothing (kg.store.embedded.folder puts it back)."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from kg.store.base import GraphLoad
from kg.store.embedded.folder import open_or_busy, put_back, rollback_path
from kg.store.embedded.layout import MERGES
from kg.store.updates import record_op, relabelled, withdraw_ops

# From this many triples in one write on, replace_graphs writes with the bulk loader under a
# rollback copy instead of one SPARQL update: about 10× faster, and still all or nothing.
BULK_THRESHOLD = 10_000


class BulkWrites:
    """Writes of EmbeddedStore, which brackets each in its _writing() and _committed()."""

    path: Path | None
    _ox: ox.Store

    def _replace_in_bulk(self, loads: list[GraphLoad], drop: list[str]) -> None:
        """The same change through Oxigraph's bulk loader, which has no transaction: a rollback
        copy made first (hard links, milliseconds) is put back if anything fails, here or after
        a crash (see folder.open_writable). Readers never see the half-written
        store: query workers read checkpoints, made only after the write is complete."""
        with self._rollback_copy():
            self._ox.update(" ;\n".join(withdraw_ops([*drop, *(load.graph for load in loads)], MERGES)))
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
        copy, making = rollback_path(self.path), rollback_path(self.path, making=True)
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
            put_back(self.path, copy)
            self._ox = open_or_busy(self.path)
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
        making, copy = rollback_path(self.path, making=True), rollback_path(self.path)
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
            put_back(self.path, copy)
            self._ox = open_or_busy(self.path)
            self._committed()


def _bulk_quads(loads: list[GraphLoad]) -> Iterator[ox.Quad]:
    """Each load's triples in its graph and, when published, in the merge (the default graph)."""
    for load in loads:
        graph = ox.NamedNode(load.graph)
        triples = list(relabelled(load.triples))
        for t in triples:
            yield ox.Quad(t.subject, t.predicate, t.object, graph)
        if load.publish:
            for t in triples:
                yield t if isinstance(t, ox.Quad) else ox.Quad(t.subject, t.predicate, t.object)
