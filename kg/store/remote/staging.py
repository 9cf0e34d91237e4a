"""A write to the remote store that lands whole or not at all, without a transaction across
HTTP calls.

A write is at most three kinds of requests:
(1) each graph's new content goes into a staging graph of its own, a private name unique to this
write (`<system#staging/TOKEN/N>`): whole graphs together in N-Quads bodies POSTed to the Graph
Store endpoint (large bodies through Oxigraph's bulk loader, `?no_transaction`), or where the
server takes no dataset there, one Graph Store PUT per graph; (2) ONE SPARQL Update request
then withdraws the old graphs from both merges, drops them and their records, copies every
staging graph into place in one INSERT … WHERE (its graph, and when published both merges),
and writes the records and publication state; (3) the staging graphs are dropped afterwards,
on success or failure (and any left by a crash are dropped when the store is next opened for
writing, by `kg serve` or `kg load`). Steps (1) and (3) touch only staging graphs, which
nothing reads; step (2) is the only
request that changes what readers see, and Oxigraph applies one update request in one
transaction (all operations or none). So a write lands whole or not at all, wherever the
process or the connection dies (tested on Oxigraph with crash points). On other servers the same
holds where one update request is one transaction; by their documentation, not verified here:
Fuseki (TDB2) and GraphDB do so; Virtuoso runs an update request in one transaction
only with its default transaction mode (not in autocommit/row-autocommit "log_enable(2)" mode);
QLever's updates are not transactional across operations. See the README ("Running on an
existing SPARQL server").
"""

from __future__ import annotations

import io
import os
import secrets
import tempfile
from collections.abc import Iterator, Sequence

import pyoxigraph as ox

from kg import iris
from kg.errors import QueryTimeout, Unavailable
from kg.store.base import GraphLoad, iri
from kg.store.remote.layout import MERGE_GRAPH, MERGES, STAGING_PREFIX
from kg.store.remote.transport import WRITE_TIMEOUT, Refused, SparqlHttp
from kg.store.updates import record_op, relabelled, withdraw_ops

# More time for the answer of a big write's one update, per quad it copies (measured: about
# 15,000 quads/s into the graph and both merges on a busy 2-core machine; 1 ms is ample).
SECONDS_PER_QUAD = 0.001
# Staging bodies hold whole graphs (a server may give a body's blank nodes new names, so a
# graph's blank nodes must travel together), several small graphs up to about this many quads.
STAGING_BODY_QUADS = 200_000
# From this many quads on, a staging body goes through Oxigraph's bulk loader, which skips the
# transaction (nothing reads a staging graph); below it a transaction is cheaper (the loader
# writes and ingests files of its own for each request). Measured: bench/results/remote-load.md.
BULK_FROM_QUADS = 100_000


