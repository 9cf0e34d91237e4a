"""The shapes graph and the ontology graph a validation runs against, read from the project's files.

Read once per set of file versions (path, size, mtime) and kept, because parsing the ontology and
the shapes costs more than validating a small submission.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from kg import rdfio
from kg.errors import BadRequest
from kg.i18n import best_text
from kg.validation.terms import graph_of

SH_NAME = URIRef("http://www.w3.org/ns/shacl#name")


@dataclass
class Bundle:
    shapes: Graph
    ontology: Graph
    files: list[str] = field(default_factory=list)
    # iri -> {lang: label}, for properties, classes and concepts, from the ontology
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    # Forms of the shapes and ontology an engine derives once per bundle (compiled shapes, the
    # ontology as N-Triples), not once per request: the bundle lives as long as the process.
    # Not an init field, so that dataclasses.replace(bundle, ontology=…) starts without them.
    derived: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    @functools.cached_property
    def known_terms(self) -> frozenset[str]:
        """The ontology's own terms (classes, properties, concepts): never fetched as context."""
        return frozenset(str(s) for s in self.ontology.subjects() if isinstance(s, URIRef))

    def label(self, iri: str, lang: str) -> str | None:
        return best_text(self.labels.get(iri) or {}, lang)


_CACHE: dict[tuple, Bundle] = {}
_LOCK = threading.Lock()


def load_bundle(root: Path, shapes_dir: str = "shapes", ontology_dir: str = "ontology") -> Bundle:
    shape_files = _rdf_files(root / shapes_dir)
    ontology_files = _rdf_files(root / ontology_dir)
    if not shape_files:
        raise BadRequest(f"No shapes found below {root / shapes_dir}; run in the project folder "
                         "or pass --root.")
    key = tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in shape_files + ontology_files)
    with _LOCK:
        if key not in _CACHE:
            _CACHE.clear()  # one project per process; keep only the newest versions
            _CACHE[key] = _read(root, shape_files, ontology_files)
        return _CACHE[key]


def _rdf_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    # ontology/checks/*.rq and the like are not RDF; tests/ examples live elsewhere.
    return sorted(p for p in folder.rglob("*") if p.is_file() and rdfio.is_rdf_file(p))


def _read(root: Path, shape_files: list[Path], ontology_files: list[Path]) -> Bundle:
    shapes = _parse_all(root, shape_files)
    ontology = _parse_all(root, ontology_files)
    files = [p.relative_to(root).as_posix() for p in shape_files + ontology_files]
    return Bundle(shapes, ontology, files, _labels(ontology, shapes))


def _parse_all(root: Path, files: Iterable[Path]) -> Graph:
    graph = Graph()
    for path in files:
        fmt = rdfio.rdf_format_for_file(path)
        quads = rdfio.parse(path.read_bytes(), fmt, source=path.relative_to(root).as_posix())
        graph_of((q.triple for q in quads), graph)
    return graph


def _labels(ontology: Graph, shapes: Graph) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {}
    for graph in (shapes, ontology):  # ontology last: its labels win
        for predicate in (SH_NAME, SKOS.prefLabel, RDFS.label):
            for s, o in graph.subject_objects(predicate):
                if isinstance(s, URIRef) and isinstance(o, Literal):
                    labels.setdefault(str(s), {})[o.language or ""] = str(o)
    return labels
