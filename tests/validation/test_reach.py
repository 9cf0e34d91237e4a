"""What the checks read from a focus node on (kg.validation.reach), and the context fetched by
following it (kg.validation.context.Walk): on the project's own shapes, on queries built to
defeat the analysis, and on the shipped data and the Leipzig package in the context of a store
built by `kg load`, where a report from the walked context must be the report from the whole
one, word for word, with the walked context a part of the whole."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from equivalence_support import leipzig, shipped_pieces
from kg.parsed_input import Submission
from kg.validation import Validator
from kg.validation.context import InputTerms, fetch_context
from kg.validation.engine import _batch_bundle
from kg.validation.lines import NoLines
from kg.validation.reach import RDF_TYPE
from kg.validation.sparql_reads import reads_from_this
from kg.validation.terms import Index

IKG = "https://w3id.org/integration-kg/ontology#"
ORG = "http://www.w3.org/ns/org#"
TIME = "http://www.w3.org/2006/time#"
PREFIXES = f"PREFIX ikg: <{IKG}>\nPREFIX org: <{ORG}>\nPREFIX time: <{TIME}>\n"


def n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def steps(tree) -> dict:
    """A tree as nested dicts of predicate IRIs, to `depth` levels; "*" where everything is read."""
    def of(one, depth):
        flat = one.flat()
        out = {"*": {}} if flat.every else {}
        if depth:
            for p, below in flat.steps.items():
                merged: dict = {}
                for b in below:
                    merged.update(of(b, depth - 1))
                out[p.value] = merged
        return out
    return of(tree, 3)


def checks(bundle) -> dict:
    compiled = _batch_bundle(bundle)
    return {str(c.node).rsplit("#", 1)[1]: c
            for group in compiled.by_class.values() for shape in group for c in shape.sparql}


def test_every_shape_of_ours_says_what_it_reads(bundle):
    compiled = _batch_bundle(bundle)
    shapes = [s for group in (*compiled.by_class.values(), *compiled.by_node.values()) for s in group]
    assert len(shapes) >= 60
    assert all(shape.reads is not None for shape in shapes)
    assert all(check.tree is not None for check in checks(bundle).values())


def test_a_membership_reads_the_types_and_founding_dates_of_what_it_links(bundle):
    compiled = _batch_bundle(bundle)
    shapes = compiled.by_class[ORG + "Membership"]
    tree: dict = {}
    for shape in shapes:
        for p, below in steps(shape.reads).items():
            tree.setdefault(p, {}).update(below)
    # sh:class: the linked organisation's types (and their superclasses); the SPARQL check:
    # its founding date's earliest bound, and the membership's own beginning
    assert RDF_TYPE.value in tree[ORG + "organization"]
    assert tree[ORG + "organization"][IKG + "founded"] == {IKG + "earliest": {}}
    assert tree[ORG + "member"][IKG + "founded"] == {IKG + "earliest": {}}
    assert IKG + "latest" in tree[ORG + "memberDuring"][TIME + "hasBeginning"]
    # nothing else of the organisation: not its label, seat or sources
    assert set(tree[ORG + "organization"]) == {RDF_TYPE.value, IKG + "founded"}


def test_a_variable_predicate_or_a_repeated_path_reads_everything_below(bundle):
    assert "*" in steps(checks(bundle)["Instant-oneStatedValue"].tree)
    tree = steps(reads_from_this(PREFIXES + "SELECT ?this WHERE { ?this ikg:seatIn/ikg:inLand* ?l }"))
    assert "*" in tree[IKG + "seatIn"]


@pytest.mark.parametrize("query", [
    "SELECT ?this WHERE { ?this ^ikg:refArea/ikg:value ?v }",             # an inverse step
    "SELECT ?this WHERE { ?this ikg:a ?x . ?y ikg:refArea ?x . ?y ikg:value ?v }",  # read from ?y
    "SELECT ?this WHERE { BIND (ikg:x AS ?o) ?o ikg:value ?v }",           # a bound subject
    "SELECT ?this WHERE { ikg:x ikg:value ?v }",                            # a constant subject
    "SELECT ?this WHERE { VALUES ?o { ikg:x } ?o ikg:value ?v }",
])
def test_what_cannot_be_said_as_steps_from_this_gives_no_tree(query):
    assert reads_from_this(PREFIXES + query) is None


def test_links_into_this_alone_are_no_step(bundle):
    tree = checks(bundle)["Municipality-populationGap"].tree
    assert tree is not None and steps(tree) == {}


def reports(bundle, store, submission: Submission, lang: str) -> tuple[list, list]:
    def words(report):
        return sorted((rec.node, rec.label, r.focus, str(r.path), r.component, r.severity,
                       str(r.value_term), r.value, r.message)
                      for rec in report.records for r in rec.results)
    walked, whole = Validator(bundle, store), Validator(bundle, store)
    whole.walk = False
    return words(walked.validate(submission, lang)), words(whole.validate(submission, lang))


def test_the_walked_context_gives_the_reports_of_the_whole_one(bundle, context_store):
    if not hasattr(context_store, "public_quads"):
        pytest.skip("the walk looks the embedded store up directly; a remote store's context "
                    "comes whole, by queries")
    pieces = shipped_pieces()
    found = smaller = 0
    for name, triples in pieces:
        walked, whole = reports(bundle, context_store, Submission(triples, name, NoLines()), "de")
        assert walked == whole, name
        found += len(walked)
    assert found > 0
    for lang in ("de", "en"):
        for variant in (lambda name, data: data,
                        lambda name, data: data.replace(b"2020-01-29", b"2020-02-30"),
                        lambda name, data: data.replace(b",14713000,", b",99999999,")):
            walked, whole = reports(bundle, context_store, leipzig(variant), lang)
            assert walked == whole
    # and the walked context is a part of the whole one, and smaller where the input links to
    # things with more triples than the checks read
    compiled = _batch_bundle(bundle)
    from kg.validation import batch
    for name, triples in pieces:
        index = Index(triples)
        terms = InputTerms(index)
        targets = batch._targets(compiled, batch.Data(index, compiled.ontology), terms.own)
        starts = batch._starts(targets)
        walked = set(fetch_context(context_store, triples, bundle.known_terms, set(), terms, starts))
        whole = set(fetch_context(context_store, triples, bundle.known_terms, set(), terms))
        assert walked <= whole, name
        smaller += len(walked) < len(whole)
    assert smaller > len(pieces) // 2
