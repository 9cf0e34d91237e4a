"""Revalidating what the store publishes, for when the shapes change: which records no longer
conform, and in which graph (and file) each lives."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg import iris, rdfio
from kg.parsed_input import Submission
from kg.store.base import Store
from kg.validation.engine import Validator
from kg.validation.inputs import declared_prefixes
from kg.validation.lines import LineIndex
from kg.validation.model import Report

# The ontology and shapes are what the data are judged against, not data to judge.
_NOT_DATA = (iris.GRAPH + "ontology", iris.GRAPH + "shapes")


class PublishedLines:
    """node -> the graph holding its description -> the line in that graph's file, if on disk."""

    def __init__(self, homes: dict[str, str], sources: dict[str, str], root: Path) -> None:
        self.homes, self.sources, self.root = homes, sources, root
        self._indexes: dict[str, LineIndex | None] = {}

    def source_of(self, node: str) -> str | None:
        graph = self.homes.get(node)
        return self.sources.get(graph, graph) if graph else None

    def line_of(self, node: str) -> int | None:
        graph = self.homes.get(node)
        index = self._index(graph) if graph else None
        return index.line_of(node) if index else None

    def _index(self, graph: str) -> LineIndex | None:
        if graph not in self._indexes:
            source = self.sources.get(graph)
            path = self.root / source if source else None
            self._indexes[graph] = None
            if path is not None and path.is_file() and path.suffix in (".ttl", ".trig", ".nt", ".nq"):
                text = path.read_text(encoding="utf-8", errors="replace")
                fmt = rdfio.rdf_format_for_file(path).name
                self._indexes[graph] = LineIndex(text, fmt, declared_prefixes(text))
        return self._indexes[graph]


def data_graphs(store: Store) -> list[str]:
    return [g for g in store.published_graphs() if not g.startswith(_NOT_DATA)]


def revalidate(store: Store, validator: Validator, root: Path, lang: str) -> Report:
    graphs = data_graphs(store)
    quads = list(ox.parse(store.dump(ox.RdfFormat.N_QUADS, graphs), format=ox.RdfFormat.N_QUADS))
    homes: dict[str, str] = {}
    for q in quads:
        if isinstance(q.subject, ox.NamedNode):
            homes.setdefault(q.subject.value, q.graph_name.value)
    sources = {g: rec.get("source", "") for g, rec in store.load_records().items() if rec.get("source")}
    lines = PublishedLines(homes, sources, root)
    triples = list(dict.fromkeys(q.triple for q in quads))
    # The whole published data are the input here, so no context is fetched.
    report = Validator(validator.bundle, engine=validator.engine).validate(
        Submission(triples, f"published data ({len(graphs)} graphs)", lines), lang)
    for record in report.records:
        record.source = lines.source_of(record.node)
    return report
