"""Every row of each fact file (and the seed report) is modelled or listed in data/README.md.

A row is modelled when some node or property attribution is `ikg:statedIn` a citation of it, and
its value is checked against the graph: a date, number or word of the row's value appears among
the literals that are cited to that row.
"""

from __future__ import annotations

import csv
import hashlib
import re

import pytest
import rdflib

from tests.data.conftest import DATA

IKG = rdflib.Namespace("https://w3id.org/integration-kg/ontology#")
DCT = rdflib.DCTERMS
FACTS = DATA / "sources" / "facts"
VALUE_FIELDS = {"municipalities": ("ags", "population", "wikidata"), "infrastructure": ("value",),
                "organisations": ("name", "founded", "members", "parent_network"),
                "projects_events": ("name", "date_or_period", "place")}


def fact_rows():
    for stem in VALUE_FIELDS:
        with (FACTS / f"{stem}.csv").open(encoding="utf-8", newline="") as handle:
            for number, record in enumerate(csv.DictReader(handle), start=1):
                yield f"{stem}-{number:03d}", stem, record


ROWS = list(fact_rows())
README = (DATA / "README.md").read_text(encoding="utf-8")
LEFT_OUT = set(re.findall(r"^\| `([a-z_]+-\d{3})` \|", README, flags=re.M))


def test_manifest_pins_every_row_to_its_text():
    with (DATA / "sources" / "rows.csv").open(encoding="utf-8", newline="") as handle:
        manifest = {r["row_id"]: r["sha256"] for r in csv.DictReader(handle)}
    expected = {rid: hashlib.sha256(" | ".join(rec.values()).encode("utf-8")).hexdigest() for rid, _, rec in ROWS}
    assert {k: v for k, v in manifest.items() if k != "seed-000"} == expected


def test_fact_files_have_the_documented_row_counts():
    counts = {}
    for _, stem, _ in ROWS:
        counts[stem] = counts.get(stem, 0) + 1
    assert counts == {"municipalities": 30, "infrastructure": 162, "organisations": 95, "projects_events": 83}


def _cited(graph: rdflib.Graph) -> dict[str, set[str]]:
    """row id -> lexical forms of the literals cited to that row (nodes and attributed values)."""
    by_citation = {c: str(graph.value(c, DCT.identifier)) for c in graph.subjects(rdflib.RDF.type, IKG.Citation)}
    cited: dict[str, set[str]] = {}
    for subject, citation in graph.subject_objects(IKG.statedIn):
        row_id = by_citation[citation]
        values = cited.setdefault(row_id, set())
        if (subject, rdflib.RDF.type, IKG.PropertyAttribution) in graph:
            node, prop = graph.value(subject, IKG.attributedNode), graph.value(subject, IKG.attributedProperty)
            objects = list(graph.objects(node, prop))
        else:
            objects = list(graph.objects(subject, None))
        for obj in objects:
            values.update(_literals(graph, obj, depth=3))
    return cited


def _literals(graph, term, depth):
    if isinstance(term, rdflib.Literal):
        return {str(term).lower()}
    if depth == 0:
        return set()
    found = {str(term).lower()} if isinstance(term, rdflib.URIRef) and "wikidata" in str(term) else set()
    if isinstance(term, rdflib.BNode) or depth == 3:
        for obj in graph.objects(term, None):
            found |= _literals(graph, obj, depth - 1)
    return found


@pytest.fixture(scope="module")
def cited(data_graph):
    return _cited(data_graph)


@pytest.mark.parametrize("row_id,stem,record", ROWS, ids=[r[0] for r in ROWS])
def test_row_is_modelled_or_left_out_with_reason(cited, row_id, stem, record):
    assert (row_id in cited) != (row_id in LEFT_OUT), "exactly one of: modelled, listed in data/README.md"
    if row_id in LEFT_OUT:
        return
    text = " ".join(record[field] for field in VALUE_FIELDS[stem]).lower()
    tokens = set(re.findall(r"\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d+|[a-zäöüß][a-zäöüß\-.]{5,}", text))
    haystack = " ".join(cited[row_id])
    assert any(token in haystack for token in tokens), f"none of {sorted(tokens)[:8]} in the graph for {row_id}"


def test_seed_report_is_cited(cited):
    assert "2025-12-11" in " ".join(cited["seed-000"])


@pytest.mark.parametrize("query,expected", [
    # the Dresden commissioner's title (infrastructure-001) and the Aktionsplan's adoption (infrastructure-020)
    ("SELECT ?t WHERE { <https://w3id.org/integration-kg/id/post/14612000-integrationsbeauftragte> ikg:officialTitle ?t }",
     {"Integrations- und Ausländerbeauftragte"}),
    ("SELECT ?d WHERE { <https://w3id.org/integration-kg/id/plan/14612000-aktionsplan-integration-2022-2026> ikg:adoptedOn/time:inXSDDate ?d }",
     {"2022-06-23"}),
    # Dortmund Integrationsrat composition (infrastructure-066): 27 = 18 elected + 9 from the council
    ("SELECT ?n WHERE { <https://w3id.org/integration-kg/id/composition/05913000-integrationsrat-der-stadt-dortmund-voting-members> ikg:hasSeatGroup/ikg:seats ?n }",
     {"18", "9"}),
    # conflicting GLEICH teilhaben site counts for 2024 stay separate and linked (projects_events-023/026)
    ("SELECT ?n WHERE { ?o ikg:countedEntity <https://w3id.org/integration-kg/id/project/gleich-teilhaben> ; ikg:count ?n . ?o ikg:conflictsWith|^ikg:conflictsWith ?x }",
     {"11", "12"}),
    # Weltclub joined BV NeMO on 18 May 2019 (infrastructure-032, organisations-024)
    ("SELECT DISTINCT ?d WHERE { ?m org:member <https://w3id.org/integration-kg/id/organisation/weltclub-dresden> ; org:memberDuring/time:hasBeginning/time:inXSDDate ?d }",
     {"2019-05-18"}),
])
def test_key_facts(data_graph, query, expected):
    prefixes = ("PREFIX ikg: <https://w3id.org/integration-kg/ontology#> PREFIX time: <http://www.w3.org/2006/time#> "
                "PREFIX org: <http://www.w3.org/ns/org#> ")
    assert {str(row[0]) for row in data_graph.query(prefixes + query)} == expected
