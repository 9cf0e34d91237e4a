"""Quad stores behind one interface (see base.Store); `open_store` picks the backend from the settings."""

from __future__ import annotations

from kg.store.base import GraphLoad, QueryResult, Store, StoreStats
from kg.store.embedded import EmbeddedStore
from kg.store.remote import RemoteStore

__all__ = ["EmbeddedStore", "GraphLoad", "QueryResult", "RemoteStore", "Store", "StoreStats",
           "open_store"]


def open_store(settings) -> Store:
    """The embedded store for a directory, a RemoteStore for an http(s) URL of a query endpoint."""
    if settings.store_is_remote:
        return RemoteStore(settings.store, update_url=settings.store_update,
                           gsp_url=settings.store_gsp, local=settings.local_store,
                           timeout_param=settings.store_timeout_param)
    return EmbeddedStore(settings.store)
