"""The development types of the five seed cities on the shipped graph (a store built by `kg load`,
queries through the worker pool): each gets a type or "not enough recorded", and every fact named
for it is a thing of the graph of the right kind, of that city; the type is the one the rules give
for those facts; elements cq08 reads the same way agree with it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from cq_runner import PublicPath
from devtypes_rules import KINDS, NOT_ENOUGH, labels, rule
from kg.catalog import load_catalog
from kg.catalog_runner import selector, site_catalog
from kg.development_types import development_types

BASE = "https://w3id.org/integration-kg/"
MUNICIPALITY = BASE + "id/municipality/"
SEEDS = {ags: MUNICIPALITY + ags for ags in ("05116000", "05913000", "15002000", "09564000", "14612000")}
ON = date(2024, 6, 30)
PREFIXES = """PREFIX ikg: <https://w3id.org/integration-kg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
"""
# What makes a listed thing the city's thing of its kind, as an ASK with ?thing and ?city to bind.
OF_THE_CITY = {
    "commissionerPosts": "?thing a ikg:CommissionerPost ; org:postIn/(org:unitOf|org:subOrganizationOf)* ?adm . "
                         "?adm ikg:municipality ?city",
    "advisoryBodies": "?thing a ikg:AdvisoryBody ; ikg:municipality ?city",
    "plansInForce": "?thing a ikg:Plan ; ikg:municipality ?city",
    "cooperations": "?thing a ikg:Cooperation ; ikg:party/(org:unitOf|org:subOrganizationOf)* ?adm . "
                    "?adm ikg:municipality ?city",
    "longTermFunding": "?thing a ikg:Funding ; ikg:recipient ?r . "
                       "{ ?r (org:unitOf|org:subOrganizationOf)* ?adm . ?adm ikg:municipality ?city } "
                       "UNION { ?r ikg:seatIn|ikg:activeIn ?city }",
    "projects": "?thing a ikg:SiteParticipation ; ikg:municipality ?city",
}


@pytest.fixture(scope="module")
def public(loaded_store_path) -> Iterator[PublicPath]:
    path = PublicPath(loaded_store_path)
    yield path
    path.close()


@pytest.fixture(scope="module")
def found(public):
    return {t.municipality: t for t in development_types(
        selector(public.runner, site_catalog()), SEEDS.values(), ON, "de")}


def ask(public: PublicPath, pattern: str, thing: str, city: str) -> bool:
    return public.run(f"{PREFIXES}ASK {{ VALUES (?thing ?city) {{ (<{thing}> <{city}>) }} {pattern} }}").boolean


def test_every_seed_city_gets_an_answer_with_the_facts_that_decided_it(public, found):
    assert set(found) == set(SEEDS.values())
    names = labels()
    for city, answer in found.items():
        facts = {kind: answer.facts[kind] for kind in KINDS}
        assert any(facts.values()), city  # a justification, never a bare verdict
        assert answer.type == rule(facts), city
        assert answer.label == (names[answer.type]["de"] if answer.type else NOT_ENOUGH["de"])
        for kind, listed in facts.items():
            for fact in listed:
                assert ask(public, OF_THE_CITY[kind], fact.iri, city), (city, kind, fact.iri)
                assert fact.link == "/" + fact.iri.removeprefix(BASE)  # its page here
                assert fact.label != fact.iri.rsplit("/", 1)[-1]  # labelled from the data


def test_most_seed_cities_are_decided(found):
    """The seed cities are the ones recorded in depth: the rules decide for most of them."""
    assert sum(answer.decided for answer in found.values()) >= 4


def test_elements_that_cq08_reads_the_same_way_agree(public, found):
    """cq08 says whether a commissioner and a plan in force are recorded, by the same reading of the
    dates: where it says true, cq18 lists one; where it says nothing or false, cq18 lists none."""
    text = load_catalog().get("cq08").bind({"municipality": list(SEEDS.values()), "date": ON.isoformat()})
    result = public.run(text)
    rows = [dict(zip(result.variables, row)) for row in result.rows]
    assert len(rows) == len(SEEDS)
    for row in rows:
        answer = found[row["municipality"].value]
        for column, kind in (("commissioner", "commissionerPosts"), ("planInForce", "plansInForce")):
            said = row[column] is not None and row[column].value == "true"
            assert said == bool(answer.facts[kind]), (answer.municipality_label, column)


def test_the_catalogue_answer_is_the_functions(public, found):
    table = public.table(load_catalog().get("cq18").file,
                         {"municipality": list(SEEDS.values()), "date": ON.isoformat()})
    header = table[0]
    for row in table[1:]:
        cells = dict(zip(header, row))
        answer = found[cells["municipality"]]
        assert cells["developmentType"] == (answer.type or "")
        for kind in KINDS:
            assert set(filter(None, cells[kind].split("; "))) == {f.iri for f in answer.facts[kind]}
