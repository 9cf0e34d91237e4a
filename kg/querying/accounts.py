"""What every query runner (the worker pool, the remote runner) counts and logs for each query
or validation: its outcome, for /metrics, and one JSON line in the query log (kg.logs.QUERIES)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from kg import logs
from kg.errors import BadRequest, KGError, QueryCrashed, QueryTimeout, Unavailable
from kg.querying.fairness import TooManyRequests, current_client
from kg.querying.guard import check_nesting


def outcome_of(exc: KGError) -> str:
    """A query's outcome, as the log and /metrics name it."""
    if isinstance(exc, TooManyRequests):
        return "refused"
    if isinstance(exc, QueryTimeout):
        return "timeout"
    if isinstance(exc, QueryCrashed):
        return "crashed"
    if isinstance(exc, Unavailable):
        return "busy"
    return "error"


class Accounts:
    def __init__(self) -> None:
        self.outcomes: Counter[str] = Counter()
        self._lock = threading.Lock()

    def check_nesting(self, sparql: str, max_depth: int) -> None:
        """The nesting guard, before any turn is taken; a refusal is counted as `rejected`."""
        started = time.monotonic()
        try:
            check_nesting(sparql, max_depth)
        except BadRequest:
            self.observed("query", sparql, started, "rejected")
            raise

    @contextmanager
    def recorded(self, kind: str, text: str) -> Iterator[float]:
        """Count and log what runs inside, by how it ends; yields when it started."""
        started, outcome = time.monotonic(), "error"
        try:
            yield started
            outcome = "ok"
        except KGError as exc:
            outcome = outcome_of(exc)
            raise
        finally:
            self.observed(kind, text, started, outcome)

    def observed(self, kind: str, text: str, started: float, outcome: str) -> None:
        with self._lock:
            self.outcomes[outcome] += 1
        fields = {"kind": kind, "outcome": outcome, "client": current_client(),
                  "duration_s": round(time.monotonic() - started, 4)}
        if text:
            fields["query_hash"] = logs.text_hash(text)
        logs.write(logs.QUERIES, "query", **fields)

    def counts(self) -> dict[str, int]:
        with self._lock:
            return dict(self.outcomes)
