"""Helpers for the shape tests: validate example files as kg.validation does for a steward, and
list the constraints the shapes declare."""
from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

import rdflib
import rdflib.collection
from rdflib.namespace import RDF, SH

from kg.config import Settings
from kg.validation import Bundle, Report, Result, Validator, load_bundle
from kg.validation.inputs import detect_format, read_input

ROOT = Path(__file__).resolve().parents[2]
SHAPES = ROOT / "shapes" / "integration-shapes.ttl"
ONTOLOGY_FILES = sorted((ROOT / "ontology").glob("*.ttl"))
EXAMPLES = Path(__file__).resolve().parent / "examples"

# constraint parameter -> constraint component (only those the shapes use)
COMPONENTS = {
    SH.minCount: "MinCountConstraintComponent", SH.maxCount: "MaxCountConstraintComponent",
    SH["class"]: "ClassConstraintComponent", SH.datatype: "DatatypeConstraintComponent",
    SH.pattern: "PatternConstraintComponent", SH.node: "NodeConstraintComponent",
    SH.nodeKind: "NodeKindConstraintComponent", SH.hasValue: "HasValueConstraintComponent",
    SH.minInclusive: "MinInclusiveConstraintComponent", SH.maxInclusive: "MaxInclusiveConstraintComponent",
    SH.lessThanOrEquals: "LessThanOrEqualsConstraintComponent",
    SH.qualifiedMinCount: "QualifiedMinCountConstraintComponent", SH.sparql: "SPARQLConstraintComponent",
}


@functools.cache
def bundle() -> Bundle:
    """The shapes and the ontology as kg.validation reads them for `kg validate` and /validate."""
    return load_bundle(ROOT)


@functools.cache
def _without_ontology() -> Bundle:
    return dataclasses.replace(bundle(), ontology=rdflib.Graph())


def shapes_graph() -> rdflib.Graph:
    """The shapes graph the validation runs with."""
    return bundle().shapes


def short(node: rdflib.term.Node | None) -> str:
    """Readable, stable names: IRIs in full, blank focus nodes as '_' (their ids change per run)."""
    if node is None:
        return ""
    if isinstance(node, rdflib.BNode):
        return "_"
    if isinstance(node, rdflib.Literal):
        return str(node)
    return str(node)


def path_name(graph: rdflib.Graph, path: rdflib.term.Node | None) -> str:
    if isinstance(path, rdflib.BNode):  # sh:alternativePath ( a b )
        alternatives = graph.value(path, SH.alternativePath)
        return "|".join(str(p) for p in rdflib.collection.Collection(graph, alternatives))
    return short(path)


Key = tuple[str, str, str, str]  # focus ("_" for a blank node), path, component, severity


def key(result: Result, shapes: rdflib.Graph) -> Key:
    """A result in the words of the expected CSV files. A path that is no single property
    (sh:alternativePath) is taken from the result's shape, written as "a|b"."""
    path = result.path
    if path is None and result.shape is not None:
        path = path_name(shapes, shapes.value(rdflib.URIRef(result.shape), SH.path)) or None
    return ("_" if result.focus.startswith("_:") else result.focus, path or "",
            result.component.rsplit("#", 1)[1], result.severity)


def report_of(example: Path, engine: str = "pyshacl") -> Report:
    """Validate an example file with kg.validation, as `kg validate FILE --no-context` does:
    the same parsing, engine options and severities.

    "standalone-" examples replace the ontology's own metadata, so they are validated without
    the ontology (else the real metadata would fill their gaps)."""
    chosen = _without_ontology() if example.name.startswith("standalone-") else bundle()
    submission = read_input(example.read_bytes(), detect_format(filename=example.name),
                            source=example.name, max_bytes=Settings().max_upload_bytes)
    return Validator(chosen, engine=engine).validate(submission, "en")


@functools.cache  # the report is only read; each example is validated once per session
def validate(example: Path) -> tuple[bool, set[Key], Report]:
    """(conforms, the results as expected-file rows, the report) of report_of(example)."""
    report = report_of(example)
    return report.conforms, {key(r, bundle().shapes) for r in report.results}, report


def hits(report: Report) -> set[tuple[str, str]]:
    """(source shape or SPARQL constraint, component) for each result of a report."""
    found = set()
    for result in report.results:
        component = result.component.rsplit("#", 1)[1]
        source = result.constraint if component == "SPARQLConstraintComponent" else result.shape
        found.add((str(source), component))
    return found


def declared_constraints(graph: rdflib.Graph) -> set[tuple[str, str]]:
    """Every (shape, component) reachable from a targeted node shape, and every SPARQL constraint."""
    declared = set()
    targeted = [s for s in graph.subjects(RDF.type, SH.NodeShape)
                if any(True for p in (SH.targetClass, SH.targetNode) for _ in graph.objects(s, p))]
    for node_shape in targeted:
        for shape in [node_shape, *graph.objects(node_shape, SH.property)]:
            for parameter, component in COMPONENTS.items():
                for value in graph.objects(shape, parameter):
                    if parameter == SH.sparql:
                        declared.add((str(value), component))
                    else:
                        declared.add((str(shape), component))
    return declared
