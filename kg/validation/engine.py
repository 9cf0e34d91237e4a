"""Validation: pyshacl against the project's shapes and ontology, with the input's context from the
store, turned into the report model.

pyshacl runs with nothing that could fetch: no owl:imports (do_owl_imports=False), no inference,
no SHACL-AF or JS; the graphs it gets are built here from parsed quads, never from URLs.
"""

from __future__ import annotations

import contextlib
import gc
import time
import warnings
from collections.abc import Iterator, Sequence, Set as AbstractSet
from dataclasses import dataclass

import pyoxigraph as ox
import pyshacl
from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.errors import BadRequest
from kg.parsed_input import Submission
from kg.store.base import Store
from kg.validation import batch, prepared
from kg.validation.build import IRI, RawResult, group, read_results, results_of
from kg.validation.bundle import Bundle
from kg.validation.compiled import Compiled, Unsupported, compile_shapes
from kg.validation.context import fetch_context, fetch_labels
from kg.validation.focus import Focus, KindChecks, kind_checks
from kg.validation.model import Report, count_by_severity
from kg.validation.terms import TripleView, graph_of, to_oxigraph, to_rdflib


@dataclass
class Timings:
    context: float = 0.0
    shacl: float = 0.0
    report: float = 0.0
    # the context's time is part of the engine's (the batch engine fetches it as its shapes ask)
    alongside: bool = False


ENGINES = ("pyshacl", "pyshacl-turbo", "batch")


def _turbo_or_plain() -> str:
    try:
        import pyshacl_turbo  # noqa: F401
    except ImportError:
        return "pyshacl"
    return "pyshacl-turbo"


# The batch engine (kg.validation.batch): every focus node at once, in this process; the same
# results as pyshacl-turbo and pyshacl on every shape example, the shipped data and the
# submission packages (tests/validation/test_batch_engine.py), several times faster on large
# inputs (bench/results/validation.md). Where the shapes use a feature it does not judge,
# pyshacl-turbo (28x faster than pyshacl here, the same results), else pyshacl.
FALLBACK_ENGINE = _turbo_or_plain()
DEFAULT_ENGINE = "batch"


class Validator:
    def __init__(self, bundle: Bundle, store: Store | None = None,
                 engine: str = DEFAULT_ENGINE) -> None:
        if engine not in ENGINES:
            raise BadRequest(f"Unknown engine {engine!r}; use one of {', '.join(ENGINES)}.")
        self.bundle, self.store, self.engine = bundle, store, engine
        self.timings = Timings()
        # Only the input's own nodes as the engine's focus nodes (kg.validation.focus); False
        # judges every target of input and context, as before (the benchmark's and the
        # equivalence test's comparison).
        self.narrow = True
        # With the batch engine, of the things the input references only the triples its checks
        # read (kg.validation.reach); False fetches all they have, as the other engines get it.
        self.walk = True

    def validate(self, submission: Submission, lang: str) -> Report:
        with collector_paused():
            return self._validate(submission, lang)

    def _validate(self, submission: Submission, lang: str) -> Report:
        compiled = _batch_bundle(self.bundle) if self.engine == "batch" else None
        engine = FALLBACK_ENGINE if self.engine == "batch" and compiled is None else self.engine
        if compiled is not None:
            started = time.perf_counter()
            asked: dict = {}

            def context(incoming, terms, starts) -> list[ox.Triple]:  # fetched as the engine asks
                begun = time.perf_counter()
                starts = starts if self.walk else None
                asked.update(terms=terms, starts=starts)
                fetched = self._context(submission, incoming, terms, starts)
                self.timings.context = time.perf_counter() - begun
                return fetched
            self.timings.context, self.timings.alongside = 0.0, self.store is not None
            raw, index, fetched = batch.validate(compiled, submission.triples,
                                                 context if self.store is not None else None)
            if asked.get("starts") is not None:  # only what the checks read: the report's names too
                begun = time.perf_counter()
                labels = fetch_labels(self.store, mentioned(raw), asked["terms"],
                                      self.bundle.known_terms, index)
                if labels:
                    index.extend(labels)
                    fetched = [*fetched, *labels]
                self.timings.context += time.perf_counter() - begun
            self.timings.shacl = time.perf_counter() - started
            data: Graph | TripleView = TripleView(index.triples, self.bundle.ontology, index=index)
            return self._report(raw, data, submission, lang, len(fetched))
        own = own_terms(submission.triples)
        started = time.perf_counter()
        context = self._context(submission)
        self.timings.context = time.perf_counter() - started
        started = time.perf_counter()
        if engine == "pyshacl-turbo":
            triples = [*submission.triples, *context]
            # Without context every target is the input's own: nothing to narrow.
            results = run_turbo(triples, self.bundle, own, narrow=self.narrow and bool(context))
            raw = results_of(results, {to_rdflib(term) for term in own})
            data = TripleView(triples, self.bundle.ontology)
        else:
            data = graph_of(submission.triples)
            graph_of(context, data)
            results = run_pyshacl(data, self.bundle, engine)
            raw = results_of(results, {to_rdflib(term) for term in own})
        self.timings.shacl = time.perf_counter() - started
        return self._report(raw, data, submission, lang, len(context))

    def _context(self, submission: Submission, incoming=None, terms=None,
                 starts=None) -> list[ox.Triple]:
        if self.store is None:
            return []
        return fetch_context(self.store, submission.triples, self.bundle.known_terms, incoming,
                             terms, starts)

    def _report(self, raw: list[RawResult], data: Graph | TripleView,
                submission: Submission, lang: str, context_triples: int) -> Report:
        started = time.perf_counter()
        found = read_results(raw, data, self.bundle, lang, submission.lines.line_of)
        records = group(found, data, self.bundle, lang, submission.lines.line_of)
        counts = count_by_severity(found)
        self.timings.report = time.perf_counter() - started
        return Report(conforms=counts["Violation"] == 0, lang=lang, source=submission.source,
                      counts=counts, records=records, triples=len(submission.triples),
                      context_triples=context_triples, shapes_files=self.bundle.files)


