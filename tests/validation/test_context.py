"""The context of an input (kg.validation.context) from a store built by `kg load`: what the
input points to, with the blank nodes below it, kept apart from the input's own blank nodes
even when the input chose the very labels the store has."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.parsed_input import Submission
from kg.validation import Validator
from kg.validation.context import fetch_context
from kg.validation.inputs import read_input
from kg.validation.lines import NoLines

EXAMPLE = Path(__file__).parent / "examples" / "membership-before-founding.ttl"
AFROPA = ox.NamedNode("https://w3id.org/integration-kg/id/organisation/afropa")
FOUNDED = ox.NamedNode("https://w3id.org/integration-kg/ontology#founded")


def outcome(report) -> list[tuple]:
    return sorted((r.path, r.component, r.severity, r.message) for r in report.results)


def test_the_context_holds_what_the_input_points_to_and_the_dates_below_it(bundle, context_store):
    given = read_input(EXAMPLE.read_bytes(), "turtle", source=EXAMPLE.name, max_bytes=10**6)
    context = fetch_context(context_store, given.triples, bundle.known_terms)
    assert len(context) == len(set(context))
    founded = [t.object for t in context if t.subject == AFROPA and t.predicate == FOUNDED]
    assert founded and all(isinstance(b, ox.BlankNode) for b in founded)
    # the founding date's own triples (a blank node below the organisation) came along
    assert any(t.subject in founded for t in context)


def test_an_input_using_the_store_s_blank_node_labels_stays_apart(bundle, context_store):
    given = read_input(EXAMPLE.read_bytes(), "turtle", source=EXAMPLE.name, max_bytes=10**6)
    context = fetch_context(context_store, given.triples, bundle.known_terms)
    [stored] = {t.object for t in context if t.subject == AFROPA and t.predicate == FOUNDED}
    # the input's interval takes the label of the organisation's founding date in the store
    [interval] = {t.subject for t in given.triples if isinstance(t.subject, ox.BlankNode)
                  and any(u.object == t.subject for u in given.triples)
                  and any(u.subject == t.subject and u.predicate.value.endswith("hasBeginning")
                          for u in given.triples)}
    same = ox.BlankNode(stored.value)

    def swap(term):
        return same if term == interval else term
    clashing = Submission([ox.Triple(swap(t.subject), t.predicate, swap(t.object))
                           for t in given.triples], "clash", NoLines())
    apart = fetch_context(context_store, clashing.triples, bundle.known_terms)
    assert len(apart) == len(context)
    assert all(stored not in (t.subject, t.object) for t in apart)
    validator = Validator(bundle, context_store)
    first, second = validator.validate(given, "en"), validator.validate(clashing, "en")
    assert outcome(second) == outcome(first)
    assert [r.component.rsplit("#")[1] for r in second.results] == ["SPARQLConstraintComponent"]


REF_AREA = ox.NamedNode("https://w3id.org/integration-kg/ontology#refArea")
DORTMUND = ox.NamedNode("https://w3id.org/integration-kg/id/municipality/05913000")


def dortmund() -> Submission:
    """Dortmund's own description from the shipped data, without the observations about it."""
    path = Path(__file__).resolve().parents[2] / "data" / "municipalities.ttl"
    shipped = read_input(path.read_bytes(), "turtle", source=path.name, max_bytes=50 * 10**6)
    return Submission([t for t in shipped.triples if t.subject == DORTMUND], "dortmund", NoLines())


def gaps(report) -> list:
    return [r for rec in report.records for r in rec.results
            if "population" in r.message.lower() or "Einwohner" in r.message]


def test_links_into_a_described_thing_come_along_where_a_check_reads_them(bundle, context_store):
    given = dortmund()
    assert given.triples
    # the check "no population recorded for this municipality" reads the observations that
    # point to it: the store has them, the input does not
    alone = Validator(bundle).validate(given, "en")
    assert gaps(alone)
    report = Validator(bundle, context_store).validate(given, "en")
    assert not gaps(report)
    context = fetch_context(context_store, given.triples, bundle.known_terms, {DORTMUND})
    assert any(t.predicate == REF_AREA and t.object == DORTMUND for t in context)


def test_links_into_a_described_thing_no_check_reads_are_not_fetched(bundle, context_store):
    given = dortmund()
    everything = fetch_context(context_store, given.triples, bundle.known_terms)
    narrowed = fetch_context(context_store, given.triples, bundle.known_terms, set())
    assert any(t.object == DORTMUND for t in everything)
    assert not any(t.object == DORTMUND for t in narrowed)
    assert {t for t in everything if t.object != DORTMUND} >= set(narrowed)


def test_the_input_s_terms_read_from_its_index_are_those_of_its_triples(bundle):
    """The batch engine reads what the input describes, references and labels as blank nodes
    from its index (one pass over distinct terms), not from its triples: the same sets."""
    from kg.validation.context import InputTerms, referenced_and_described
    from kg.validation.engine import own_terms
    from kg.validation.terms import Index
    for given in (read_input(EXAMPLE.read_bytes(), "turtle", source=EXAMPLE.name, max_bytes=10**6),
                  dortmund()):
        terms = InputTerms(Index(given.triples))
        referenced, described = terms.referenced_and_described(bundle.known_terms)
        assert (referenced, described) == referenced_and_described(given.triples, bundle.known_terms)
        blanks = terms.blank_labels()
        assert blanks == {term.value for t in given.triples for term in (t.subject, t.object)
                          if isinstance(term, ox.BlankNode)}
        assert terms.own == own_terms(given.triples)
    assert blanks == set() and referenced and described  # Dortmund's own triples: no blank node
