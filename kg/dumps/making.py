"""Writing the dump files of one publication state into a folder, with their manifest.

Each file is streamed from the store to disk (through gzip for N-Quads), then hashed from disk:
nothing holds a whole dump in memory beyond what pyoxigraph's serializer keeps (for TriG, the
current subject). The manifest is written last; the shelf makes the folder visible only after.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from kg.dumps.names import DUMP_FORMATS, DumpFormat, file_name
from kg.dumps.state import PublicationState
from kg.store.base import Store

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class DumpFile:
    name: str  # relative to the state's folder and to /dumps/
    graph: str | None  # None: every published graph
    format: str
    media_type: str
    content_type: str
    gzip: bool
    bytes: int
    quads: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    state: PublicationState
    made: str  # ISO time the files were written
    triples: int  # distinct triples of the published merge, as /sparql and VoID count them
    files: tuple[DumpFile, ...]

    def file(self, name: str) -> DumpFile | None:
        return next((f for f in self.files if f.name == name), None)

    def to_dict(self) -> dict:
        return {"state": self.state.to_dict(), "made": self.made, "triples": self.triples,
                "files": [asdict(f) for f in self.files]}

    @classmethod
    def from_dict(cls, data: dict, state: PublicationState) -> Manifest:
        return cls(state, data["made"], data["triples"],
                   tuple(DumpFile(**f) for f in data["files"]))


def make_dumps(store: Store, state: PublicationState, folder: Path) -> Manifest:
    """Every dump of `state` (read from `store`, which must be in that state) into `folder`."""
    files = [_write(store, folder, graph, fmt)
             for graph in (None, *state.graphs) for fmt in DUMP_FORMATS]
    made = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    manifest = Manifest(state, made, store.quad_count(), tuple(files))
    (folder / MANIFEST).write_text(json.dumps(manifest.to_dict(), indent=1), encoding="utf-8")
    return manifest


def read_manifest(folder: Path, state: PublicationState) -> Manifest | None:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Manifest.from_dict(data, state)


def _write(store: Store, folder: Path, graph: str | None, fmt: DumpFormat) -> DumpFile:
    name = file_name(graph, fmt)
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    graphs = None if graph is None else [graph]
    with path.open("wb") as raw:
        if fmt.gzip:
            # mtime=0 and no file name in the header: the same data give the same bytes.
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed:
                quads = store.write_dump(packed, fmt.oxigraph, graphs)
        else:
            quads = store.write_dump(raw, fmt.oxigraph, graphs)
    with path.open("rb") as written:
        digest = hashlib.file_digest(written, "sha256").hexdigest()
    return DumpFile(name, graph, fmt.name, fmt.media_type, fmt.content_type, fmt.gzip,
                    path.stat().st_size, quads, digest)