def mentioned(raw: Sequence[RawResult]) -> set[str]:
    """The IRIs a report names in words: its values, and those in its messages."""
    found = {str(one.value) for one in raw if isinstance(one.value, URIRef)}
    for one in raw:
        for message in one.messages:
            found.update(IRI.findall(str(message)))
    return found


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for one validation. A validation allocates some
    hundred thousand objects that live until it ends (terms, index, results), and each of the
    collections they set off walked the whole heap again (the shapes, the ontology, the compiled
    engine): 0.4 s of the 1.2 s of CPU the 10,000-triple benchmark submission took
    (bench/results/validation.md). What a validation leaves behind is freed by reference
    counting; the collector runs again afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def run_turbo(triples: Sequence[ox.Triple], bundle: Bundle,
              focus: AbstractSet[ox.NamedNode | ox.BlankNode] | None = None,
              narrow: bool = True) -> Graph:
    """pyshacl-turbo's results graph for `triples` plus the whole ontology; with `focus`, only
    the results about those nodes (and what they point to), as read_results keeps anyway.

    No rdflib Graph of the data is built: the triples go to the engine as N-Triples written by
    Oxigraph, beside the ontology's N-Triples and the shapes compiled once per bundle.
    pyshacl_turbo.validate(Graph) spent more time turning rdflib Graphs into its terms and back
    (inplace) than validating, and decoding the report in Python took longer still when the
    context's records had results of their own (1,700 of 1,734 on the benchmark submission):
    bench/results/validation-history.md. Blank node labels are kept (preserve_ids), so the results'
    focus nodes are the input's own blank nodes."""
    _engine("pyshacl-turbo")  # a clear message if it is not installed
    from pyshacl_turbo.rdf import Input, decode

    shapes, ontology = _turbo_bundle(bundle)
    options = dict(allow_warnings=True, allow_infos=True, abort_on_first=False)
    native = getattr(shapes, "_native", None)
    chosen = Focus(focus) if focus is not None and narrow and native is not None else None
    if chosen is not None and not chosen.applies(triples, _kind_checks(bundle)):
        chosen = None
    data = chosen.data(triples) if chosen is not None else triples
    text = ox.serialize(data, format=ox.RdfFormat.N_TRIPLES).decode("utf-8") + ontology
    if focus is None or native is None:
        return _turbo_public(shapes, Input(text, "nt", None, {}, preserve_ids=True), options)
    try:
        # CompiledShapes.validate's own call (pyshacl-turbo 0.6), to get the report as text
        # before it is decoded: no rules, depth 15, the input's own nodes as focus nodes (see
        # kg.validation.focus) or, where that could change a result, every target.
        _conforms, report, _text, _expanded, recursion = native.validate(
            text, "nt", None, False, 100, 15, False, options["allow_infos"],
            options["allow_warnings"], options["abort_on_first"],
            chosen.nodes() if chosen is not None else [], [], [])
    except TypeError:  # another version's signature: its public path, unfiltered
        if chosen is not None:  # with the input's blank nodes as they are
            text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8") + ontology
        return _turbo_public(shapes, Input(text, "nt", None, {}, preserve_ids=True), options)
    if chosen is not None:
        report = chosen.back(report)
    for message in recursion:
        warnings.warn(message, stacklevel=2)
    # as CompiledShapes.validate decodes it, with pyshacl_turbo.validate's literal setting
    return decode(_about(report, focus), dict(shapes._blank_nodes), preserve_ids=True,
                  report=True, normalize=True)