class StagedWrites(SparqlHttp):
    """The writes of RemoteStore, which holds the one-writer lock around them."""

    _dataset_posts: bool  # until the Graph Store endpoint refuses a dataset

    def _replace_atomically(self, loads: list[GraphLoad], drop: list[str]) -> None:
        token = secrets.token_hex(8)
        staged = [f"{STAGING_PREFIX}{token}/{number}" for number in range(len(loads))]
        try:
            self._stage(loads, staged)
            _crash_point("after-staging")
            # The server copies every quad in one transaction: a big write takes minutes.
            quads = sum(len(load.triples) for load in loads)
            self._update(" ;\n".join(self._move_ops(loads, staged, drop)),
                         timeout=WRITE_TIMEOUT + quads * SECONDS_PER_QUAD)
        finally:
            # Outside the one update: dropping costs as much as writing, and nothing reads
            # a staging graph, so readers need not wait for it.
            self._drop_quietly(staged)

    def _stage(self, loads: list[GraphLoad], staged: list[str]) -> None:
        batch: list[tuple[GraphLoad, str]] = []
        size = 0
        for load, staging in zip(loads, staged):
            if batch and size + len(load.triples) > STAGING_BODY_QUADS:
                self._post_staging(batch, size)
                batch, size = [], 0
            batch.append((load, staging))
            size += len(load.triples)
        if batch:
            self._post_staging(batch, size)

    def _post_staging(self, batch: list[tuple[GraphLoad, str]], size: int) -> None:
        if not self._dataset_posts:
            for load, staging in batch:
                self._put(staging, load.triples)
            return
        # A file, not bytes in memory: a national-scale graph is hundreds of megabytes.
        with tempfile.TemporaryFile() as body:
            ox.serialize(_staging_quads(batch), body, format=ox.RdfFormat.N_QUADS)
            length = body.tell()
            body.seek(0)
            url = self.gsp_url + ("?no_transaction" if size >= BULK_FROM_QUADS else "")
            try:
                self._request(url, data=body, method="POST", what="graph upload",
                              headers={"Content-Type": "application/n-quads",
                                       "Content-Length": str(length)})
                return
            except Refused as exc:
                if exc.code not in (400, 404, 405, 415):
                    raise
        # A Graph Store endpoint that takes graphs only, no dataset at the endpoint itself (the
        # Protocol defines graphs only): one PUT per graph from now on.
        self._dataset_posts = False
        self._post_staging(batch, size)

    def _put(self, graph: str, triples: Sequence[ox.Triple] | Sequence[ox.Quad]) -> None:
        body = io.BytesIO()
        # Fresh labels, unique in the store, whether or not the server renames a body's blank
        # nodes; the one update then copies the same nodes into the graph and both merges.
        ox.serialize(relabelled(ox.Triple(t.subject, t.predicate, t.object) for t in triples), body,
                     format=ox.RdfFormat.N_TRIPLES)
        self._request(self._gsp_url(graph), data=body.getvalue(), method="PUT",
                      headers={"Content-Type": "application/n-triples"}, what="graph upload")

    def _move_ops(self, loads: list[GraphLoad], staged: list[str], drop: list[str]) -> list[str]:
        # Only graphs the server holds are withdrawn: for the others the operations change
        # nothing, yet any operation before the copy made Oxigraph's copy 2-3x slower (it then
        # reads through the transaction's writes; bench/results/remote-load.md). The
        # one writer (see drop_leftover_staging) makes the check hold until the update.
        present = self._present([load.graph for load in loads])
        ops = withdraw_ops([*drop, *(load.graph for load in loads if load.graph in present)], MERGES)
        # One operation for all graphs: Oxigraph reads each further operation of an update
        # through the writes of the ones before, which made 29 ADDs per target 2-3× slower.
        for published, targets in ((True, f"GRAPH ?g {{ ?s ?p ?o }} ?s ?p ?o . "
                                          f"GRAPH <{MERGE_GRAPH}> {{ ?s ?p ?o }}"),
                                   (False, "GRAPH ?g { ?s ?p ?o }")):
            pairs = " ".join(f"({iri(staging)} {iri(load.graph)})"
                             for load, staging in zip(loads, staged) if load.publish == published)
            if pairs:
                ops.append(f"INSERT {{ {targets} }} WHERE {{ VALUES (?staging ?g) {{ {pairs} }} "
                           f"GRAPH ?staging {{ ?s ?p ?o }} }}")
        ops.extend(record_op(load) for load in loads)
        return ops

    def _present(self, graphs: Sequence[str]) -> set[str]:
        """Those of `graphs` that hold a triple or have a record on the server."""
        if not graphs:
            return set()
        names = " ".join(iri(g) for g in dict.fromkeys(graphs))
        rows = self._select(f"SELECT ?g WHERE {{ VALUES ?g {{ {names} }} "
                            f"FILTER(EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} }} || "
                            f"EXISTS {{ GRAPH <{iris.SYSTEM_GRAPH}> {{ ?g ?p ?o }} }}) }}")
        return {row[0].value for row in rows}

    def _drop_quietly(self, graphs: Sequence[str]) -> None:
        if graphs:
            try:
                self._update(" ;\n".join(f"DROP SILENT GRAPH {iri(g)}" for g in graphs))
            except (Unavailable, QueryTimeout, OSError):
                pass  # dropped when the writer next starts (drop_leftover_staging)

    def drop_leftover_staging(self) -> list[str]:
        """Drop the staging graphs of writes that died before their update: never read, only in
        the way. Only the one writer may call it (`kg serve` and `kg load` as they start): a
        staging graph of a write under way looks the same."""
        try:
            rows = self._select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                                f"FILTER(STRSTARTS(STR(?g), \"{STAGING_PREFIX}\")) }}")
        except Unavailable:
            return []  # /health says so
        leftovers = [row[0].value for row in rows]
        self._drop_quietly(leftovers)
        return leftovers


def _crash_point(step: str) -> None:
    """KG_CRASH_AT=remote-store:STEP ends the process here as a power cut would, for the tests
    of atomicity (as kg.submissions.journal's crash points do for the steps around a write)."""
    if os.environ.get("KG_CRASH_AT") == f"remote-store:{step}":
        os._exit(86)


def _staging_quads(batch: Sequence[tuple[GraphLoad, str]]) -> Iterator[ox.Quad]:
    for load, staging in batch:
        graph = ox.NamedNode(staging)
        # Fresh blank node labels, unique in the store (see _put).
        for t in relabelled(ox.Triple(t.subject, t.predicate, t.object) for t in load.triples):
            yield ox.Quad(t.subject, t.predicate, t.object, graph)
