"""RemoteStore: the Store interface (kg.store.base) on a SPARQL 1.1 server, laid out as
kg.store.remote.layout says; its writes are kg.store.remote.staging's."""

from __future__ import annotations

import threading
import time
import urllib.parse
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg import iris
from kg.store.base import (DumpsAsBytes, GraphLoad, QueryResult, StoreStats, Term, iri,
                           load_records_from, to_query_result)
from kg.store.dumping import write_graphs
from kg.store.remote.layout import MERGE_GRAPH, MERGES, PRIVATE, PUBLISHED, STAGING_PREFIX, SYS
from kg.store.remote.protocol import QUERY_HEADERS, broken_answer, query_form, values_clause
from kg.store.remote.staging import StagedWrites
from kg.store.remote.transport import WRITE_TIMEOUT, default_endpoints
from kg.store.updates import withdraw_from_merges


class RemoteStore(StagedWrites, DumpsAsBytes):
    """A SPARQL 1.1 server as the store. `path` is a local folder name for this deployment's own
    files (dumps, submissions), as the embedded store's directory is."""

    read_only = False

    def __init__(self, query_url: str, *, update_url: str = "", gsp_url: str = "",
                 local: str | Path | None = None, timeout_param: str = "") -> None:
        update_default, gsp_default = default_endpoints(query_url)
        self.query_url = query_url
        self.update_url = update_url or update_default
        self.gsp_url = gsp_url or gsp_default
        self.path = Path(local) if local is not None else None
        self.timeout_param = timeout_param  # kg.store.deadline_param: our deadline, passed on
        self._lock = threading.RLock()  # one write at a time from this process
        self._writes = 0
        self._stats: StoreStats | None = None
        self._published: list[str] | None = None
        self._dataset_posts = True  # until the Graph Store endpoint refuses a dataset

    # -- reading -------------------------------------------------------------------------------

    def query(self, sparql: str, *, substitutions: Mapping[str, Term] | None = None,
              default_graphs: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None,
              row_cap: int | None = None, timeout: float | None = None) -> QueryResult:
        if substitutions:
            sparql = sparql + "\n" + values_clause(substitutions)
        default = [MERGE_GRAPH] if default_graphs is None else list(default_graphs)
        # An empty default graph list would mean "the server's choice"; this graph is empty.
        default = default or [SYS + "empty"]
        named = self.published_graphs() if named_graphs is None else list(named_graphs)
        # A graph name the Protocol can carry is needed for FROM NAMED alone: none given → one
        # that holds nothing, so that GRAPH sees no graph at all.
        named = named or [SYS + "empty"]
        form = query_form(sparql)
        fields = [("query", sparql)] + [("default-graph-uri", g) for g in default] + [
            ("named-graph-uri", g) for g in named]
        raw = self._request(self._query_url(timeout), data=urllib.parse.urlencode(fields).encode(),
                            method="POST", headers=QUERY_HEADERS[form], timeout=timeout,
                            what="query")
        try:
            if form == "graph":
                triples = ox.parse(raw, format=ox.RdfFormat.N_TRIPLES)
                return to_query_result(_Triples(q.triple for q in triples), row_cap)
            return to_query_result(ox.parse_query_results(raw, format=ox.QueryResultsFormat.JSON),
                                   row_cap)
        except SyntaxError as exc:
            raise broken_answer(raw, exc) from None

    def graphs(self) -> list[str]:
        rows = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(g for g in (row[0].value for row in rows)
                      if g not in PRIVATE and not g.startswith(STAGING_PREFIX))

    def published_graphs(self) -> list[str]:
        # Read once and then kept, changed by this process's own writes: the server behind a
        # `kg serve` is written through that server only (as the embedded store has one writer).
        if self._published is None:
            rows = self._select(f"SELECT ?g WHERE {{ GRAPH <{iris.SYSTEM_GRAPH}> "
                                f"{{ ?g <{PUBLISHED}> true }} }}")
            self._published = sorted(row[0].value for row in rows)
        return list(self._published)

    def load_records(self) -> dict[str, dict[str, str]]:
        return load_records_from(
            self._select(f"SELECT ?g ?p ?o WHERE {{ GRAPH <{iris.SYSTEM_GRAPH}> {{ ?g ?p ?o }} }}"))

    def write_dump(self, output: BinaryIO, fmt: ox.RdfFormat,
                   graphs: Sequence[str] | None = None) -> int:
        """Streamed from the server graph by graph (Graph Store GET), as the embedded store
        streams from disk."""
        names = self.published_graphs() if graphs is None else list(graphs)
        merge = (lambda: self._graph_triples(MERGE_GRAPH)) if graphs is None else None
        return write_graphs(output, fmt, names, self._graph_triples, merge)

    def _graph_triples(self, graph: str) -> Iterator[ox.Triple]:
        with self._open(self._gsp_url(graph), data=None, method="GET",
                        headers={"Accept": "application/n-triples"},
                        deadline=time.monotonic() + WRITE_TIMEOUT, what="graph read") as response:
            if response.status == 204:
                return
            for quad in ox.parse(response, format=ox.RdfFormat.N_TRIPLES):
                yield quad.triple

    def write_generation(self) -> int:
        """Odd while a write of this process is under way, one more after it (see base.Store)."""
        return self._writes

    def quad_count(self, graphs: Sequence[str] | None = None) -> int:
        if graphs is None:
            return self.stats().triples
        return sum(self._count(g) for g in graphs)

    def _count(self, graph: str) -> int:
        rows = list(self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {iri(graph)} {{ ?s ?p ?o }} }}"))
        return int(rows[0][0].value)

    def stats(self) -> StoreStats:
        if self._stats is None:
            self._stats = StoreStats(published_graphs=len(self.published_graphs()),
                                     triples=self._count(MERGE_GRAPH))
        return self._stats

    # -- writing -------------------------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[None]:
        with self._lock:
            self._writes += 1
            try:
                yield
            finally:
                self._writes += 1
                self._stats = None
                self._published = None

    def replace_graphs(self, loads: Iterable[GraphLoad], drop: Iterable[str] = ()) -> None:
        loads, drop = list(loads), list(dict.fromkeys(drop))
        if not loads and not drop:
            return
        with self._writing():
            self._replace_atomically(loads, drop)

    def set_published(self, graph: str, published: bool) -> None:
        flag = f"GRAPH <{iris.SYSTEM_GRAPH}> {{ {iri(graph)} <{PUBLISHED}> true }}"
        with self._writing():
            if published:
                self._update(f"DELETE DATA {{ {flag} }} ; INSERT DATA {{ {flag} }} ; "
                             f"ADD SILENT {iri(graph)} TO DEFAULT ; "
                             f"ADD SILENT {iri(graph)} TO <{MERGE_GRAPH}>")
            else:
                self._update(" ;\n".join([*withdraw_from_merges(graph, iri(graph), MERGES),
                                          f"DELETE DATA {{ {flag} }}"]))

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


class _Triples:
    """Triples parsed from an answer, iterable as pyoxigraph's QueryTriples is."""

    def __init__(self, triples: Iterable[ox.Triple]) -> None:
        self.triples = triples

    def __iter__(self) -> Iterator[ox.Triple]:
        return iter(self.triples)
