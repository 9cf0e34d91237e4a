"""Helpers for the shape tests: validate example files and list the constraints the shapes declare."""
from __future__ import annotations

import functools
from pathlib import Path

import pyshacl
import rdflib
from rdflib.namespace import RDF, SH

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
def _shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES)


def shapes_graph() -> rdflib.Graph:
    """A fresh copy, parsed once (parsing dominates the test time)."""
    graph = rdflib.Graph()
    graph += _shapes()
    return graph


@functools.cache
def _ontology() -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in ONTOLOGY_FILES:
        graph.parse(path)
    return graph


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


@functools.cache  # the report is only read; each example is validated once per session
def validate(example: Path) -> tuple[bool, set[tuple[str, str, str, str]], rdflib.Graph]:
    """Validate an example together with the ontology; return (conforms, results, report graph)."""
    data = rdflib.Graph()
    # "standalone-" examples replace the ontology's own metadata, so they are validated alone.
    if not example.name.startswith("standalone-"):
        data += _ontology()
    data.parse(example)
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes_graph(), advanced=True)
    results = set()
    # top-level results only: those nested in sh:detail (from sh:node) are explained by their parent
    for result in report.objects(None, SH.result):
        results.add((
            short(report.value(result, SH.focusNode)),
            path_name(report, report.value(result, SH.resultPath)),
            str(report.value(result, SH.sourceConstraintComponent)).split("#")[1],
            str(report.value(result, SH.resultSeverity)).split("#")[1],
        ))
    return conforms, results, report


def hits(report: rdflib.Graph) -> set[tuple[str, str]]:
    """(source shape or SPARQL constraint, component) for each result of a report."""
    found = set()
    for result in report.objects(None, SH.result):
        component = str(report.value(result, SH.sourceConstraintComponent)).split("#")[1]
        source = report.value(result, SH.sourceConstraint) if component == "SPARQLConstraintComponent" else None
        found.add((str(source or report.value(result, SH.sourceShape)), component))
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
