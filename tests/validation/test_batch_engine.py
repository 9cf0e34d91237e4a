"""The batch engine (kg.validation.batch) reports what pyshacl-turbo reports, result for result
(record, focus, path, component, severity, value, message): on every shape example, on the
shipped data in package-sized pieces and as one whole, and on the Leipzig package with invalid
variants, each in the context of a store built by `kg load`. Shapes with a feature it does not
evaluate are judged by pyshacl-turbo instead, with a warning."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph

import shapes_support
from equivalence_support import leipzig, results, shipped_pieces
from kg.parsed_input import Submission
from kg.validation import Validator
from kg.validation.bundle import Bundle
from kg.validation.compiled import Unsupported, compile_shapes
from kg.validation.engine import DEFAULT_ENGINE, _batch_bundle
from kg.validation.lines import NoLines
from kg.validation.published import data_graphs, revalidate
from kg.validation.terms import to_oxigraph
from support import ROOT

SHAPE_EXAMPLES = [pytest.param(p, id=f"{p.parent.name}/{p.name}")
                  for p in sorted(shapes_support.EXAMPLES.glob("*/*.ttl"))]


def both(bundle, store, submission: Submission, lang: str = "de") -> tuple[list, list]:
    return (results(Validator(bundle, store, engine="pyshacl-turbo").validate(submission, lang)),
            results(Validator(bundle, store, engine="batch").validate(submission, lang)))


def test_the_batch_engine_is_the_default_and_compiles_the_project_shapes(bundle):
    assert DEFAULT_ENGINE == "batch"
    compiled = _batch_bundle(bundle)
    assert compiled is not None
    # every targeted node shape is there, and every SPARQL constraint runs as one query for
    # all its focus nodes, but one with a subquery (once per node, as SHACL pre-binds $this)
    assert sum(len(v) for v in compiled.by_class.values()) >= 60
    checks = {c.node: c for shapes in compiled.by_class.values() for s in shapes for c in s.sparql}
    assert len(checks) == 15
    per_node = {str(node).rsplit("#", 1)[1] for node, c in checks.items() if c.batched is None}
    assert per_node == {"Composition-seatSum"}
    assert all(c.query.upper().count("SELECT") == 2 for c in checks.values() if c.batched is None)


@pytest.mark.parametrize("path", SHAPE_EXAMPLES)
def test_the_batch_engine_agrees_on_every_shape_example(path):
    turbo = shapes_support.report_of(path, engine="pyshacl-turbo")
    fast = shapes_support.report_of(path, engine="batch")
    assert results(fast) == results(turbo)
    assert fast.conforms == turbo.conforms and fast.counts == turbo.counts


def test_the_shipped_data_in_pieces_give_the_same_results(bundle, context_store):
    pieces = shipped_pieces()
    assert len(pieces) > 20
    found = 0
    for name, triples in pieces:
        turbo, fast = both(bundle, context_store, Submission(triples, name, NoLines()))
        assert fast == turbo, name
        found += len(fast)
    assert found > 0  # the pieces do raise results (gaps), so agreement is not on empty reports


@pytest.mark.parametrize("variant", ["as sent", "unknown kind", "impossible date", "no municipality"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_leipzig_package_and_invalid_variants_give_the_same_results(bundle, context_store,
                                                                        variant, lang):
    changes = {
        "as sent": lambda name, data: data,
        "unknown kind": lambda name, data: data.replace(b"integration-concept", b"no-such-kind"),
        "impossible date": lambda name, data: data.replace(b"2020-01-29", b"2020-02-30"),
        "no municipality": lambda name, data: data.replace(b",14713000,", b",99999999,"),
    }
    turbo, fast = both(bundle, context_store, leipzig(changes[variant]), lang)
    assert fast == turbo
    assert (variant == "as sent") == all(r[4] != "Violation" for r in fast)


def test_the_whole_shipped_graph_gives_the_same_report(bundle, context_store):
    """As `kg validate --store` revalidates it: every published triple as one input."""
    turbo = revalidate(context_store, Validator(bundle, engine="pyshacl-turbo"), ROOT, "en")
    fast = revalidate(context_store, Validator(bundle, engine="batch"), ROOT, "en")
    assert results(fast) == results(turbo)
    assert data_graphs(context_store) and fast.triples == turbo.triples > 30_000


def test_shapes_with_a_feature_it_does_not_judge_go_to_pyshacl_turbo(bundle, context_store):
    shapes = Graph()
    for triple in bundle.shapes:
        shapes.add(triple)
    shapes.parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix ikg: <https://w3id.org/integration-kg/ontology#> .
        <urn:x-test:either> a sh:NodeShape ; sh:targetClass ikg:Municipality ;
            sh:or ( [ sh:path ikg:ags ; sh:minCount 1 ] [ sh:path ikg:name ; sh:minCount 1 ] ) .
        """, format="turtle")
    other = Bundle(shapes=shapes, ontology=bundle.ontology, files=bundle.files, labels=bundle.labels)
    with pytest.raises(Unsupported, match="shacl#or"):
        compile_shapes(other.shapes, other.ontology, "")
    submission = leipzig(lambda name, data: data.replace(b",14713000,", b",99999999,"))
    with pytest.warns(UserWarning, match="pyshacl-turbo does"):
        fast = results(Validator(other, context_store, engine="batch").validate(submission, "en"))
    assert fast == results(Validator(other, context_store, engine="pyshacl-turbo").validate(submission, "en"))


def test_a_blank_node_keeps_its_kind(bundle, context_store):
    # owl:sameAs asks for an IRI: the batch engine sees the input's blank nodes as blank nodes
    subject = ox.NamedNode("https://w3id.org/integration-kg/id/municipality/14713000")
    triples = [*leipzig().triples,
               ox.Triple(subject, to_oxigraph(RDF.type),
                         ox.NamedNode("https://w3id.org/integration-kg/ontology#Municipality")),
               ox.Triple(subject, ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs"),
                         ox.BlankNode("elsewhere"))]
    turbo, fast = both(bundle, context_store, Submission(triples, "sameAs", NoLines()))
    assert fast == turbo
    assert any(r[3].endswith("NodeKindConstraintComponent") for r in fast)
