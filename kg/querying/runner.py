"""The query runner interface, the in-process runner, and the choice between runners."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from kg.errors import KGError
from kg.querying.guard import MAX_NESTING_DEPTH, check_nesting
from kg.store.base import QueryResult, Store

if TYPE_CHECKING:
    from kg.config import Settings


class QueryCrashed(KGError):
    """The engine died on this query (a native crash); the worker was replaced.

    A 400, not a 500: what crashes the engine is the query (the known cases are deep nesting and
    huge intermediate results), the same query would crash it again, and the user is the one who
    can change it. Nothing on the server is broken afterwards.
    """

    status = 400
    kind = "query-crashed"


class QueryRunner(Protocol):
    """Runs SPARQL queries for the public (and for trusted internal callers).

    `default_graphs`/`named_graphs` None: the published dataset. `timeout` None: the runner's
    default; 0: no deadline. `row_cap` None: the runner's default; 0: no cap. Raises QueryTimeout
    (503) past the deadline, Unavailable (503) when no worker became free in time, BadRequest
    (400) for syntax and evaluation errors (the parser's message with line:column) and for
    over-deep nesting, QueryCrashed (400) when the query crashed the engine.
    """

    def run(self, sparql: str, *, default_graphs: list[str] | None = None,
            named_graphs: list[str] | None = None, timeout: float | None = None,
            row_cap: int | None = None) -> QueryResult: ...

    def close(self) -> None: ...


def effective_timeout(given: float | None, default: float | None) -> float | None:
    seconds = default if given is None else given
    return seconds if seconds else None


def effective_row_cap(given: int | None, default: int | None) -> int | None:
    cap = default if given is None else given
    return cap if cap else None


class InProcessRunner:
    """Runs queries in this process, on the store itself.

    It cannot stop a query (pyoxigraph has no cancel), so `timeout` is not enforced here: use it
    for trusted internal queries and unit tests (query_workers = 0). The nesting guard still runs,
    since deep nesting crashes the whole process.
    """

    def __init__(self, store: Store, *, row_cap: int | None = None,
                 max_depth: int = MAX_NESTING_DEPTH) -> None:
        self.store, self.row_cap, self.max_depth = store, row_cap, max_depth

    def run(self, sparql: str, *, default_graphs: list[str] | None = None,
            named_graphs: list[str] | None = None, timeout: float | None = None,
            row_cap: int | None = None) -> QueryResult:
        check_nesting(sparql, self.max_depth)
        return self.store.query(sparql, default_graphs=default_graphs, named_graphs=named_graphs,
                                row_cap=effective_row_cap(row_cap, self.row_cap))

    def close(self) -> None:
        pass


def make_query_runner(settings: Settings, store: Store) -> QueryRunner:
    """A WorkerPool for the embedded on-disk store when query_workers > 0, else in-process."""
    from kg.querying.pool import WorkerPool
    from kg.store.embedded import EmbeddedStore

    if (settings.query_workers > 0 and isinstance(store, EmbeddedStore)
            and store.path is not None and not store.read_only):
        return WorkerPool(store, workers=settings.query_workers, timeout=settings.query_timeout,
                          row_cap=settings.result_row_cap)
    return InProcessRunner(store, row_cap=settings.result_row_cap)
