"""Quad stores behind one interface (see base.Store); `open_store` picks the backend from the settings."""

from __future__ import annotations

from kg.errors import BadRequest
from kg.store.base import GraphLoad, QueryResult, Store, StoreStats
from kg.store.embedded import EmbeddedStore

__all__ = ["EmbeddedStore", "GraphLoad", "QueryResult", "Store", "StoreStats", "open_store"]


def open_store(settings) -> Store:
    if settings.store_is_remote:
        raise BadRequest(
            f"--store {settings.store}: remote SPARQL stores are not supported yet; give a "
            "directory for the embedded store."
        )
    return EmbeddedStore(settings.store)
