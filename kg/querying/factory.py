"""The choice between query runners, from the settings: the one module that knows both."""

from __future__ import annotations

from kg.config import Settings
from kg.querying.fairness import Limits
from kg.querying.pool import WorkerPool
from kg.querying.remote import RemoteRunner
from kg.querying.runner import InProcessRunner, QueryRunner
from kg.querying.worker import ReplicaPolicy
from kg.store.base import Store
from kg.store.embedded import EmbeddedStore
from kg.store.remote import RemoteStore


def make_query_runner(settings: Settings, store: Store) -> QueryRunner:
    """A WorkerPool for the embedded on-disk store when query_workers > 0, a RemoteRunner (HTTP
    with the deadline) for a remote store, else in-process."""
    if isinstance(store, RemoteStore):
        return RemoteRunner(store, timeout=settings.query_timeout,
                            row_cap=settings.result_row_cap, slots=settings.query_workers,
                            limits=limits(settings))
    if (settings.query_workers > 0 and isinstance(store, EmbeddedStore)
            and store.path is not None and not store.read_only):
        return WorkerPool(store, workers=settings.query_workers, timeout=settings.query_timeout,
                          row_cap=settings.result_row_cap, limits=limits(settings),
                          replica=ReplicaPolicy(settings.replica, settings.replica_max_quads))
    return InProcessRunner(store, row_cap=settings.result_row_cap)


# Request threads kept free of queries whatever the load, so that /health, static files and
# pages without queries always find one (issue 16: eight slow queries had taken all of them).
FREE_THREADS = 2


def limits(settings: Settings) -> Limits:
    """The fairness limits from the settings. A waiting query holds a request thread of the
    server, so the queue is kept below the threads the running queries leave."""
    waiting = max(1, settings.threads - settings.query_workers - FREE_THREADS)
    return Limits(budget=settings.query_budget, max_in_flight=settings.client_max_running or None,
                  max_queued=settings.client_max_queued, max_waiting=waiting,
                  min_charge=settings.query_min_charge)
