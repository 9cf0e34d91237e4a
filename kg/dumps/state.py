"""The publication state: which graphs are published, loaded from what and when.

Its fingerprint keys the dump files. It comes from the load records the store keeps in its
system graph, so it is the same for every process and survives a restart: a server started on an
unchanged store finds the dumps it made before. Every write of published data rewrites a load
record (new `loaded` time) or the published flag, so a change of data changes the fingerprint.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from kg.store.base import Store


@dataclass(frozen=True)
class PublicationState:
    fingerprint: str
    graphs: tuple[str, ...]
    newest_load: str | None  # ISO time of the latest load among the published graphs

    def to_dict(self) -> dict:
        return {"fingerprint": self.fingerprint, "graphs": len(self.graphs),
                "newest_load": self.newest_load}


def publication_state(store: Store) -> PublicationState:
    graphs = tuple(store.published_graphs())
    records = store.load_records()
    published = {graph: records.get(graph, {}) for graph in graphs}
    canonical = json.dumps(published, sort_keys=True, ensure_ascii=True).encode()
    loads = [record["loaded"] for record in published.values() if record.get("loaded")]
    return PublicationState(hashlib.sha256(canonical).hexdigest(), graphs,
                            max(loads) if loads else None)
