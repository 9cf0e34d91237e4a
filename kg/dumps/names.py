"""What the dump files of a publication state are called, and in which formats they come.

Names follow from the graph IRIs alone, so that VoID can link the files without making them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import pyoxigraph as ox

from kg import iris


@dataclass(frozen=True)
class DumpFormat:
    name: str
    suffix: str
    media_type: str  # of the RDF inside
    content_type: str  # of the file as served
    gzip: bool
    oxigraph: ox.RdfFormat


# N-Quads compressed for machines (it compresses about tenfold), TriG plain for reading. The
# gzip file is served as application/gzip, not as N-Quads with Content-Encoding: a browser
# would unpack the latter and save plain text under a .gz name.
DUMP_FORMATS: tuple[DumpFormat, ...] = (
    DumpFormat("nquads-gzip", ".nq.gz", "application/n-quads", "application/gzip", True,
               ox.RdfFormat.N_QUADS),
    DumpFormat("trig", ".trig", "application/trig", "application/trig", False, ox.RdfFormat.TRIG),
)
WHOLE = "dataset"
_SAFE_SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def file_name(graph: str | None, fmt: DumpFormat) -> str:
    """`dataset.nq.gz` for every published graph, `graph/data/dresden.nq.gz` for one.

    A graph outside the project's graph namespace, or with a segment unfit for a file name,
    is named by a hash of its IRI: the name must never let a graph write outside the folder."""
    if graph is None:
        return WHOLE + fmt.suffix
    local = graph.removeprefix(iris.GRAPH) if graph.startswith(iris.GRAPH) else ""
    segments = local.split("/")
    if not local or not all(_SAFE_SEGMENT.fullmatch(s) for s in segments):
        local = "other/" + hashlib.sha256(graph.encode()).hexdigest()[:16]
    return f"graph/{local}{fmt.suffix}"


def file_names(graph: str | None) -> dict[str, str]:
    """Format name -> file name, for the whole dataset (None) or one graph."""
    return {fmt.name: file_name(graph, fmt) for fmt in DUMP_FORMATS}
