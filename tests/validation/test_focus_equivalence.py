"""Judging only the input's own nodes (kg.validation.focus) gives the same report as judging
every target of input and context: on the shipped data split into package-sized pieces, on the
Leipzig package of the submissions tests and on invalid variants, each in the context of a store
built by `kg load`. And the kind-of-term checks it must watch for are read from shapes/."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import URIRef
from rdflib.namespace import SH

from kg.parsed_input import Submission
from kg.validation import Validator
from kg.validation.engine import _kind_checks, own_terms
from kg.validation.focus import Focus, kind_checks
from kg.validation.lines import NoLines
from equivalence_support import leipzig, results, shipped_pieces


def both(bundle, store, submission: Submission) -> tuple[list, list]:
    # pyshacl-turbo's narrowing (the batch engine judges only the input's own nodes anyway)
    everything = Validator(bundle, store, engine="pyshacl-turbo")
    everything.narrow = False
    narrow = Validator(bundle, store, engine="pyshacl-turbo")
    return (results(everything.validate(submission, "de")),
            results(narrow.validate(submission, "de")))


def test_the_shipped_data_in_pieces_give_the_same_results(bundle, context_store):
    pieces = shipped_pieces()
    assert sum(len(p) for _, p in pieces) > 30_000 and len(pieces) >= 8
    narrowed = 0
    for name, triples in pieces:
        submission = Submission(triples, name, NoLines())
        full, narrow = both(bundle, context_store, submission)
        assert narrow == full, name
        narrowed += Focus(own_terms(triples)).applies(triples, _kind_checks(bundle))
    assert narrowed >= len(pieces) // 2  # the narrow path was really taken, not only the fallback


@pytest.mark.parametrize("variant", ["as sent", "unknown kind", "impossible date", "no municipality"])
def test_the_leipzig_package_and_invalid_variants_give_the_same_results(bundle, context_store,
                                                                        variant):
    changes = {
        "as sent": lambda name, data: data,
        "unknown kind": lambda name, data: data.replace(b"integration-concept", b"no-such-kind"),
        "impossible date": lambda name, data: data.replace(b"2020-01-29", b"2020-02-30"),
        "no municipality": lambda name, data: data.replace(b",14713000,", b",99999999,"),
    }
    submission = leipzig(changes[variant])
    assert Focus(own_terms(submission.triples)).applies(submission.triples, _kind_checks(bundle))
    full, narrow = both(bundle, context_store, submission)
    assert narrow == full
    assert (variant == "as sent") == all(r[4] != "Violation" for r in full)


def test_a_blank_node_where_an_iri_is_asked_for_is_judged_the_full_way(bundle, context_store):
    # owl:sameAs asks for an IRI (sh:nodeKind sh:IRI in shapes/): a blank node turned IRI would
    # pass, so the whole input is judged and the violation stays.
    municipality = "https://w3id.org/integration-kg/id/municipality/14713000"
    subject = ox.NamedNode(municipality)
    triples = [*leipzig().triples,
               ox.Triple(subject, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                         ox.NamedNode("https://w3id.org/integration-kg/ontology#Municipality")),
               ox.Triple(subject, ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs"),
                         ox.BlankNode("elsewhere"))]
    assert not Focus(own_terms(triples)).applies(triples, _kind_checks(bundle))
    full, narrow = both(bundle, context_store, Submission(triples, "sameAs", NoLines()))
    assert narrow == full
    assert any(r[3].endswith("NodeKindConstraintComponent") for r in narrow)


def test_every_kind_of_term_check_in_the_shapes_is_watched(bundle):
    checks = kind_checks(bundle.shapes, bundle.ontology)
    assert not checks.anywhere
    shapes = bundle.shapes
    for shape, kind in shapes.subject_objects(SH.nodeKind):
        if kind == SH.Literal:
            continue
        path = shapes.value(shape, SH.path)
        if isinstance(path, URIRef):
            assert str(path) in checks.objects_of, path
        elif path is None:
            for cls in shapes.objects(shape, SH.targetClass):
                assert str(cls) in checks.members_of, cls
        else:
            pytest.fail(f"{shape}: a path form the check does not read")
    assert checks.objects_of and checks.members_of
