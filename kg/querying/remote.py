"""The query runner of a remote store: the server does the work, so no worker processes; the
deadline is enforced on the HTTP call (kg.store.remote), which ends a query that runs too long
without harming anything here."""

from __future__ import annotations

from kg.errors import QueryTimeout
from kg.querying import messages
from kg.querying.guard import MAX_NESTING_DEPTH, check_nesting
from kg.querying.runner import effective_row_cap, effective_timeout
from kg.store.base import QueryResult
from kg.store.remote import RemoteStore


class RemoteRunner:
    def __init__(self, store: RemoteStore, *, timeout: float | None = None,
                 row_cap: int | None = None, max_depth: int = MAX_NESTING_DEPTH) -> None:
        self.store, self.timeout, self.row_cap, self.max_depth = store, timeout, row_cap, max_depth

    def run(self, sparql: str, *, default_graphs: list[str] | None = None,
            named_graphs: list[str] | None = None, timeout: float | None = None,
            row_cap: int | None = None) -> QueryResult:
        # The server may crash on deep nesting as our engine does; the guard costs nothing.
        check_nesting(sparql, self.max_depth)
        seconds = effective_timeout(timeout, self.timeout)
        try:
            return self.store.query(sparql, default_graphs=default_graphs,
                                    named_graphs=named_graphs,
                                    row_cap=effective_row_cap(row_cap, self.row_cap),
                                    timeout=seconds)
        except QueryTimeout:
            # The limit as set, not what was left of it when the call gave up.
            raise messages.error(QueryTimeout, messages.TIMEOUT, seconds=seconds) from None

    def close(self) -> None:
        pass
