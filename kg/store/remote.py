"""The remote store: any SPARQL 1.1 Query/Update/Graph Store server holds the data.

Layout on the server, as in the embedded store: each published graph is a named graph of its
own, the RDF merge of the published graphs (a set) is the server's default graph, and the
publication state and load records live in the system graph (iris.SYSTEM_GRAPH). One more graph
holds a second copy of the merge under a private name (MERGE_GRAPH). The SPARQL Protocol has no
way to name the default graph in `default-graph-uri`, and giving `named-graph-uri` alone makes
the default graph empty (so says the Recommendation, and Oxigraph does so): a public query
therefore names the merge copy as its default graph and the published graphs as its named
graphs, which keeps staging graphs, withdrawn versions and the system graph out of `GRAPH ?g`
on any server. The default-graph copy is what other clients of the server see without a dataset
(and what bench/ queries as "the server alone").

Atomicity without a transaction across HTTP calls. A write is at most three kinds of requests:
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

Deadlines: the server does the work, so a query's deadline is enforced here, on the HTTP call
(connect and every read, and the whole answer within it); past it the request gets the usual
503. Servers that stop a query when asked get the deadline as a request parameter too
(setting store_timeout_param, kg.store.deadline_param); Oxigraph's server takes none (only
`--timeout-s` for all queries) and ignores parameters it does not know.
"""

from __future__ import annotations

import io
import os
import re
import secrets
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg import iris
from kg.errors import BadRequest, KGError, QueryTimeout, Unavailable
from kg.store import deadline_param
from kg.store.base import (GraphLoad, QueryResult, StoreStats, Term, iri, load_records_from,
                           to_query_result)
from kg.store.dumping import write_graphs
from kg.store.updates import record_op, withdraw_from_merges, withdraw_ops
from kg.store.embedded import _relabelled

_SYS = iris.SYSTEM
_PUBLISHED = _SYS + "published"
MERGE_GRAPH = _SYS + "merge"
# Both copies of the public merge: the default graph (None) and the private one.
_MERGES = (None, MERGE_GRAPH)
STAGING_PREFIX = _SYS + "staging/"
# Private graphs of this layout, never listed by graphs().
_PRIVATE = (iris.SYSTEM_GRAPH, MERGE_GRAPH)
# The answer of a write or bookkeeping request; queries get the caller's deadline instead.
WRITE_TIMEOUT = 600.0
# More time for the answer of a big write's one update, per quad it copies (measured: about
# 15,000 quads/s into the graph and both merges on a busy 2-core machine; 1 ms is ample).
SECONDS_PER_QUAD = 0.001
_CHUNK = 1 << 16
# Staging bodies hold whole graphs (a server may give a body's blank nodes new names, so a
# graph's blank nodes must travel together), several small graphs up to about this many quads.
STAGING_BODY_QUADS = 200_000
# From this many quads on, a staging body goes through Oxigraph's bulk loader, which skips the
# transaction (nothing reads a staging graph); below it a transaction is cheaper (the loader
# writes and ingests files of its own for each request). Measured: bench/results/remote-load.md.
BULK_FROM_QUADS = 100_000


def default_endpoints(query_url: str) -> tuple[str, str]:
    """(update URL, Graph Store URL) beside a query URL ending in /query (Oxigraph's layout)."""
    base = query_url[: -len("/query")] if query_url.rstrip("/").endswith("/query") else query_url
    base = base.rstrip("/")
    return base + "/update", base + "/store"


