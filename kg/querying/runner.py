"""The query runner interface and the in-process runner (kg.querying.factory chooses one)."""

from __future__ import annotations

from typing import Protocol

from kg.querying.guard import MAX_NESTING_DEPTH, check_nesting
from kg.store.base import QueryResult, Store


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
