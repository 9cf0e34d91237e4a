"""Loading the project's files (ontology/, shapes/, data/) into the store, one graph per file.

A load parses every changed file before it writes anything, and then writes in one transaction:
a broken file stops the load and leaves the store exactly as it was.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg import iris, rdfio
from kg.errors import BadRequest, ParseError
from kg.store.base import GraphLoad, Store


@dataclass(frozen=True)
class SourceFile:
    path: str  # relative to the project root, with forward slashes: "data/dresden.ttl"
    content: bytes

    @property
    def graph(self) -> str:
        """The file's graph IRI, checked by Oxigraph: the store writes graph names into
        SPARQL Update text, so a path with a space, quote or '>' (possible through the load API)
        must never become one."""
        graph = iris.graph_for_file(self.path)
        try:
            return ox.NamedNode(graph).value
        except ValueError:
            raise BadRequest(messages={
                "en": f"{self.path!r}: a loaded file's path may not hold spaces, quotes, <, >, "
                      "{, }, |, \\, ^ or `; rename the file.",
                "de": f"{self.path!r}: der Pfad einer geladenen Datei darf keine Leerzeichen, "
                      "Anführungszeichen, <, >, {, }, |, \\, ^ oder ` enthalten; benennen Sie die "
                      "Datei um."}) from None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass
class LoadReport:
    loaded: dict[str, int] = field(default_factory=dict)  # path -> triples
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # graphs of files that no longer exist
    # Graphs of files that no longer exist, kept because the load was not told to prune.
    kept: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def triples(self) -> int:
        return sum(self.loaded.values())

    def to_dict(self) -> dict:
        return {"loaded": self.loaded, "unchanged": self.unchanged, "removed": self.removed,
                "kept": self.kept, "triples": self.triples, "seconds": round(self.seconds, 3)}


def source_paths(root: Path, folders: Iterable[str] = iris.SOURCE_FOLDERS) -> list[tuple[Path, str]]:
    """(path, path relative to root with forward slashes) of each RDF file below each folder of
    the project, in the stable order `kg load` reads them."""
    found = []
    for folder in folders:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and rdfio.is_rdf_file(path):
                found.append((path, path.relative_to(root).as_posix()))
    return found


def collect_sources(root: Path, folders: Iterable[str] = iris.SOURCE_FOLDERS) -> list[SourceFile]:
    """The RDF files below each folder of the project, with their content."""
    return [SourceFile(rel, path.read_bytes()) for path, rel in source_paths(root, folders)]


def parse_source(source: SourceFile) -> list[ox.Quad]:
    fmt = rdfio.rdf_format_for_file(source.path)
    quads = rdfio.parse(source.content, fmt, source=source.path)
    named = {q.graph_name for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    if named:
        raise ParseError(
            f"holds named graphs ({', '.join(sorted(str(g) for g in named))}); each file is "
            "loaded into a graph of its own, so give each graph a file of its own.",
            source=source.path,
        )
    # The quads themselves, not their triples: they are default-graph quads already, which the
    # store writes into the public merge as they are (a copy per triple costs seconds per million).
    return quads


def load_sources(store: Store, sources: list[SourceFile], *,
                 folders: Iterable[str] = iris.SOURCE_FOLDERS, force: bool = False,
                 prune: bool = False,
                 progress: Callable[[SourceFile, int], None] | None = None) -> LoadReport:
    """Bring the store in step with `sources`: changed files replace their graphs, unchanged
    files are skipped (unless `force`). Graphs of files gone from the given folders are dropped
    only with `prune`; otherwise the report lists them as kept: a partial tree (or an empty
    list through the API) once dropped graphs silently."""
    started = time.perf_counter()
    report = LoadReport()
    records = store.load_records()
    loads = []
    for source in sources:
        if not force and records.get(source.graph, {}).get("sha256") == source.sha256:
            report.unchanged.append(source.path)
            continue
        triples = parse_source(source)
        loads.append(GraphLoad(source.graph, triples, source=source.path, sha256=source.sha256))
        report.loaded[source.path] = len(triples)
        if progress:
            progress(source, len(triples))
    present = {s.graph for s in sources}
    prefixes = tuple(f"{folder}/" for folder in folders)
    absent = sorted(g for g, rec in records.items()
                    if rec.get("source", "").startswith(prefixes) and g not in present)
    if prune:
        report.removed = absent
    else:
        report.kept = absent
    if loads or report.removed:
        store.replace_graphs(loads, drop=report.removed)
    report.seconds = time.perf_counter() - started
    return report
