"""The shapes: exact results per invalid example, no results on valid ones, every constraint hit.

Every example is validated by kg.validation, as a steward's file is (shapes_support.validate).
Expected results live next to each invalid example as <name>.expected.csv (focus node, path,
constraint component, severity; blank focus nodes written as "_"). `python
tests/shapes/test_shapes.py --write` rewrites them after a deliberate change; read the diff.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest
import rdflib
import rdflib.collection
from rdflib.namespace import RDF, RDFS, SH

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shapes_support import EXAMPLES, ONTOLOGY_FILES, ROOT, declared_constraints, hits, shapes_graph, validate  # noqa: E402

INVALID = sorted((EXAMPLES / "invalid").glob("*.ttl"))
VALID = sorted((EXAMPLES / "valid").glob("*.ttl"))
FIXTURE = ROOT / "tests" / "fixtures" / "fictional" / "fixture.ttl"
Result = tuple[str, str, str, str]


def expected_path(example: Path) -> Path:
    return example.with_suffix(".expected.csv")


def read_expected(example: Path) -> set[Result]:
    with expected_path(example).open(encoding="utf-8", newline="") as handle:
        return {tuple(row) for row in csv.reader(handle)}


@pytest.mark.parametrize("example", INVALID, ids=lambda p: p.stem)
def test_invalid_example_gives_exactly_the_expected_results(example: Path) -> None:
    conforms, results, _ = validate(example)
    assert not conforms
    assert results == read_expected(example)


@pytest.mark.parametrize("example", VALID, ids=lambda p: p.stem)
def test_valid_example_has_no_results(example: Path) -> None:
    assert validate(example)[:2] == (True, set())


def test_query_fixture_is_valid_but_for_one_gap() -> None:
    conforms, results, _ = validate(FIXTURE)
    assert results == {("https://example.org/fictional/plan-kleinhafen-2025",
                        "https://w3id.org/integration-kg/ontology#adoptedOn",
                        "MinCountConstraintComponent", "Info")}
    assert conforms  # an Info (a gap) is reported but does not block, as for every steward


def test_every_constraint_is_hit_by_an_invalid_example() -> None:
    hit: set[tuple[str, str]] = set()
    for example in INVALID:
        hit |= hits(validate(example)[2])
    assert declared_constraints(shapes_graph()) - hit == set()


def focus_classes(paths: list[Path]) -> set[str]:
    """Classes (with their superclasses) that have an instance in the given files."""
    graph = rdflib.Graph()
    for path in [*ONTOLOGY_FILES, *paths]:
        graph.parse(path)
    found = set()
    for cls in set(graph.objects(None, RDF.type)):
        found.add(str(cls))
        found |= {str(c) for c in graph.transitive_objects(cls, RDFS.subClassOf)}
    return found


def test_every_targeted_class_has_valid_and_invalid_examples() -> None:
    targets = {str(c) for c in shapes_graph().objects(None, SH.targetClass)}
    assert targets - focus_classes([*VALID, FIXTURE]) == set()
    assert targets - focus_classes(INVALID) == set()


def test_every_constraint_has_german_and_english_messages() -> None:
    graph = shapes_graph()
    constrained = [*graph.subjects(SH.path, None), *graph.subjects(RDF.type, SH.SPARQLConstraint),
                   *graph.subjects(SH.nodeKind, None)]
    assert len(constrained) > 180
    for shape in constrained:
        languages = sorted(m.language for m in graph.objects(shape, SH.message))
        assert languages == ["de", "en"], shape


def test_severities_are_chosen_on_purpose() -> None:
    """Each constraining shape states its severity; all three levels are in use."""
    graph = shapes_graph()
    shapes = [*graph.subjects(SH.path, None), *graph.subjects(SH.sparql, None)]
    severities = {str(graph.value(shape, SH.severity)).split("#")[1] for shape in shapes}
    assert severities == {"Violation", "Warning", "Info"}


if __name__ == "__main__" and "--write" in sys.argv:
    for example in INVALID:
        _, results, _ = validate(example)
        with expected_path(example).open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(sorted(results))


def shape_paths(graph: rdflib.Graph) -> set[str]:
    paths = {str(p) for p in graph.objects(None, SH.path) if isinstance(p, rdflib.URIRef)}
    for alternatives in graph.objects(None, SH.alternativePath):
        paths |= {str(p) for p in rdflib.collection.Collection(graph, alternatives)}
    return paths


def test_every_own_property_with_a_domain_is_constrained() -> None:
    ontology = rdflib.Graph().parse(ROOT / "ontology" / "integration.ttl")
    with_domain = {str(p) for p in ontology.subjects(RDFS.domain, None)
                   if str(p).startswith("https://w3id.org/integration-kg/ontology#")}
    assert len(with_domain) > 80
    assert with_domain - shape_paths(shapes_graph()) == set()
