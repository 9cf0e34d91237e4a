"""The embedded store: Oxigraph (pyoxigraph) on disk, the default backend.

Its parts: layout (the public dataset kept twice, and the system graph's names), store
(EmbeddedStore, the Store interface), bulk (writes through the bulk loader and a rewrite, all or
nothing through a rollback copy), folder (opening the store's folder, putting a rollback copy
back), checkpointing (the writer's side of kg.store.checkpoints) and replica (MemoryReplica,
the in-memory copy a query worker reads).
"""

from __future__ import annotations

from kg.store.embedded.bulk import BULK_THRESHOLD
from kg.store.embedded.replica import MemoryReplica
from kg.store.embedded.store import EmbeddedStore

__all__ = ["BULK_THRESHOLD", "EmbeddedStore", "MemoryReplica"]
