"""What a SPARQL-based constraint can read (kg.validation.sparql_reads), on the project's own
shapes and on queries built to defeat the analysis: the batch engine's SPARQL store holds only
the predicates the queries name, and the context only the links into focus nodes the queries
read; where a query could read anything, the analysis must say so."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.namespace import SH

from kg.validation import load_bundle
from kg.validation.engine import _batch_bundle
from kg.validation.sparql_reads import ANY, FOCUS, links_read, predicates_read
from support import ROOT

TIME = "http://www.w3.org/2006/time#"
IKG = "https://w3id.org/integration-kg/ontology#"
PREFIXES = f"PREFIX time: <{TIME}>\nPREFIX ikg: <{IKG}>\n"


def shape_queries() -> dict[str, str]:
    shapes = Graph().parse(ROOT / "shapes" / "integration-shapes.ttl")
    compiled = _batch_bundle(load_bundle(ROOT))
    assert compiled is not None
    queries = {str(check.node).rsplit("#", 1)[1]: check.query
               for group in compiled.by_class.values() for shape in group for check in shape.sparql}
    assert len(queries) == len(set(shapes.subjects(SH.select, None)))  # every one of them
    return queries


def test_every_query_of_our_shapes_names_what_it_reads():
    for name, query in shape_queries().items():
        assert predicates_read(query) is not None, name


def test_a_variable_predicate_kept_to_named_iris_reads_only_those():
    query = shape_queries()["Instant-oneStatedValue"]
    assert predicates_read(query) == {TIME + "inXSDDate", TIME + "inXSDgYearMonth", TIME + "inXSDgYear"}


def test_the_membership_check_reads_the_founding_date_below_the_organisation():
    read = predicates_read(shape_queries()["Membership-withinLifetime"])
    assert {IKG + "founded", IKG + "earliest", TIME + "hasBeginning"} <= read
    assert "http://www.w3.org/2000/01/rdf-schema#label" not in read


@pytest.mark.parametrize("where", [
    "$this ?p ?o",                                        # any predicate
    "$this ?p ?o FILTER (?p != time:inXSDDate)",          # kept from one, not to some
    "$this !time:inXSDDate ?o",                           # a negated property set
    "FILTER NOT EXISTS { $this ?p ?o }",                  # inside NOT EXISTS
    "$this ikg:founded ?b . OPTIONAL { ?b ?p ?o }",       # below another node
])
def test_a_query_that_can_read_any_predicate_says_so(where):
    assert predicates_read(PREFIXES + f"SELECT $this WHERE {{ {where} }}") is None


def test_links_into_described_things_are_read_only_where_a_query_reads_them():
    queries = shape_queries()
    assert links_read(queries["Municipality-populationGap"]) == FOCUS  # ?obs ikg:refArea $this
    for name in ("Membership-withinLifetime", "Instant-vagueWithoutNote", "Composition-seatSum",
                 "Event-withinProject", "PlannedBody-notExisting"):
        assert links_read(queries[name]) is None, name


@pytest.mark.parametrize("where, links", [
    ("$this ^ikg:refArea ?obs", FOCUS),                     # an inverse path from $this
    ("?obs ikg:refArea $this", FOCUS),
    ("?x ikg:refArea ?m FILTER (?m = $this)", ANY),         # the focus node by another name
    ("$this org:member ?o . ?other org:member ?o", ANY),    # links into another node
    ("?x ikg:a/ikg:b $this", ANY),                          # and into the node between
    ("$this ikg:founded/ikg:earliest ?d", None),
    ("$this (ikg:founded|ikg:dissolved)* ?d", None),
    ("$this ikg:founded ?b . ?b ?p ?o", None),              # forward, whatever the predicate
    ("$this !ikg:founded ?d", ANY),                         # a negated set may hold inverse steps
    ("FILTER NOT EXISTS { ?x ikg:refArea ?y }", ANY),       # inside NOT EXISTS as well
])
def test_what_counts_as_reading_links_into_described_things(where, links):
    query = PREFIXES + "PREFIX org: <http://www.w3.org/ns/org#>\n" + f"SELECT $this WHERE {{ {where} }}"
    assert links_read(query) == links
