"""Validation: pyshacl against the project's shapes and ontology, with the input's context from the
store, turned into the report model.

pyshacl runs with nothing that could fetch: no owl:imports (do_owl_imports=False), no inference,
no SHACL-AF or JS; the graphs it gets are built here from parsed quads, never from URLs.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph as ox
import pyshacl
from rdflib import Graph
from rdflib.term import Node

from kg.errors import BadRequest
from kg.parsed_input import Submission
from kg.store.base import Store
from kg.validation import prepared
from kg.validation.build import group, read_results
from kg.validation.bundle import Bundle
from kg.validation.context import fetch_context
from kg.validation.model import Report, count_by_severity
from kg.validation.terms import graph_of, to_rdflib


@dataclass
class Timings:
    context: float = 0.0
    shacl: float = 0.0
    report: float = 0.0


ENGINES = ("pyshacl", "pyshacl-turbo")
DEFAULT_ENGINE = "pyshacl"


class Validator:
    def __init__(self, bundle: Bundle, store: Store | None = None, engine: str = "pyshacl") -> None:
        if engine not in ENGINES:
            raise BadRequest(f"Unknown engine {engine!r}; use one of {', '.join(ENGINES)}.")
        self.bundle, self.store, self.engine = bundle, store, engine
        self.timings = Timings()

    def validate(self, submission: Submission, lang: str) -> Report:
        started = time.perf_counter()
        context = (fetch_context(self.store, submission.triples, self.bundle.known_terms)
                   if self.store is not None else [])
        self.timings.context = time.perf_counter() - started
        data = graph_of(submission.triples)
        graph_of(context, data)
        keep = own_nodes(submission.triples)
        return self._run(data, keep, submission, lang, len(context))

    def _run(self, data: Graph, keep: set[Node], submission: Submission, lang: str,
             context_triples: int) -> Report:
        started = time.perf_counter()
        results = run_pyshacl(data, self.bundle, self.engine)
        self.timings.shacl = time.perf_counter() - started
        started = time.perf_counter()
        found = read_results(results, data, self.bundle, lang, keep, submission.lines.line_of)
        records = group(found, data, self.bundle, lang, submission.lines.line_of)
        counts = count_by_severity(found)
        self.timings.report = time.perf_counter() - started
        return Report(conforms=counts["Violation"] == 0, lang=lang, source=submission.source,
                      counts=counts, records=records, triples=len(submission.triples),
                      context_triples=context_triples, shapes_files=self.bundle.files)


def run_pyshacl(data: Graph, bundle: Bundle, engine: str = "pyshacl") -> Graph:
    """pyshacl's results graph; `data` gets the ontology mixed in (it is ours to change).

    "pyshacl-turbo" (optional; Rust, pySHACL-compatible API) gave the same results as pyshacl
    on the tests' examples and in the benchmark (bench/results/validation*.md); pyshacl stays
    the default until turbo has been checked on every shape's examples."""
    # All of the ontology, not pyshacl's ont_graph: that copies class and property axioms only,
    # and the concept schemes' skos:inScheme (which sh:node checks) would be missing.
    data += bundle.ontology
    prepared.install()
    _conforms, results, _text = _engine(engine)(
        data, shacl_graph=bundle.shapes, inference="none",
        advanced=False, js=False, do_owl_imports=False, inplace=True,
        allow_warnings=True, allow_infos=True, abort_on_first=False)
    return results


def _engine(name: str):
    if name == "pyshacl-turbo":
        try:
            import pyshacl_turbo
        except ImportError:
            raise BadRequest("The engine pyshacl-turbo is not installed (pip install "
                             "pyshacl-turbo); use pyshacl.") from None
        return pyshacl_turbo.validate
    return pyshacl.validate


def own_nodes(triples: Sequence[ox.Triple]) -> set[Node]:
    """The input's subjects and blank nodes: the focus nodes whose results belong to the input."""
    nodes: set[Node] = set()
    for t in triples:
        nodes.add(to_rdflib(t.subject))
        if isinstance(t.object, ox.BlankNode):
            nodes.add(to_rdflib(t.object))
    return nodes