class RemoteStore:
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

    # -- HTTP ----------------------------------------------------------------------------------

    def _request(self, url: str, *, data: bytes | BinaryIO | None = None, method: str = "GET",
                 headers: Mapping[str, str] | None = None, timeout: float | None = WRITE_TIMEOUT,
                 what: str = "request") -> bytes:
        """The whole answer of one HTTP request, within `timeout` seconds in all."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._open(url, data=data, method=method, headers=headers, deadline=deadline,
                        what=what) as response:
            return _read_within(response, deadline, timeout)

    @contextmanager
    def _open(self, url: str, *, data: bytes | BinaryIO | None, method: str,
              headers: Mapping[str, str] | None, deadline: float | None, what: str):
        request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
        seconds = None if deadline is None else max(0.001, deadline - time.monotonic())
        try:
            response = urllib.request.urlopen(request, timeout=seconds)
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", errors="replace").strip()
            if exc.code == 400 and what == "query":
                raise BadRequest(f"The query does not parse: {body or exc.reason}") from None
            if exc.code in (404, 405, 415, 422) and what == "query":
                raise BadRequest(f"The query cannot be evaluated: {body or exc.reason}") from None
            raise _Refused(exc.code, f"The SPARQL server at {url} answered {exc.code} {exc.reason} "
                           f"to a {what}: {body[:500]}") from None
        except TimeoutError:
            raise _timeout(what, deadline, seconds) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError):
                raise _timeout(what, deadline, seconds) from None
            raise Unavailable(f"The SPARQL server at {url} cannot be reached ({reason}); check "
                              "--store and that the server is running.") from None
        try:
            yield response
        finally:
            response.close()

    def _update(self, sparql: str, *, timeout: float = WRITE_TIMEOUT) -> None:
        self._request(self.update_url, data=sparql.encode("utf-8"), method="POST",
                      headers={"Content-Type": "application/sparql-update; charset=utf-8"},
                      timeout=timeout, what="update")

    def _select(self, sparql: str, *, timeout: float | None = WRITE_TIMEOUT) -> ox.QuerySolutions:
        raw = self._request(self._query_url(timeout), data=_form({"query": sparql}), method="POST",
                            headers=_QUERY_HEADERS["select"], timeout=timeout, what="query")
        return ox.parse_query_results(raw, format=ox.QueryResultsFormat.JSON)

    def _query_url(self, seconds: float | None) -> str:
        return deadline_param.with_parameter(self.query_url, self.timeout_param, seconds)

    def _gsp_url(self, graph: str | None) -> str:
        query = "default" if graph is None else urllib.parse.urlencode({"graph": graph})
        return f"{self.gsp_url}?{query}"

    # -- reading -------------------------------------------------------------------------------

    def query(self, sparql: str, *, substitutions: Mapping[str, Term] | None = None,
              default_graphs: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None,
              row_cap: int | None = None, timeout: float | None = None) -> QueryResult:
        if substitutions:
            sparql = sparql + "\n" + _values_clause(substitutions)
        default = [MERGE_GRAPH] if default_graphs is None else list(default_graphs)
        # An empty default graph list would mean "the server's choice"; this graph is empty.
        default = default or [_SYS + "empty"]
        named = self.published_graphs() if named_graphs is None else list(named_graphs)
        # A graph name the Protocol can carry is needed for FROM NAMED alone: none given → one
        # that holds nothing, so that GRAPH sees no graph at all.
        named = named or [_SYS + "empty"]
        form = _query_form(sparql)
        fields = [("query", sparql)] + [("default-graph-uri", g) for g in default] + [
            ("named-graph-uri", g) for g in named]
        raw = self._request(self._query_url(timeout), data=urllib.parse.urlencode(fields).encode(),
                            method="POST", headers=_QUERY_HEADERS[form], timeout=timeout,
                            what="query")
        try:
            if form == "graph":
                triples = ox.parse(raw, format=ox.RdfFormat.N_TRIPLES)
                return to_query_result(_Triples(q.triple for q in triples), row_cap)
            return to_query_result(ox.parse_query_results(raw, format=ox.QueryResultsFormat.JSON),
                                   row_cap)
        except SyntaxError as exc:
            raise _broken_answer(raw, exc) from None

    def graphs(self) -> list[str]:
        rows = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(g for g in (row[0].value for row in rows)
                      if g not in _PRIVATE and not g.startswith(STAGING_PREFIX))

    def published_graphs(self) -> list[str]:
        # Read once and then kept, changed by this process's own writes: the server behind a
        # `kg serve` is written through that server only (as the embedded store has one writer).
        if self._published is None:
            rows = self._select(f"SELECT ?g WHERE {{ GRAPH <{iris.SYSTEM_GRAPH}> "
                                f"{{ ?g <{_PUBLISHED}> true }} }}")
            self._published = sorted(row[0].value for row in rows)
        return list(self._published)

    def load_records(self) -> dict[str, dict[str, str]]:
        return load_records_from(
            self._select(f"SELECT ?g ?p ?o WHERE {{ GRAPH <{iris.SYSTEM_GRAPH}> {{ ?g ?p ?o }} }}"))

    def dump(self, fmt: ox.RdfFormat, graphs: Sequence[str] | None = None) -> bytes:
        output = io.BytesIO()
        self.write_dump(output, fmt, graphs)
        return output.getvalue()

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
        token = secrets.token_hex(8)
        staged = [f"{STAGING_PREFIX}{token}/{number}" for number in range(len(loads))]
        with self._writing():
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
            except _Refused as exc:
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
        ox.serialize(_relabelled(ox.Triple(t.subject, t.predicate, t.object) for t in triples), body,
                     format=ox.RdfFormat.N_TRIPLES)
        self._request(self._gsp_url(graph), data=body.getvalue(), method="PUT",
                      headers={"Content-Type": "application/n-triples"}, what="graph upload")

    def _move_ops(self, loads: list[GraphLoad], staged: list[str], drop: list[str]) -> list[str]:
        # Only graphs the server holds are withdrawn: for the others the operations change
        # nothing, yet any operation before the copy made Oxigraph's copy 2-3x slower (it then
        # reads through the transaction's writes; bench/results/remote-load.md). The
        # one writer (see drop_leftover_staging) makes the check hold until the update.
        present = self._present([load.graph for load in loads])
        ops = withdraw_ops([*drop, *(load.graph for load in loads if load.graph in present)], _MERGES)
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

    def set_published(self, graph: str, published: bool) -> None:
        flag = f"GRAPH <{iris.SYSTEM_GRAPH}> {{ {iri(graph)} <{_PUBLISHED}> true }}"
        with self._writing():
            if published:
                self._update(f"DELETE DATA {{ {flag} }} ; INSERT DATA {{ {flag} }} ; "
                             f"ADD SILENT {iri(graph)} TO DEFAULT ; "
                             f"ADD SILENT {iri(graph)} TO <{MERGE_GRAPH}>")
            else:
                self._update(" ;\n".join([*withdraw_from_merges(graph, iri(graph), _MERGES),
                                          f"DELETE DATA {{ {flag} }}"]))

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


_QUERY_HEADERS = {
    "select": {"Accept": "application/sparql-results+json",
               "Content-Type": "application/x-www-form-urlencoded"},
    "graph": {"Accept": "application/n-triples",
              "Content-Type": "application/x-www-form-urlencoded"},
}


def _crash_point(step: str) -> None:
    """KG_CRASH_AT=remote-store:STEP ends the process here as a power cut would, for the tests
    of atomicity (as kg.submissions.journal's crash points do for the steps around a write)."""
    if os.environ.get("KG_CRASH_AT") == f"remote-store:{step}":
        os._exit(86)


def _broken_answer(raw: bytes, exc: SyntaxError) -> KGError:
    """A server that fails while it streams an answer (Oxigraph: a SERVICE endpoint that is
    down) has already said 200 and appends its error to what it sent. A plain KGError, as the
    embedded store's worker reports a failed call of Oxigraph's: /sparql turns it into a 502
    when the query called an allowed SERVICE endpoint."""
    text = raw[-2000:].decode("utf-8", errors="replace")
    words = re.search(r'[\[\]{},]\s*([^\[\]{},"<>]+?)\s*$', text)
    reason = words.group(1) if words else str(exc)
    return KGError(f"The SPARQL server broke off its answer: {reason[:300]}")


def _values_clause(substitutions: Mapping[str, Term]) -> str:
    """The Protocol has no substitutions: a trailing VALUES clause binds each variable to its
    term for the whole query, written by pyoxigraph's serialisation of the term (an RDF term,
    never text of the caller's). Unlike Oxigraph's substitution it cannot bind a variable
    inside a subquery that does not project it."""
    names = " ".join(f"?{name}" for name in substitutions)
    terms = " ".join(str(term) for term in substitutions.values())
    return f"VALUES ({names}) {{ ({terms}) }}"


def _form(fields: Mapping[str, str]) -> bytes:
    return urllib.parse.urlencode(fields).encode()


def _query_form(sparql: str) -> str:
    """"graph" for CONSTRUCT/DESCRIBE, else "select" (SELECT and ASK share the results format).
    The form is the first of these keywords outside prologue, strings and comments; the
    server's parser has the last word (a wrong guess fails as a bad answer format)."""
    text = _without_strings_and_comments(sparql).upper()
    positions = {word: text.find(word) for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")}
    found = sorted((pos, word) for word, pos in positions.items() if pos >= 0)
    return "graph" if found and found[0][1] in ("CONSTRUCT", "DESCRIBE") else "select"


def _without_strings_and_comments(sparql: str) -> str:
    out, i, n = [], 0, len(sparql)
    while i < n:
        c = sparql[i]
        if c == "#":
            while i < n and sparql[i] != "\n":
                i += 1
        elif c == "<":  # an IRI (or a less-than, harmless to drop up to the next '>')
            j = sparql.find(">", i)
            i = n if j < 0 else j + 1
            out.append(" ")
        elif c in "\"'":
            quote = sparql[i:i + 3] if sparql[i:i + 3] in ('"""', "'''") else c
            j = i + len(quote)
            while j < n and sparql[j:j + len(quote)] != quote:
                j += 2 if sparql[j] == "\\" else 1
            i = j + len(quote)
            out.append(" ")
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _query_timeout(seconds: float | None) -> Exception:
    # The words users read are the query runner's (kg.querying.remote puts them in).
    seconds = round(seconds or 0, 3)
    return QueryTimeout(f"The query ran longer than {seconds:g} s and was stopped.",
                        detail={"seconds": seconds})


def _read_within(response, deadline: float | None, timeout: float | None) -> bytes:
    chunks = []
    while chunk := response.read(_CHUNK):
        chunks.append(chunk)
        if deadline is not None and time.monotonic() > deadline:
            raise _query_timeout(timeout)
    return b"".join(chunks)


def _timeout(what: str, deadline: float | None, seconds: float | None) -> Exception:
    if what == "query":
        return _query_timeout(seconds)
    return Unavailable(f"The SPARQL server did not answer a {what} within {seconds:g} s.")


class _Refused(Unavailable):
    """The server answered a request with an HTTP error; `code` says which."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def _staging_quads(batch: Sequence[tuple[GraphLoad, str]]) -> Iterator[ox.Quad]:
    for load, staging in batch:
        graph = ox.NamedNode(staging)
        # Fresh blank node labels, unique in the store (see _put).
        for t in _relabelled(ox.Triple(t.subject, t.predicate, t.object) for t in load.triples):
            yield ox.Quad(t.subject, t.predicate, t.object, graph)


class _Triples:
    """Triples parsed from an answer, iterable as pyoxigraph's QueryTriples is."""

    def __init__(self, triples: Iterable[ox.Triple]) -> None:
        self.triples = triples

    def __iter__(self) -> Iterator[ox.Triple]:
        return iter(self.triples)


