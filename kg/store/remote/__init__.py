"""The remote store: any SPARQL 1.1 Query/Update/Graph Store server holds the data.

Its parts: layout (which graphs it keeps on the server), transport (one HTTP request within a
deadline), protocol (what a request says where the Protocol has no word for it), staging (a
write that lands whole or not at all) and store (RemoteStore, the Store interface on top).
"""

from __future__ import annotations

from kg.store.remote.layout import MERGE_GRAPH, STAGING_PREFIX
from kg.store.remote.staging import BULK_FROM_QUADS, SECONDS_PER_QUAD, STAGING_BODY_QUADS
from kg.store.remote.store import RemoteStore
from kg.store.remote.transport import WRITE_TIMEOUT, default_endpoints

__all__ = ["BULK_FROM_QUADS", "MERGE_GRAPH", "RemoteStore", "SECONDS_PER_QUAD",
           "STAGING_BODY_QUADS", "STAGING_PREFIX", "WRITE_TIMEOUT", "default_endpoints"]