def _turbo_public(shapes, data, options) -> Graph:
    # as pyshacl_turbo.validate has it: literals in the report as pyshacl writes them
    return shapes.validate(data, inplace=False, _normalize_report_literals=True, **options)[1]


_SH_RESULT = ox.NamedNode("http://www.w3.org/ns/shacl#result")
_SH_FOCUS = ox.NamedNode("http://www.w3.org/ns/shacl#focusNode")


def _about(report: str, focus: AbstractSet[ox.NamedNode | ox.BlankNode]) -> str:
    """The report (N-Triples) with only the results whose focus node is in `focus`, each with
    everything it reaches through blank nodes (paths, details, copied descriptions)."""
    triples = list(ox.parse(report, format=ox.RdfFormat.N_TRIPLES))
    by_subject: dict = {}
    for t in triples:
        by_subject.setdefault(t.subject, []).append(t)
    top = {t.object for t in triples if t.predicate == _SH_RESULT}  # not those in sh:detail
    dropped = {t.subject for t in triples
               if t.predicate == _SH_FOCUS and t.subject in top and t.object not in focus}
    kept: list[ox.Triple] = []
    seen: set = set()
    pending = [t.subject for t in triples if t.predicate == _SH_RESULT]  # the report node
    while pending:
        node = pending.pop()
        if node in seen or node in dropped:
            continue
        seen.add(node)
        for t in by_subject.get(node, ()):
            if t.predicate == _SH_RESULT and t.object in dropped:
                continue
            kept.append(t)
            if isinstance(t.object, ox.BlankNode):
                pending.append(t.object)
    if not seen:  # no results at all: the report node and sh:conforms as they are
        return report
    return ox.serialize(kept, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def _kind_checks(bundle: Bundle) -> KindChecks:
    derived = bundle.derived.get("kind-checks")
    if derived is None or derived[0] is not bundle.shapes:
        derived = bundle.derived["kind-checks"] = (bundle.shapes,
                                                     kind_checks(bundle.shapes, bundle.ontology))
    return derived[1]


def _batch_bundle(bundle: Bundle) -> Compiled | None:
    """The shapes compiled for the batch engine once per bundle; None where they use a feature
    it does not evaluate (then pyshacl-turbo judges)."""
    derived = bundle.derived.get("batch")
    if derived is None or derived[0] is not bundle.shapes or derived[1] is not bundle.ontology:
        try:
            compiled = compile_shapes(bundle.shapes, bundle.ontology,
                                      _ontology_text(bundle.ontology))
        except Unsupported as exc:
            warnings.warn(f"The batch engine cannot judge these shapes ({exc}); "
                          "pyshacl-turbo does.", stacklevel=2)
            compiled = None
        derived = bundle.derived["batch"] = (bundle.shapes, bundle.ontology, compiled)
    return derived[2]


def _ontology_text(ontology: Graph) -> str:
    return ox.serialize((ox.Triple(*(to_oxigraph(n) for n in t)) for t in ontology),
                        format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def _turbo_bundle(bundle: Bundle):
    """(compiled shapes, the ontology as N-Triples), made once per bundle, and again only if
    its shapes or ontology graph was swapped for another."""
    derived = bundle.derived.get("pyshacl-turbo")
    if derived is None or derived[0] is not bundle.shapes or derived[1] is not bundle.ontology:
        import pyshacl_turbo

        ontology = _ontology_text(bundle.ontology)
        derived = bundle.derived["pyshacl-turbo"] = (
            bundle.shapes, bundle.ontology, pyshacl_turbo.compile_shapes(bundle.shapes), ontology)
    return derived[2], derived[3]


def run_pyshacl(data: Graph, bundle: Bundle, engine: str = "pyshacl") -> Graph:
    """pyshacl's results graph; `data` gets the ontology mixed in (it is ours to change).

    "pyshacl-turbo" (Rust, pySHACL-compatible API) gives the same results as pyshacl on every
    shape's examples and in the benchmark (bench/results/validation*.md), much faster: it
    judges where the batch engine cannot (FALLBACK_ENGINE)."""
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


def own_terms(triples: Sequence[ox.Triple]) -> set[ox.NamedNode | ox.BlankNode]:
    """own_nodes as Oxigraph terms."""
    terms: set[ox.NamedNode | ox.BlankNode] = set()
    for t in triples:
        terms.add(t.subject)
        if isinstance(t.object, ox.BlankNode):
            terms.add(t.object)
    return terms


def own_nodes(triples: Sequence[ox.Triple]) -> set[Node]:
    """The input's subjects and blank nodes: the focus nodes whose results belong to the input."""
    return {to_rdflib(term) for term in own_terms(triples)}
