"""The whole shipped graph (ontology + data) conforms to the shapes: no sh:Violation."""

from __future__ import annotations

import pyshacl
import rdflib

from support import SHAPES_FILES

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


def test_shipped_graph_has_no_violations(shipped_graph):
    from kg.validation import prepared

    prepared.install()
    shapes = rdflib.Graph()
    for path in SHAPES_FILES:
        shapes.parse(path, format="turtle")
    _, report, _ = pyshacl.validate(shipped_graph, shacl_graph=shapes, inference="none", allow_warnings=True)
    violations = sorted(
        (str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultPath)),
         str(report.value(r, SH.sourceConstraintComponent)).rsplit("#", 1)[-1])
        for r in report.subjects(SH.resultSeverity, SH.Violation)
    )
    assert violations == []
