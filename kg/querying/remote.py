"""The query runner of a remote store: the server does the work, so no worker processes for
queries; the deadline is enforced on the HTTP call (kg.store.remote), which ends a query that
runs too long without harming anything here.

Fair shares as on the worker pool: every query and validation takes its turn through the same
kg.querying.fairness object (budget per client, per-client caps, round-robin, 429/503), with
`slots` queries at the server at once (the `query_workers` setting: here the number of requests
we let run on the server in parallel). Validation computes here, not on the server, so it runs in
a worker process killed at the deadline (kg.querying.remote_validation)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from kg.errors import QueryTimeout
from kg.querying import messages
from kg.querying.accounts import Accounts
from kg.querying.fairness import Fairness, Limits, Turn
from kg.querying.guard import MAX_NESTING_DEPTH
from kg.querying.remote_validation import Endpoints, validate
from kg.querying.runner import effective_row_cap, effective_timeout
from kg.querying.worker import ValidateTask
from kg.store.base import QueryResult
from kg.store.remote import RemoteStore

T = TypeVar("T")


class RemoteRunner:
    def __init__(self, store: RemoteStore, *, timeout: float | None = None,
                 row_cap: int | None = None, max_depth: int = MAX_NESTING_DEPTH,
                 slots: int = 2, limits: Limits | None = None) -> None:
        self.store, self.timeout, self.row_cap, self.max_depth = store, timeout, row_cap, max_depth
        self.fairness = Fairness(max(1, slots), limits)
        self.accounts = Accounts()  # outcomes for /metrics, and the query log, as the pool's

    def run(self, sparql: str, *, default_graphs: list[str] | None = None,
            named_graphs: list[str] | None = None, timeout: float | None = None,
            row_cap: int | None = None) -> QueryResult:
        # The server may crash on deep nesting as our engine does; the guard costs nothing.
        self.accounts.check_nesting(sparql, self.max_depth)
        seconds = effective_timeout(timeout, self.timeout)

        def ask(_turn: Turn) -> QueryResult:
            try:
                # The deadline limits the server's time, not the wait for a turn (as on the pool).
                return self.store.query(sparql, default_graphs=default_graphs,
                                        named_graphs=named_graphs,
                                        row_cap=effective_row_cap(row_cap, self.row_cap),
                                        timeout=seconds)
            except QueryTimeout:
                # The limit as set, not what was left of it when the call gave up.
                raise messages.error(QueryTimeout, messages.TIMEOUT, seconds=seconds) from None

        return self._in_turn("query", sparql, seconds, ask)

    def validate(self, submission, lang: str, *, root: str, engine: str = "pyshacl",
                 timeout: float | None = None):
        """A kg.validation Report, judged in a worker process against the remote published graph,
        under the same deadline and turns as queries (QueryTimeout past it)."""
        seconds = effective_timeout(timeout, self.timeout)
        endpoints = Endpoints(self.store.query_url, self.store.update_url, self.store.gsp_url)
        task = ValidateTask("", submission, lang, root, engine)
        # Charged from the worker's "ready" on, where its deadline starts: the process's start
        # (about a second) made a client with a small budget run out in a few validations.
        return self._in_turn("validation", "", seconds, lambda turn: validate(
            endpoints, task, seconds, ready=turn.charge_from_now))

    def validate_package(self, package, lang: str, *, root: str, engine: str = "pyshacl",
                         timeout: float | None = None):
        """The kg.validation.package.PackageResult of a RawPackage (an upload's bytes), parsed and
        judged in the validation worker, as the pool does: parsed 5 MB of Turtle are some 65 MB,
        and eight such uploads parsed here grew the server by 500 MB."""
        return self.validate(package, lang, root=root, engine=engine, timeout=timeout)

    def _in_turn(self, kind: str, text: str, seconds: float | None,
                 work: Callable[[Turn], T]) -> T:
        with (self.accounts.recorded(kind, text),
              self.fairness.turn(_deadline(seconds), seconds) as turn):
            return work(turn)

    def stats(self) -> dict:
        """Counts for /metrics, as the pool gives them: no worker processes of ours run queries
        (restarts 0; `workers` is the number of queries let run at the server at once)."""
        return {"outcomes": self.accounts.counts(), "restarts": 0, "queued": self.fairness.queued(),
                "running": self.fairness.running(), "refused": dict(self.fairness.counts.refused),
                "charged_seconds": self.fairness.counts.charged_seconds,
                "workers": self.fairness.slots}

    def close(self) -> None:
        pass


def _deadline(seconds: float | None) -> float | None:
    return None if seconds is None else time.monotonic() + seconds
