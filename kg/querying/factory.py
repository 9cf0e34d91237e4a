"""The choice between query runners, from the settings: the one module that knows both."""

from __future__ import annotations

from kg.config import Settings
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
                            row_cap=settings.result_row_cap)
    if (settings.query_workers > 0 and isinstance(store, EmbeddedStore)
            and store.path is not None and not store.read_only):
        return WorkerPool(store, workers=settings.query_workers, timeout=settings.query_timeout,
                          row_cap=settings.result_row_cap,
                          replica=ReplicaPolicy(settings.replica, settings.replica_max_quads))
    return InProcessRunner(store, row_cap=settings.result_row_cap)
